package io.gitopsruntime.core.internal;

import io.gitopsruntime.values.*;

/**
 * The key-by-key mapping of every node type of the values model. The keys and their order follow the
 * chart's {@code values.yaml}. Immutable and thread-safe.
 */
public final class ValuesCodec {
  private ValuesCodec() {}

  static final NodeCodec<ComponentValues, ComponentValues.Builder> COMPONENT_VALUES =
      NodeCodec.<ComponentValues, ComponentValues.Builder>of("ComponentValues", ComponentValues::builder, ComponentValues.Builder::build, ComponentValues::additionalValues, ComponentValues.Builder::putAllAdditionalValues)
          .scalar("enabled", NodeCodec.Scalar.BOOLEAN, ComponentValues::enabled, ComponentValues.Builder::enabled);

  static final NodeCodec<SecretKeyRef, SecretKeyRef.Builder> SECRET_KEY_REF =
      NodeCodec.<SecretKeyRef, SecretKeyRef.Builder>of("SecretKeyRef", SecretKeyRef::builder, SecretKeyRef.Builder::build, SecretKeyRef::additionalValues, SecretKeyRef.Builder::putAllAdditionalValues)
          .scalar("name", NodeCodec.Scalar.STRING, SecretKeyRef::name, SecretKeyRef.Builder::name)
          .scalar("key", NodeCodec.Scalar.STRING, SecretKeyRef::key, SecretKeyRef.Builder::key);

  static final NodeCodec<GitOpsRuntimeValues, GitOpsRuntimeValues.Builder> GIT_OPS_RUNTIME_VALUES =
      NodeCodec.<GitOpsRuntimeValues, GitOpsRuntimeValues.Builder>of("GitOpsRuntimeValues", GitOpsRuntimeValues::builder, GitOpsRuntimeValues.Builder::build, GitOpsRuntimeValues::additionalValues, GitOpsRuntimeValues.Builder::putAllAdditionalValues)
          .node("global", () -> ValuesCodec.GLOBAL_VALUES, GitOpsRuntimeValues::global, GitOpsRuntimeValues.Builder::global)
          .node("installer", () -> ValuesCodec.INSTALLER_VALUES, GitOpsRuntimeValues::installer, GitOpsRuntimeValues.Builder::installer)
          .node("app-proxy", () -> ValuesCodec.APP_PROXY_VALUES, GitOpsRuntimeValues::appProxy, GitOpsRuntimeValues.Builder::appProxy)
          .node("tunnel-client", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::tunnelClient, GitOpsRuntimeValues.Builder::tunnelClient)
          .node("argo-cd", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::argoCd, GitOpsRuntimeValues.Builder::argoCd)
          .node("argo-workflows", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::argoWorkflows, GitOpsRuntimeValues.Builder::argoWorkflows)
          .node("sealed-secrets", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::sealedSecrets, GitOpsRuntimeValues.Builder::sealedSecrets)
          .node("redis", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::redis, GitOpsRuntimeValues.Builder::redis)
          .node("redis-ha", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::redisHa, GitOpsRuntimeValues.Builder::redisHa)
          .node("gitops-operator", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::gitopsOperator, GitOpsRuntimeValues.Builder::gitopsOperator)
          .node("codefreshWorkflowLogStoreCM", () -> ValuesCodec.COMPONENT_VALUES, GitOpsRuntimeValues::workflowLogStore, GitOpsRuntimeValues.Builder::workflowLogStore);

  static final NodeCodec<GlobalValues, GlobalValues.Builder> GLOBAL_VALUES =
      NodeCodec.<GlobalValues, GlobalValues.Builder>of("GlobalValues", GlobalValues::builder, GlobalValues.Builder::build, GlobalValues::additionalValues, GlobalValues.Builder::putAllAdditionalValues)
          .node("codefresh", () -> ValuesCodec.CODEFRESH_VALUES, GlobalValues::codefresh, GlobalValues.Builder::codefresh)
          .node("runtime", () -> ValuesCodec.RUNTIME_VALUES, GlobalValues::runtime, GlobalValues.Builder::runtime)
          .node("integrations", () -> ValuesCodec.INTEGRATIONS_VALUES, GlobalValues::integrations, GlobalValues.Builder::integrations)
          .scalar("imageRegistry", NodeCodec.Scalar.STRING, GlobalValues::imageRegistry, GlobalValues.Builder::imageRegistry)
          .stringMap("nodeSelector", GlobalValues::nodeSelector, GlobalValues.Builder::nodeSelector)
          .nodeList("tolerations", () -> ValuesCodec.TOLERATION_VALUES, GlobalValues::tolerations, GlobalValues.Builder::tolerations)
          .scalar("httpProxy", NodeCodec.Scalar.STRING, GlobalValues::httpProxy, GlobalValues.Builder::httpProxy)
          .scalar("httpsProxy", NodeCodec.Scalar.STRING, GlobalValues::httpsProxy, GlobalValues.Builder::httpsProxy)
          .scalar("noProxy", NodeCodec.Scalar.STRING, GlobalValues::noProxy, GlobalValues.Builder::noProxy);

  static final NodeCodec<CodefreshValues, CodefreshValues.Builder> CODEFRESH_VALUES =
      NodeCodec.<CodefreshValues, CodefreshValues.Builder>of("CodefreshValues", CodefreshValues::builder, CodefreshValues.Builder::build, CodefreshValues::additionalValues, CodefreshValues.Builder::putAllAdditionalValues)
          .scalar("url", NodeCodec.Scalar.STRING, CodefreshValues::url, CodefreshValues.Builder::url)
          .scalar("accountId", NodeCodec.Scalar.STRING, CodefreshValues::accountId, CodefreshValues.Builder::accountId)
          .node("userToken", () -> ValuesCodec.USER_TOKEN_VALUES, CodefreshValues::userToken, CodefreshValues.Builder::userToken)
          .node("tls", () -> ValuesCodec.CODEFRESH_TLS_VALUES, CodefreshValues::tls, CodefreshValues.Builder::tls);

  static final NodeCodec<UserTokenValues, UserTokenValues.Builder> USER_TOKEN_VALUES =
      NodeCodec.<UserTokenValues, UserTokenValues.Builder>of("UserTokenValues", UserTokenValues::builder, UserTokenValues.Builder::build, UserTokenValues::additionalValues, UserTokenValues.Builder::putAllAdditionalValues)
          .scalar("token", NodeCodec.Scalar.SECRET, UserTokenValues::token, UserTokenValues.Builder::token)
          .<SecretKeyRef, SecretKeyRef.Builder>optionalNode("secretKeyRef", () -> ValuesCodec.SECRET_KEY_REF, UserTokenValues::secretKeyRef, UserTokenValues.Builder::secretKeyRef);

  static final NodeCodec<CodefreshTlsValues, CodefreshTlsValues.Builder> CODEFRESH_TLS_VALUES =
      NodeCodec.<CodefreshTlsValues, CodefreshTlsValues.Builder>of("CodefreshTlsValues", CodefreshTlsValues::builder, CodefreshTlsValues.Builder::build, CodefreshTlsValues::additionalValues, CodefreshTlsValues.Builder::putAllAdditionalValues)
          .node("caCerts", () -> ValuesCodec.CA_CERTS_VALUES, CodefreshTlsValues::caCerts, CodefreshTlsValues.Builder::caCerts);

  static final NodeCodec<CaCertsValues, CaCertsValues.Builder> CA_CERTS_VALUES =
      NodeCodec.<CaCertsValues, CaCertsValues.Builder>of("CaCertsValues", CaCertsValues::builder, CaCertsValues.Builder::build, CaCertsValues::additionalValues, CaCertsValues.Builder::putAllAdditionalValues)
          .<SecretKeyRef, SecretKeyRef.Builder>optionalNode("secretKeyRef", () -> ValuesCodec.SECRET_KEY_REF, CaCertsValues::secretKeyRef, CaCertsValues.Builder::secretKeyRef)
          .node("secret", () -> ValuesCodec.CA_CERT_SECRET_VALUES, CaCertsValues::secret, CaCertsValues.Builder::secret);

  static final NodeCodec<CaCertSecretValues, CaCertSecretValues.Builder> CA_CERT_SECRET_VALUES =
      NodeCodec.<CaCertSecretValues, CaCertSecretValues.Builder>of("CaCertSecretValues", CaCertSecretValues::builder, CaCertSecretValues.Builder::build, CaCertSecretValues::additionalValues, CaCertSecretValues.Builder::putAllAdditionalValues)
          .scalar("create", NodeCodec.Scalar.BOOLEAN, CaCertSecretValues::create, CaCertSecretValues.Builder::create)
          .scalar("key", NodeCodec.Scalar.STRING, CaCertSecretValues::key, CaCertSecretValues.Builder::key)
          .scalar("content", NodeCodec.Scalar.SECRET, CaCertSecretValues::content, CaCertSecretValues.Builder::content)
          .stringMap("annotations", CaCertSecretValues::annotations, CaCertSecretValues.Builder::annotations);

  static final NodeCodec<RuntimeValues, RuntimeValues.Builder> RUNTIME_VALUES =
      NodeCodec.<RuntimeValues, RuntimeValues.Builder>of("RuntimeValues", RuntimeValues::builder, RuntimeValues.Builder::build, RuntimeValues::additionalValues, RuntimeValues.Builder::putAllAdditionalValues)
          .scalar("name", NodeCodec.Scalar.STRING, RuntimeValues::name, RuntimeValues.Builder::name)
          .scalar("cluster", NodeCodec.Scalar.STRING, RuntimeValues::cluster, RuntimeValues.Builder::cluster)
          .scalar("codefreshHosted", NodeCodec.Scalar.BOOLEAN, RuntimeValues::codefreshHosted, RuntimeValues.Builder::codefreshHosted)
          .scalar("singleNamespace", NodeCodec.Scalar.BOOLEAN, RuntimeValues::singleNamespace, RuntimeValues.Builder::singleNamespace)
          .scalar("isConfigurationRuntime", NodeCodec.Scalar.BOOLEAN, RuntimeValues::isConfigurationRuntime, RuntimeValues.Builder::isConfigurationRuntime)
          .node("ingress", () -> ValuesCodec.INGRESS_VALUES, RuntimeValues::ingress, RuntimeValues.Builder::ingress)
          .node("httpRoute", () -> ValuesCodec.HTTP_ROUTE_VALUES, RuntimeValues::httpRoute, RuntimeValues.Builder::httpRoute)
          .scalar("ingressUrl", NodeCodec.Scalar.STRING, RuntimeValues::ingressUrl, RuntimeValues.Builder::ingressUrl)
          .node("gitCredentials", () -> ValuesCodec.GIT_CREDENTIALS_VALUES, RuntimeValues::gitCredentials, RuntimeValues.Builder::gitCredentials);

  static final NodeCodec<IngressValues, IngressValues.Builder> INGRESS_VALUES =
      NodeCodec.<IngressValues, IngressValues.Builder>of("IngressValues", IngressValues::builder, IngressValues.Builder::build, IngressValues::additionalValues, IngressValues.Builder::putAllAdditionalValues)
          .scalar("enabled", NodeCodec.Scalar.BOOLEAN, IngressValues::enabled, IngressValues.Builder::enabled)
          .scalar("skipValidation", NodeCodec.Scalar.BOOLEAN, IngressValues::skipValidation, IngressValues.Builder::skipValidation)
          .scalar("protocol", NodeCodec.Scalar.STRING, IngressValues::protocol, IngressValues.Builder::protocol)
          .scalar("className", NodeCodec.Scalar.STRING, IngressValues::className, IngressValues.Builder::className)
          .stringList("hosts", IngressValues::hosts, IngressValues.Builder::hosts)
          .stringMap("annotations", IngressValues::annotations, IngressValues.Builder::annotations)
          .stringMap("labels", IngressValues::labels, IngressValues.Builder::labels)
          .nodeList("tls", () -> ValuesCodec.INGRESS_TLS_VALUES, IngressValues::tls, IngressValues.Builder::tls);

  static final NodeCodec<IngressTlsValues, IngressTlsValues.Builder> INGRESS_TLS_VALUES =
      NodeCodec.<IngressTlsValues, IngressTlsValues.Builder>of("IngressTlsValues", IngressTlsValues::builder, IngressTlsValues.Builder::build, IngressTlsValues::additionalValues, IngressTlsValues.Builder::putAllAdditionalValues)
          .stringList("hosts", IngressTlsValues::hosts, IngressTlsValues.Builder::hosts)
          .scalar("secretName", NodeCodec.Scalar.STRING, IngressTlsValues::secretName, IngressTlsValues.Builder::secretName);

  static final NodeCodec<HttpRouteValues, HttpRouteValues.Builder> HTTP_ROUTE_VALUES =
      NodeCodec.<HttpRouteValues, HttpRouteValues.Builder>of("HttpRouteValues", HttpRouteValues::builder, HttpRouteValues.Builder::build, HttpRouteValues::additionalValues, HttpRouteValues.Builder::putAllAdditionalValues)
          .scalar("enabled", NodeCodec.Scalar.BOOLEAN, HttpRouteValues::enabled, HttpRouteValues.Builder::enabled)
          .scalar("protocol", NodeCodec.Scalar.STRING, HttpRouteValues::protocol, HttpRouteValues.Builder::protocol)
          .nodeList("parentRefs", () -> ValuesCodec.PARENT_REF_VALUES, HttpRouteValues::parentRefs, HttpRouteValues.Builder::parentRefs)
          .stringList("hostnames", HttpRouteValues::hostnames, HttpRouteValues.Builder::hostnames)
          .stringMap("annotations", HttpRouteValues::annotations, HttpRouteValues.Builder::annotations)
          .stringMap("labels", HttpRouteValues::labels, HttpRouteValues.Builder::labels);

  static final NodeCodec<ParentRefValues, ParentRefValues.Builder> PARENT_REF_VALUES =
      NodeCodec.<ParentRefValues, ParentRefValues.Builder>of("ParentRefValues", ParentRefValues::builder, ParentRefValues.Builder::build, ParentRefValues::additionalValues, ParentRefValues.Builder::putAllAdditionalValues)
          .scalar("name", NodeCodec.Scalar.STRING, ParentRefValues::name, ParentRefValues.Builder::name)
          .scalar("namespace", NodeCodec.Scalar.STRING, ParentRefValues::namespace, ParentRefValues.Builder::namespace)
          .scalar("sectionName", NodeCodec.Scalar.STRING, ParentRefValues::sectionName, ParentRefValues.Builder::sectionName)
          .scalar("port", NodeCodec.Scalar.INTEGER, ParentRefValues::port, ParentRefValues.Builder::port)
          .scalar("group", NodeCodec.Scalar.STRING, ParentRefValues::group, ParentRefValues.Builder::group)
          .scalar("kind", NodeCodec.Scalar.STRING, ParentRefValues::kind, ParentRefValues.Builder::kind);

  static final NodeCodec<GitCredentialsValues, GitCredentialsValues.Builder> GIT_CREDENTIALS_VALUES =
      NodeCodec.<GitCredentialsValues, GitCredentialsValues.Builder>of("GitCredentialsValues", GitCredentialsValues::builder, GitCredentialsValues.Builder::build, GitCredentialsValues::additionalValues, GitCredentialsValues.Builder::putAllAdditionalValues)
          .scalar("username", NodeCodec.Scalar.STRING, GitCredentialsValues::username, GitCredentialsValues.Builder::username)
          .node("password", () -> ValuesCodec.GIT_PASSWORD_VALUES, GitCredentialsValues::password, GitCredentialsValues.Builder::password);

  static final NodeCodec<GitPasswordValues, GitPasswordValues.Builder> GIT_PASSWORD_VALUES =
      NodeCodec.<GitPasswordValues, GitPasswordValues.Builder>of("GitPasswordValues", GitPasswordValues::builder, GitPasswordValues.Builder::build, GitPasswordValues::additionalValues, GitPasswordValues.Builder::putAllAdditionalValues)
          .scalar("value", NodeCodec.Scalar.SECRET, GitPasswordValues::value, GitPasswordValues.Builder::value)
          .<SecretKeyRef, SecretKeyRef.Builder>optionalNode("secretKeyRef", () -> ValuesCodec.SECRET_KEY_REF, GitPasswordValues::secretKeyRef, GitPasswordValues.Builder::secretKeyRef);

  static final NodeCodec<IntegrationsValues, IntegrationsValues.Builder> INTEGRATIONS_VALUES =
      NodeCodec.<IntegrationsValues, IntegrationsValues.Builder>of("IntegrationsValues", IntegrationsValues::builder, IntegrationsValues.Builder::build, IntegrationsValues::additionalValues, IntegrationsValues.Builder::putAllAdditionalValues)
          .node("argo-cd", () -> ValuesCodec.ARGO_CD_INTEGRATION_VALUES, IntegrationsValues::argoCd, IntegrationsValues.Builder::argoCd);

  static final NodeCodec<ArgoCdIntegrationValues, ArgoCdIntegrationValues.Builder> ARGO_CD_INTEGRATION_VALUES =
      NodeCodec.<ArgoCdIntegrationValues, ArgoCdIntegrationValues.Builder>of("ArgoCdIntegrationValues", ArgoCdIntegrationValues::builder, ArgoCdIntegrationValues.Builder::build, ArgoCdIntegrationValues::additionalValues, ArgoCdIntegrationValues.Builder::putAllAdditionalValues)
          .node("server", () -> ValuesCodec.ARGO_CD_SERVER_VALUES, ArgoCdIntegrationValues::server, ArgoCdIntegrationValues.Builder::server)
          .node("repoServer", () -> ValuesCodec.SERVICE_ENDPOINT_VALUES, ArgoCdIntegrationValues::repoServer, ArgoCdIntegrationValues.Builder::repoServer);

  static final NodeCodec<ArgoCdServerValues, ArgoCdServerValues.Builder> ARGO_CD_SERVER_VALUES =
      NodeCodec.<ArgoCdServerValues, ArgoCdServerValues.Builder>of("ArgoCdServerValues", ArgoCdServerValues::builder, ArgoCdServerValues.Builder::build, ArgoCdServerValues::additionalValues, ArgoCdServerValues.Builder::putAllAdditionalValues)
          .node("auth", () -> ValuesCodec.ARGO_CD_AUTH_VALUES, ArgoCdServerValues::auth, ArgoCdServerValues.Builder::auth)
          .scalar("svc", NodeCodec.Scalar.STRING, ArgoCdServerValues::svc, ArgoCdServerValues.Builder::svc)
          .scalar("port", NodeCodec.Scalar.INTEGER, ArgoCdServerValues::port, ArgoCdServerValues.Builder::port)
          .scalar("rootpath", NodeCodec.Scalar.STRING, ArgoCdServerValues::rootpath, ArgoCdServerValues.Builder::rootpath);

  static final NodeCodec<ArgoCdAuthValues, ArgoCdAuthValues.Builder> ARGO_CD_AUTH_VALUES =
      NodeCodec.<ArgoCdAuthValues, ArgoCdAuthValues.Builder>of("ArgoCdAuthValues", ArgoCdAuthValues::builder, ArgoCdAuthValues.Builder::build, ArgoCdAuthValues::additionalValues, ArgoCdAuthValues.Builder::putAllAdditionalValues)
          .scalar("type", NodeCodec.Scalar.STRING, ArgoCdAuthValues::type, ArgoCdAuthValues.Builder::type)
          .scalar("username", NodeCodec.Scalar.STRING, ArgoCdAuthValues::username, ArgoCdAuthValues.Builder::username)
          .scalar("password", NodeCodec.Scalar.SECRET, ArgoCdAuthValues::password, ArgoCdAuthValues.Builder::password)
          .<SecretKeyRef, SecretKeyRef.Builder>optionalNode("passwordSecretKeyRef", () -> ValuesCodec.SECRET_KEY_REF, ArgoCdAuthValues::passwordSecretKeyRef, ArgoCdAuthValues.Builder::passwordSecretKeyRef)
          .scalar("token", NodeCodec.Scalar.SECRET, ArgoCdAuthValues::token, ArgoCdAuthValues.Builder::token)
          .<SecretKeyRef, SecretKeyRef.Builder>optionalNode("tokenSecretKeyRef", () -> ValuesCodec.SECRET_KEY_REF, ArgoCdAuthValues::tokenSecretKeyRef, ArgoCdAuthValues.Builder::tokenSecretKeyRef);

  static final NodeCodec<ServiceEndpointValues, ServiceEndpointValues.Builder> SERVICE_ENDPOINT_VALUES =
      NodeCodec.<ServiceEndpointValues, ServiceEndpointValues.Builder>of("ServiceEndpointValues", ServiceEndpointValues::builder, ServiceEndpointValues.Builder::build, ServiceEndpointValues::additionalValues, ServiceEndpointValues.Builder::putAllAdditionalValues)
          .scalar("svc", NodeCodec.Scalar.STRING, ServiceEndpointValues::svc, ServiceEndpointValues.Builder::svc)
          .scalar("port", NodeCodec.Scalar.INTEGER, ServiceEndpointValues::port, ServiceEndpointValues.Builder::port);

  static final NodeCodec<InstallerValues, InstallerValues.Builder> INSTALLER_VALUES =
      NodeCodec.<InstallerValues, InstallerValues.Builder>of("InstallerValues", InstallerValues::builder, InstallerValues.Builder::build, InstallerValues::additionalValues, InstallerValues.Builder::putAllAdditionalValues)
          .scalar("skipValidation", NodeCodec.Scalar.BOOLEAN, InstallerValues::skipValidation, InstallerValues.Builder::skipValidation)
          .scalar("skipUsageValidation", NodeCodec.Scalar.BOOLEAN, InstallerValues::skipUsageValidation, InstallerValues.Builder::skipUsageValidation)
          .node("image", () -> ValuesCodec.IMAGE_VALUES, InstallerValues::image, InstallerValues.Builder::image);

  static final NodeCodec<ImageValues, ImageValues.Builder> IMAGE_VALUES =
      NodeCodec.<ImageValues, ImageValues.Builder>of("ImageValues", ImageValues::builder, ImageValues.Builder::build, ImageValues::additionalValues, ImageValues.Builder::putAllAdditionalValues)
          .scalar("registry", NodeCodec.Scalar.STRING, ImageValues::registry, ImageValues.Builder::registry)
          .scalar("repository", NodeCodec.Scalar.STRING, ImageValues::repository, ImageValues.Builder::repository)
          .scalar("tag", NodeCodec.Scalar.STRING, ImageValues::tag, ImageValues.Builder::tag)
          .scalar("pullPolicy", NodeCodec.Scalar.STRING, ImageValues::pullPolicy, ImageValues.Builder::pullPolicy);

  static final NodeCodec<AppProxyValues, AppProxyValues.Builder> APP_PROXY_VALUES =
      NodeCodec.<AppProxyValues, AppProxyValues.Builder>of("AppProxyValues", AppProxyValues::builder, AppProxyValues.Builder::build, AppProxyValues::additionalValues, AppProxyValues.Builder::putAllAdditionalValues)
          .scalar("replicaCount", NodeCodec.Scalar.INTEGER, AppProxyValues::replicaCount, AppProxyValues.Builder::replicaCount)
          .node("config", () -> ValuesCodec.APP_PROXY_CONFIG_VALUES, AppProxyValues::config, AppProxyValues.Builder::config)
          .node("image-enrichment", () -> ValuesCodec.COMPONENT_VALUES, AppProxyValues::imageEnrichment, AppProxyValues.Builder::imageEnrichment);

  static final NodeCodec<AppProxyConfigValues, AppProxyConfigValues.Builder> APP_PROXY_CONFIG_VALUES =
      NodeCodec.<AppProxyConfigValues, AppProxyConfigValues.Builder>of("AppProxyConfigValues", AppProxyConfigValues::builder, AppProxyConfigValues.Builder::build, AppProxyConfigValues::additionalValues, AppProxyConfigValues.Builder::putAllAdditionalValues)
          .scalar("skipGitPermissionValidation", NodeCodec.Scalar.STRING_BOOLEAN, AppProxyConfigValues::skipGitPermissionValidation, AppProxyConfigValues.Builder::skipGitPermissionValidation);

  static final NodeCodec<TolerationValues, TolerationValues.Builder> TOLERATION_VALUES =
      NodeCodec.<TolerationValues, TolerationValues.Builder>of("TolerationValues", TolerationValues::builder, TolerationValues.Builder::build, TolerationValues::additionalValues, TolerationValues.Builder::putAllAdditionalValues)
          .scalar("key", NodeCodec.Scalar.STRING, TolerationValues::key, TolerationValues.Builder::key)
          .scalar("operator", NodeCodec.Scalar.STRING, TolerationValues::operator, TolerationValues.Builder::operator)
          .scalar("value", NodeCodec.Scalar.STRING, TolerationValues::value, TolerationValues.Builder::value)
          .scalar("effect", NodeCodec.Scalar.STRING, TolerationValues::effect, TolerationValues.Builder::effect)
          .scalar("tolerationSeconds", NodeCodec.Scalar.LONG, TolerationValues::tolerationSeconds, TolerationValues.Builder::tolerationSeconds);

  /**
   * The codec of the root node.
   *
   * @return the root codec
   */
  public static NodeCodec<GitOpsRuntimeValues, GitOpsRuntimeValues.Builder> root() {
    return GIT_OPS_RUNTIME_VALUES;
  }
}

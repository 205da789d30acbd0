package io.gitopsruntime.validators.internal;

import static io.gitopsruntime.validators.RuleIds.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.ExplicitNull;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every sentence the built-in validators show a user, in the house form: the message says what failed,
 * for what and why; the remediation says how to fix it. Keeping the wording here keeps it consistent.
 * Messages never quote a secret value. Thread-safe; no state.
 */
public final class Messages {
  private Messages() {}

  // ---------------------------------------------------------------------------------------------------
  // helpers

  /**
   * A string in double quotes, with quotes and backslashes escaped.
   *
   * @param s the string
   * @return the quoted string
   */
  public static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A URL in double quotes, with any user info ({@code user:token@}) masked.
   *
   * @param url the URL
   * @return the quoted URL
   */
  static String qu(String url) {
    return q(Urls.maskUserInfo(url));
  }

  private static Finding info(String ruleId, String path, String message, String remediation) {
    return Finding.builder()
        .severity(Severity.INFO)
        .ruleId(ruleId)
        .path(path)
        .message(message)
        .remediation(remediation)
        .build();
  }

  /**
   * A raw value's YAML type, for messages.
   *
   * @param raw the raw value
   * @return {@code a list}, {@code a map}, {@code a number}, {@code a boolean}, {@code null} or {@code a string}
   */
  public static String yamlType(@Nullable Object raw) {
    if (raw == null || raw instanceof ExplicitNull) {
      return "null";
    }
    if (raw instanceof java.util.Map) {
      return "a map";
    }
    if (raw instanceof List) {
      return "a list";
    }
    if (raw instanceof Number) {
      return "a number";
    }
    if (raw instanceof Boolean) {
      return "a boolean";
    }
    return "a string";
  }

  private static String what(String field, boolean name, boolean key) {
    if (!name && !key) {
      return field + " has neither a name nor a key";
    }
    return field + (name ? " has no key" : " has no name");
  }

  // ---------------------------------------------------------------------------------------------------
  // names

  /**
   * The values file left the runtime name empty.
   *
   * @param used the name the installation uses instead
   * @return the finding
   */
  public static Finding runtimeNameDefaulted(String used) {
    return Finding.warning(RUNTIME_NAME_DEFAULTED, "global.runtime.name",
        "global.runtime.name is not set (absent, null or empty): the SDK installs the runtime as " + q(used)
            + ", the installation page's default, but the chart has no default, so these values alone fail with"
            + " plain Helm (\"global.runtime.name is required\").",
        "Set global.runtime.name to a name unique in the account, for example \"prod-eu\".");
  }

  // ---------------------------------------------------------------------------------------------------
  // access mode

  /**
   * Ingress and HTTPRoute both on.
   *
   * @return the finding
   */
  public static Finding accessModeAmbiguous() {
    return Finding.error(ACCESS_MODE_AMBIGUOUS, "global.runtime.httpRoute.enabled",
        "Both the ingress and the HTTPRoute access modes are on: the chart then renders an Ingress and an"
            + " HTTPRoute, and the platform reaches the runtime through the Ingress host only.",
        "Turn one off: set global.runtime.httpRoute.enabled=false to use the Ingress, or"
            + " global.runtime.ingress.enabled=false to use the HTTPRoute.");
  }

  /**
   * Ingress mode without hosts.
   *
   * @return the finding
   */
  public static Finding ingressHostsMissing() {
    return Finding.error(ACCESS_MODE_INGRESS_HOSTS, "global.runtime.ingress.hosts",
        "The ingress access mode is on but no host is given: the platform reaches the runtime at"
            + " <protocol>://hosts[0], and the chart fails to render without it (\"index out of range\").",
        "Add the runtime's host name, for example hosts: [\"runtime.example.com\"], or set"
            + " global.runtime.ingress.enabled=false to use the tunnel.");
  }

  /**
   * Ingress mode with an empty first host.
   *
   * @return the finding
   */
  public static Finding ingressFirstHostEmpty() {
    return Finding.error(ACCESS_MODE_INGRESS_HOSTS, "global.runtime.ingress.hosts[0]",
        "The first ingress host is empty: the platform reaches the runtime at <protocol>://hosts[0].",
        "Put the runtime's host name first, for example \"runtime.example.com\".");
  }

  /**
   * HTTPRoute mode without host names.
   *
   * @return the finding
   */
  public static Finding httpRouteHostnamesMissing() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_HOSTNAMES, "global.runtime.httpRoute.hostnames",
        "The HTTPRoute access mode is on but no host name is given: the platform reaches the runtime at"
            + " <protocol>://hostnames[0], and the chart fails to render without it.",
        "Add the runtime's host name, for example hostnames: [\"runtime.example.com\"].");
  }

  /**
   * HTTPRoute mode with an empty first host name.
   *
   * @return the finding
   */
  public static Finding httpRouteFirstHostnameEmpty() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_HOSTNAMES, "global.runtime.httpRoute.hostnames[0]",
        "The first HTTPRoute host name is empty: the platform reaches the runtime at"
            + " <protocol>://hostnames[0].",
        "Put the runtime's host name first, for example \"runtime.example.com\".");
  }

  /**
   * A host with a scheme.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without scheme and path
   * @param protocolPath the path of the matching protocol key
   * @return the finding
   */
  public static Finding hostWithScheme(String path, String host, String bare, String protocolPath) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: hosts are bare host names, and the chart adds the protocol from "
            + protocolPath + ".",
        "Use " + q(bare) + " and set " + protocolPath + " to \"https\" or \"http\".");
  }

  /**
   * A host with a path.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without the path
   * @return the finding
   */
  public static Finding hostWithPath(String path, String host, String bare) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: hosts cannot carry a path, and the runtime is served at the root of"
            + " its host.",
        "Use " + q(bare) + ".");
  }

  /**
   * A host with a port.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without the port
   * @return the finding
   */
  public static Finding hostWithPort(String path, String host, String bare) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: Kubernetes rejects a host with a port in an Ingress or HTTPRoute.",
        "Use " + q(bare) + ", and serve it on the protocol's default port.");
  }

  /**
   * A wildcard as the first host.
   *
   * @param path the host's path
   * @param host the host as given
   * @return the finding
   */
  public static Finding firstHostWildcard(String path, String host) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is a wildcard: the platform reaches the runtime at the first host, which must be one"
            + " concrete host.",
        "Put a concrete host first, for example \"runtime" + host.substring(1) + "\".");
  }

  /**
   * A host that is not a DNS-1123 subdomain.
   *
   * @param path the host's path
   * @param host the host as given
   * @param suggestion a valid host close to it
   * @return the finding
   */
  public static Finding hostInvalid(String path, String host, String suggestion) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a valid host name: Kubernetes accepts only lower-case letters, digits, '-' and '.'"
            + " (a DNS-1123 subdomain of at most 253 characters).",
        "Use for example " + q(suggestion) + ".");
  }

  /**
   * An empty IngressClass name.
   *
   * @return the finding
   */
  public static Finding ingressClassNameEmpty() {
    return Finding.error(ACCESS_MODE_INGRESS_CLASS_NAME, "global.runtime.ingress.className",
        "The IngressClass name is empty: the ingress access mode needs the class of the ingress controller"
            + " that serves the runtime, and Codefresh's validation hook requires it.",
        "Set it, for example \"nginx\" (kubectl get ingressclass lists the classes of the cluster).");
  }

  /**
   * An unsupported ingress protocol.
   *
   * @param protocol the protocol as given, empty when empty
   * @return the finding
   */
  public static Finding ingressProtocolInvalid(String protocol) {
    return protocolInvalid(ACCESS_MODE_INGRESS_PROTOCOL, "global.runtime.ingress.protocol", "ingress", protocol);
  }

  /**
   * An unsupported HTTPRoute protocol.
   *
   * @param protocol the protocol as given, empty when empty
   * @return the finding
   */
  public static Finding httpRouteProtocolInvalid(String protocol) {
    return protocolInvalid(ACCESS_MODE_HTTP_ROUTE_PROTOCOL, "global.runtime.httpRoute.protocol", "HTTPRoute",
        protocol);
  }

  private static Finding protocolInvalid(String ruleId, String path, String mode, String protocol) {
    String fix = protocol.equalsIgnoreCase("http") ? "http" : "https";
    String subject = protocol.isBlank()
        ? "The " + mode + " protocol is empty"
        : q(protocol) + " is not a supported " + mode + " protocol";
    return Finding.error(ruleId, path,
        subject + ": the chart accepts only \"http\" and \"https\" (lower case) and fails to render otherwise.",
        "Use " + q(fix) + ".");
  }

  /**
   * HTTPRoute mode without parent Gateways.
   *
   * @return the finding
   */
  public static Finding httpRouteParentRefsMissing() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_PARENT_REFS, "global.runtime.httpRoute.parentRefs",
        "The HTTPRoute access mode is on but no parent Gateway is given: the route must attach to a Gateway,"
            + " and the chart fails to render without one.",
        "Add the Gateway, for example parentRefs: [{name: \"traefik-gateway\", namespace: \"traefik\"}].");
  }

  /**
   * A parent Gateway reference without a name.
   *
   * @param index the reference's index
   * @return the finding
   */
  public static Finding httpRouteParentRefNameMissing(int index) {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_PARENT_REFS,
        "global.runtime.httpRoute.parentRefs[" + index + "].name",
        "Parent Gateway reference " + index + " has no name: Gateway API needs the name of the Gateway the"
            + " route attaches to.",
        "Set the Gateway's name (kubectl get gateways -A lists them).");
  }

  /**
   * Service-mesh mode without an ingressUrl.
   *
   * @return the finding
   */
  public static Finding ingressUrlMissing() {
    return Finding.error(ACCESS_MODE_INGRESS_URL, "global.runtime.ingressUrl",
        "The ingress, HTTPRoute and tunnel access modes are all off, so the platform needs an explicit URL to"
            + " reach the runtime, and none is given: the chart fails to render without it.",
        "Set global.runtime.ingressUrl to the runtime's external URL, for example"
            + " \"https://runtime.example.com\", or remove tunnel-client.enabled=false to use the tunnel.");
  }

  /**
   * An ingressUrl without an http(s) scheme.
   *
   * @param url the URL as given
   * @param suggestion a fixed URL
   * @return the finding
   */
  public static Finding ingressUrlNotHttp(String url, String suggestion) {
    return Finding.error(ACCESS_MODE_INGRESS_URL_FORMAT, "global.runtime.ingressUrl",
        qu(url) + " is not an http or https URL: the chart accepts only URLs that start with http:// or"
            + " https:// and fails to render otherwise.",
        "Use for example " + qu(suggestion) + ".");
  }

  /**
   * An ingressUrl that does not parse.
   *
   * @param url the URL as given
   * @return the finding
   */
  public static Finding ingressUrlMalformed(String url) {
    return Finding.error(ACCESS_MODE_INGRESS_URL_FORMAT, "global.runtime.ingressUrl",
        qu(url) + " is not a valid URL: it has no valid host name, so the platform could not reach the runtime"
            + " at it.",
        "Use the runtime's external URL, for example \"https://runtime.example.com\".");
  }

  /**
   * An ingressUrl in another mode.
   *
   * @param mode the selected mode
   * @return the finding
   */
  public static Finding ingressUrlIgnored(AccessModeKind mode) {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.ingressUrl",
        "global.runtime.ingressUrl is ignored: the runtime uses the " + modeName(mode) + " access mode, and the chart"
            + " uses ingressUrl only when ingress, HTTPRoute and tunnel are all off.",
        "Remove global.runtime.ingressUrl, or turn the other access modes off to use it.");
  }

  /**
   * tunnel-client.enabled=true while ingress is on.
   *
   * @return the finding
   */
  public static Finding tunnelIgnoredByIngress() {
    return tunnelIgnored("ingress", "global.runtime.ingress.enabled");
  }

  /**
   * tunnel-client.enabled=true while the HTTPRoute is on.
   *
   * @return the finding
   */
  public static Finding tunnelIgnoredByHttpRoute() {
    return tunnelIgnored("HTTPRoute", "global.runtime.httpRoute.enabled");
  }

  private static Finding tunnelIgnored(String mode, String switchPath) {
    return Finding.warning(ACCESS_MODE_IGNORED, "tunnel-client.enabled",
        "tunnel-client.enabled=true is ignored: the " + mode + " access mode is on, and the chart runs the"
            + " tunnel only when ingress and HTTPRoute are off.",
        "Remove tunnel-client.enabled, or set " + switchPath + "=false to use the tunnel.");
  }

  /**
   * A mode's name in messages.
   *
   * @param mode the mode
   * @return "tunnel", "ingress", "HTTPRoute" or "service-mesh (explicit URL)"
   */
  public static String modeName(AccessModeKind mode) {
    switch (mode) {
      case INGRESS:
        return "ingress";
      case HTTP_ROUTE:
        return "HTTPRoute";
      case SERVICE_MESH:
        return "service-mesh (explicit URL)";
      default:
        return "tunnel";
    }
  }

  /**
   * Ingress hosts while ingress is off.
   *
   * @return the finding
   */
  public static Finding ingressSettingsIgnored() {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.ingress.hosts",
        "The ingress hosts are ignored: global.runtime.ingress.enabled is not true, so the chart creates no"
            + " Ingress.",
        "Set global.runtime.ingress.enabled=true to use the ingress access mode, or remove the hosts.");
  }

  /**
   * HTTPRoute settings while HTTPRoute is off.
   *
   * @return the finding
   */
  public static Finding httpRouteSettingsIgnored() {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.httpRoute",
        "The HTTPRoute parentRefs and hostnames are ignored: global.runtime.httpRoute.enabled is not true,"
            + " so the chart creates no HTTPRoute.",
        "Set global.runtime.httpRoute.enabled=true to use the HTTPRoute access mode, or remove them.");
  }

  /**
   * Tunnel with an on-premises platform.
   *
   * @param url the platform URL
   * @return the finding
   */
  public static Finding tunnelOnPrem(String url) {
    return Finding.warning(ACCESS_MODE_TUNNEL_ON_PREM, "tunnel-client.enabled",
        "The tunnel access mode is not supported with an on-premises platform (global.codefresh.url is "
            + qu(url) + "): the chart documents the tunnel for the Codefresh SaaS only.",
        "Use the ingress access mode for an on-premises platform: global.runtime.ingress.enabled=true with"
            + " hosts and className.");
  }

  // ---------------------------------------------------------------------------------------------------
  // account id

  /** Why the chart needs the account id in the selected setup. */
  public enum AccountIdReason {
    /** The tunnel access mode. */
    TUNNEL("the tunnel access mode builds the runtime's public URL from it"
        + " (https://<accountId>-<runtime name>.tunnels.cf-cd.com)"),
    /** The workflow log store ConfigMap. */
    LOG_STORE("codefreshWorkflowLogStoreCM, on by default, names the workflow log bucket after it, and the"
        + " chart refuses to render it without one"),
    /** A hosted runtime. */
    HOSTED("a Codefresh-hosted runtime (global.runtime.codefreshHosted=true) requires it"),
    /** The validation hook treats an HTTPRoute runtime with the tunnel switch on as a tunnel runtime. */
    HOOK_TUNNEL("Codefresh's validation hook does not know the HTTPRoute access mode and, with"
        + " tunnel-client.enabled on, checks the values as a tunnel runtime");

    private final String text;

    AccountIdReason(String text) {
      this.text = text;
    }
  }

  /**
   * The account id is missing.
   *
   * @param reasons why the chart needs it
   * @return the finding
   */
  public static Finding accountIdMissing(List<AccountIdReason> reasons) {
    StringBuilder why = new StringBuilder();
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        why.append(i == reasons.size() - 1 ? "; and " : "; ");
      }
      why.append(reasons.get(i).text);
    }
    return Finding.error(ACCOUNT_ID_MISSING, "global.codefresh.accountId",
        "The Codefresh account ID is not set, but the chart needs it: " + why + ".",
        "Set global.codefresh.accountId to your Codefresh account ID (the platform check reports the ID of"
            + " your API key's account).");
  }

  /**
   * An account id of the wrong shape.
   *
   * @param accountId the id as given
   * @return the finding
   */
  public static Finding accountIdFormat(String accountId) {
    return Finding.warning(ACCOUNT_ID_FORMAT, "global.codefresh.accountId",
        q(accountId) + " does not look like a Codefresh account ID: account IDs are 24 hexadecimal characters,"
            + " and the tunnel host name <accountId>-<runtime name> must fit in 63 characters.",
        "Copy the account's ID, not its name, into global.codefresh.accountId.");
  }

  // ---------------------------------------------------------------------------------------------------
  // secrets in values

  /**
   * No Codefresh API key.
   *
   * @return the finding
   */
  public static Finding userTokenMissing() {
    return Finding.error(USER_TOKEN_MISSING, "global.codefresh.userToken",
        "No Codefresh API key is given: the runtime registers with the platform using it, and the chart"
            + " refuses to render without it.",
        "Set global.codefresh.userToken.secretKeyRef to the name and key of a Secret that holds the API key"
            + " (preferred), or global.codefresh.userToken.token to the key itself.");
  }

  /**
   * An incomplete Secret reference for the API key.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  public static Finding userTokenIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(USER_TOKEN_INCOMPLETE_REF, refPath("global.codefresh.userToken.secretKeyRef", hasName, hasKey),
        what("The Secret reference for the Codefresh API key", hasName, hasKey)
            + ": the chart passes it to the runtime as it is, and Codefresh's validation hook reads an empty"
            + " API key from it and fails later with HTTP 401.",
        "Set both name and key, for example secretKeyRef: {name: \"codefresh-user-token\", key: \"token\"}.");
  }

  /**
   * The reserved Secret name for the API key.
   *
   * @return the finding
   */
  public static Finding userTokenReservedName() {
    return reservedSecretName(USER_TOKEN_RESERVED_NAME, "global.codefresh.userToken.secretKeyRef.name",
        "the Codefresh API key", "codefresh-user-token");
  }

  /**
   * The reserved Secret name for the Git password.
   *
   * @return the finding
   */
  public static Finding gitPasswordReservedName() {
    return reservedSecretName(GIT_CREDENTIALS_RESERVED_NAME, "global.runtime.gitCredentials.password.secretKeyRef.name",
        "the Git password", "git-runtime-token");
  }

  private static Finding reservedSecretName(String ruleId, String path, String what, String example) {
    return Finding.error(ruleId, path,
        "Secret name \"codefresh-token\" is reserved: the runtime keeps its own runtime token in a Secret of"
            + " that name, and the chart refuses to render a reference to it for " + what + ".",
        "Put " + what + " in a Secret with another name, for example " + q(example) + ", and reference that.");
  }

  /**
   * A literal API key plus a reference.
   *
   * @return the finding
   */
  public static Finding userTokenAmbiguous() {
    return Finding.warning(USER_TOKEN_AMBIGUOUS, "global.codefresh.userToken.secretKeyRef",
        "The Secret reference for the Codefresh API key is ignored: a literal token is also given, and the"
            + " literal wins.",
        "Remove global.codefresh.userToken.token to use the Secret (preferred), or remove the secretKeyRef.");
  }

  /**
   * A literal API key with whitespace.
   *
   * @return the finding
   */
  public static Finding userTokenWhitespace() {
    return secretWhitespace(USER_TOKEN_WHITESPACE, "global.codefresh.userToken.token", "The Codefresh API key",
        "the platform");
  }

  /**
   * A literal Git password with whitespace.
   *
   * @return the finding
   */
  public static Finding gitPasswordWhitespace() {
    return secretWhitespace(GIT_CREDENTIALS_WHITESPACE, "global.runtime.gitCredentials.password.value",
        "The Git password", "the Git provider");
  }

  private static Finding secretWhitespace(String ruleId, String path, String what, String who) {
    return Finding.warning(ruleId, path,
        what + " has leading or trailing whitespace or a line break: " + who
            + " compares it exactly and will reject it.",
        "Remove the whitespace, such as the line break a copied file leaves at the end.");
  }

  /**
   * No Git Runtime token.
   *
   * @return the finding
   */
  public static Finding gitCredentialsMissing() {
    return info(GIT_CREDENTIALS_MISSING, "global.runtime.gitCredentials.password",
        "No Git Runtime token is given: the runtime cannot reach its Git repositories until one is added in"
            + " the Codefresh UI after the installation.",
        "To give it now, set global.runtime.gitCredentials.password.secretKeyRef to a Secret that holds a"
            + " Git token with the scopes your provider needs.");
  }

  /**
   * An incomplete Secret reference for the Git password.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  public static Finding gitPasswordIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(GIT_CREDENTIALS_INCOMPLETE_REF,
        refPath("global.runtime.gitCredentials.password.secretKeyRef", hasName, hasKey),
        what("The Secret reference for the Git password", hasName, hasKey)
            + ": the chart refuses to render a Git password reference without both.",
        "Set both name and key, for example secretKeyRef: {name: \"git-runtime-token\", key: \"token\"}.");
  }

  /**
   * A literal Git password plus a reference.
   *
   * @return the finding
   */
  public static Finding gitPasswordAmbiguous() {
    return Finding.warning(GIT_CREDENTIALS_AMBIGUOUS, "global.runtime.gitCredentials.password.secretKeyRef",
        "The Secret reference for the Git password is ignored: a literal value is also given, and the"
            + " literal wins.",
        "Remove global.runtime.gitCredentials.password.value to use the Secret (preferred), or remove the"
            + " secretKeyRef.");
  }

  /**
   * A Git password without a username.
   *
   * @return the finding
   */
  public static Finding gitUsernameEmpty() {
    return Finding.error(GIT_CREDENTIALS_USERNAME, "global.runtime.gitCredentials.username",
        "The Git username is empty while a Git password is given: Codefresh's validation hook requires a"
            + " non-empty username, and Bitbucket Cloud signs in with it.",
        "Set global.runtime.gitCredentials.username to your Git user name (any non-empty name works with"
            + " GitHub and GitLab tokens).");
  }

  /**
   * A certificate map key that is not a host name.
   *
   * @param path the entry's path
   * @param key the key
   * @param host the host it probably means
   * @return the finding
   */
  public static Finding gitCaHostKey(String path, String key, String host) {
    return Finding.warning(GIT_CA_HOST_KEY, path,
        q(key) + " is not a host name: Argo CD and Codefresh's validation hook look a Git server's certificate"
            + " up by its bare host name, so this one is never used.",
        "Use " + q(host) + " as the key.");
  }

  /**
   * A Git server certificate that is not PEM text.
   *
   * @param path the entry's path
   * @param host the host
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  public static Finding gitCaNotPem(String path, String host, Pem.BadPemException problem) {
    return gitCaNotPem(path, host, pemReason(problem));
  }

  /**
   * A Git server certificate that is not text at all.
   *
   * @param path the entry's path
   * @param host the host
   * @param raw the value given
   * @return the finding
   */
  public static Finding gitCaNotText(String path, String host, Object raw) {
    return gitCaNotPem(path, host, "it is " + yamlType(raw) + ", not text");
  }

  private static Finding gitCaNotPem(String path, String host, String reason) {
    return Finding.error(GIT_CA_PEM, path,
        "The certificate for Git server " + q(host) + " is not a PEM certificate: " + reason
            + "; Codefresh's validation hook cannot add it and fails.",
        "Paste the Git server's CA certificate, from \"-----BEGIN CERTIFICATE-----\" to"
            + " \"-----END CERTIFICATE-----\".");
  }

  /**
   * Why a PEM bundle does not parse.
   *
   * @param problem the problem
   * @return the reason, never quoting the bundle
   */
  public static String pemReason(Pem.BadPemException problem) {
    switch (problem.kind()) {
      case NO_BLOCK:
        return "it has no \"-----BEGIN CERTIFICATE-----\" line";
      case INCOMPLETE_BLOCK:
        return "it holds no complete \"-----BEGIN CERTIFICATE-----\" ... \"-----END CERTIFICATE-----\" block";
      default:
        return "certificate " + problem.index() + " of the bundle does not parse as X.509";
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // platform CA

  /**
   * create=true without content.
   *
   * @return the finding
   */
  public static Finding platformCaContentMissing() {
    return Finding.error(PLATFORM_CA_CONTENT_MISSING, "global.codefresh.tls.caCerts.secret.content",
        "The chart is asked to create the platform CA Secret (secret.create=true), but no certificate content"
            + " is given: Codefresh's validation hook refuses it, and the runtime would trust an empty bundle.",
        "Paste the platform's CA bundle (PEM) into global.codefresh.tls.caCerts.secret.content, or set"
            + " secret.create=false and use secretKeyRef.");
  }

  /**
   * CA content that is not PEM.
   *
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  public static Finding platformCaNotPem(Pem.BadPemException problem) {
    return Finding.error(PLATFORM_CA_PEM, "global.codefresh.tls.caCerts.secret.content",
        "The platform CA content is not a PEM certificate bundle: " + pemReason(problem)
            + "; the runtime and Codefresh's validation hook cannot trust the platform with it.",
        "Paste the CA certificates in PEM form, each from \"-----BEGIN CERTIFICATE-----\" to"
            + " \"-----END CERTIFICATE-----\".");
  }

  /**
   * An expired CA certificate.
   *
   * @param index its position in the bundle, from 1
   * @param subject its subject
   * @param notAfter when it expired
   * @return the finding
   */
  public static Finding platformCaExpired(int index, String subject, java.time.Instant notAfter) {
    return Finding.warning(PLATFORM_CA_EXPIRED, "global.codefresh.tls.caCerts.secret.content",
        "Certificate " + index + " of the platform CA bundle (" + q(subject) + ") expired on "
            + LocalDate.ofInstant(notAfter, ZoneOffset.UTC) + ": connections through a chain that uses it fail.",
        "Replace it with the platform's current CA certificate.");
  }

  /**
   * Content while create is not true.
   *
   * @return the finding
   */
  public static Finding platformCaContentIgnored() {
    return Finding.warning(PLATFORM_CA_IGNORED_CONTENT, "global.codefresh.tls.caCerts.secret.content",
        "The platform CA content is ignored: secret.create is not true, so the chart creates no Secret from it.",
        "Set global.codefresh.tls.caCerts.secret.create=true to use it, or remove the content.");
  }

  /**
   * An incomplete CA Secret reference.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  public static Finding platformCaIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(PLATFORM_CA_INCOMPLETE_REF,
        refPath("global.codefresh.tls.caCerts.secretKeyRef", hasName, hasKey),
        what("The Secret reference for the platform CA", hasName, hasKey)
            + ": the chart needs both to mount the bundle into the runtime's components.",
        "Set both name and key, for example secretKeyRef: {name: \"codefresh-ca\", key: \"ca-bundle.crt\"}.");
  }

  /**
   * create=true plus a complete reference.
   *
   * @return the finding
   */
  public static Finding platformCaAmbiguous() {
    return Finding.warning(PLATFORM_CA_AMBIGUOUS, "global.codefresh.tls.caCerts.secretKeyRef",
        "Both secret.create=true and a secretKeyRef are given for the platform CA: Codefresh's validation hook"
            + " then uses only the content, so the two must hold the same bundle.",
        "Keep one: remove the secretKeyRef, or set secret.create=false to use the referenced Secret.");
  }

  // ---------------------------------------------------------------------------------------------------
  // URLs

  /**
   * An empty platform URL.
   *
   * @return the finding
   */
  public static Finding platformUrlEmpty() {
    return Finding.error(PLATFORM_URL_FORMAT, "global.codefresh.url",
        "The platform URL is empty: the runtime and Codefresh's validation hook need it to reach the platform.",
        "Remove global.codefresh.url to use the Codefresh SaaS (https://g.codefresh.io), or set your"
            + " platform's URL.");
  }

  /**
   * A platform URL that is not absolute http(s).
   *
   * @param url the URL as given
   * @param suggestion a fixed URL
   * @return the finding
   */
  public static Finding platformUrlInvalid(String url, String suggestion) {
    return Finding.error(PLATFORM_URL_FORMAT, "global.codefresh.url",
        qu(url) + " is not an absolute http or https URL: the runtime and Codefresh's validation hook call the"
            + " platform's API at <url>/2.0/api/graphql.",
        "Use for example " + qu(suggestion) + ".");
  }

  /**
   * A plain-http platform URL.
   *
   * @param url the URL
   * @return the finding
   */
  public static Finding platformUrlInsecure(String url) {
    return Finding.warning(PLATFORM_URL_INSECURE, "global.codefresh.url",
        "The platform URL " + qu(url) + " uses plain http: the Codefresh API key and the runtime token travel"
            + " unencrypted.",
        "Use https, with global.codefresh.tls.caCerts for a private CA.");
  }

  /**
   * A proxy that is not a proxy URL.
   *
   * @param path the key's path
   * @param shown the value, with any credentials masked
   * @param env the environment variable it becomes
   * @return the finding
   */
  public static Finding proxyInvalid(String path, String shown, String env) {
    return Finding.error(PROXY_FORMAT, path,
        q(shown) + " is not a proxy URL: the chart passes it to the runtime as " + env
            + ", and its clients cannot connect through it.",
        "Use for example \"http://proxy.example.com:3128\".");
  }

  /**
   * A NO_PROXY entry with a scheme.
   *
   * @param entry the entry
   * @param host the entry without scheme
   * @return the finding
   */
  public static Finding noProxyEntryWithScheme(String entry, String host) {
    return Finding.warning(PROXY_FORMAT, "global.noProxy",
        "NO_PROXY entry " + q(entry) + " has a scheme: NO_PROXY lists host names, domains and IP ranges, so"
            + " this entry matches nothing.",
        "Use " + q(host) + ".");
  }

  /**
   * Proxies without NO_PROXY.
   *
   * @return the finding
   */
  public static Finding noProxyMissing() {
    return Finding.warning(PROXY_NO_PROXY, "global.noProxy",
        "A proxy is set but global.noProxy is empty: the runtime's calls inside the cluster (Argo CD, Argo"
            + " Workflows, the Kubernetes API) would go through the proxy too.",
        "Set global.noProxy, for example \"localhost,127.0.0.1,.svc,.cluster.local,kubernetes.default.svc\""
            + " plus your cluster's service and pod address ranges.");
  }

  // ---------------------------------------------------------------------------------------------------
  // skip flags

  /**
   * A skipGitPermissionValidation value that is not "true" or "false".
   *
   * @param value the value as given
   * @return the finding
   */
  public static Finding skipGitPermissionValue(String value) {
    return Finding.warning(SKIP_FLAGS_GIT_PERMISSION_VALUE, "app-proxy.config.skipGitPermissionValidation",
        q(value) + " is neither \"true\" nor \"false\": app-proxy skips its Git permission check only for the"
            + " string \"true\", so this leaves the check on.",
        "Set it to the string \"true\" to skip the check, or \"false\".");
  }

  /**
   * installer.skipValidation: what goes unchecked.
   *
   * @return the finding
   */
  public static Finding validationHookSkipped() {
    return info(SKIP_FLAGS_HOOK_SKIPPED, "installer.skipValidation",
        "Codefresh's validation hook will not run (installer.skipValidation=true): nothing checks the API"
            + " key, the account, the runtime name, the Git token or the ingress host inside the cluster before"
            + " the installation, and this SDK's platform, Git and ingress checks are skipped too.",
        "Remove installer.skipValidation once the checks pass, to have them before every upgrade.");
  }

  /**
   * installer.skipValidation with an external Argo CD.
   *
   * @return the finding
   */
  public static Finding argoCdVersionCheckSkipped() {
    return info(SKIP_FLAGS_HOOK_SKIPPED, "argo-cd.enabled",
        "The external Argo CD's version will not be checked (installer.skipValidation=true): the validation"
            + " hook is what compares it with the range this chart version supports.",
        "Check the Argo CD version yourself against the chart's README (kubectl exec into argocd-server and"
            + " run argocd version), or remove installer.skipValidation.");
  }

  /**
   * A skip flag without effect.
   *
   * @param path the flag's path
   * @param why why it has no effect
   * @return the finding
   */
  public static Finding skipFlagNoEffect(String path, String why) {
    return info(SKIP_FLAGS_NO_EFFECT, path, path + " has no effect: " + why + ".",
        "Remove " + path + ".");
  }

  /** Why {@code global.runtime.ingress.skipValidation} does nothing: the whole hook is skipped. */
  public static final String INGRESS_SKIP_HOOK_OFF = "installer.skipValidation=true already skips the whole"
      + " validation hook";
  /** Why {@code global.runtime.ingress.skipValidation} does nothing: no ingress. */
  public static final String INGRESS_SKIP_NO_INGRESS = "the ingress access mode is off, so there is no"
      + " ingress host to check";

  // ---------------------------------------------------------------------------------------------------
  // external Argo CD

  /**
   * An auth type that is neither password nor token.
   *
   * @param type the type as given, empty when empty
   * @return the finding
   */
  public static Finding argoCdAuthTypeInvalid(String type) {
    String subject = type.isBlank() ? "The Argo CD auth type is empty" : q(type) + " is not an Argo CD auth type";
    return Finding.error(EXTERNAL_ARGO_CD_AUTH_TYPE, "global.integrations.argo-cd.server.auth.type",
        subject + ": the chart accepts only \"password\" and \"token\", and checks it even with the bundled"
            + " Argo CD.",
        "Use \"password\" or \"token\".");
  }

  /** A Service setting of the external Argo CD. */
  public enum ArgoCdEndpoint {
    /** {@code server.svc}. */
    SERVER_SVC(EXTERNAL_ARGO_CD_SERVER, "global.integrations.argo-cd.server.svc", "server Service name",
        "\"argocd-server\""),
    /** {@code server.port}. */
    SERVER_PORT(EXTERNAL_ARGO_CD_SERVER, "global.integrations.argo-cd.server.port", "server Service port", "80"),
    /** {@code repoServer.svc}. */
    REPO_SERVER_SVC(EXTERNAL_ARGO_CD_REPO_SERVER, "global.integrations.argo-cd.repoServer.svc",
        "repo server Service name", "\"argocd-repo-server\""),
    /** {@code repoServer.port}. */
    REPO_SERVER_PORT(EXTERNAL_ARGO_CD_REPO_SERVER, "global.integrations.argo-cd.repoServer.port",
        "repo server Service port", "8081");

    private final String ruleId;
    private final String path;
    private final String what;
    private final String example;

    ArgoCdEndpoint(String ruleId, String path, String what, String example) {
      this.ruleId = ruleId;
      this.path = path;
      this.what = what;
      this.example = example;
    }

    /**
     * The setting's values path.
     *
     * @return the path
     */
    public String path() {
      return path;
    }
  }

  /**
   * An unset Service name or port of the external Argo CD.
   *
   * @param endpoint the setting
   * @return the finding
   */
  public static Finding argoCdEndpointMissing(ArgoCdEndpoint endpoint) {
    return Finding.error(endpoint.ruleId, endpoint.path,
        "The external Argo CD's " + endpoint.what + " is not set: with argo-cd.enabled=false the runtime reaches"
            + " your Argo CD through it, and the chart fails to render without it.",
        "Set it, for example " + endpoint.example + ".");
  }

  /**
   * A port out of range.
   *
   * @param endpoint the port setting
   * @param port the port
   * @return the finding
   */
  public static Finding argoCdPortInvalid(ArgoCdEndpoint endpoint, int port) {
    return Finding.error(endpoint.ruleId, endpoint.path,
        port + " is not a TCP port: Service ports are between 1 and 65535.",
        "Use the port of your Argo CD's Service (kubectl get svc -n <namespace> shows it).");
  }

  /**
   * The bundled Argo CD's Service names with an external Argo CD.
   *
   * @param endpoint the Service name setting
   * @param chartDefault the chart's name
   * @param usual the usual name of a separate Argo CD
   * @return the finding
   */
  public static Finding argoCdDefaultServiceName(ArgoCdEndpoint endpoint, String chartDefault, String usual) {
    String path = endpoint.path;
    return Finding.warning(EXTERNAL_ARGO_CD_DEFAULTS, path,
        "The external Argo CD's Service is the chart default " + q(chartDefault) + ", the name of the bundled"
            + " Argo CD's Service: a separately installed Argo CD usually calls it " + q(usual) + ".",
        "Set " + path + " to your Argo CD's Service name (kubectl get svc -n <namespace>"
            + " -l app.kubernetes.io/part-of=argocd lists them).");
  }

  /**
   * Token auth without a token.
   *
   * @param path where the token is missing
   * @return the finding
   */
  public static Finding argoCdTokenMissing(String path) {
    return Finding.error(EXTERNAL_ARGO_CD_TOKEN, path,
        "Argo CD auth type \"token\" needs an API token, and neither a token nor a Secret reference with both"
            + " name and key is given: the chart fails to render without one.",
        "Set global.integrations.argo-cd.server.auth.tokenSecretKeyRef to the name and key of a Secret that"
            + " holds an Argo CD API token (preferred), or auth.token.");
  }

  /**
   * Password auth without a usable password.
   *
   * @param path where the password is missing
   * @return the finding
   */
  public static Finding argoCdPasswordMissing(String path) {
    return Finding.error(EXTERNAL_ARGO_CD_PASSWORD, path,
        "Argo CD auth type \"password\" has no password: the literal password is empty and the Secret"
            + " reference lacks a name or a key, so the runtime cannot sign in to Argo CD.",
        "Set auth.passwordSecretKeyRef to the Secret that holds the Argo CD admin password (the chart default"
            + " is argocd-initial-admin-secret / password), or auth.password.");
  }

  // ---------------------------------------------------------------------------------------------------
  // other chart guards

  /**
   * Enrichment without workflows.
   *
   * @return the finding
   */
  public static Finding imageEnrichmentWithoutWorkflows() {
    return Finding.error(CHART_IMAGE_ENRICHMENT, "app-proxy.image-enrichment.enabled",
        "Image enrichment is on while Argo Workflows is off: enrichment runs as Argo Workflows, and the chart"
            + " refuses to render this combination.",
        "Set app-proxy.image-enrichment.enabled=false, or argo-workflows.enabled=true.");
  }

  /**
   * Several app-proxy replicas without Redis.
   *
   * @param replicas the replica count
   * @return the finding
   */
  public static Finding appProxyReplicasWithoutRedis(int replicas) {
    return Finding.error(CHART_APP_PROXY_REDIS, "app-proxy.replicaCount",
        "app-proxy runs " + replicas + " replicas without Redis: the replicas share their cache through Redis,"
            + " and the chart refuses to render more than one without it.",
        "Set redis.enabled=true (or redis-ha.enabled=true for a highly available cache), or"
            + " app-proxy.replicaCount=1.");
  }

  /**
   * A PodDisruptionBudget without bounds.
   *
   * @param component the component, such as "app-proxy"
   * @return the finding
   */
  public static Finding pdbWithoutBounds(String component) {
    return Finding.error(CHART_PDB, component + ".pdb",
        "The " + component + " PodDisruptionBudget is on but sets neither minAvailable nor maxUnavailable (the"
            + " chart counts 0 and empty as not set): the chart refuses to render a budget without one.",
        "Set " + component + ".pdb.minAvailable (for example 1) or " + component + ".pdb.maxUnavailable.");
  }

  /**
   * An env block that is not a map.
   *
   * @param path the block's path
   * @param block the block
   * @return the finding
   */
  public static Finding envBlockNotMap(String path, Object block) {
    return Finding.error(CHART_ENV, path,
        "The env block is " + yamlType(block) + ", not a map: the chart renders env blocks from a map of NAME: value"
            + " and fails otherwise.",
        "Write it as a map, for example {LOG_LEVEL: \"debug\"}.");
  }

  /**
   * A non-string scalar env value.
   *
   * @param path the entry's path
   * @param name the variable
   * @param value the number or boolean
   * @return the finding
   */
  public static Finding envValueNotString(String path, String name, Object value) {
    String shown = String.valueOf(value);
    return Finding.warning(CHART_ENV, path,
        name + " is " + yamlType(value) + ", not a string: some of the chart's env templates accept only strings and fail"
            + " to render otherwise.",
        "Quote it: " + name + ": " + q(shown) + ".");
  }

  /**
   * A list env value.
   *
   * @param path the entry's path
   * @param name the variable
   * @return the finding
   */
  public static Finding envValueList(String path, String name) {
    return Finding.error(CHART_ENV, path,
        name + " is a list: env values must be strings or {valueFrom: ...}, and the chart fails to render"
            + " anything else.",
        "Give " + name + " a string value, or a valueFrom with secretKeyRef, configMapKeyRef or fieldRef.");
  }

  /**
   * A map env value without valueFrom.
   *
   * @param path the entry's path
   * @param name the variable
   * @return the finding
   */
  public static Finding envValueMapWithoutValueFrom(String path, String name) {
    return Finding.error(CHART_ENV, path,
        name + " is a map without valueFrom: env values must be strings or {valueFrom: ...}, and the chart"
            + " fails to render anything else.",
        "Nest it under valueFrom, for example " + name + ": {valueFrom: {secretKeyRef: {name: \"my-secret\","
            + " key: \"value\"}}}.");
  }

  /**
   * An unsupported valueFrom.
   *
   * @param path the entry's path
   * @param name the variable
   * @param kinds the unsupported kinds given; empty when valueFrom is empty
   * @return the finding
   */
  public static Finding envValueFromUnsupported(String path, String name, List<String> kinds) {
    return Finding.error(CHART_ENV, path,
        name + "'s valueFrom uses " + (kinds.isEmpty() ? "nothing" : String.join(" and ", kinds)) + ": the chart supports only secretKeyRef, configMapKeyRef and"
            + " fieldRef and fails to render anything else.",
        "Use secretKeyRef, configMapKeyRef or fieldRef, or set " + name + " in the component's extra env"
            + " another way.");
  }

  // ---------------------------------------------------------------------------------------------------
  // stale keys

  /** A key the current chart ignores, with why and what to do instead. */
  public enum StaleKey {
    /** Renamed in 0.26.0. */
    EXTERNAL_ARGO_CD("global.external-argo-cd", VALUES_DEPRECATED_KEY,
        "is no longer read: since chart 0.26.0 an external Argo CD is configured under"
            + " global.integrations.argo-cd, with auth moved under server.",
        "Move svc and port to global.integrations.argo-cd.server, auth to global.integrations.argo-cd.server.auth,"
            + " and repoServer to global.integrations.argo-cd.repoServer."),
    /** Removed with Argo Rollouts in 0.27.0. */
    EXTERNAL_ARGO_ROLLOUTS("global.external-argo-rollouts", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed Argo Rollouts from the runtime, and with it the rollout"
            + " reporter setting.",
        "Remove it."),
    /** Removed in 0.27.0. */
    ARGO_ROLLOUTS("argo-rollouts", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed the Argo Rollouts subchart, so these settings do nothing.",
        "Remove it; install Argo Rollouts separately if you need it."),
    /** Removed in 0.27.0. */
    ARGO_EVENTS("argo-events", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed the Argo Events subchart, so these settings do nothing.",
        "Remove it; install Argo Events separately if you need it."),
    /** Split into argo-gateway and the event reporters. */
    CF_ARGOCD_EXTRAS("cf-argocd-extras", VALUES_DEPRECATED_KEY,
        "is not read: the chart configures those components as argo-gateway and the event reporters.",
        "Move the settings to argo-gateway and global.event-reporters (or event-reporters.<name>)."),
    /** No workflow reporter any more. */
    WORKFLOW_REPORTER("event-reporters.workflow", VALUES_DEPRECATED_KEY,
        "is not read: the chart has no workflow event reporter any more, only cluster-event-reporter and"
            + " runtime-event-reporter.",
        "Remove it."),
    /** No longer bundled. */
    GARAGE("garage-workflows-artifact-storage", VALUES_DEPRECATED_KEY,
        "is not read: the chart no longer bundles it.",
        "Remove it."),
    /** Only in old CI files. */
    REPO_CREDENTIALS_TEMPLATE("global.runtime.repoCredentialsTemplate", VALUES_DEPRECATED_KEY,
        "is not read by the chart.",
        "Configure repository credentials in argo-cd.configs.credentialTemplates, or add Git tokens in the"
            + " Codefresh UI."),
    /** Still honoured, but deprecated. */
    ARGO_CD_USERNAME("app-proxy.config.argoCdUsername", VALUES_DEPRECATED_KEY,
        "is deprecated: it still overrides global.integrations.argo-cd.server.auth.username, which is where"
            + " the Argo CD user name now goes.",
        "Move the user name to global.integrations.argo-cd.server.auth.username."),
    /** Always overwritten. */
    IS_EXTERNAL_ARGO_CD("global.runtime.isExternalArgoCD", VALUES_IGNORED_KEY,
        "is ignored: the chart always derives it from argo-cd.enabled.",
        "Remove it; set argo-cd.enabled=false to use an external Argo CD."),
    /** No template reads it. */
    API_EVENTS_PATH("global.codefresh.apiEventsPath", VALUES_IGNORED_KEY,
        "is ignored: no template of the chart reads it.",
        "Remove it.");

    private final String path;
    private final String ruleId;
    private final String why;
    private final String fix;

    StaleKey(String path, String ruleId, String why, String fix) {
      this.path = path;
      this.ruleId = ruleId;
      this.why = why;
      this.fix = fix;
    }

    /**
     * The key's values path.
     *
     * @return the path
     */
    public String path() {
      return path;
    }

    /**
     * The finding for this key.
     *
     * @return a warning
     */
    public Finding finding() {
      return Finding.warning(ruleId, path, path + " " + why, fix);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // shared configuration repository and Git API URLs

  /** What is wrong with a Shared Configuration Repository URL; {@code %s} in a fix is the suggestion. */
  public enum RepoProblem {
    /** Nothing given. */
    EMPTY("it is empty", "Use the repository's HTTPS URL, for example %s."),
    /** An scp-like SSH address. */
    SSH("it is an SSH address, and Codefresh works with the repository over HTTPS with the Git token",
        "Use %s."),
    /** Not a URL. */
    NOT_URL("it does not parse as a URL", "Use the repository's HTTPS URL, for example %s."),
    /** Not http(s). */
    SCHEME("Codefresh accepts only https (or http) repository URLs", "Use %s."),
    /** user:token@ in the URL. */
    CREDENTIALS("it contains credentials, which must never be part of a repository URL",
        "Remove the user name and token from the URL (%s) and give the Git token as the Git Runtime token."),
    /** No host. */
    NO_HOST("it has no host name", "Use the repository's HTTPS URL, for example %s."),
    /** A query other than ref. */
    QUERY("the only query it may have is ?ref=<branch>", "Use %s."),
    /** ?ref= without a branch. */
    EMPTY_REF("?ref= names no branch", "Name the branch, for example %s, or remove ?ref=."),
    /** #branch. */
    FRAGMENT("a branch is given as ?ref=<branch>, not after #", "Use %s."),
    /** Fewer than owner/repo. */
    NO_REPO("it names no repository: the path needs at least <owner>/<repository>",
        "Use the repository's URL, for example %s."),
    /** .. in the path. */
    DOT_DOT("its path contains \"..\"", "Use a path inside the repository, for example %s.");

    private final String why;
    private final String fix;

    RepoProblem(String why, String fix) {
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * A malformed Shared Configuration Repository URL.
   *
   * @param path the path to report
   * @param shown the URL, credentials masked
   * @param problem what is wrong
   * @param suggestion a fixed URL
   * @return the finding
   */
  public static Finding sharedConfigRepoInvalid(String path, String shown, RepoProblem problem, String suggestion) {
    String subject = problem == RepoProblem.EMPTY
        ? "The Shared Configuration Repository URL is empty"
        : q(shown) + " is not a Shared Configuration Repository URL: " + problem.why;
    return Finding.error(SHARED_CONFIG_REPO_FORMAT, path,
        subject + "; the form is <repo_url>.git[/<path>][?ref=<branch>].",
        String.format(Locale.ROOT, problem.fix, qu(suggestion)));
  }

  /**
   * A Shared Configuration Repository URL without .git.
   *
   * @param path the path to report
   * @param shown the URL
   * @param suggestion the URL with .git
   * @return the finding
   */
  public static Finding sharedConfigRepoNoGitSuffix(String path, String shown, String suggestion) {
    return Finding.warning(SHARED_CONFIG_REPO_GIT_SUFFIX, path,
        q(shown) + " does not end the repository part with .git: Codefresh then takes the whole path as the"
            + " repository and cannot tell a path inside it.",
        "Use " + q(suggestion) + " (add a path after .git/ if the configuration lives in a directory).");
  }

  /** What is wrong with a Git API URL; {@code %s} in a fix is the suggestion. */
  public enum ApiUrlProblem {
    /** Nothing given. */
    EMPTY(GIT_API_URL_FORMAT, "it is empty", "Use the provider's API URL, for example %s."),
    /** Not an absolute http(s) URL. */
    NOT_HTTP(GIT_API_URL_FORMAT, "it is not an absolute http or https URL", "Use for example %s."),
    /** user:token@ in the URL. */
    CREDENTIALS(GIT_API_URL_FORMAT, "it contains credentials, which must never be part of an API URL",
        "Remove them: use %s."),
    /** The provider cannot be told from the URL. */
    UNKNOWN_PROVIDER(GIT_API_URL_FORMAT,
        "the Git provider cannot be told from it (it is not on github.com, gitlab.com or bitbucket.org and does"
            + " not end with /api/v3, /api/v4 or /rest/api/1.0)",
        "Name the provider, as GitApiUrl.of(provider, url) does, or use the documented form, for example %s."),
    /** Bitbucket Cloud off bitbucket.org. */
    BITBUCKET_CLOUD_HOST(GIT_API_URL_PROVIDER,
        "Bitbucket Cloud is on bitbucket.org, and Codefresh's validation hook rejects any other host for it",
        "Use %s, or choose Bitbucket Data Center for an on-premises server."),
    /** Bitbucket Data Center on bitbucket.org. */
    BITBUCKET_SERVER_CLOUD_HOST(GIT_API_URL_PROVIDER,
        "bitbucket.org is Bitbucket Cloud, not Bitbucket Data Center, and Codefresh's validation hook rejects it",
        "Choose Bitbucket Cloud with %s, or give your Bitbucket Data Center server's URL."),
    /** A cloud host of another provider. */
    CLOUD_MISMATCH(GIT_API_URL_PROVIDER, "its host belongs to another Git provider",
        "Choose the provider of that host, or use your own server's API URL, for example %s.");

    private final String ruleId;
    private final String why;
    private final String fix;

    ApiUrlProblem(String ruleId, String why, String fix) {
      this.ruleId = ruleId;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * A Git API URL that cannot be used.
   *
   * @param path the path to report
   * @param shown the URL, credentials masked
   * @param provider the provider's name, or empty when not known
   * @param problem what is wrong
   * @param suggestion a fixed URL
   * @return the finding
   */
  public static Finding gitApiUrlInvalid(String path, String shown, String provider, ApiUrlProblem problem,
      String suggestion) {
    String subject = problem == ApiUrlProblem.EMPTY
        ? "The Git API URL is empty"
        : q(shown) + " is not a usable " + (provider.isEmpty() ? "Git" : provider) + " API URL: " + problem.why;
    return Finding.error(problem.ruleId, path, subject + ".",
        String.format(Locale.ROOT, problem.fix, qu(suggestion)));
  }

  /**
   * A Git API URL with an unusual path.
   *
   * @param path the path to report
   * @param shown the URL
   * @param provider the provider's name
   * @param usual the usual form
   * @return the finding
   */
  public static Finding gitApiUrlPath(String path, String shown, String provider, String usual) {
    return Finding.warning(GIT_API_URL_PATH, path,
        q(shown) + " is not the usual " + provider + " API URL: Codefresh calls the API at this URL as it is,"
            + " and " + provider + " serves its API at " + usual + ".",
        "Use " + q(usual) + ".");
  }

  /**
   * An on-premises repository without an API URL.
   *
   * @param path the path to report
   * @param host the repository's host
   * @return the finding
   */
  public static Finding gitApiUrlMissing(String path, String host) {
    return Finding.error(GIT_API_URL_MISSING, path,
        "No Git provider and API URL are given for " + q(host) + ": Codefresh infers them only for"
            + " github.com, gitlab.com and bitbucket.org.",
        "Give the provider and its API URL: GitHub Enterprise https://" + host + "/api/v3, GitLab Server"
            + " https://" + host + "/api/v4, or Bitbucket Data Center https://" + host + ".");
  }

  // ---------------------------------------------------------------------------------------------------
  // reading Secrets and reaching servers

  /**
   * Why a Secret key could not be read.
   *
   * @param failed the failure
   * @return for example {@code Secret "x" does not exist in namespace "y"}
   */
  public static String secretReadReason(ClusterSecrets.Failed failed) {
    String secret = "Secret " + q(failed.name()) + " in namespace " + q(failed.namespace());
    switch (failed.problem()) {
      case NOT_FOUND:
        return "Secret " + q(failed.name()) + " does not exist in namespace " + q(failed.namespace());
      case NO_KEY:
        return secret + " has no key " + q(failed.key());
      case EMPTY:
        return "key " + q(failed.key()) + " of " + secret + " is empty";
      case FORBIDDEN:
        return "reading " + secret + " is forbidden (HTTP 403) for the cluster user of this check";
      case UNAUTHORIZED:
        return "the cluster rejected the credentials of this check (HTTP 401) when reading " + secret;
      default:
        return "reading " + secret + " failed (" + failed.detail() + ")";
    }
  }

  private static String secretReadFix(ClusterSecrets.Failed failed, String what) {
    switch (failed.problem()) {
      case NOT_FOUND:
        return "Create the Secret in namespace " + q(failed.namespace()) + " before installing (kubectl create"
            + " secret generic " + failed.name() + " -n " + failed.namespace() + " --from-literal=" + failed.key()
            + "=<" + what + ">), or correct the reference.";
      case NO_KEY:
      case EMPTY:
        return "Put " + what + " under key " + q(failed.key()) + " of the Secret, or correct the key in the"
            + " reference.";
      case FORBIDDEN:
      case UNAUTHORIZED:
        return "Run the check as a cluster user that may get Secrets in namespace " + q(failed.namespace())
            + ".";
      default:
        return "Check the connection to the cluster and retry.";
    }
  }

  /**
   * Whether the cluster check of Secret references reports this failure itself (a missing Secret, key or
   * value), so that the check that needed the secret only says it was skipped instead of repeating it.
   */
  private static boolean isReportedByClusterCheck(ClusterSecrets.Failed failed) {
    switch (failed.problem()) {
      case NOT_FOUND:
      case NO_KEY:
      case EMPTY:
        return true;
      default:
        return false;
    }
  }

  private static Finding skippedForUnreadableSecret(String ruleId, ClusterSecrets.Failed failed, String what, String check) {
    return Finding.info(ruleId, pathOfRule(ruleId),
        "The " + check + " was skipped: the " + what + " cannot be read (" + secretReadReason(failed)
            + "). The cluster check " + CLUSTER_SECRET_REF + " reports the reference with its fix.");
  }

  private static String pathOfRule(String ruleId) {
    if (ruleId.equals(GIT_CREDENTIALS_SECRET)) {
      return "global.runtime.gitCredentials.password.secretKeyRef";
    }
    if (ruleId.equals(PLATFORM_CA_SECRET)) {
      return "global.codefresh.tls.caCerts.secretKeyRef";
    }
    return "global.codefresh.userToken.secretKeyRef";
  }

  /**
   * The API key's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  public static Finding userTokenSecretUnreadable(ClusterSecrets.Failed failed) {
    if (isReportedByClusterCheck(failed)) {
      return skippedForUnreadableSecret(USER_TOKEN_SECRET, failed, "Codefresh API key", "platform check");
    }
    return Finding.error(USER_TOKEN_SECRET, "global.codefresh.userToken.secretKeyRef",
        "The Codefresh API key cannot be read: " + secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        secretReadFix(failed, "API key"));
  }

  /**
   * A secret read from a Secret with surrounding whitespace.
   *
   * @param ruleId the whitespace rule of the secret
   * @param path the reference's path
   * @param what what the secret is, such as "Codefresh API key"
   * @param name the Secret
   * @return the finding
   */
  private static Finding secretValueWhitespace(String ruleId, String path, String what, String name) {
    return Finding.warning(ruleId, path,
        "The " + what + " in Secret " + q(name) + " ends or starts with whitespace or a line break: Codefresh's"
            + " validation hook and the runtime send it as it is, and it is rejected. This check used it without"
            + " the whitespace.",
        "Store it without the line break, for example with kubectl create secret generic " + name
            + " --from-literal=<key>=<value> instead of --from-file.");
  }

  /**
   * The API key in a Secret has surrounding whitespace.
   *
   * @param name the Secret
   * @return the finding
   */
  public static Finding userTokenSecretWhitespace(String name) {
    return secretValueWhitespace(USER_TOKEN_WHITESPACE, "global.codefresh.userToken.secretKeyRef",
        "Codefresh API key", name);
  }

  /**
   * The Git password in a Secret has surrounding whitespace.
   *
   * @param name the Secret
   * @return the finding
   */
  public static Finding gitPasswordSecretWhitespace(String name) {
    return secretValueWhitespace(GIT_CREDENTIALS_WHITESPACE, "global.runtime.gitCredentials.password.secretKeyRef",
        "Git password", name);
  }

  /**
   * The Git password's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  public static Finding gitPasswordSecretUnreadable(ClusterSecrets.Failed failed) {
    if (isReportedByClusterCheck(failed)) {
      return skippedForUnreadableSecret(GIT_CREDENTIALS_SECRET, failed, "Git password", "Git token check");
    }
    return Finding.error(GIT_CREDENTIALS_SECRET, "global.runtime.gitCredentials.password.secretKeyRef",
        "The Git password cannot be read: " + secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        secretReadFix(failed, "Git token"));
  }

  /**
   * The platform CA's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  public static Finding platformCaSecretUnreadable(ClusterSecrets.Failed failed) {
    if (isReportedByClusterCheck(failed)) {
      return skippedForUnreadableSecret(PLATFORM_CA_SECRET, failed, "platform CA bundle", "platform check");
    }
    return Finding.error(PLATFORM_CA_SECRET, "global.codefresh.tls.caCerts.secretKeyRef",
        "The platform CA bundle cannot be read: " + secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        secretReadFix(failed, "PEM bundle"));
  }

  /**
   * The platform CA's Secret holds no PEM.
   *
   * @param name the Secret
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  public static Finding platformCaSecretNotPem(String name, Pem.BadPemException problem) {
    return Finding.error(PLATFORM_CA_SECRET, "global.codefresh.tls.caCerts.secretKeyRef",
        "The platform CA bundle in Secret " + q(name) + " is not PEM: " + pemReason(problem)
            + "; the runtime cannot trust the platform with it.",
        "Put the CA certificates in PEM form into the Secret.");
  }

  /**
   * Why a server could not be reached.
   *
   * @param failure the classified failure
   * @param host the host
   * @return for example {@code the host name "x" does not resolve (DNS lookup failed)}
   */
  public static String netReason(NetErrors.Failure failure, String host) {
    switch (failure.kind()) {
      case DNS:
        return "the host name " + q(host) + " does not resolve (DNS lookup failed)";
      case CONNECT:
        return "the connection was refused or could not be opened (" + failure.detail() + ")";
      case TLS_UNTRUSTED:
        return "its TLS certificate is not trusted (" + failure.detail() + ")";
      case TLS_HOSTNAME:
        return "its TLS certificate is not valid for " + q(host);
      case TLS_OTHER:
        return "the TLS handshake failed (" + failure.detail() + ")";
      case TIMEOUT:
        return "it did not answer in time (" + failure.detail() + ")";
      default:
        return "the request failed (" + failure.detail() + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Codefresh platform

  private static final String ATTACH_CLIENT = "Attach a Kubernetes client:"
      + " ValidationContext.builder(installation).service(KubernetesClient.class, client).";

  /** Why the platform check did not run. */
  public enum PlatformSkip {
    /** Both skip flags. */
    FLAGS("installer.skipValidation", "installer.skipValidation and installer.skipUsageValidation are true",
        "Remove them to have the API key, account, runtime name and plan usage checked."),
    /** Offline run. */
    OFFLINE("", "validation runs offline", "Run online to check the API key, account and runtime name."),
    /** Bad platform URL. */
    BAD_URL("global.codefresh.url", "global.codefresh.url is not a usable URL (see platform-url.format)",
        "Fix global.codefresh.url."),
    /** No API key. */
    NO_TOKEN("global.codefresh.userToken",
        "no usable Codefresh API key is given (see user-token.missing and user-token.incomplete-ref)",
        "Give the API key."),
    /** API key in a Secret, no cluster client. */
    TOKEN_IN_SECRET("global.codefresh.userToken.secretKeyRef",
        "the API key is in a Secret, and no Kubernetes client was given to read it", ATTACH_CLIENT),
    /** API key with control characters. */
    TOKEN_UNUSABLE("global.codefresh.userToken.token",
        "the API key contains a line break or control character (see user-token.whitespace)",
        "Remove the whitespace from the API key."),
    /** CA in a Secret, no cluster client. */
    CA_IN_SECRET("global.codefresh.tls.caCerts.secretKeyRef",
        "the platform's CA is in a Secret, and no Kubernetes client was given to read it; without it the TLS"
            + " handshake would fail", ATTACH_CLIENT),
    /** CA content not PEM. */
    CA_UNUSABLE("global.codefresh.tls.caCerts.secret.content",
        "the platform CA content is not PEM (see platform-ca.pem)", "Fix the CA content.");

    private final String path;
    private final String why;
    private final String fix;

    PlatformSkip(String path, String why, String fix) {
      this.path = path;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * The platform check did not run.
   *
   * @param skip why
   * @return the finding
   */
  public static Finding platformSkipped(PlatformSkip skip) {
    return info(PLATFORM_SKIPPED, skip.path, "The Codefresh platform check was skipped: " + skip.why + ".",
        skip.fix);
  }

  /**
   * Identity checks skipped, usage still checked.
   *
   * @return the finding
   */
  public static Finding platformIdentitySkipped() {
    return info(PLATFORM_SKIPPED, "installer.skipValidation",
        "The API key, account and runtime name checks were skipped: installer.skipValidation is true. The plan"
            + " usage check still runs, as the chart's validate-usage hook does.",
        "Remove installer.skipValidation to have them checked.");
  }

  /** Which token a platform call used. */
  public enum TokenKind {
    /** The user's API key. */
    API_KEY,
    /** The runtime token of an existing runtime. */
    RUNTIME_TOKEN
  }

  /**
   * The platform rejected a token.
   *
   * @param url the platform URL
   * @param kind which token
   * @param namespace the release namespace
   * @param detail the HTTP status and body excerpt, secrets masked
   * @return the finding
   */
  public static Finding platformTokenRejected(String url, TokenKind kind, String namespace, String detail) {
    if (kind == TokenKind.RUNTIME_TOKEN) {
      return Finding.error(PLATFORM_TOKEN_INVALID, "namespace",
          "The platform at " + qu(url) + " rejected the runtime token in Secret \"codefresh-token\" of namespace "
              + q(namespace) + " (" + detail + "): the runtime it belonged to may have been deleted.",
          "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n "
              + namespace + "); for an upgrade, check the runtime in the Codefresh UI.");
    }
    return Finding.error(PLATFORM_TOKEN_INVALID, "global.codefresh.userToken",
        "The platform at " + qu(url) + " rejected the Codefresh API key (" + detail
            + "): the key is wrong, expired or revoked.",
        "Create a new API key in Codefresh (User Settings, API Keys) and put it where global.codefresh.userToken"
            + " points.");
  }

  /**
   * The platform could not be reached.
   *
   * @param url the platform URL
   * @param host its host
   * @param failure why
   * @return the finding
   */
  public static Finding platformUnreachable(String url, String host, NetErrors.Failure failure) {
    String fix;
    if (failure.isTls()) {
      fix = "If the platform uses a private CA, give it in global.codefresh.tls.caCerts (secret.content, or a"
          + " Secret named by secretKeyRef and a Kubernetes client to read it).";
    } else if (failure.kind() == NetErrors.Kind.DNS) {
      fix = "Check global.codefresh.url and this machine's DNS; if the platform is reachable only through a"
          + " proxy, set the JVM's proxy (https.proxyHost, https.proxyPort) for this check.";
    } else if (failure.kind() == NetErrors.Kind.TIMEOUT) {
      fix = "Check the network path from this machine to the platform, then retry.";
    } else {
      fix = "Check that the platform is up and that no firewall or proxy blocks this machine, then retry.";
    }
    return Finding.error(PLATFORM_UNREACHABLE, "global.codefresh.url",
        "Cannot reach the Codefresh platform at " + qu(url) + ": " + netReason(failure, host) + ".", fix);
  }

  /**
   * The platform answered with an error.
   *
   * @param url the platform URL
   * @param operation the GraphQL operation
   * @param detail the status or errors, secrets masked
   * @return the finding
   */
  public static Finding platformApiError(String url, String operation, String detail) {
    return Finding.error(PLATFORM_API_ERROR, "global.codefresh.url",
        "The platform at " + qu(url) + " failed the " + operation + " query (" + detail + ").",
        "Check that global.codefresh.url is the Codefresh platform and that it is up, then retry.");
  }

  /**
   * The user is not an account admin.
   *
   * @param user the user's name
   * @param account the account's name
   * @return the finding
   */
  public static Finding platformNotAdmin(String user, String account) {
    return Finding.error(PLATFORM_ADMIN, "global.codefresh.userToken",
        "User " + q(user) + " of the Codefresh API key is not an administrator of account " + q(account)
            + ": only account administrators can install a runtime.",
        "Use an API key of an administrator of " + q(account) + ", or ask one to make you an administrator.");
  }

  /**
   * accountId is not the key's account.
   *
   * @param given the accountId in the values
   * @param accountName the key's account name
   * @param accountId the key's account id
   * @return the finding
   */
  public static Finding platformAccountMismatch(String given, String accountName, String accountId) {
    return Finding.error(PLATFORM_ACCOUNT_ID, "global.codefresh.accountId",
        q(given) + " is not the account of the Codefresh API key: the key belongs to account " + q(accountName)
            + " (ID " + q(accountId) + ").",
        "Set global.codefresh.accountId to " + q(accountId) + ", or use an API key of account " + q(given) + ".");
  }

  /**
   * The key's account, when the values give none.
   *
   * @param accountName the key's account name
   * @param accountId the key's account id
   * @return the finding
   */
  public static Finding platformAccountHint(String accountName, String accountId) {
    return info(PLATFORM_ACCOUNT_ID, "global.codefresh.accountId",
        "The Codefresh API key belongs to account " + q(accountName) + " (ID " + q(accountId) + ").",
        "Set global.codefresh.accountId to " + q(accountId) + " where the chart needs it (see account-id.missing).");
  }

  /**
   * The runtime name is taken.
   *
   * @param name the runtime name
   * @param account the account's name
   * @param where where the runtime runs, such as {@code namespace "x" on cluster "y"}, or empty
   * @param clusterKnown whether a cluster client showed that this is not an upgrade
   * @return the finding: an error when known to be a new installation, a warning otherwise
   */
  public static Finding platformRuntimeExists(String name, String account, String where, boolean clusterKnown) {
    String message = "A runtime named " + q(name) + " already exists in account " + q(account)
        + (where.isEmpty() ? "" : " (" + where + ")")
        + ": runtime names are unique in an account, and Codefresh's validation hook fails a new installation"
        + " with this name.";
    if (clusterKnown) {
      return Finding.error(PLATFORM_RUNTIME_EXISTS, "global.runtime.name", message,
          "Choose another global.runtime.name, or uninstall the existing runtime first; to upgrade it, install"
              + " into the cluster and namespace where it runs.");
    }
    return Finding.warning(PLATFORM_RUNTIME_EXISTS, "global.runtime.name",
        message + " Without a Kubernetes client this check cannot tell an upgrade of that runtime from a new"
            + " installation.",
        "For a new installation choose another global.runtime.name; for an upgrade, attach a Kubernetes"
            + " client so that the runtime's codefresh-token Secret is found.");
  }

  /**
   * Where a runtime runs.
   *
   * @param namespace its namespace, or empty
   * @param cluster its cluster, or empty
   * @return for example {@code namespace "x" on cluster "y"}, or empty
   */
  public static String runtimeLocation(String namespace, String cluster) {
    if (namespace.isEmpty() && cluster.isEmpty()) {
      return "";
    }
    if (cluster.isEmpty()) {
      return "namespace " + q(namespace);
    }
    return (namespace.isEmpty() ? "" : "namespace " + q(namespace) + " ") + "on cluster " + q(cluster);
  }

  /**
   * Upgrade path: the token's runtime is gone.
   *
   * @param name the runtime name
   * @param namespace the namespace
   * @return the finding
   */
  public static Finding platformRuntimeMissing(String name, String namespace) {
    return Finding.error(PLATFORM_RUNTIME_MISSING, "global.runtime.name",
        "Namespace " + q(namespace) + " holds a codefresh-token Secret, so this is an upgrade, but the platform"
            + " has no runtime named " + q(name) + " for that token: Codefresh's validation hook fails.",
        "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n " + namespace
            + "); for an upgrade, set global.runtime.name to the runtime's current name.");
  }

  /**
   * Upgrade path: checked with the runtime token.
   *
   * @param name the runtime name
   * @param namespace the namespace
   * @return the finding
   */
  public static Finding platformUpgrade(String name, String namespace) {
    return Finding.info(PLATFORM_UPGRADE, "namespace",
        "Namespace " + q(namespace) + " holds a codefresh-token Secret, so this is an upgrade of runtime "
            + q(name) + ": the platform knows the runtime, and, like Codefresh's hook, the API key, account,"
            + " name and plan usage checks of a new installation were not run.");
  }

  /**
   * The cluster limit is reached.
   *
   * @param account the account
   * @param used clusters in use
   * @param limit the limit
   * @return the finding
   */
  public static Finding platformUsageLimit(String account, long used, long limit) {
    String state = used > limit ? "exceeded" : "reached";
    return Finding.error(PLATFORM_USAGE, "installer.skipUsageValidation",
        "Account " + q(account) + " has " + state + " its plan's limit of " + limit + " clusters (it uses " + used
            + "): the chart's validate-usage hook fails a new installation.",
        "Remove a runtime or cluster you no longer need, or upgrade the plan.");
  }

  /**
   * A limit without usage.
   *
   * @param account the account
   * @return the finding
   */
  public static Finding platformUsageMissing(String account) {
    return Finding.error(PLATFORM_USAGE, "installer.skipUsageValidation",
        "The platform reports a cluster limit for account " + q(account) + " but no cluster usage: the chart's"
            + " validate-usage hook fails with \"clusters usage is missing\".",
        "Retry later or ask Codefresh support; installer.skipUsageValidation=true skips the hook.");
  }

  /**
   * The usage check was skipped.
   *
   * @return the finding
   */
  public static Finding platformUsageSkipped() {
    return Finding.info(PLATFORM_USAGE, "installer.skipUsageValidation",
        "The plan usage check was skipped: installer.skipUsageValidation is true.");
  }

  // ---------------------------------------------------------------------------------------------------
  // Git provider

  /** Why the Git token check did not run. */
  public enum GitSkip {
    /** installer.skipValidation. */
    HOOK_OFF("installer.skipValidation", "installer.skipValidation is true",
        "Remove installer.skipValidation to have the token checked."),
    /** Offline run. */
    OFFLINE("", "validation runs offline", "Run online to check the Git token."),
    /** Password in a Secret, no cluster client. */
    PASSWORD_IN_SECRET("global.runtime.gitCredentials.password.secretKeyRef",
        "the Git password is in a Secret, and no Kubernetes client was given to read it", ATTACH_CLIENT),
    /** Incomplete password reference. */
    PASSWORD_UNUSABLE("global.runtime.gitCredentials.password",
        "the Git password cannot be used (see git-credentials.incomplete-ref and git-credentials.whitespace)",
        "Fix the Git password."),
    /** Empty username. */
    NO_USERNAME("global.runtime.gitCredentials.username",
        "the Git username is empty (see git-credentials.username)", "Set the Git username."),
    /** No API key to ask the platform for the provider. */
    NO_PLATFORM("global.codefresh.userToken",
        "only the Codefresh platform knows the account's Git provider and API URL, and it cannot be asked"
            + " (see the platform check's findings)",
        "Fix the Codefresh API key and platform settings first."),
    /** Git CA not PEM. */
    CA_UNUSABLE("argo-cd.configs.tls.certificates",
        "the Git server's certificate is not PEM (see git-ca.pem)", "Fix the certificate.");

    private final String path;
    private final String why;
    private final String fix;

    GitSkip(String path, String why, String fix) {
      this.path = path;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * The Git token check did not run.
   *
   * @param skip why
   * @return the finding
   */
  public static Finding gitSkipped(GitSkip skip) {
    return info(GIT_SKIPPED, skip.path, "The Git token check was skipped: " + skip.why + ".", skip.fix);
  }

  /**
   * The scope check was switched off.
   *
   * @return the finding
   */
  public static Finding gitPermissionCheckSkipped() {
    return info(GIT_SKIPPED, "app-proxy.config.skipGitPermissionValidation",
        "The Git token's scopes were not checked: app-proxy.config.skipGitPermissionValidation is \"true\".",
        "Make sure the Git Runtime token can read and write the Shared Configuration Repository, and that each"
            + " Git user token can read and write the repositories it is used with. Codefresh's validation hook"
            + " (cf helm validate 0.2) does not read this flag and still checks the token; if it rejects the"
            + " token, also set installer.skipValidation=true.");
  }

  /**
   * The account has no Git provider yet.
   *
   * @param account the account
   * @return the finding
   */
  public static Finding gitNoProviderYet(String account) {
    return info(GIT_SKIPPED, "global.runtime.gitCredentials",
        "The Git token check was skipped: account " + q(account) + " has no Git provider yet. It is set with the"
            + " Shared Configuration Repository when the account's first runtime is installed, and Codefresh's"
            + " hook skips the check too.",
        "");
  }

  /**
   * An unsupported provider.
   *
   * @param account the account
   * @param provider the platform's provider name
   * @return the finding
   */
  public static Finding gitProviderUnsupported(String account, String provider) {
    return Finding.error(GIT_PROVIDER_UNSUPPORTED, "global.runtime.gitCredentials",
        "Account " + q(account) + " uses Git provider " + q(provider) + ", which Codefresh's validation hook"
            + " does not support (it knows GitHub, GitLab, Bitbucket Cloud and Bitbucket Data Center): the hook"
            + " fails the installation whenever Git credentials are given.",
        "Install without global.runtime.gitCredentials and add the Git Runtime token in the Codefresh UI"
            + " afterwards, or set installer.skipValidation=true.");
  }

  /**
   * The account's API URL cannot be used.
   *
   * @param problem the URL's finding
   * @return the finding
   */
  public static Finding gitAccountApiUrl(Finding problem) {
    return Finding.error(GIT_API_URL, "global.runtime.gitCredentials",
        "The account's Git API URL in Codefresh does not work: " + problem.message(),
        "Correct the account's Git provider settings in the Codefresh UI. " + problem.remediation());
  }

  /**
   * A fine-grained GitHub token.
   *
   * @return the finding
   */
  public static Finding gitFineGrained() {
    return Finding.error(GIT_TOKEN_FINE_GRAINED, "global.runtime.gitCredentials.password",
        "The Git Runtime token is a fine-grained GitHub token: Codefresh's validation hook cannot check"
            + " fine-grained tokens and fails the installation.",
        "Use a classic token with the scopes repo and admin:repo_hook; or keep the fine-grained token, set"
            + " app-proxy.config.skipGitPermissionValidation to \"true\" and installer.skipValidation=true, and make"
            + " sure it can read and write the Shared Configuration Repository.");
  }

  /**
   * The provider rejected the token.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param detail what the provider answered, such as {@code HTTP 401, no X-OAuth-Scopes header}
   * @param fix how to get a valid token
   * @return the finding
   */
  private static Finding gitTokenRejected(String provider, String api, String detail, String fix) {
    return Finding.error(GIT_TOKEN_INVALID, "global.runtime.gitCredentials.password",
        provider + " at " + q(api) + " did not accept the Git Runtime token (" + detail + ")", fix);
  }

  /**
   * GitHub answered without scopes.
   *
   * @param provider "GitHub" or "GitHub Enterprise"
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  public static Finding githubNoScopes(String provider, String api, int status) {
    Finding f = gitTokenRejected(provider, api, "HTTP " + status + ", no X-OAuth-Scopes header",
        "Create a classic personal access token with the scopes repo and admin:repo_hook and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked, or not a classic personal access"
        + " token (GitHub App tokens have no scopes).");
  }

  /**
   * GitHub scopes missing.
   *
   * @param missing the missing scopes
   * @param granted the scopes the token has
   * @return the finding
   */
  public static Finding githubScopesMissing(List<String> missing, String granted) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks the GitHub scope" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
            + ": it has " + (granted.isBlank() ? "no scopes" : q(granted))
            + ", and the runtime needs repo and admin:repo_hook.",
        "Add the missing scopes to the token in GitHub (Settings, Developer settings, Personal access tokens),"
            + " or create a classic token with repo and admin:repo_hook.");
  }

  /**
   * A GitLab project access token.
   *
   * @param username the bot user
   * @return the finding
   */
  public static Finding gitlabProjectToken(String username) {
    return Finding.error(GIT_TOKEN_PROJECT, "global.runtime.gitCredentials.password",
        "The Git Runtime token is a GitLab project access token (bot user " + q(username)
            + "): Codefresh refuses project tokens.",
        "Use a personal or group access token with the api scope.");
  }

  /**
   * GitLab rejected the token.
   *
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  public static Finding gitlabTokenRejected(String api, int status) {
    Finding f = gitTokenRejected("GitLab", api, "HTTP " + status,
        "Create a personal or group access token with the api scope and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked.");
  }

  /**
   * GitLab token without the api scope.
   *
   * @param status the status of the project creation
   * @return the finding
   */
  public static Finding gitlabApiScopeMissing(int status) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks GitLab's api scope: GitLab refused a test project creation with it (HTTP "
            + status + " instead of 400), and the runtime needs the api scope.",
        "Create a personal or group access token with the api scope.");
  }

  /**
   * A provider answered something unexpected.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param what what was unexpected
   * @return the finding
   */
  public static Finding gitUnexpectedAnswer(String provider, String api, String what) {
    return Finding.error(GIT_API_ERROR, "global.runtime.gitCredentials",
        provider + " at " + q(api) + " answered " + what + ": the account's Git API URL may not be a "
            + provider + " API.",
        "Check the account's Git provider and API URL in the Codefresh UI.");
  }

  /** What GitLab's /user answered when it was not JSON. */
  public static final String GITLAB_USER_NOT_JSON = "GET /user with a body that is not JSON";

  /**
   * Bitbucket Cloud rejected the credentials.
   *
   * @param username the Git username
   * @param status the HTTP status
   * @return the finding
   */
  public static Finding bitbucketRejected(String username, int status) {
    return Finding.error(GIT_TOKEN_INVALID, "global.runtime.gitCredentials.password",
        "Bitbucket Cloud did not accept user " + q(username) + " with the Git Runtime token (HTTP " + status
            + ", no x-oauth-scopes header): the user name or the token is wrong, or the token has expired.",
        "Check global.runtime.gitCredentials.username (your Bitbucket user name, not your e-mail) and the token.");
  }

  /**
   * Bitbucket Cloud scopes missing.
   *
   * @param missing the missing permissions, as Bitbucket names them
   * @param granted the raw scopes header
   * @return the finding
   */
  public static Finding bitbucketScopesMissing(List<String> missing, String granted) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks the Bitbucket Cloud permission" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + ": it has " + q(granted) + ", and the runtime needs repository:admin,"
            + " account:read, workspace membership:write (team:write) and webhook:read and write.",
        "Create an app password or API token with those permissions.");
  }

  /**
   * Bitbucket Data Center did not identify the token's user.
   *
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  public static Finding bitbucketServerRejected(String api, int status) {
    Finding f = gitTokenRejected("Bitbucket Data Center", api, "HTTP " + status + ", no X-AUSERNAME header",
        "Create an HTTP access token with Project admin permission and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked.");
  }

  /**
   * Bitbucket Data Center token without Project admin.
   *
   * @param user the token's user
   * @param status the status of the repository creation
   * @return the finding
   */
  public static Finding bitbucketServerNotProjectAdmin(String user, int status) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token of user " + q(user) + " lacks the Project admin permission on Bitbucket Data"
            + " Center: a test repository creation with it was refused (HTTP " + status + " instead of 400).",
        "Use an HTTP access token with Project admin permission.");
  }

  /**
   * A Git provider could not be reached.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param host the host
   * @param failure why
   * @return the finding
   */
  public static Finding gitUnreachable(String provider, String api, String host, NetErrors.Failure failure) {
    String fix = failure.isTls()
        ? "Add the Git server's CA certificate under argo-cd.configs.tls.certificates." + host.replace(".", "\\.")
            + " (Codefresh's hook and Argo CD read it there)."
        : "Check the account's Git API URL and the network path from this machine to " + q(host) + ".";
    return Finding.error(GIT_UNREACHABLE, "global.runtime.gitCredentials",
        "Cannot reach " + provider + " at " + q(api) + ": " + netReason(failure, host) + ".", fix);
  }

  // ---------------------------------------------------------------------------------------------------
  // ingress probe

  /** Why the ingress probe did not run. */
  public enum ProbeSkip {
    /** installer.skipValidation. */
    HOOK_OFF("installer.skipValidation", "installer.skipValidation is true"),
    /** global.runtime.ingress.skipValidation. */
    INGRESS_FLAG("global.runtime.ingress.skipValidation", "global.runtime.ingress.skipValidation is true"),
    /** Offline run. */
    OFFLINE("", "validation runs offline"),
    /** hosts[0] unusable. */
    NO_HOST("global.runtime.ingress.hosts",
        "there is no usable host name in hosts[0] (see access-mode.ingress.hosts and access-mode.host-format)");

    private final String path;
    private final String why;

    ProbeSkip(String path, String why) {
      this.path = path;
      this.why = why;
    }
  }

  /**
   * The probe did not run.
   *
   * @param skip why
   * @return the finding
   */
  public static Finding probeSkipped(ProbeSkip skip) {
    return Finding.info(INGRESS_PROBE_SKIPPED, skip.path, "The ingress host was not probed: " + skip.why + ".");
  }

  /**
   * The ingress host could not be reached.
   *
   * @param url the probed URL
   * @param host the host
   * @param port the port
   * @param failure why
   * @return the finding
   */
  public static Finding ingressUnreachable(String url, String host, int port, NetErrors.Failure failure) {
    String fix;
    switch (failure.kind()) {
      case DNS:
        fix = "Create a DNS record for " + q(host) + " that points at the ingress controller's load balancer; if"
            + " the host resolves only where the platform runs, set global.runtime.ingress.skipValidation=true.";
        break;
      case CONNECT:
        fix = "Check that the ingress controller is installed and exposed on port " + port + ", and that no"
            + " firewall blocks it.";
        break;
      case TIMEOUT:
        fix = "Check that " + q(host) + " resolves to the ingress controller and that it answers on port " + port
            + ".";
        break;
      default:
        fix = failure.isTls()
            ? "Give the Ingress a certificate for " + q(host) + " signed by a public CA (Codefresh's hook and"
                + " platform trust only public CAs), or use protocol http."
            : "Check the ingress controller and retry.";
    }
    return Finding.error(INGRESS_UNREACHABLE, "global.runtime.ingress.hosts[0]",
        "HEAD " + url + " failed from this machine: " + netReason(failure, host) + "; the platform reaches the"
            + " runtime at this address, and Codefresh's validation hook fails when it cannot.",
        fix);
  }

  // ---------------------------------------------------------------------------------------------------
  // cluster checks

  /** A cluster check, as the skip and API-failure findings name it. */
  public enum ClusterCheck {
    /** Secret references of the values. */
    SECRETS("Secret references"),
    /** The IngressClass of the ingress access mode. */
    INGRESS_CLASS("IngressClass"),
    /** The Kubernetes server version. */
    KUBERNETES_VERSION("Kubernetes version"),
    /** The installing user's permissions. */
    PERMISSIONS("permissions"),
    /** Node sizes. */
    NODE_CAPACITY("node capacity"),
    /** Other runtimes and the runtime token. */
    EXISTING_RUNTIME("existing runtime"),
    /** Helm ownership of the Argo Project CRDs. */
    ARGO_CRDS("Argo CRD ownership"),
    /** The external Argo CD's version. */
    ARGO_CD_VERSION("external Argo CD version");

    private final String noun;

    ClusterCheck(String noun) {
      this.noun = noun;
    }
  }

  /** A Kubernetes API call of a cluster check, as an API-failure finding names it. */
  public enum ClusterCall {
    /** GET /version. */
    VERSION("Reading the server version (GET /version)"),
    /** Listing Nodes. */
    NODES("Listing the cluster's Nodes"),
    /** Reading IngressClasses. */
    INGRESS_CLASSES("Reading the cluster's IngressClasses"),
    /** SelfSubjectAccessReviews. */
    ACCESS_REVIEWS("Asking the API server what this user may do (SelfSubjectAccessReview)"),
    /** Listing CRDs. */
    CRDS("Listing the cluster's CustomResourceDefinitions"),
    /** Listing Helm release Secrets. */
    HELM_RELEASES("Listing Helm's release Secrets in all namespaces"),
    /** Listing labelled ConfigMaps. */
    RUNTIME_OBJECTS("Listing GitOps Runtime ConfigMaps in all namespaces"),
    /** Reading referenced Secrets. */
    SECRETS("Reading the referenced Secrets in the release namespace"),
    /** Reading the runtime token Secret. */
    RUNTIME_TOKEN("Reading Secret codefresh-token in the release namespace"),
    /** Listing Services by label. */
    SERVICES("Listing Services by label");

    private final String action;

    ClusterCall(String action) {
      this.action = action;
    }
  }

  private static final String ATTACH_CLUSTER = "Attach a Kubernetes client:"
      + " ValidationContext.builder(installation).service(KubernetesClient.class, client); or run"
      + " gitops-runtime validate with --kubeconfig.";

  /**
   * A cluster check did not run: no Kubernetes client.
   *
   * @param check the check
   * @return the finding
   */
  public static Finding clusterNoClient(ClusterCheck check) {
    return info(CLUSTER_SKIPPED, "",
        "The " + check.noun + " check was skipped: no Kubernetes client was given, so the cluster cannot be read.",
        ATTACH_CLUSTER);
  }

  /**
   * A cluster check did not run: offline.
   *
   * @param check the check
   * @return the finding
   */
  public static Finding clusterOffline(ClusterCheck check) {
    return info(CLUSTER_SKIPPED, "", "The " + check.noun + " check was skipped: validation runs offline.",
        "Validate online, with a Kubernetes client, to check the cluster.");
  }

  /**
   * The IngressClass check did not run: its skip flag.
   *
   * @param className the class the chart will use
   * @return the finding
   */
  public static Finding ingressClassSkipped(String className) {
    return info(CLUSTER_SKIPPED, "global.runtime.ingress.skipValidation",
        "The IngressClass check was skipped: global.runtime.ingress.skipValidation is true.",
        "Make sure IngressClass " + q(className) + " exists (kubectl get ingressclass): without it no ingress"
            + " controller serves the runtime.");
  }

  /**
   * The external Argo CD version check did not run: installer.skipValidation.
   *
   * @param range the supported range
   * @return the finding
   */
  public static Finding argoCdVersionSkipped(String range) {
    return info(CLUSTER_SKIPPED, "installer.skipValidation",
        "The external Argo CD version check was skipped: installer.skipValidation is true.",
        "Check yourself that your Argo CD's version is within " + range + " (argocd version), or remove"
            + " installer.skipValidation.");
  }

  /**
   * A Kubernetes API call of a cluster check failed.
   *
   * @param check the check
   * @param call the call
   * @param failure what the API server answered
   * @return the finding
   */
  public static Finding clusterApiError(ClusterCheck check, ClusterCall call, ApiFailure failure) {
    String fix;
    switch (failure.code()) {
      case 0:
        fix = "Check that the Kubernetes API server is reachable from here (kubectl cluster-info), then retry;"
            + " or validate offline.";
        break;
      case 401:
        fix = "The cluster rejected the kubeconfig's credentials: renew them (log in again) and retry.";
        break;
      case 403:
        fix = "Run the checks as a cluster admin: installing the runtime needs cluster-admin rights anyway.";
        break;
      case 404:
        fix = "Check that the kubeconfig points at a Kubernetes cluster (1.23 or later) and retry.";
        break;
      default:
        fix = "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry.";
    }
    return Finding.error(CLUSTER_API_ERROR, "",
        call.action + " failed (" + failure.describe() + "): the " + check.noun + " check could not run.", fix);
  }

  // secret references

  /** A Secret reference of the values, as the Secret references check names it. */
  public enum SecretRef {
    /** The Codefresh API key. */
    API_KEY("global.codefresh.userToken.secretKeyRef", "the Codefresh API key",
        "Codefresh's validation hook and the runtime read the API key from it, and neither works without one",
        "--from-literal=%s=<Codefresh API key>"),
    /** The Git Runtime token. */
    GIT_PASSWORD("global.runtime.gitCredentials.password.secretKeyRef", "the Git Runtime token",
        "the runtime reads the Git Runtime token from it, and cannot reach the Shared Configuration Repository"
            + " without one",
        "--from-literal=%s=<Git token>"),
    /** The platform CA bundle. */
    PLATFORM_CA("global.codefresh.tls.caCerts.secretKeyRef", "the platform's CA bundle",
        "Codefresh's validation hook and the runtime trust the platform's certificate only with the CA bundle in"
            + " it",
        "--from-file=%s=ca-bundle.pem"),
    /** The external Argo CD's password. */
    ARGO_CD_PASSWORD("global.integrations.argo-cd.server.auth.passwordSecretKeyRef", "the Argo CD password",
        "the runtime logs in to your Argo CD with the password in it, and its pods do not start without it",
        "--from-literal=%s=<Argo CD password>"),
    /** The external Argo CD's API token. */
    ARGO_CD_TOKEN("global.integrations.argo-cd.server.auth.tokenSecretKeyRef", "the Argo CD API token",
        "the runtime calls your Argo CD with the API token in it, and its pods do not start without it",
        "--from-literal=%s=<Argo CD API token>");

    private final String path;
    private final String what;
    private final String why;
    private final String source;

    SecretRef(String path, String what, String why, String source) {
      this.path = path;
      this.what = what;
      this.why = why;
      this.source = source;
    }

    private String create(String namespace, String name, String key) {
      return "kubectl create secret generic " + name + " -n " + namespace + " " + String.format(source, key);
    }
  }

  /**
   * A referenced Secret does not exist.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @param chartDefault whether the reference is the chart's default, not the user's
   * @return the finding
   */
  public static Finding secretRefMissing(SecretRef ref, String namespace, String name, String key,
      boolean chartDefault) {
    return Finding.error(CLUSTER_SECRET_REF, ref.path + ".name",
        "Secret " + q(name) + (chartDefault ? " (the chart's default reference)" : "") + " for " + ref.what
            + " does not exist in namespace " + q(namespace) + ": " + ref.why + ".",
        "Create it there before installing (" + ref.create(namespace, name, key) + "), or set " + ref.path
            + " to the Secret that holds " + ref.what + ".");
  }

  /**
   * A referenced Secret lacks the key.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @param keys the Secret's key names
   * @return the finding
   */
  public static Finding secretRefNoKey(SecretRef ref, String namespace, String name, String key, List<String> keys) {
    String has = keys.isEmpty() ? "it has no keys"
        : "its keys are " + String.join(", ", keys.stream().map(Messages::q).toList());
    String fix = keys.isEmpty()
        ? "Put " + ref.what + " into the Secret under key " + q(key) + " (" + ref.create(namespace, name, key)
            + " --dry-run=client -o yaml | kubectl apply -f -)."
        : "Set " + ref.path + ".key to the key that holds " + ref.what + ", or add key " + q(key)
            + " to the Secret.";
    return Finding.error(CLUSTER_SECRET_REF, ref.path + ".key",
        "Secret " + q(name) + " in namespace " + q(namespace) + " has no key " + q(key) + " for " + ref.what + " ("
            + has + "): " + ref.why + ".",
        fix);
  }

  /**
   * A referenced Secret's key is empty.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @return the finding
   */
  public static Finding secretRefEmpty(SecretRef ref, String namespace, String name, String key) {
    return Finding.error(CLUSTER_SECRET_REF, ref.path,
        "Key " + q(key) + " of Secret " + q(name) + " in namespace " + q(namespace) + " is empty, so "
            + ref.what + " would be blank: " + ref.why + ".",
        "Put " + ref.what + " into key " + q(key) + " (" + ref.create(namespace, name, key)
            + " --dry-run=client -o yaml | kubectl apply -f -).");
  }

  // IngressClass

  /**
   * The IngressClass does not exist.
   *
   * @param className the class the values name
   * @param existing the classes the cluster has, sorted
   * @param defaultClass the cluster's default class, or empty
   * @return the finding
   */
  public static Finding ingressClassMissing(String className, List<String> existing, String defaultClass) {
    String has = existing.isEmpty() ? "it has no IngressClass at all"
        : "it has " + String.join(", ", existing.stream().map(Messages::q).toList());
    String fix;
    if (existing.isEmpty()) {
      fix = "Install an ingress controller (ingress-nginx, for example, creates IngressClass \"nginx\"), or use"
          + " the tunnel: global.runtime.ingress.enabled=false.";
    } else {
      String pick = existing.size() == 1 ? q(existing.get(0))
          : defaultClass.isEmpty() ? "one of them" : "one of them, for example the default " + q(defaultClass);
      fix = "Set global.runtime.ingress.className to " + pick + ", or install the ingress controller that provides "
          + q(className) + ".";
    }
    return Finding.error(CLUSTER_INGRESS_CLASS, "global.runtime.ingress.className",
        "IngressClass " + q(className) + " does not exist in the cluster (" + has + "): no ingress controller would"
            + " serve the runtime's Ingress, and Codefresh's validation hook fails the installation.",
        fix);
  }

  // Kubernetes version

  /**
   * The server is older than 1.23.
   *
   * @param version the version as major.minor.patch
   * @param gitVersion the server's gitVersion
   * @return the finding
   */
  public static Finding kubernetesTooOld(String version, String gitVersion) {
    return Finding.error(CLUSTER_KUBERNETES_VERSION, "",
        "The cluster runs Kubernetes " + version + " (" + gitVersion + "), older than 1.23, the oldest version the"
            + " GitOps Runtime supports: the chart uses APIs that only 1.23 and later serve (autoscaling/v2, for"
            + " example).",
        "Upgrade the cluster to Kubernetes 1.23 or later, or install into another cluster.");
  }

  /**
   * The server's version cannot be read.
   *
   * @param gitVersion what the server reported
   * @return the finding
   */
  public static Finding kubernetesVersionUnknown(String gitVersion) {
    return Finding.warning(CLUSTER_KUBERNETES_VERSION, "",
        "The cluster reports Kubernetes version " + q(gitVersion) + ", which this check cannot read, so it could"
            + " not confirm 1.23 or later.",
        "Check the server version yourself (kubectl version): the GitOps Runtime needs 1.23 or later.");
  }

  // permissions

  /**
   * Missing verbs on a resource, for {@link #permissionsMissing}.
   *
   * @param verbs the verbs
   * @param resource the resource, such as {@code customresourcedefinitions.apiextensions.k8s.io}
   * @return for example {@code create, delete on namespaces}
   */
  public static String permission(List<String> verbs, String resource) {
    if (resource.equals("*")) {
      return "every verb on every resource, cluster-wide (*/*)";
    }
    return String.join(", ", verbs) + " on " + resource;
  }

  /**
   * The user lacks permissions.
   *
   * @param missing each missing permission, worded by {@link #permission}
   * @return the finding
   */
  public static Finding permissionsMissing(List<String> missing) {
    return Finding.error(CLUSTER_PERMISSIONS, "",
        "The cluster user of this check lacks permissions the installation needs: " + String.join("; ", missing)
            + ". Installing the runtime needs cluster-admin rights: Helm creates CRDs, namespaces, ClusterRoles and"
            + " ClusterRoleBindings, and Kubernetes lets a user grant only what it holds itself (the chart's"
            + " validate-values hook and several runtime ClusterRoles grant every verb on every resource).",
        "Install as a cluster admin: use a kubeconfig with the cluster-admin role, or have an admin bind it"
            + " (kubectl create clusterrolebinding gitops-runtime-installer --clusterrole=cluster-admin"
            + " --user=<user>).");
  }

  // node capacity

  /**
   * No node is big enough.
   *
   * @param biggest the biggest node's name
   * @param cpus its allocatable CPUs, such as {@code 1.5}
   * @param megabytes its allocatable memory in MB (10^6 bytes)
   * @param nodes how many nodes were checked
   * @return the finding
   */
  public static Finding nodesTooSmall(String biggest, String cpus, long megabytes, int nodes) {
    return Finding.error(CLUSTER_NODE_CAPACITY, "",
        "No node of the cluster offers 2 CPUs and 5000 MB of memory: the biggest, " + q(biggest) + ", has " + cpus
            + (cpus.equals("1") ? " CPU" : " CPUs") + " and " + megabytes + " MB allocatable (" + nodes
            + (nodes == 1 ? " node" : " nodes") + " checked), and the GitOps Runtime needs at least one node of"
            + " that size.",
        "Add a node, or a node pool, with at least 2 CPUs and 5000 MB of allocatable memory.");
  }

  /**
   * The cluster shows no schedulable node.
   *
   * @return the finding
   */
  public static Finding noSchedulableNodes() {
    return Finding.warning(CLUSTER_NODE_CAPACITY, "",
        "The cluster shows no schedulable node, so its capacity could not be checked: the GitOps Runtime needs at"
            + " least one node with 2 CPUs and 5000 MB of memory.",
        "Make sure such a node exists or can be added (kubectl get nodes).");
  }

  // existing runtime

  /**
   * The GitOps Runtimes of a namespace, in words.
   *
   * @param releases the chart's releases there, name to chart version (empty when unknown)
   * @param runtimes the runtime names its objects carry
   * @return for example {@code release "cf-gitops-runtime" of chart gitops-runtime 0.29.3, runtime "prod-us"}
   */
  public static String runtimeDescription(Map<String, String> releases, List<String> runtimes) {
    List<String> parts = new ArrayList<>();
    releases.forEach((release, version) -> parts.add("release " + q(release) + " of chart gitops-runtime"
        + (version.isEmpty() ? "" : " " + version)));
    for (String runtime : runtimes) {
      parts.add("runtime " + q(runtime));
    }
    return parts.isEmpty() ? "objects labelled app.kubernetes.io/part-of=codefresh-gitops-runtime"
        : String.join(", ", parts);
  }

  /**
   * Another release of the chart in the release namespace.
   *
   * @param namespace the namespace
   * @param other the other release's name
   * @param description the other release in words
   * @return the finding
   */
  public static Finding otherReleaseInNamespace(String namespace, String other, String description) {
    return Finding.error(CLUSTER_EXISTING_RUNTIME, "release",
        "Namespace " + q(namespace) + " already holds a GitOps Runtime (" + description + "): a second release"
            + " in the same namespace collides with its objects (cap-app-proxy, codefresh-cm, ...) and Helm fails.",
        "To upgrade that runtime, use release name " + q(other) + "; otherwise install into another namespace.");
  }

  /**
   * A runtime in another namespace.
   *
   * @param namespace its namespace
   * @param description the runtime in words
   * @param singleNamespace whether this installation is namespaced
   * @return the finding: a warning, or information when this runtime is namespaced
   */
  public static Finding otherRuntime(String namespace, String description, boolean singleNamespace) {
    String crds = "argo-cd.crds.install=false, argo-workflows.crds.install=false and"
        + " gitops-operator.crds.install=false";
    if (singleNamespace) {
      return info(CLUSTER_EXISTING_RUNTIME, "global.runtime.singleNamespace",
          "Another GitOps Runtime runs in namespace " + q(namespace) + " (" + description + "): namespaced runtimes"
              + " can share a cluster when every one of them is namespaced and only the first installs the CRDs.",
          "Unless this is the cluster's first runtime, also set " + crds + ".");
    }
    return Finding.warning(CLUSTER_EXISTING_RUNTIME, "global.runtime.singleNamespace",
        "Another GitOps Runtime runs in namespace " + q(namespace) + " (" + description + "): a cluster holds one"
            + " cluster-wide runtime, and two of them fight over the same CRDs, ClusterRoles and Argo CD"
            + " applications.",
        "Install into another cluster; or make every runtime of the cluster namespaced:"
            + " global.runtime.singleNamespace=true, and for all but the first " + crds + " (the chart's"
            + " values-multi-runtimes files).");
  }

  /**
   * A runtime token in the namespace of this release: an upgrade.
   *
   * @param namespace the namespace
   * @param release the release
   * @return the finding
   */
  public static Finding runtimeTokenUpgrade(String namespace, String release) {
    return info(CLUSTER_RUNTIME_TOKEN, "namespace",
        "Namespace " + q(namespace) + " holds release " + q(release) + " and its runtime token (Secret"
            + " codefresh-token), so this is an upgrade: Codefresh's validation hook checks only that the runtime"
            + " still exists on the platform, with that token, and not the API key, the account, the runtime name"
            + " or the Git token.",
        "");
  }

  /**
   * A leftover runtime token.
   *
   * @param namespace the namespace
   * @param release the release that is not there
   * @return the finding
   */
  public static Finding runtimeTokenLeftover(String namespace, String release) {
    return Finding.warning(CLUSTER_RUNTIME_TOKEN, "namespace",
        "Namespace " + q(namespace) + " holds a runtime token (Secret codefresh-token) but no release " + q(release)
            + ": it is left from a runtime installed here before. Codefresh's validation hook then treats the"
            + " installation as an upgrade of that runtime: it validates with the old token, fails if that runtime"
            + " was deleted from the platform, and skips the API key, account, runtime name and Git token checks.",
        "For a new runtime delete the leftover Secret first (kubectl delete secret codefresh-token -n " + namespace
            + "); to reinstall the old runtime, keep it and set global.runtime.name to that runtime's name.");
  }

  // Argo CRDs

  /**
   * Ownership metadata an Argo CRD lacks, for {@link #argoCrdNotOwned}.
   *
   * @param kind {@code label} or {@code annotation}
   * @param key the key
   * @param value the value it needs
   * @param actual the value it has, or null when absent
   * @return for example {@code annotation meta.helm.sh/release-name is "other", not "cf-gitops-runtime"}
   */
  public static String ownershipGap(String kind, String key, String value, @Nullable String actual) {
    return actual == null ? "no " + kind + " " + key + "=" + value
        : kind + " " + key + " is " + q(actual) + ", not " + q(value);
  }

  /**
   * An Argo CRD the chart installs exists without this release's ownership.
   *
   * @param crd the CRD's name
   * @param path the values key that makes the chart install it, such as {@code argo-cd.crds.install}
   * @param component the subchart that installs it, such as {@code Argo CD}
   * @param gaps what the CRD lacks, worded by {@link #ownershipGap}
   * @param ownerRelease the Helm release its annotations name now, or empty
   * @param ownerNamespace that release's namespace, or empty
   * @param release this release
   * @param namespace this release's namespace
   * @return the finding
   */
  public static Finding argoCrdNotOwned(String crd, String path, String component, List<String> gaps,
      String ownerRelease, String ownerNamespace, String release, String namespace) {
    String owner = ownerRelease.isEmpty() ? ""
        : "release " + q(ownerRelease) + (ownerNamespace.isEmpty() ? "" : " in namespace " + q(ownerNamespace));
    String command = "kubectl label crd " + crd + " app.kubernetes.io/managed-by=Helm --overwrite && kubectl annotate"
        + " crd " + crd + " meta.helm.sh/release-name=" + release + " meta.helm.sh/release-namespace=" + namespace
        + " --overwrite";
    String fix = "Hand it to release " + q(release) + " in namespace " + q(namespace) + ": " + command + ".";
    if (!owner.isEmpty()) {
      fix += " If " + owner + " is another GitOps Runtime, rather set " + path + "=false, so that only one release"
          + " installs the CRDs.";
    }
    return Finding.error(CLUSTER_ARGO_CRD_OWNERSHIP, path,
        "CRD " + q(crd) + " exists " + (owner.isEmpty() ? "outside this release" : "in Helm " + owner) + " ("
            + String.join("; ", gaps) + "), and the chart's " + component + " installs it too: Helm refuses to"
            + " adopt it (\"exists and cannot be imported into the current release\") and the installation fails.",
        fix);
  }

  /**
   * Argo CD's CRDs belong to the user's own Argo CD.
   *
   * @param crds the CRDs
   * @return the finding
   */
  public static Finding argoCrdsOfOwnArgoCd(List<String> crds) {
    return info(CLUSTER_ARGO_CRD_OWNERSHIP, "argo-cd.enabled",
        "CRD" + (crds.size() > 1 ? "s " : " ") + String.join(", ", crds.stream().map(Messages::q).toList())
            + (crds.size() > 1 ? " belong" : " belongs") + " to your own Argo CD: with argo-cd.enabled=false the"
            + " chart does not install " + (crds.size() > 1 ? "them" : "it") + ", so Helm leaves "
            + (crds.size() > 1 ? "them" : "it") + " alone.",
        "Do not hand " + (crds.size() > 1 ? "them" : "it") + " to this release.");
  }

  // external Argo CD

  /**
   * No Argo CD server Service in the namespace.
   *
   * @param labels the selector, such as {@code app.kubernetes.io/component=server,app.kubernetes.io/part-of=argocd}
   * @param namespace the release namespace
   * @param elsewhere namespaces where such a Service exists
   * @return the finding
   */
  public static Finding argoCdServerNotFound(String labels, String namespace, List<String> elsewhere) {
    String where = elsewhere.isEmpty() ? ""
        : "; such a Service exists in namespace" + (elsewhere.size() > 1 ? "s " : " ")
            + String.join(", ", elsewhere.stream().map(Messages::q).toList());
    String fix = elsewhere.size() == 1
        ? "Install the runtime into namespace " + q(elsewhere.get(0)) + ", where your Argo CD runs."
        : "Install the runtime into your Argo CD's namespace, or set installer.argoCdVersionCheck.argoServerLabels to"
            + " the labels of its server Service (kubectl get svc -A --show-labels).";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "installer.argoCdVersionCheck.argoServerLabels",
        "No Service with labels " + labels + " exists in namespace " + q(namespace) + where + ": with"
            + " argo-cd.enabled=false the runtime must be installed in your Argo CD's namespace, and Codefresh's"
            + " validation hook fails (\"No Argo CD service found matching labels\").",
        fix);
  }

  /**
   * Several Services match the Argo CD server labels.
   *
   * @param labels the selector
   * @param namespace the namespace
   * @param names the matching Services, sorted
   * @return the finding
   */
  public static Finding argoCdServerAmbiguous(String labels, String namespace, List<String> names) {
    return Finding.warning(CLUSTER_ARGO_CD_SERVER, "installer.argoCdVersionCheck.argoServerLabels",
        "Several Services in namespace " + q(namespace) + " have labels " + labels + " ("
            + String.join(", ", names.stream().map(Messages::q).toList()) + "): Codefresh's validation hook, like"
            + " this check, asks the first, " + q(names.get(0)) + ", for Argo CD's version.",
        "Make installer.argoCdVersionCheck.argoServerLabels select only the Argo CD server's Service.");
  }

  /**
   * Argo CD's API could not be asked.
   *
   * @param namespace the namespace
   * @param service the Service
   * @param port its port
   * @param path the API path asked, such as {@code /api/version}
   * @param failure what the proxy answered
   * @return the finding: a warning when the check was not allowed to ask, an error otherwise
   */
  public static Finding argoCdUnreachable(String namespace, String service, int port, String path,
      ApiFailure failure) {
    String asked = "GET " + path + " on Service " + q(service) + " port " + port + " in namespace " + q(namespace)
        + " through the Kubernetes API server's service proxy failed (" + failure.describe() + ")";
    if (failure.code() == 401 || failure.code() == 403) {
      return Finding.warning(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
          asked + ", so the external Argo CD's version could not be checked.",
          "Run the check as a user that may get services/proxy in namespace " + q(namespace) + ", or check the"
              + " version yourself (argocd version).");
    }
    String fix = failure.code() == 503
        ? "Check that the Argo CD server is running and ready (kubectl get pods -n " + namespace
            + " -l app.kubernetes.io/name=argocd-server)."
        : "Check that Service " + q(service) + " is Argo CD's API server and that its first port serves the API"
            + " (kubectl get svc " + service + " -n " + namespace + " -o yaml).";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
        asked + ": Codefresh's validation hook fails when it cannot read Argo CD's version.", fix);
  }

  /**
   * Argo CD's version answer has no usable version.
   *
   * @param service the Service
   * @param hasField whether the answer has a Version field (never quoted: it was not a version, so it may be
   *     anything the server sent)
   * @return the finding
   */
  public static Finding argoCdVersionUnreadable(String service, boolean hasField) {
    String what = hasField ? "has a Version field that is not a version" : "has no Version field";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
        "The /api/version answer of Service " + q(service) + " " + what + ": Codefresh's validation hook fails the"
            + " same way (\"Could not parse '.Version' field\").",
        "Check that Service " + q(service) + " is Argo CD's API server (argocd version --server ...).");
  }

  /**
   * The external Argo CD's version is outside the chart's range.
   *
   * @param version the version Argo CD reported
   * @param range the supported range, such as {@code >=3.2 <=3.4}
   * @param charts the charts the range belongs to, such as {@code chart 0.30.x}
   * @param preRelease whether the version is a pre-release
   * @return the finding
   */
  public static Finding argoCdVersionOutOfRange(String version, String range, String charts, boolean preRelease) {
    return Finding.error(CLUSTER_ARGO_CD_VERSION, "argo-cd.enabled",
        "Your Argo CD runs version " + version + (preRelease ? ", a pre-release, which no range accepts" : "")
            + ", outside the range " + range + " that " + charts + " supports: Codefresh's validation hook fails the"
            + " installation (\"does not satisfy required range\").",
        "Move Argo CD to a version within " + range + ", or install the chart version that supports " + version
            + " (the chart's README lists them).");
  }

  private static String refPath(String ref, boolean hasName, boolean hasKey) {
    if (!hasName && !hasKey) {
      return ref;
    }
    return ref + (hasName ? ".key" : ".name");
  }
}

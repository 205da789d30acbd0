package io.gitopsruntime.benchmarks;

/**
 * Writes a values file the size and shape of the real chart's {@code values.yaml} (about 30 KB, 900
 * lines): many components with images, resources, probes, scheduling, env blocks, anchors and merge
 * keys. Deterministic, so that every run measures the same input.
 */
public final class ChartSizedValues {
  private static final String[] COMPONENTS = {
    "app-proxy", "internal-router", "gitops-operator", "argo-gateway", "redis", "redis-ha", "sealed-secrets",
    "tunnel-client", "argo-cd", "argo-workflows", "redis-secret-init", "event-reporters"
  };

  private ChartSizedValues() {}

  /**
   * The YAML.
   *
   * @return a chart-sized values document
   */
  public static String yaml() {
    StringBuilder y = new StringBuilder();
    y.append("anchors:\n  common-envs:\n    - &otel-config\n      OTEL_EXPORTER_OTLP_ENDPOINT: \"\"\n")
        .append("      OTEL_SERVICE_NAME: gitops\n      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n")
        .append("      OTEL_TRACES_SAMPLER_ARG: \"0.1\"\n");
    y.append("global:\n  codefresh:\n    url: https://g.codefresh.io\n    accountId: 628a80b693a15c0f9c13ab75\n")
        .append("    userToken:\n      token: \"\"\n      secretKeyRef:\n        name: codefresh-user-token\n        key: token\n")
        .append("    tls:\n      caCerts:\n        secret:\n          create: false\n          key: ca-bundle.crt\n")
        .append("          content: \"\"\n          annotations: {}\n        secretKeyRef: {}\n")
        .append("      workflowPipelinesGitWebhooks:\n        annotations: {}\n        certificates: {}\n");
    y.append("  runtime:\n    name: prod-eu\n    cluster: https://kubernetes.default.svc\n    codefreshHosted: false\n")
        .append("    singleNamespace: false\n    isConfigurationRuntime: false\n")
        .append("    ingress:\n      enabled: true\n      skipValidation: false\n      protocol: https\n")
        .append("      className: nginx\n      tls: []\n      annotations: {}\n      labels: {}\n")
        .append("      hosts:\n        - gitops.example.com\n")
        .append("    httpRoute:\n      enabled: false\n      protocol: https\n      parentRefs: []\n      hostnames: []\n")
        .append("      annotations: {}\n      labels: {}\n    ingressUrl: \"\"\n")
        .append("    gitCredentials:\n      username: username\n      password:\n        value: null\n        secretKeyRef: {}\n");
    y.append("  integrations:\n    argo-cd:\n      server:\n        auth:\n          type: password\n          username: admin\n")
        .append("          password: \"\"\n          passwordSecretKeyRef:\n            name: argocd-initial-admin-secret\n")
        .append("            key: password\n          token: \"\"\n          tokenSecretKeyRef: {}\n")
        .append("        svc: argo-cd-server\n        port: 80\n        rootpath: \"\"\n")
        .append("      repoServer:\n        svc: argo-cd-repo-server\n        port: 8081\n");
    y.append("  imageRegistry: \"\"\n  httpProxy: \"\"\n  httpsProxy: \"\"\n  noProxy: \"\"\n  nodeSelector: {}\n  tolerations: []\n");
    y.append("installer:\n  skipValidation: false\n  skipUsageValidation: false\n")
        .append("  image:\n    repository: quay.io/codefresh/gitops-runtime-installer\n    tag: \"\"\n    pullPolicy: IfNotPresent\n")
        .append("  argoCdVersionCheck:\n    argoServerLabels:\n      app.kubernetes.io/component: server\n")
        .append("      app.kubernetes.io/part-of: argocd\n  nodeSelector: {}\n  tolerations: []\n  affinity: {}\n");
    for (int i = 0; i < COMPONENTS.length; i++) {
      component(y, COMPONENTS[i], i);
    }
    y.append("codefreshWorkflowLogStoreCM:\n  enabled: true\n  endpoint: gitops-workflow-logs.codefresh.io\n  insecure: false\n");
    return y.toString();
  }

  private static void component(StringBuilder y, String name, int seed) {
    y.append(name).append(":\n");
    y.append("  enabled: true\n  fullnameOverride: ").append(name).append("\n  replicaCount: ").append(1 + seed % 3).append('\n');
    y.append("  image:\n    registry: quay.io\n    repository: codefresh/").append(name).append("\n    tag: 1.").append(seed).append(".0\n")
        .append("    pullPolicy: IfNotPresent\n");
    y.append("  imagePullSecrets: []\n  podAnnotations: {}\n  podLabels: {}\n");
    y.append("  serviceAccount:\n    create: true\n    annotations: {}\n    name: ").append(name).append('\n');
    y.append("  service:\n    type: ClusterIP\n    ports:\n      http:\n        port: ").append(8080 + seed)
        .append("\n        targetPort: http\n      metrics:\n        port: 9100\n        targetPort: metrics\n");
    y.append("  resources:\n    requests:\n      memory: 128Mi\n      cpu: 100m\n      ephemeral-storage: 1Gi\n")
        .append("    limits:\n      memory: 1Gi\n      cpu: \"1\"\n");
    for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
      y.append("  ").append(probe).append(":\n    failureThreshold: 3\n    initialDelaySeconds: 10\n    periodSeconds: 10\n")
          .append("    successThreshold: 1\n    timeoutSeconds: 10\n");
    }
    y.append("  pdb:\n    enabled: ").append(seed % 2 == 0).append("\n    minAvailable: \"50%\"\n    maxUnavailable: \"\"\n");
    y.append("  hpa:\n    enabled: false\n    minReplicas: 1\n    maxReplicas: 10\n    targetCPUUtilizationPercentage: 70\n");
    y.append("  serviceMonitor:\n    enabled: false\n    interval: 30s\n    scrapeTimeout: 10s\n    labels: {}\n");
    y.append("  securityContext:\n    allowPrivilegeEscalation: false\n    readOnlyRootFilesystem: true\n    runAsNonRoot: true\n")
        .append("    capabilities:\n      drop:\n        - ALL\n");
    y.append("  nodeSelector: {}\n  tolerations: []\n  affinity: {}\n  topologySpreadConstraints: []\n");
    y.append("  env:\n    !!merge <<:\n      - *otel-config\n    LOG_LEVEL: info\n    PORT: \"").append(8080 + seed).append("\"\n");
    y.append("  extraVolumes: []\n  extraVolumeMounts: []\n");
    y.append("  config:\n");
    for (int k = 0; k < 12; k++) {
      y.append("    setting").append(k).append(": ").append(k % 3 == 0 ? "\"" + k + "\"" : k % 3 == 1 ? "value-" + k : "true").append('\n');
    }
  }
}

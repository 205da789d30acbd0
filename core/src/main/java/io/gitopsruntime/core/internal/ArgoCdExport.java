package io.gitopsruntime.core.internal;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.core.ValuesYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Argo CD {@code Application} export behind {@link Exports}. Thread-safe; no state. */
public final class ArgoCdExport {
  private ArgoCdExport() {}

  /**
   * The manifests, as {@link Exports#argoCdApplication} describes them.
   *
   * @param installation the installation
   * @param secrets whether the separate Secret manifest carries the literals or {@code ****}
   * @return the manifests as one multi-document YAML
   */
  public static String application(RuntimeInstallation installation, SecretHandling secrets) {
    String chartRef = installation.chart();
    String[] chart = ExportParts.splitChart(chartRef);
    if (chart[0] == null) {
      throw new InvalidValuesException("chart", "chart: \"" + chartRef + "\" is not an oci:// or https:// chart reference, which Argo CD needs to fetch a chart."
          + " Publish it to a chart repository or OCI registry, or use " + RuntimeInstallation.DEFAULT_CHART + ".");
    }
    boolean oci = chart[0].startsWith("oci://");
    String repoUrl = oci ? chart[0].substring("oci://".length()) : chart[0];
    String secretName = installation.releaseName() + "-secrets";

    Map<ValuesPath, String> moved = ExportParts.literalSecrets(installation);
    Map<String, Object> values = MutableValues.deepCopy(ValuesTree.of(installation.values(), SecretHandling.MASK).data());
    Map<String, Object> secretData = new LinkedHashMap<>();
    List<ValuesPath> withoutReference = new ArrayList<>();
    for (Map.Entry<ValuesPath, String> entry : moved.entrySet()) {
      ValuesPath path = entry.getKey();
      Optional<SecretSlots.Slot> found = SecretSlots.of(path);
      String value = secrets == SecretHandling.REVEAL ? entry.getValue() : ValuesYaml.MASK;
      if (found.isEmpty()) {
        // the chart takes no reference here: leave the value out of the Application, keep it in the Secret
        MutableValues.remove(values, path);
        withoutReference.add(path);
        secretData.put(path.toString().replaceAll("[^-._a-zA-Z0-9]", "_"), value);
        continue;
      }
      SecretSlots.Slot slot = found.get();
      MutableValues.remove(values, slot.literal());
      if (slot.name().equals("codefresh-ca-bundle")) {
        MutableValues.remove(values, slot.literal().parent().key("create"));
      }
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", secretName);
      ref.put("key", slot.name());
      MutableValues.put(values, slot.reference(), ref);
      secretData.put(slot.name(), value);
    }

    StringBuilder out = new StringBuilder();
    out.append("# Argo CD Application for the GitOps Runtime release \"").append(installation.releaseName())
        .append("\" in namespace \"").append(installation.namespace()).append("\".\n");
    if (!moved.isEmpty()) {
      out.append("# NOTE: the values held ").append(moved.size() == 1 ? "a literal secret" : moved.size() + " literal secrets")
          .append(" (").append(moved.keySet().stream().map(ValuesPath::toString).collect(Collectors.joining(", ")))
          .append(").\n")
          .append("# An Application is stored in Git and shown in Argo CD, so ")
          .append(moved.size() == 1 ? "it was" : "they were")
          .append(" moved to the Secret \"").append(secretName).append("\" below and the values\n")
          .append("# reference it with secretKeyRef. Create that Secret in the cluster before the first sync and keep it\n")
          .append("# out of Git (use Sealed Secrets or External Secrets).")
          .append(secrets == SecretHandling.REVEAL ? "\n" : " Its values are masked here; export with secrets revealed\n# to get them, or fill them in yourself.\n");
      if (!withoutReference.isEmpty()) {
        out.append("# The chart takes no secretKeyRef for ")
            .append(withoutReference.stream().map(ValuesPath::toString).collect(Collectors.joining(", ")))
            .append(": the Application leaves\n# ").append(withoutReference.size() == 1 ? "it" : "them")
            .append(" out, so the chart's defaults apply until you supply ")
            .append(withoutReference.size() == 1 ? "it" : "them")
            .append(" from outside Git (for example a values file in a\n# private repository, or a secrets plugin).\n");
      }
      Map<String, Object> secret = new LinkedHashMap<>();
      secret.put("apiVersion", "v1");
      secret.put("kind", "Secret");
      Map<String, Object> secretMetadata = new LinkedHashMap<>();
      secretMetadata.put("name", secretName);
      secretMetadata.put("namespace", installation.namespace());
      secret.put("metadata", secretMetadata);
      secret.put("type", "Opaque");
      secret.put("stringData", secretData);
      out.append(YamlWriter.write(secret)).append("---\n");
    }
    if (oci) {
      out.append("# Argo CD fetches Helm charts from OCI registries through a repository with enableOCI.\n");
      Map<String, Object> repo = new LinkedHashMap<>();
      repo.put("apiVersion", "v1");
      repo.put("kind", "Secret");
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", "codefresh-charts-oci");
      metadata.put("namespace", installation.namespace());
      metadata.put("labels", Map.of("argocd.argoproj.io/secret-type", "repository"));
      repo.put("metadata", metadata);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("name", "codefresh-charts");
      data.put("type", "helm");
      data.put("url", repoUrl);
      data.put("enableOCI", "true");
      repo.put("stringData", data);
      out.append(YamlWriter.write(repo)).append("---\n");
    }
    Map<String, Object> helm = new LinkedHashMap<>();
    helm.put("releaseName", installation.releaseName());
    if (!values.isEmpty()) {
      helm.put("valuesObject", values);
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("repoURL", repoUrl);
    source.put("chart", chart[1]);
    source.put("targetRevision", installation.chartVersion().orElse("*"));
    source.put("helm", helm);
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("server", "https://kubernetes.default.svc");
    destination.put("namespace", installation.namespace());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("project", "default");
    spec.put("source", source);
    spec.put("destination", destination);
    spec.put("syncPolicy", Map.of("syncOptions", List.of("CreateNamespace=true")));
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("apiVersion", "argoproj.io/v1alpha1");
    application.put("kind", "Application");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", installation.releaseName());
    metadata.put("namespace", installation.namespace());
    application.put("metadata", metadata);
    application.put("spec", spec);
    if (installation.chartVersion().isEmpty()) {
      out.append("# targetRevision \"*\" follows the newest chart; pin a version for repeatable installs.\n");
    }
    return out.append(YamlWriter.write(application)).toString();
  }
}

package io.gitopsruntime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.values.AccessMode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders installations and findings for a terminal or as JSON. */
final class Printer {
  private Printer() {}

  static String installation(Input input) {
    RuntimeInstallation installation = input.installation;
    StringBuilder out = new StringBuilder();
    out.append("Installation\n");
    row(out, "release", input.options.release + invalid(input, "release-name.format"));
    row(out, "namespace", input.options.namespace + invalid(input, "namespace.format"));
    row(out, "chart", installation.chart() + " " + installation.chartVersion().map(v -> "version " + v)
        .orElse("(newest version; pin one with --version)"));
    row(out, "runtime name", input.requestedRuntimeName + invalid(input, "runtime-name.format"));
    row(out, "access mode", describe(installation.accessMode()));
    row(out, "platform", installation.values().global().codefresh().url().orElse("https://g.codefresh.io"));
    installation.privateRegistry().ifPresent(registry -> row(out, "registry", registry.registry()
        + registry.pullSecret().map(s -> ", pull Secret " + s).orElse("")
        + (installation.privateRegistryApplied() ? " (every image pulled from it)" : "  (not applied: fix the errors below first)")));
    return out.toString();
  }

  private static String invalid(Input input, String ruleId) {
    return input.problems.stream().anyMatch(f -> f.ruleId().equals(ruleId)) ? "  (invalid, see below)" : "";
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 14 - label.length()))).append(value).append('\n');
  }

  static String describe(AccessMode mode) {
    if (mode instanceof AccessMode.Ingress) {
      AccessMode.Ingress ingress = (AccessMode.Ingress) mode;
      return "ingress (" + (ingress.hosts().isEmpty() ? "no host" : ingress.protocol() + "://" + ingress.hosts().get(0))
          + ", IngressClass " + ingress.className() + ")";
    }
    if (mode instanceof AccessMode.HttpRoute) {
      AccessMode.HttpRoute route = (AccessMode.HttpRoute) mode;
      return "Gateway API HTTPRoute (" + (route.hostnames().isEmpty() ? "no host name" : route.protocol() + "://" + route.hostnames().get(0)) + ")";
    }
    if (mode instanceof AccessMode.ServiceMesh) {
      String url = ((AccessMode.ServiceMesh) mode).ingressUrl();
      return "service mesh (" + (url.isEmpty() ? "no ingressUrl" : url) + ")";
    }
    return "tunnel";
  }

  static String findings(List<Finding> findings, Input input) {
    if (findings.isEmpty()) {
      return "  no problems found\n";
    }
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      out.append("  ").append(String.format("%-8s", finding.severity()));
      out.append(finding.path().isEmpty() ? "(installation)" : finding.path());
      input.locationOf(finding).ifPresent(l -> out.append("  (").append(l).append(')'));
      out.append("\n          ").append(finding.message().replace("\n", "\n          ")).append('\n');
      if (!finding.remediation().isEmpty()) {
        out.append("          fix: ").append(finding.remediation()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * An SDK message in the tool's words: advice about builder methods becomes the option that does the same, and a
   * cause without a message is not shown as {@code null}.
   */
  static String inCliWords(String message) {
    return message.replace("build the installer with plainHttp(true)", "give --plain-http")
        .replace("or set its path with HelmCliInstaller.builder().helmExecutable(Path.of(\"/path/to/helm\")), or use"
            + " EmbeddedHelmInstaller, which needs no binary.", "or give its path with --helm PATH, or use --installer manifest"
            + " or embedded, which need no binary.")
        .replace("(set with helmExecutable(...))", "(given with --helm)")
        .replace("Pass the file with kubeconfig(Path).", "Give one file with --kubeconfig.")
        .replace("plainHttp(true)", "--plain-http")
        .replace("kubeContext(..)", "--context")
        .replace(" Pass the installation (chart and values) the release was installed with.", "")
        .replace(": null.", ".")
        .replace(": null", "");
  }

  static String summary(List<Finding> findings) {
    long errors = count(findings, Severity.ERROR);
    long warnings = count(findings, Severity.WARNING);
    return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
  }

  static long count(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Writes JSON with Jackson's streaming generator. */
  interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }

  static String json(JsonBody body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  static void installationJson(JsonGenerator json, Input input) throws IOException {
    RuntimeInstallation installation = input.installation;
    json.writeObjectFieldStart("installation");
    json.writeStringField("release", input.options.release);
    json.writeStringField("namespace", input.options.namespace);
    json.writeStringField("chart", installation.chart());
    if (installation.chartVersion().isPresent()) {
      json.writeStringField("chartVersion", installation.chartVersion().get());
    } else {
      json.writeNullField("chartVersion");
    }
    if (input.readable()) {
      json.writeStringField("runtimeName", input.requestedRuntimeName);
      json.writeStringField("accessMode", installation.accessMode().kind().name());
      json.writeStringField("platformUrl", installation.values().global().codefresh().url().orElse("https://g.codefresh.io"));
      if (installation.privateRegistry().isPresent()) {
        json.writeObjectFieldStart("privateRegistry");
        json.writeStringField("registry", installation.privateRegistry().get().registry());
        if (installation.privateRegistry().get().pullSecret().isPresent()) {
          json.writeStringField("pullSecret", installation.privateRegistry().get().pullSecret().get());
        }
        json.writeBooleanField("applied", installation.privateRegistryApplied());
        json.writeEndObject();
      }
    } else {
      // what the values would say is unknown: a file could not be read
      json.writeNullField("runtimeName");
      json.writeNullField("accessMode");
      json.writeNullField("platformUrl");
    }
    json.writeEndObject();
  }

  static void findingsJson(JsonGenerator json, List<Finding> findings, Input input) throws IOException {
    json.writeArrayFieldStart("findings");
    for (Finding finding : findings) {
      json.writeStartObject();
      json.writeStringField("ruleId", finding.ruleId());
      json.writeStringField("severity", finding.severity().name());
      json.writeStringField("path", finding.path());
      json.writeStringField("message", finding.message());
      json.writeStringField("remediation", finding.remediation());
      var location = input.locationOf(finding);
      if (location.isPresent()) {
        json.writeStringField("location", location.get().toString());
      } else {
        json.writeNullField("location");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}

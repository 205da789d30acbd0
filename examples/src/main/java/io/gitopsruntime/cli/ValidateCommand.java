package io.gitopsruntime.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.util.List;

/** {@code gitops-runtime validate}: every check, offline and (unless --offline) against the cluster, platform and Git provider. */
final class ValidateCommand implements Command {
  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "Run every check: offline rules, and the cluster, platform, Git and ingress checks.";
  }

  @Override
  public String synopsis() {
    return "validate -f FILE [--kubeconfig PATH] [--context C] [--offline] [-o text|json]";
  }

  @Override
  public String description() {
    return "Runs every check Codefresh's in-cluster validation hook runs, and more, from here and at once: the"
        + " offline rules; with a cluster, the Secrets, IngressClass, version, permissions and capacity checks;"
        + " the Codefresh platform (API key, admin role, account, runtime name, plan usage); the Git provider's"
        + " token scopes; and the ingress host. Every problem is reported, each with its values path and fix."
        + " With --offline nothing leaves this machine. Exit code 0 when there is no error, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(
        Option.value("PATH", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config).", "--kubeconfig"),
        Option.value("C", "kubeconfig context (default: the current context).", "--context"),
        Option.flag("Run only the offline rules: no cluster, platform, Git or ingress requests.", "--offline"),
        Option.value("FORMAT", "text or json (default: text).", "-o", "--output"));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    OutputFormat output = OutputFormat.parse(arguments.value("--output", "text"));
    boolean offline = arguments.has("--offline");
    if (offline && (arguments.has("--kubeconfig") || arguments.has("--context"))) {
      throw new UsageException("--offline runs no cluster checks; drop --kubeconfig and --context, or --offline.");
    }
    Input in = Input.read(InputOptions.from(arguments));
    List<Finding> findings;
    if (offline) {
      findings = OfflineChecks.run(in);
    } else {
      try (KubernetesClient client = Clusters.client(arguments.value("--kubeconfig").orElse(null), arguments.value("--context").orElse(null))) {
        ValidationContext.Builder context = ValidationContext.builder(in.installation);
        if (client != null) {
          context.service(KubernetesClient.class, client);
        }
        ValidatorChain chain = ValidatorChain.builder().addAll(Validators.all()).build();
        ValidationReport report = chain.validate(context.build());
        findings = OfflineChecks.merge(in, report.findings());
      }
    }
    boolean errors = OfflineChecks.hasErrors(findings);
    if (output == OutputFormat.json) {
      io.out().print(Printer.json(json -> {
        json.writeStartObject();
        Printer.installationJson(json, in);
        json.writeBooleanField("offline", offline);
        Printer.findingsJson(json, findings, in);
        json.writeBooleanField("ok", !errors);
        json.writeEndObject();
      }));
    } else {
      io.out().print("Validated " + in.sources() + (offline ? " offline" : "") + ": " + Printer.summary(findings) + "\n"
          + Printer.findings(findings, in));
    }
    io.out().flush();
    return errors ? 1 : 0;
  }

}

package io.gitopsruntime.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.RuleIds;
import io.gitopsruntime.validators.Validators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    InputOptions options = InputOptions.from(arguments);
    Optional<Clusters.Target> target = offline ? Optional.empty()
        : Clusters.resolve(arguments.value("--kubeconfig").orElse(null), arguments.value("--context").orElse(null), io);
    Input in = Input.read(options, io.in());
    if (!in.readable() && output == OutputFormat.text) {
      in.throwIfUnreadable();
    }
    List<Finding> findings;
    if (!in.readable()) {
      findings = in.readErrors;
    } else if (offline) {
      findings = OfflineChecks.run(in);
    } else if (target.isEmpty()) {
      List<Validator> withoutCluster = new ArrayList<>(Validators.offline());
      withoutCluster.addAll(Validators.remote());
      ValidationReport report = ValidatorChain.builder().addAll(withoutCluster).build()
          .validate(ValidationContext.builder(in.installation).build());
      List<Finding> all = new ArrayList<>(report.findings());
      all.add(clusterSkipped(io));
      findings = OfflineChecks.merge(in, all);
    } else {
      try (KubernetesClient client = Clusters.client(target.get())) {
        ValidationContext.Builder context = ValidationContext.builder(in.installation).service(KubernetesClient.class, client);
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

  /** Without a kubeconfig the cluster checks cannot run: a warning, since an install would then find what they find. */
  static Finding clusterSkipped(Io io) {
    return Finding.warning(RuleIds.CLUSTER_SKIPPED, "", "The cluster checks (the Secrets the values refer to, the IngressClass,"
        + " the Kubernetes version, permissions, node capacity, Argo CD CRDs and other runtimes) were skipped: there is no"
        + " kubeconfig: " + Clusters.noKubeconfig(io),
        "To check the cluster too, run validate with --kubeconfig PATH and --context C; to check only the values, with --offline.");
  }
}

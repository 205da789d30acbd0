///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-validation
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a values file. Offline rules only by default; with --online also the Codefresh platform, the Git
 * provider and the ingress host, and with --kubeconfig the Secrets the values point to.
 *
 * <pre>jbang ValidateValues.java VALUES.yaml [--online [--kubeconfig PATH]]</pre>
 */
class ValidateValues {
  public static void main(String... args) throws Exception {
    List<String> options = List.of(args);
    int kubeconfigAt = options.indexOf("--kubeconfig");
    if (args.length == 0 || args[0].startsWith("-") || kubeconfigAt == args.length - 1) {
      System.err.println("usage: jbang ValidateValues.java VALUES.yaml [--online [--kubeconfig PATH]]");
      System.exit(2);
    }
    boolean online = options.contains("--online");

    RuntimeInstallation installation;
    try {
      installation = RuntimeInstallation.builder().values(ValuesYaml.read(Path.of(args[0])).valuesOrThrow()).build();
    } catch (GitOpsRuntimeException e) {
      System.out.println(e.getMessage());
      System.exit(1);
      return;
    }

    ValidatorChain chain = ValidatorChain.builder().addAll(online ? Validators.all() : Validators.offline()).build();
    ValidationContext.Builder context = ValidationContext.builder(installation).offline(!online);
    ValidationReport report;
    // a cluster client only when asked for: the Secrets behind secretKeyRef values are read through it
    try (KubernetesClient cluster = kubeconfigAt < 0 ? null : new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(Path.of(args[kubeconfigAt + 1])))).build()) {
      if (cluster != null) {
        context.service(KubernetesClient.class, cluster);
      }
      report = chain.validate(context.build());
    }

    System.out.println("Validated " + args[0] + (online ? " online" : " offline") + ": "
        + report.errors().size() + " errors, " + report.warnings().size() + " warnings");
    for (Finding finding : report.findings()) {
      System.out.println(finding);
    }
    System.exit(report.hasErrors() ? 1 : 0);
  }
}

///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-validation
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a values file and reports every wrong value at once, as gitops-runtime validate does: the values of
 * the wrong type the reader found, a malformed runtime name, and what the validators find in the rest. Offline
 * rules only by default; with --online also the Codefresh platform, the Git provider and the ingress host, and
 * with --kubeconfig the Secrets the values point to.
 *
 * <pre>jbang ValidateValues.java VALUES.yaml [--online [--kubeconfig PATH]]</pre>
 */
class ValidateValues {
  public static void main(String... args) {
    List<String> options = new ArrayList<>(List.of(args));
    boolean online = options.remove("--online");
    Optional<Path> kubeconfig = Optional.empty();
    int at = options.indexOf("--kubeconfig");
    if (at >= 0 && at + 1 < options.size()) {
      options.remove(at);
      kubeconfig = Optional.of(Path.of(options.remove(at)));
    }
    if (options.size() != 1 || options.get(0).startsWith("-") || kubeconfig.isPresent() && !online) {
      System.err.println("usage: jbang ValidateValues.java VALUES.yaml [--online [--kubeconfig PATH]]");
      System.exit(2);
    }
    String file = options.get(0);

    ParsedValues parsed;
    try {
      parsed = ValuesYaml.read(Path.of(file));   // only a missing file or malformed YAML stops here
    } catch (GitOpsRuntimeException e) {
      System.out.println(e.getMessage());
      System.exit(1);
      return;
    }
    // the values of the wrong type (reported with their fix), then a malformed runtime name
    List<Finding> findings = new ArrayList<>(parsed.problems());
    GitOpsRuntimeValues values = parsed.values();
    Optional<Finding> badName = NameRules.checkRuntimeName(
        values.global().runtime().name().orElse(RuntimeInstallation.DEFAULT_RUNTIME_NAME));
    badName.ifPresent(findings::add);
    if (badName.isPresent()) {
      // check everything else with a stand-in name
      values = values.withGlobal(values.global().withRuntime(
          values.global().runtime().withName(RuntimeInstallation.DEFAULT_RUNTIME_NAME)));
    }
    RuntimeInstallation installation = RuntimeInstallation.builder().values(values).build();

    ValidatorChain chain = ValidatorChain.builder().addAll(online ? Validators.all() : Validators.offline()).build();
    ValidationContext.Builder context = ValidationContext.builder(installation).offline(!online);
    // a cluster client only when asked for: the Secrets behind secretKeyRef values are read through it
    try (KubernetesClient cluster = kubeconfig.isEmpty() ? null : new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig.get()))).build()) {
      if (cluster != null) {
        context.service(KubernetesClient.class, cluster);
      }
      for (Finding finding : chain.validate(context.build()).findings()) {
        // the stand-in name is not the user's, and a value of the wrong type is already reported
        boolean known = finding.ruleId().equals(NameRules.RUNTIME_NAME)
            || findings.stream().anyMatch(f -> f.path().equals(finding.path()) && !f.path().isEmpty());
        if (!known) {
          findings.add(finding);
        }
      }
    } catch (IOException e) {
      System.out.println(kubeconfig.get() + ": cannot be read (" + e.getMessage() + "). Check the path given with --kubeconfig.");
      System.exit(1);
    }

    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    System.out.println("Validated " + file + (online ? " online" : " offline") + ": " + errors + " errors, " + warnings + " warnings");
    findings.sort((a, b) -> a.severity().compareTo(b.severity()));
    for (Finding finding : findings) {
      // SEVERITY [rule id] path: message fix (file:line:column)
      System.out.println(finding + parsed.locationOf(finding.path()).map(l -> " (" + l + ")").orElse(""));
    }
    System.exit(errors > 0 ? 1 : 0);
  }
}

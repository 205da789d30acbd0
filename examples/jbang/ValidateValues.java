///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-validation
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesFiles;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validators.Validators;
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

    // reads the file and builds the installation; values of the wrong type and a malformed runtime name
    // become findings, and the installation gets a stand-in name so that everything else is still checked
    ValuesFiles files = ValuesFiles.read(Path.of(file));
    if (!files.readable()) {   // a missing file or malformed YAML: nothing else is meaningful
      files.readErrors().forEach(e -> System.out.println(e.message()));
      System.exit(1);
    }

    ValidatorChain chain = ValidatorChain.builder().addAll(online ? Validators.all() : Validators.offline()).build();
    ValidationContext.Builder context = ValidationContext.builder(files.installation()).offline(!online);
    List<Finding> findings;
    // a cluster client only when asked for: the Secrets behind secretKeyRef values are read through it
    try (KubernetesClient cluster = kubeconfig.isEmpty() ? null : new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig.get()))).build()) {
      if (cluster != null) {
        context.service(KubernetesClient.class, cluster);
      }
      // the reader's problems and the validators' findings in one report, by severity, then in file order
      findings = files.report(chain.validate(context.build())).findings();
    } catch (IOException e) {
      System.out.println(kubeconfig.get() + ": cannot be read (" + e.getMessage() + "). Check the path given with --kubeconfig.");
      System.exit(1);
      return;
    }

    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    System.out.println("Validated " + file + (online ? " online" : " offline") + ": " + errors + " errors, " + warnings + " warnings");
    for (Finding finding : findings) {
      // SEVERITY [rule id] path: message fix (file:line:column)
      System.out.println(finding + files.locationOf(finding).map(l -> " (" + l + ")").orElse(""));
    }
    System.exit(errors > 0 ? 1 : 0);
  }
}

///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-core
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a values file into what another tool installs from: a Terraform helm_release, an Argo CD Application,
 * or the helm command. Literal secrets never appear in the output.
 *
 * <pre>jbang ExportInstallation.java terraform|argocd|helm VALUES.yaml [CHART-VERSION]</pre>
 */
class ExportInstallation {
  public static void main(String... args) {
    if (args.length < 2 || args.length > 3 || !List.of("terraform", "argocd", "helm").contains(args[0])) {
      System.err.println("usage: jbang ExportInstallation.java terraform|argocd|helm VALUES.yaml [CHART-VERSION]");
      System.exit(2);
    }
    RuntimeInstallation installation;
    try {
      RuntimeInstallation.Builder builder = RuntimeInstallation.builder()
          .values(ValuesYaml.read(Path.of(args[1])).valuesOrThrow());   // a missing file or a wrong value: its fix
      if (args.length > 2) {
        builder.chartVersion(args[2]);
      }
      installation = builder.build();
    } catch (GitOpsRuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }

    switch (args[0]) {
      case "terraform" -> System.out.print(Exports.terraform(installation));
      case "argocd" -> System.out.print(Exports.argoCdApplication(installation, SecretHandling.MASK));
      case "helm" -> System.out.print(Exports.helmCommand(installation, SecretHandling.MASK));
      default -> {
        System.err.println("Unknown export \"" + args[0] + "\". Use terraform, argocd or helm.");
        System.exit(2);
      }
    }
  }
}

///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-validation
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.SecretValue;

/**
 * Plans an installation described in code: builds it, checks it offline, prints its values and findings.
 *
 * <pre>jbang PlanInstallation.java [tunnel|ingress|service-mesh] [RUNTIME-NAME]</pre>
 */
class PlanInstallation {
  public static void main(String... args) {
    if (args.length > 2 || args.length > 0 && args[0].startsWith("-")) {
      usage();
    }
    try {
      plan(args);
    } catch (GitOpsRuntimeException e) {
      System.err.println(e.getMessage());   // a malformed runtime name, with the fix
      System.exit(1);
    }
  }

  static void usage() {
    System.err.println("usage: jbang PlanInstallation.java [tunnel|ingress|service-mesh] [RUNTIME-NAME]");
    System.exit(2);
  }

  static void plan(String... args) {
    String mode = args.length > 0 ? args[0] : "tunnel";
    String runtimeName = args.length > 1 ? args[1] : "prod-eu";

    RuntimeInstallation.Builder builder = RuntimeInstallation.builder()
        .runtimeName(runtimeName)
        .accountId("628a80b693a15c0f9c13ab75")
        // the API key stays in the cluster: the chart reads it from this Secret
        .userToken(SecretValue.fromSecret("codefresh-user-token", "token"))
        .chartVersion("0.30.0");
    switch (mode) {
      case "tunnel" -> builder.accessMode(AccessMode.tunnel());
      case "ingress" -> builder.ingress(runtimeName + ".runtimes.example.com", "nginx");
      case "service-mesh" -> builder.serviceMesh("https://" + runtimeName + ".mesh.example.com");
      default -> {
        System.err.println("Unknown access mode \"" + mode + "\". Use tunnel, ingress or service-mesh.");
        usage();
      }
    }
    RuntimeInstallation installation = builder.build();

    ValidatorChain chain = ValidatorChain.builder().addAll(Validators.offline()).build();
    ValidationReport report = chain.validate(ValidationContext.builder(installation).offline(true).build());

    System.out.println("# " + installation.releaseName() + " in namespace " + installation.namespace()
        + ", runtime " + installation.runtimeName() + ", access mode " + installation.accessMode().kind());
    System.out.print(Exports.valuesYaml(installation, SecretHandling.MASK));
    System.out.println("# Findings (offline):");
    System.out.println(report);
    System.exit(report.hasErrors() ? 1 : 0);
  }
}

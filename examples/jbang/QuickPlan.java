///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-validation
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;

/**
 * The README's JBang example: an ingress runtime described in code, checked offline, printed as a helm command.
 *
 * <pre>jbang QuickPlan.java RUNTIME-NAME INGRESS-HOST</pre>
 */
class QuickPlan {
  public static void main(String... args) {
    if (args.length != 2 || args[0].startsWith("-")) {
      System.err.println("usage: jbang QuickPlan.java RUNTIME-NAME INGRESS-HOST   (for example: prod-eu gitops.example.com)");
      System.exit(2);
    }
    try {
      plan(args);
    } catch (GitOpsRuntimeException e) {
      System.err.println(e.getMessage());   // a malformed runtime name or host, with the fix
      System.exit(1);
    }
  }

  static void plan(String... args) {
    // README:begin
    var installation = RuntimeInstallation.builder().runtimeName(args[0]).ingress(args[1], "nginx")
        .accountId("628a80b693a15c0f9c13ab75").userToken(SecretValue.fromSecret("codefresh-user-token", "token")).build();
    System.out.println(Validators.standard().validateOffline(installation));
    System.out.print(Exports.helmCommand(installation, SecretHandling.MASK));
    // README:end
  }
}

package io.gitopsruntime.examples;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.io.PrintStream;

/**
 * Checks a runtime name against the built-in offline rules and the payments team's own rule.
 *
 * <pre>
 * java -cp ... io.gitopsruntime.examples.CheckTeamPolicy prod-eu            # exit 1: no team prefix
 * java -cp ... io.gitopsruntime.examples.CheckTeamPolicy payments-prod-eu   # exit 0
 * </pre>
 *
 * <p>Not instantiable.
 */
public final class CheckTeamPolicy {
  private static final ValidatorChain CHAIN = ValidatorChain.builder()
      .addAll(Validators.offline())
      .add(new TeamPrefixValidator("payments-"))
      .build();

  private CheckTeamPolicy() {}

  /**
   * Checks the runtime name given as the only argument.
   *
   * @param args the runtime name
   */
  public static void main(String... args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      out.println("usage: CheckTeamPolicy RUNTIME-NAME");
      return 2;
    }
    RuntimeInstallation installation;
    try {
      installation = RuntimeInstallation.builder()
          .runtimeName(args[0])
          .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
          .build();
    } catch (InvalidValuesException e) {
      // a name the chart cannot take at all: the builder says why and how to fix it
      out.println(e.getMessage());
      return 1;
    }
    ValidationReport report = CHAIN.validate(ValidationContext.builder(installation).offline(true).build());
    out.println(installation.runtimeName() + ": " + (report.hasErrors() ? "does not follow the team policy" : "ok"));
    report.errors().forEach(out::println);
    return report.hasErrors() ? 1 : 0;
  }
}

package com.example.platform;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;

/** What a platform team's tool typically does with the SDK: describe, check offline, hand over to Helm or Terraform. */
public final class RuntimeTool {
  private RuntimeTool() {}

  public static void main(String[] args) {
    RuntimeInstallation installation = RuntimeInstallation.builder()
        .runtimeName("payments-prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
        .chartVersion("0.30.0")
        .build();

    ValidatorChain chain = ValidatorChain.builder().addAll(Validators.offline()).build();
    ValidationReport report = chain.validate(ValidationContext.builder(installation).offline(true).build());
    System.out.println("Offline validation of " + installation.runtimeName() + ": " + report.errors().size()
        + " errors, " + report.warnings().size() + " warnings");
    if (report.hasErrors()) {
      System.out.println(report);
      System.exit(1);
    }

    System.out.println("--- values.yaml");
    System.out.print(Exports.valuesYaml(installation, SecretHandling.MASK));
    System.out.println("--- helm");
    System.out.print(Exports.helmCommand(installation, SecretHandling.MASK));
    System.out.println("--- terraform");
    System.out.print(Exports.terraform(installation));
  }
}

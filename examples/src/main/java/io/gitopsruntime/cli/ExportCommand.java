package io.gitopsruntime.cli;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.TerraformSyntax;
import io.gitopsruntime.validation.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gitops-runtime export}: the installation as a values file, helm command, Terraform or Argo CD Application. */
@Command(
    name = "export",
    description =
        "Write the installation in another tool's form: values (a values file), helm (the helm upgrade --install"
            + " command), terraform (a helm_release), argocd (an Argo CD Application). Secrets are masked unless"
            + " --reveal-secrets is given; Terraform and Argo CD exports never embed them.",
    sortOptions = false)
final class ExportCommand implements Callable<Integer> {
  enum Format {
    values,
    helm,
    terraform,
    argocd
  }

  @Parameters(index = "0", paramLabel = "FORMAT", description = "values, helm, terraform or argocd.")
  Format format = Format.values;

  @Mixin InputOptions input;

  @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  @Nullable Path outputFile;

  @Option(names = "--reveal-secrets", description = "Write literal secrets instead of ****. Files are then created readable by their owner only.")
  boolean revealSecrets;

  @Option(names = "--terraform-provider", paramLabel = "MAJOR", description = "Helm provider syntax for terraform: 3 (list attributes) or 2 (blocks). Default: ${DEFAULT-VALUE}.",
      defaultValue = "3")
  int terraformProvider = 3;

  @Option(names = "--no-validate", description = "Export even when the values have errors.")
  boolean noValidate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Input in = Input.read(input);
    List<Finding> findings = OfflineChecks.run(in);
    if (OfflineChecks.hasErrors(findings) && (!noValidate || !in.namesValid())) {
      spec.commandLine().getErr().print("The values have errors; nothing was exported"
          + (in.namesValid() ? " (use --no-validate to export anyway)" : "") + ":\n" + Printer.findings(findings, in));
      spec.commandLine().getErr().flush();
      return 1;
    }
    if (terraformProvider != 2 && terraformProvider != 3) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--terraform-provider must be 2 or 3, not " + terraformProvider + ".");
    }
    SecretHandling secrets = revealSecrets ? SecretHandling.REVEAL : SecretHandling.MASK;
    String text;
    try {
      switch (format) {
        case helm:
          text = Exports.helmCommand(in.installation, secrets);
          break;
        case terraform:
          text = Exports.terraform(in.installation, terraformProvider == 2 ? TerraformSyntax.HELM_PROVIDER_2 : TerraformSyntax.HELM_PROVIDER_3);
          break;
        case argocd:
          text = Exports.argoCdApplication(in.installation, secrets);
          break;
        default:
          text = Exports.valuesYaml(in.installation, secrets);
      }
    } catch (GitOpsRuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
    if (outputFile == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      write(outputFile, text, revealSecrets);
      spec.commandLine().getErr().println("Wrote " + outputFile + (revealSecrets ? " (readable by its owner only: it holds secrets)" : ""));
    }
    return 0;
  }

  private static void write(Path file, String text, boolean ownerOnly) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Path temp = Files.createTempFile(dir, ".gitops-runtime-", ".tmp");
      try {
        if (ownerOnly && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CliException(file + ": cannot be written (" + e.getMessage() + "). Check the directory exists and is writable.", e);
    }
  }
}

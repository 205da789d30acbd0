package io.gitopsruntime.cli;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.TerraformSyntax;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.images.RegistryOverrides;
import io.gitopsruntime.validation.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code gitops-runtime export}: the installation as a values file, helm command, Terraform or Argo CD Application, or
 * the override values that point its images at a private registry.
 */
final class ExportCommand implements Command {
  /** The first lines of a values file whose literal secrets were written as ****. */
  static final String MASKED_HEADER = "# Secrets were masked: every " + ValuesYaml.MASK + " below stands for a literal secret, and"
      + " installing this file as it is\n# would install " + ValuesYaml.MASK + " (plan and validate report it as an error)."
      + " Export with --reveal-secrets, or keep\n# the secrets in Kubernetes Secrets and refer to them with secretKeyRef.\n";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "Write the installation as a values file, helm command, Terraform or Argo CD Application, or private-registry values.";
  }

  @Override
  public String synopsis() {
    return "export values|helm|terraform|argocd|registry-values -f FILE [options]";
  }

  @Override
  public String description() {
    return "Writes the installation in another tool's form: values (a values file), helm (the helm upgrade --install"
        + " command), terraform (a helm_release), argocd (an Argo CD Application), registry-values (override values that point every image at the private"
        + " registry --registry HOST[/PREFIX], keeping each image's repository path and tag, with --pull-secret NAME"
        + " where each component takes one; checked by rendering the chart again with them, offline, and refused when"
        + " an image stays elsewhere). With --registry, helm, terraform and argocd carry those override values too."
        + " Secrets are masked unless --reveal-secrets is given; the Terraform and Argo CD"
        + " exports never embed them. Values with errors are not exported (exit code 1).";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(
        Option.value("FILE", "Write to FILE instead of standard output (-o is the output format in every command, as in"
            + " kubectl and helm; export's format is its first argument).", "--output-file"),
        Option.hidden("FORMAT", "-o", "--output"),
        Option.flag("Write literal secrets instead of ****; files are then created readable by their owner only.", "--reveal-secrets"),
        Option.value("MAJOR", "Helm provider syntax for terraform: 3 (list attributes, default) or 2 (blocks).", "--terraform-provider"),
        Option.flag("Export even when the values have errors.", "--no-validate"),
        Option.value("HOST[/PREFIX]", "The private registry, such as registry.example.com/mirror: registry-values writes its"
            + " override values; helm, terraform and argocd carry them.", "--registry"),
        RegistryOptions.PULL_SECRET,
        InstallerOptions.PLAIN_HTTP);
  }

  @Override
  public int positionals() {
    return 1;
  }

  @Override
  public int run(Arguments arguments, Io io) {
    if (arguments.has("--output")) {
      String given = arguments.value("--output", "");
      throw new UsageException("-o is the output format (of plan and validate), not a file; export's format is its first"
          + " argument (values, helm, terraform, argocd or registry-values). To write a file, use --output-file "
          + (given.isEmpty() || given.equals("json") || given.equals("text") ? "FILE" : given) + ".");
    }
    List<String> positionals = arguments.positionals();
    if (positionals.isEmpty()) {
      throw new UsageException("say what to export: values, helm, terraform, argocd or registry-values.");
    }
    String format = positionals.get(0);
    if (!List.of("values", "helm", "terraform", "argocd", "registry-values").contains(format)) {
      throw new UsageException("unknown export format \"" + format + "\"; use values, helm, terraform, argocd or"
          + " registry-values.");
    }
    if (format.equals("registry-values")) {
      return registryValues(arguments, io);
    }
    if (format.equals("values") && arguments.has("--registry")) {
      throw new UsageException("export values writes the values files as given; the override values for the private"
          + " registry are export registry-values --registry HOST[/PREFIX] (pass that file after yours, with -f).");
    }
    Optional<PrivateRegistry> registry = RegistryOptions.from(arguments);
    String provider = arguments.value("--terraform-provider", "3");
    if (!provider.equals("2") && !provider.equals("3")) {
      throw new UsageException("--terraform-provider must be 2 or 3, not \"" + provider + "\".");
    }
    boolean reveal = arguments.has("--reveal-secrets");
    Input read = Input.read(InputOptions.from(arguments), io.in());
    read.throwIfUnreadable();
    Input in = read;
    List<Finding> findings = OfflineChecks.run(in);
    if (OfflineChecks.hasErrors(findings) && !in.namesValid() && arguments.has("--no-validate")) {
      List<Finding> blocking = new ArrayList<>();
      List<Finding> others = new ArrayList<>();
      for (Finding finding : findings) {
        (OfflineChecks.isNameRule(finding.ruleId()) ? blocking : others).add(finding);
      }
      io.err().print("The values have errors; nothing was exported. --no-validate cannot skip " + (blocking.size() == 1
          ? "this one" : "these") + ", because every export writes the names:\n"
          + Printer.findings(blocking, in)
          + (others.isEmpty() ? "" : "The other findings" + (OfflineChecks.hasErrors(others) ? " (--no-validate would let these"
              + " errors through)" : "") + ":\n" + Printer.findings(others, in)));
      io.err().flush();
      return 1;
    }
    if (OfflineChecks.hasErrors(findings) && !arguments.has("--no-validate")) {
      io.err().print("The values have errors; nothing was exported" + (in.namesValid() ? " (use --no-validate to export anyway)" : "")
          + ":\n"
          + Printer.findings(findings, in));
      io.err().flush();
      return 1;
    }
    in = RegistryOptions.apply(in, findings, registry, arguments.has("--plain-http"));
    SecretHandling secrets = reveal ? SecretHandling.REVEAL : SecretHandling.MASK;
    String text;
    try {
      switch (format) {
        case "helm":
          text = Exports.helmCommand(in.installation, secrets);
          break;
        case "terraform":
          text = Exports.terraform(in.installation, provider.equals("2") ? TerraformSyntax.HELM_PROVIDER_2 : TerraformSyntax.HELM_PROVIDER_3);
          break;
        case "argocd":
          text = Exports.argoCdApplication(in.installation, secrets);
          break;
        default:
          // as given: a fragment without a runtime name must not override, when layered, the name another file sets
          text = ValuesYaml.write(in.valuesAsGiven(), secrets);
          if (!reveal && !ValuesYaml.literalSecrets(in.installation.values()).isEmpty()) {
            text = MASKED_HEADER + text;
          }
      }
    } catch (GitOpsRuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
    return emit(arguments, io, text, reveal);
  }

  /** The override values for a private registry: needs valid names, not complete values (the render checks those). */
  private static int registryValues(Arguments arguments, Io io) {
    Optional<String> registry = arguments.value("--registry");
    if (registry.isEmpty()) {
      throw new UsageException("export registry-values needs the private registry: --registry HOST[/PREFIX], such as"
          + " --registry registry.example.com/mirror.");
    }
    RegistryOverrides.Builder builder = RegistryOverrides.builder().plainHttp(arguments.has("--plain-http"));
    try {
      builder.registry(registry.get());
      arguments.value("--pull-secret").ifPresent(builder::pullSecret);
    } catch (IllegalArgumentException e) {
      throw new UsageException((e.getMessage().contains("Secret name") ? "--pull-secret " : "--registry ") + e.getMessage());
    }
    Input in = Input.read(InputOptions.from(arguments), io.in());
    in.throwIfUnreadable();
    List<Finding> naming = in.problems.stream().filter(f -> OfflineChecks.isNameRule(f.ruleId())).toList();
    if (!naming.isEmpty()) {
      io.err().print("The names are not valid; nothing was exported:\n" + Printer.findings(naming, in));
      io.err().flush();
      return 1;
    }
    RegistryOverrides overrides = builder.build();
    String text;
    try {
      text = "# Override values that point every image at " + overrides.registry() + ". Pass this file after your own"
          + " values\n# (helm upgrade --install ... -f values.yaml -f THIS-FILE), once each image is copied there under"
          + " the same\n# repository path and tag (gitops-runtime images lists them).\n" + overrides.of(in.installation).toYaml();
    } catch (GitOpsRuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
    return emit(arguments, io, text, false);
  }

  /** Prints the export, or writes it to {@code --output-file} (readable by its owner only when it holds secrets). */
  private static int emit(Arguments arguments, Io io, String text, boolean secrets) {
    Optional<String> file = arguments.value("--output-file");
    if (file.isEmpty()) {
      io.out().print(text);
      io.out().flush();
    } else {
      write(Path.of(file.get()), text, secrets);
      io.err().println("Wrote " + file.get() + (secrets ? " (readable by its owner only: it holds secrets)" : ""));
      io.err().flush();
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
      throw new CliException(file + ": cannot be written (" + e.getMessage() + "). Check that the directory exists and is writable.", e);
    }
  }
}

package io.gitopsruntime.core;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.internal.ArgoCdExport;
import io.gitopsruntime.core.internal.HelmCommandExport;
import io.gitopsruntime.core.internal.TerraformExport;
import java.util.List;

/**
 * Turns an installation into the forms other tools take: a values file, a {@code helm} command, a
 * Terraform {@code helm_release}, an Argo CD {@code Application}.
 *
 * <pre>{@code
 * System.out.println(Exports.helmCommand(installation, SecretHandling.MASK));
 * Files.writeString(Path.of("runtime.tf"), Exports.terraform(installation));
 * }</pre>
 *
 * <p>Secrets, as {@code SecretSlots} decides them (the chart's credential keys, keys named like
 * secrets, credential-looking values, the user-info of URLs), are masked ({@code ****}) unless the
 * caller asks to reveal them; the Terraform export never holds one (each becomes a sensitive variable)
 * and the Argo CD export moves each into a separate Kubernetes Secret.
 *
 * <p>An installation that names a private registry ({@link RuntimeInstallation#privateRegistry()}) is exported with
 * the registry's override values, which {@code RegistryOverrides.applyTo} writes into its values; one whose
 * overrides are not applied yet is refused ({@link InvalidValuesException} naming {@code privateRegistry}), as its
 * export would pull every image from the public registries. Thread-safe; no state.
 */
public final class Exports {
  private Exports() {}

  /**
   * The values file: only what the installation sets.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the YAML
   */
  public static String valuesYaml(RuntimeInstallation installation, SecretHandling secrets) {
    requireRegistryApplied(installation);
    return ValuesYaml.write(installation.values(), secrets);
  }

  /**
   * The {@code helm upgrade --install} command as an argument list (not shell-quoted), in the shape of
   * Codefresh's installation page: release, {@code --create-namespace}, {@code --namespace}, one
   * {@code --set} per value, the chart, {@code --version} when pinned, {@code --wait}.
   *
   * <p>The flags give Helm exactly what the values as a file ({@code -f}) give it: numbers, empty maps
   * and empty lists go through {@code --set-json} (so the command needs Helm 3.10 or later), strings
   * Helm would read as another type through {@code --set-string}.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the arguments, starting with {@code helm}
   * @throws InvalidValuesException for a value Helm refuses or would change (infinity, NaN, a whole
   *     number above 2^53 a float64 cannot hold, a NUL character) or a path {@code --set} cannot reach
   */
  public static List<String> helmCommandArguments(RuntimeInstallation installation, SecretHandling secrets) {
    requireRegistryApplied(installation);
    return HelmCommandExport.arguments(installation, secrets);
  }

  /**
   * The {@code helm upgrade --install} command, quoted for a POSIX shell, one flag per line.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the command, ending with a newline
   * @throws InvalidValuesException as {@link #helmCommandArguments} does
   */
  public static String helmCommand(RuntimeInstallation installation, SecretHandling secrets) {
    requireRegistryApplied(installation);
    return HelmCommandExport.command(installation, secrets);
  }

  /**
   * A Terraform {@code helm_release} for Helm provider 3.x.
   *
   * @param installation the installation
   * @return the HCL
   * @see #terraform(RuntimeInstallation, TerraformSyntax)
   */
  public static String terraform(RuntimeInstallation installation) {
    return terraform(installation, TerraformSyntax.HELM_PROVIDER_3);
  }

  /**
   * A Terraform {@code helm_release}: {@code set} for plain values and {@code set_sensitive} bound to a
   * sensitive variable for every literal secret, which never appears in the HCL.
   *
   * <p>The provider runs Helm's {@code --set} parser on each {@code set}, so values are escaped and typed
   * as for {@code --set}; what {@code set} cannot express as a values file does (numbers, which a values
   * file gives Helm as float64s, empty maps and empty lists) goes in a {@code values} document, which the
   * {@code set} entries are applied over.
   *
   * @param installation the installation
   * @param syntax which Helm provider syntax to write
   * @return the HCL: the variables, then the resource
   * @throws InvalidValuesException for a value Helm refuses or would change, as {@link #helmCommandArguments} says
   */
  public static String terraform(RuntimeInstallation installation, TerraformSyntax syntax) {
    requireRegistryApplied(installation);
    return TerraformExport.release(installation, syntax);
  }

  /**
   * An Argo CD {@code Application} that installs the chart into this cluster (Codefresh's "Configure as
   * Argo CD Application" step), with the values in {@code helm.valuesObject}.
   *
   * <p>An Application lives in Git and in Argo CD's UI, so it never holds a secret: each literal secret
   * becomes a {@code secretKeyRef} to a Secret named {@code <release>-secrets}, which the export emits as
   * a separate manifest (masked unless revealed) with a comment saying so. For an {@code oci://} chart it
   * also emits the repository Secret Argo CD needs ({@code enableOCI: "true"}).
   *
   * @param installation the installation
   * @param secrets whether the separate Secret manifest carries the literals or {@code ****}
   * @return the manifests as one multi-document YAML
   * @throws InvalidValuesException if the chart is a local directory or archive, which Argo CD cannot fetch
   */
  public static String argoCdApplication(RuntimeInstallation installation, SecretHandling secrets) {
    requireRegistryApplied(installation);
    return ArgoCdExport.application(installation, secrets);
  }

  /**
   * Refuses an installation whose private registry's override values are not in its values.
   *
   * @param installation the installation
   * @throws InvalidValuesException naming {@code privateRegistry}, when it names a registry whose overrides are not
   *     applied
   */
  private static void requireRegistryApplied(RuntimeInstallation installation) {
    if (installation.privateRegistry().isPresent() && !installation.privateRegistryApplied()) {
      String registry = installation.privateRegistry().get().registry();
      throw new InvalidValuesException("privateRegistry", "privateRegistry: the installation pulls its images from "
          + registry + ", but its values do not carry that registry's override values yet, so the export would pull"
          + " every image from its public registry. Apply them first: RegistryOverrides.apply(installation) (module"
          + " gitops-runtime-helm), or give --registry " + registry + " to the command line.");
    }
  }
}

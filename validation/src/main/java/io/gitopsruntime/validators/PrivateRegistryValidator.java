package io.gitopsruntime.validators;

import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.values.AccessModeKind;
import java.util.List;

/**
 * Checks an installation that pulls its images from a private registry: that the registry's override values are in
 * the values (without them every image still comes from its public registry), and that the access mode is not the
 * tunnel, whose client must reach Codefresh's tunnel servers on the internet, which a private-registry (often
 * air-gapped) cluster usually cannot.
 *
 * <p>Rules: {@value RuleIds#PRIVATE_REGISTRY_NOT_APPLIED}, {@value RuleIds#PRIVATE_REGISTRY_TUNNEL}. Offline.
 * Stateless and thread-safe.
 */
final class PrivateRegistryValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.private-registry";

  /** Creates the validator. */
  PrivateRegistryValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    Findings out = new Findings(ID);
    RuntimeInstallation installation = context.installation();
    if (installation.privateRegistry().isEmpty()) {
      return out.list();
    }
    PrivateRegistry registry = installation.privateRegistry().get();
    if (!installation.privateRegistryApplied()) {
      out.add(Finding.error(RuleIds.PRIVATE_REGISTRY_NOT_APPLIED, "privateRegistry",
          "The installation pulls its images from " + registry.registry() + ", but its values do not carry that"
              + " registry's override values: every image would still be pulled from its public registry.",
          "Apply them before installing or exporting: RegistryOverrides.apply(installation) in code, or --registry "
              + registry.registry() + " on the command line."));
    }
    if (context.values().accessMode().kind() == AccessModeKind.TUNNEL) {
      out.add(Finding.warning(RuleIds.PRIVATE_REGISTRY_TUNNEL, "tunnel-client.enabled",
          "The tunnel access mode with a private registry: the tunnel client connects out to Codefresh's tunnel"
              + " servers on the internet, which a cluster that pulls its images from " + registry.registry()
              + " often cannot reach.",
          "If the cluster has no egress to Codefresh, use the ingress, Gateway API or service-mesh access mode"
              + " (the platform then reaches the runtime through your ingress); otherwise allow egress to Codefresh's"
              + " tunnel servers."));
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}

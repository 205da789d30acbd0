package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;

/**
 * Checks the skip flags semantically (the parser reports wrong YAML types): says what
 * {@code installer.skipValidation} leaves unchecked, which flags have no effect, and whether
 * {@code app-proxy.config.skipGitPermissionValidation} holds the string app-proxy compares with.
 *
 * <p>Rules: {@value RuleIds#SKIP_FLAGS_GIT_PERMISSION_VALUE}, {@value RuleIds#SKIP_FLAGS_NO_EFFECT},
 * {@value RuleIds#SKIP_FLAGS_HOOK_SKIPPED}. Offline. Stateless and thread-safe.
 */
final class SkipFlagsValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.skip-flags";

  private static final String INGRESS_SKIP = "global.runtime.ingress.skipValidation";

  /** Creates the validator. */
  SkipFlagsValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    Object raw = values.appProxy().config().additionalValues().get("skipGitPermissionValidation");
    if (raw != null && !(raw instanceof ExplicitNull) && !"true".equals(raw) && !"false".equals(raw)) {
      out.add(SkipFlagsFindings.skipGitPermissionValue(String.valueOf(raw)));
    }
    boolean hookSkipped = Chart.skipValidation(values);
    if (hookSkipped) {
      out.add(SkipFlagsFindings.validationHookSkipped());
      if (!Chart.argoCdEnabled(values)) {
        out.add(SkipFlagsFindings.argoCdVersionCheckSkipped());
      }
    }
    if (Chart.skipIngressValidation(values)) {
      if (hookSkipped) {
        out.add(SkipFlagsFindings.skipFlagNoEffect(INGRESS_SKIP, SkipFlagsFindings.INGRESS_SKIP_HOOK_OFF));
      } else if (!Chart.ingressOn(values)) {
        out.add(SkipFlagsFindings.skipFlagNoEffect(INGRESS_SKIP, SkipFlagsFindings.INGRESS_SKIP_NO_INGRESS));
      }
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}

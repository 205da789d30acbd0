package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.RuntimeValues;
import java.util.List;
import java.util.Optional;

/**
 * Checks the runtime name, namespace, release name and chart version with {@link NameRules}, and warns when
 * the values file gave no {@code global.runtime.name} (absent, null or empty, all alike) so that the SDK uses
 * the installation page's default {@code codefresh}, which the chart itself does not have.
 *
 * <p>Rules: {@value RuleIds#RUNTIME_NAME_FORMAT}, {@value RuleIds#NAMESPACE_FORMAT},
 * {@value RuleIds#RELEASE_NAME_FORMAT}, {@value RuleIds#CHART_VERSION_FORMAT},
 * {@value RuleIds#RUNTIME_NAME_DEFAULTED}. Offline. Stateless and thread-safe.
 */
final class NamesValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.names";

  /** Creates the validator. */
  NamesValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    RuntimeInstallation installation = context.installation();
    RuntimeValues runtime = context.values().global().runtime();
    // The values gave no name (absent, null or empty), so the SDK fills in the installation page's default: the
    // installation says so when it filled it in, and the reader keeps a blank value (the CLI a null for an absent one).
    boolean givenEmpty = installation.runtimeName().equals(RuntimeInstallation.DEFAULT_RUNTIME_NAME)
        && (installation.runtimeNameDefaulted()
            || runtime.additionalValues().containsKey("name") && Raw.isBlank(runtime.additionalValues().get("name")));
    return check(installation.releaseName(), installation.namespace(), installation.runtimeName(),
        installation.chartVersion(), givenEmpty);
  }

  static List<Finding> check(
      String release, String namespace, String runtimeName, Optional<String> chartVersion, boolean nameGivenEmpty) {
    Findings out = new Findings(ID);
    out.add(NameRules.checkRuntimeName(runtimeName));
    out.add(NameRules.checkNamespace(namespace));
    out.add(NameRules.checkReleaseName(release));
    if (chartVersion.isPresent()) {
      out.add(NameRules.checkChartVersion(chartVersion.get()));
    }
    if (nameGivenEmpty) {
      out.add(runtimeNameDefaulted(runtimeName));
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }

  /**
   * The values file left the runtime name empty.
   *
   * @param used the name the installation uses instead
   * @return the finding
   */
  static Finding runtimeNameDefaulted(String used) {
    return Finding.warning(RUNTIME_NAME_DEFAULTED, "global.runtime.name",
        "global.runtime.name is not set (absent, null or empty): the SDK installs the runtime as " + q(used)
            + ", the installation page's default, but the chart has no default, so these values alone fail with"
            + " plain Helm (\"global.runtime.name is required\").",
        "Set global.runtime.name to a name unique in the account, for example \"prod-eu\".");
  }
}

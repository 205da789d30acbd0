package io.gitopsruntime.testing;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.AccessModeKind;
import org.assertj.core.api.AbstractObjectAssert;

/** AssertJ assertions on a {@link RuntimeInstallation}. Not thread-safe. */
public final class RuntimeInstallationAssert extends AbstractObjectAssert<RuntimeInstallationAssert, RuntimeInstallation> {

  RuntimeInstallationAssert(RuntimeInstallation actual) {
    super(actual, RuntimeInstallationAssert.class);
  }

  /**
   * Checks the access mode.
   *
   * @param expected the access mode kind
   * @return this
   */
  public RuntimeInstallationAssert hasAccessMode(AccessModeKind expected) {
    isNotNull();
    AccessModeKind kind = actual.accessMode().kind();
    if (kind != expected) {
      failWithMessage("Expected the installation's access mode to be %s but was %s (%s)", expected, kind, actual.accessMode());
    }
    return this;
  }

  /**
   * Checks the runtime name.
   *
   * @param expected the runtime name
   * @return this
   */
  public RuntimeInstallationAssert hasRuntimeName(String expected) {
    isNotNull();
    if (!actual.runtimeName().equals(expected)) {
      failWithMessage("Expected the runtime name to be <%s> but was <%s>", expected, actual.runtimeName());
    }
    return this;
  }

  /**
   * Checks the release name.
   *
   * @param expected the release name
   * @return this
   */
  public RuntimeInstallationAssert hasReleaseName(String expected) {
    isNotNull();
    if (!actual.releaseName().equals(expected)) {
      failWithMessage("Expected the release name to be <%s> but was <%s>", expected, actual.releaseName());
    }
    return this;
  }

  /**
   * Checks the namespace.
   *
   * @param expected the namespace
   * @return this
   */
  public RuntimeInstallationAssert hasNamespace(String expected) {
    isNotNull();
    if (!actual.namespace().equals(expected)) {
      failWithMessage("Expected the namespace to be <%s> but was <%s>", expected, actual.namespace());
    }
    return this;
  }

  /**
   * Checks the pinned chart version.
   *
   * @param expected the chart version
   * @return this
   */
  public RuntimeInstallationAssert hasChartVersion(String expected) {
    isNotNull();
    if (!actual.chartVersion().filter(expected::equals).isPresent()) {
      failWithMessage("Expected the chart version to be <%s> but was <%s>", expected, actual.chartVersion().orElse("(not pinned)"));
    }
    return this;
  }

  /**
   * Continues with assertions on the values.
   *
   * @return assertions on {@code actual.values()}
   */
  public ValuesAssert values() {
    isNotNull();
    return new ValuesAssert(actual.values());
  }
}

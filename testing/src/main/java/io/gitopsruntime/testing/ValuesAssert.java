package io.gitopsruntime.testing;

import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * AssertJ assertions on values, addressed by values path ({@code global.runtime.ingress.hosts[0]}).
 * Literal secrets are compared masked ({@code ****}); assert on their presence, not their content.
 * Not thread-safe.
 */
public final class ValuesAssert extends AbstractObjectAssert<ValuesAssert, GitOpsRuntimeValues> {

  ValuesAssert(GitOpsRuntimeValues actual) {
    super(actual, ValuesAssert.class);
  }

  /**
   * Checks the value at a path.
   *
   * @param path a values path such as {@code global.runtime.ingress.className}
   * @param expected the value: a string, boolean, number (compared as a whole number when integral)
   * @return this
   */
  public ValuesAssert hasValueAt(String path, Object expected) {
    isNotNull();
    Optional<Object> value = ValuesTree.of(actual).get(path);
    Object normalized = expected instanceof Integer ? Long.valueOf((Integer) expected) : expected;
    if (value.isEmpty()) {
      failWithMessage("Expected <%s> at %s but nothing is set there", expected, path);
    } else if (!Objects.equals(value.get(), normalized)) {
      failWithMessage("Expected <%s> at %s but was <%s>", expected, path, value.get());
    }
    return this;
  }

  /**
   * Checks that nothing is set at a path (so the chart's default applies).
   *
   * @param path a values path
   * @return this
   */
  public ValuesAssert hasNothingAt(String path) {
    isNotNull();
    Optional<Object> value = ValuesTree.of(actual).get(path);
    if (value.isPresent()) {
      failWithMessage("Expected nothing at %s but found <%s>", path, value.get());
    }
    return this;
  }
}

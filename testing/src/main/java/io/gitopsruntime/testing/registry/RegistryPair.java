package io.gitopsruntime.testing.registry;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A source and a target {@link TestRegistry} for the tests of one class, started before its {@code @BeforeAll}
 * methods and stopped after its {@code @AfterAll} methods (also when a test fails); its {@code @Nested} classes
 * share them. The test is skipped, with the
 * provisioning command, when the registry binary is absent ({@link TestRegistry#assumeAvailable()}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RegistryPair REGISTRIES = RegistryPair.of(source -> source,
 *     target -> target.basicAuth("mirror", "s3cret-password").tls());
 *
 * @BeforeAll
 * static void pushImages() {
 *   REGISTRIES.source().pushImage("argoproj/argoexec", "v3.7.2", "linux/amd64", 4096);
 * }
 * }</pre>
 */
public final class RegistryPair implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<TestRegistry.Builder> sourceOptions;
  private final UnaryOperator<TestRegistry.Builder> targetOptions;
  private @Nullable TestRegistry source;
  private @Nullable TestRegistry target;
  private @Nullable Class<?> owner;

  private RegistryPair(UnaryOperator<TestRegistry.Builder> sourceOptions,
      UnaryOperator<TestRegistry.Builder> targetOptions) {
    this.sourceOptions = sourceOptions;
    this.targetOptions = targetOptions;
  }

  /**
   * A pair whose source serves plain HTTP without authentication, and whose target is configured by the caller.
   *
   * @param targetOptions the target's options, such as {@code b -> b.basicAuth("ci", "p4ss").tls()}
   * @return the extension, to register on a static field
   */
  public static RegistryPair withTarget(UnaryOperator<TestRegistry.Builder> targetOptions) {
    return of(UnaryOperator.identity(), targetOptions);
  }

  /**
   * A pair configured by the caller.
   *
   * @param sourceOptions the source's options
   * @param targetOptions the target's options
   * @return the extension, to register on a static field
   */
  public static RegistryPair of(UnaryOperator<TestRegistry.Builder> sourceOptions,
      UnaryOperator<TestRegistry.Builder> targetOptions) {
    return new RegistryPair(sourceOptions, targetOptions);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (owner != null) {
      return; // a @Nested class of the class that started them: they run already
    }
    TestRegistry.assumeAvailable();
    owner = context.getRequiredTestClass();
    source = sourceOptions.apply(TestRegistry.builder()).start();
    target = targetOptions.apply(TestRegistry.builder()).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (owner != context.getRequiredTestClass()) {
      return;
    }
    owner = null;
    try {
      if (source != null) {
        source.close();
      }
    } finally {
      source = null;
      if (target != null) {
        target.close();
      }
      target = null;
    }
  }

  /**
   * The source registry.
   *
   * @return the running source
   * @throws IllegalStateException outside the class's tests
   */
  public TestRegistry source() {
    if (source == null) {
      throw new IllegalStateException("the registries run only while the class's tests run");
    }
    return source;
  }

  /**
   * The target registry.
   *
   * @return the running target
   * @throws IllegalStateException outside the class's tests
   */
  public TestRegistry target() {
    if (target == null) {
      throw new IllegalStateException("the registries run only while the class's tests run");
    }
    return target;
  }
}

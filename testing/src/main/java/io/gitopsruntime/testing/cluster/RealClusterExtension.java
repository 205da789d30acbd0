package io.gitopsruntime.testing.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link RealCluster}: one {@link RealControlPlane} per test run, kept in the root
 * context's store and closed when the run ends. Thread-safe.
 */
public final class RealClusterExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealClusterExtension.class);
  private static final String REQUIRE = "GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER";

  /** Created by JUnit. */
  public RealClusterExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    TestAssets assets = TestAssets.fromEnvironment();
    if (!assets.hasControlPlane()) {
      if (required()) {
        throw new IllegalStateException(REQUIRE + " is set, but " + assets.skipMessage());
      }
      Assumptions.abort(assets.skipMessage());
    }
    controlPlane(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RealControlPlane.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RealControlPlane plane = controlPlane(context);
    return parameter.getParameter().getType() == KubernetesClient.class ? plane.client() : plane;
  }

  private static RealControlPlane controlPlane(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RealControlPlane.class,
        type -> RealControlPlane.start(TestAssets.fromEnvironment()), RealControlPlane.class);
  }

  private static boolean required() {
    String value = System.getProperty(REQUIRE, System.getenv(REQUIRE));
    return Boolean.parseBoolean(value);
  }
}

package io.gitopsruntime.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KubernetesTest}: starts one {@link KubernetesTestServer} per test
 * method on first use and closes it when the method's extension context closes. Register it with
 * {@code @KubernetesTest} or {@code @ExtendWith}. Stateless and thread-safe (servers live in JUnit's
 * per-test store), so tests may run in parallel.
 */
public final class KubernetesTestServerExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubernetesTestServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesTestServer.class
        || type == KubernetesClient.class
        || (type == Path.class && parameter.isAnnotated(KubernetesTest.Kubeconfig.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KubernetesTestServer server = server(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == KubernetesClient.class) {
      return server.client();
    }
    if (type == Path.class) {
      return server.kubeconfigFile();
    }
    return server;
  }

  /**
   * The server of the current test, started on first use.
   *
   * @param context the test's extension context
   * @return the server
   */
  public static KubernetesTestServer server(ExtensionContext context) {
    KubernetesTest settings = settings(context);
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KubernetesTestServer.class,
        key -> KubernetesTestServer.builder().namespace(settings.namespace()).controllers(settings.controllers()).apiDefaults(settings.apiDefaults())
            .kubernetesVersion(settings.kubernetesVersion()).start(),
        KubernetesTestServer.class);
  }

  private static KubernetesTest settings(ExtensionContext context) {
    Optional<KubernetesTest> onMethod = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, KubernetesTest.class));
    return onMethod.or(() -> context.getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, KubernetesTest.class)))
        .orElseGet(Defaults::annotation);
  }

  @KubernetesTest
  private static final class Defaults {
    static KubernetesTest annotation() {
      return Defaults.class.getAnnotation(KubernetesTest.class);
    }
  }
}

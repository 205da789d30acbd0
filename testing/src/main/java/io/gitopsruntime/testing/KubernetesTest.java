package io.gitopsruntime.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method of the annotated class (or the annotated method) a fresh, started
 * {@link KubernetesTestServer}, closed after the test. Test methods and lifecycle methods may declare
 * parameters of type {@link KubernetesTestServer}, {@code io.fabric8.kubernetes.client.KubernetesClient}
 * (the server's own client) and {@link java.nio.file.Path} annotated with {@link Kubeconfig} (a
 * kubeconfig file for the server).
 *
 * <pre>{@code
 * @KubernetesTest(namespace = "codefresh")
 * class InstallerTest {
 *   @Test
 *   void installsTheRuntime(KubernetesTestServer server, KubernetesClient client, @Kubeconfig Path kubeconfig) {
 *     server.failJob("validate-values", "missing \"global.runtime.name\" field");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Annotations are immutable and thread-safe.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KubernetesTestServerExtension.class)
public @interface KubernetesTest {

  /**
   * The namespace the client and kubeconfig default to; created at start.
   *
   * @return the namespace
   */
  String namespace() default "default";

  /**
   * Whether the simulated controllers run.
   *
   * @return true to run them
   */
  boolean controllers() default true;

  /**
   * Whether stored objects get the API server's defaults, such as {@code spec.replicas} (as a real server does).
   *
   * @return false to leave them unset
   */
  boolean apiDefaults() default true;

  /**
   * The Kubernetes version the server reports.
   *
   * @return such as {@code v1.33.4}
   */
  String kubernetesVersion() default KubernetesTestServer.DEFAULT_KUBERNETES_VERSION;

  /**
   * Marks a {@link java.nio.file.Path} parameter that receives the server's kubeconfig file.
   * Annotations are immutable and thread-safe.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface Kubeconfig {}
}

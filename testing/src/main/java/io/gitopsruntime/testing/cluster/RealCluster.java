package io.gitopsruntime.testing.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against one {@link RealControlPlane}, started once for the whole test run (the
 * first class that asks starts it; it is stopped when the run ends) and shared by every class so annotated.
 * Test and lifecycle methods may declare parameters of type {@link RealControlPlane} and
 * {@code io.fabric8.kubernetes.client.KubernetesClient} (its cluster-admin client). Isolate tests by namespace
 * ({@link RealControlPlane#createNamespace(String)}).
 *
 * <p>Where the binaries are absent the class is skipped with one message naming the provisioning command
 * ({@link TestAssets#skipMessage()}), so a fresh clone still passes its build. Setting the system property or
 * environment variable {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true} turns that skip into a failure, for CI.
 *
 * <pre>{@code
 * @RealCluster
 * class InstallOnRealClusterIT {
 *   @Test
 *   void installs(RealControlPlane cluster) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("real-cluster")
@ExtendWith(RealClusterExtension.class)
public @interface RealCluster {}

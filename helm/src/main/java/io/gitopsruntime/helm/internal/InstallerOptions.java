package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.install.InstallListener;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every Helm installer is configured with, as its {@link io.gitopsruntime.helm.HelmInstallerBuilder} collected it. Immutable (the
 * client and listener are shared, not copied).
 *
 * @param kube the kubeconfig and context Helm and the installer's own client use
 * @param timeout Helm's timeout for hooks and readiness
 * @param listener the listener, already wrapped so that its exceptions are ignored
 * @param chain the validators, or null when validation is off
 * @param client the client handed in, which the installer never closes, or null
 * @param tempDirectory where the values file is written, or null for {@code java.io.tmpdir}
 * @param plainHttp whether an {@code oci://} registry is spoken to over plain HTTP
 * @param adoptExisting whether objects of the release that exist without its ownership metadata are adopted
 */
public record InstallerOptions(KubeTarget kube, Duration timeout, InstallListener listener,
    @Nullable ValidatorChain chain, @Nullable KubernetesClient client, @Nullable Path tempDirectory, boolean plainHttp,
    boolean adoptExisting) {}

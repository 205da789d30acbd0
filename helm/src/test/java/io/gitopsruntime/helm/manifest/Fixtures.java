package io.gitopsruntime.helm.manifest;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** What the manifest installer's tests share: installations of the test chart and installers. */
final class Fixtures {
  static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;
  static final String NAMESPACE = RuntimeInstallation.DEFAULT_NAMESPACE;

  private Fixtures() {}

  /** The test chart in tunnel mode from a chart reference, with extra values appended. */
  static RuntimeInstallation installation(String chart, String extraValues) {
    return RuntimeInstallation.builder().chart(chart)
        .values(ValuesYaml.parse(TestChart.tunnelValues() + extraValues)).build();
  }

  static RuntimeInstallation installation(Path chart, String extraValues) {
    return installation(chart.toString(), extraValues);
  }

  /** An installer on the server's client, offline validators, a short timeout. */
  static ManifestInstaller installer(KubernetesTestServer server, InstallListener listener) {
    return installer(server, listener, b -> b);
  }

  static ManifestInstaller installer(KubernetesTestServer server, InstallListener listener,
      UnaryOperator<ManifestInstaller.Builder> more) {
    return more.apply(ManifestInstaller.builder().kubernetesClient(server.client()).listener(listener)
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofSeconds(60)))
        .build();
  }

  static boolean isWrite(RecordedCall call) {
    return !call.method().equals("GET") && !call.queryParameters().containsKey("dryRun");
  }

  static boolean isLease(RecordedCall call) {
    return call.path().startsWith("/apis/coordination.k8s.io/");
  }

  static KubernetesClient client(KubernetesTestServer server) {
    return server.client();
  }
}

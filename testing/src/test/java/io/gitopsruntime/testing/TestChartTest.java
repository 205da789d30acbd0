package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestChartTest {

  @TempDir Path tmp;

  private String render(String values) throws Exception {
    Path chart = TestChart.writeTo(tmp);
    Path file = Files.writeString(tmp.resolve("values.yaml"), values);
    return new Helm(chart).template().withName("cf-gitops-runtime").withNamespace("codefresh").withValuesFile(file)
        .call();
  }

  private static List<String> kinds(String manifest) {
    Matcher m = Pattern.compile("(?m)^kind: (\\S+)").matcher(manifest);
    List<String> kinds = new java.util.ArrayList<>();
    while (m.find()) {
      kinds.add(m.group(1));
    }
    return kinds;
  }

  @Nested
  class Valid {

    @Test
    void rendersTheTunnelModeWithSeventeenCrds() throws Exception {
      String manifest = render(TestChart.tunnelValues());

      assertThat(kinds(manifest)).filteredOn("CustomResourceDefinition"::equals).hasSize(17);
      assertThat(manifest).contains("name: tunnel-client", "name: codefresh-user-token",
          "ingressHost: \"https://628a80b693a15c0f9c13ab75-test-runtime.tunnels.cf-cd.com\"")
          .doesNotContain("kind: Ingress", "kind: HTTPRoute");
    }

    @Test
    void rendersAboutOneHundredFortyObjectsWithTheBenchmarkValues() throws Exception {
      List<String> kinds = kinds(render(TestChart.benchmarkValues()));

      assertThat(kinds).hasSizeBetween(130, 150);
      assertThat(kinds).filteredOn("CustomResourceDefinition"::equals).hasSize(17);
    }

    @Test
    void rendersAnIngressInsteadOfTheTunnel() throws Exception {
      String manifest = render(TestChart.tunnelValues() + "    ingress:\n      enabled: true\n"
          + "      hosts: [runtime.example.com]\n");

      assertThat(kinds(manifest)).contains("Ingress");
      assertThat(manifest).contains("ingressHost: \"https://runtime.example.com\"")
          .doesNotContain("name: tunnel-client");
    }

    @Test
    void rendersAnHttpRouteWhenEnabled() throws Exception {
      String manifest = render(TestChart.tunnelValues() + "    httpRoute:\n      enabled: true\n"
          + "      hostnames: [runtime.example.com]\n      parentRefs:\n        - name: gateway\n");

      assertThat(kinds(manifest)).contains("HTTPRoute").doesNotContain("Ingress");
    }

    @Test
    void rendersCustomResourcesOfItsOwnCrdsOnlyWhenAsked() throws Exception {
      String without = render(TestChart.tunnelValues());
      String with = render(TestChart.tunnelValues() + "testScale:\n  customResources: 2\n");

      assertThat(kinds(without)).doesNotContain("Product", "AppProject");
      assertThat(kinds(with)).filteredOn("Product"::equals).hasSize(2);
      assertThat(kinds(with)).contains("AppProject");
    }

    @Test
    void packagesAChartHelmCanRender() throws Exception {
      Path archive = TestChart.packageTo(tmp);
      Path values = Files.writeString(tmp.resolve("v.yaml"), TestChart.tunnelValues());

      String manifest = Helm.template(archive.toString()).withValuesFile(values).call();

      assertThat(archive.getFileName()).hasToString("gitops-runtime-0.30.0.tgz");
      assertThat(manifest).contains("name: cap-app-proxy");
    }
  }

  @Nested
  class Invalid {

    @Test
    void requiresTheRuntimeName() {
      assertThatIllegalStateException().isThrownBy(() -> render(
              "global:\n  codefresh:\n    accountId: a1\n    userToken:\n      token: t\n"))
          .withMessageContaining("global.runtime.name is required");
    }

    @Test
    void requiresAUserToken() {
      assertThatIllegalStateException().isThrownBy(() -> render(
              "global:\n  codefresh:\n    accountId: a1\n  runtime:\n    name: r1\n"))
          .withMessageContaining("global.codefresh.userToken is mandatory. Set token or secretKeyRef!");
    }

    @Test
    void requiresTheAccountIdForTheTunnel() {
      assertThatIllegalStateException().isThrownBy(() -> render(
              "global:\n  codefresh:\n    userToken:\n      token: t\n  runtime:\n    name: r1\n"
                  + "codefreshWorkflowLogStoreCM:\n  enabled: false\n"))
          .withMessageContaining("global.codefresh.accountId is required for tunnel based runtime");
    }

    @Test
    void requiresAnIngressUrlWhenEveryAccessModeIsOff() {
      assertThatIllegalStateException().isThrownBy(() -> render(TestChart.tunnelValues()
              + "tunnel-client:\n  enabled: false\n"))
          .withMessageContaining("ERROR: When global.runtime.ingress.enabled and global.runtime.httpRoute.enabled "
              + "are false and tunnel-client.enabled is false -  global.runtime.ingressUrl must be provided");
    }

    @Test
    void rejectsAnUnsupportedIngressProtocol() {
      assertThatIllegalStateException().isThrownBy(() -> render(TestChart.tunnelValues()
              + "    ingress:\n      enabled: true\n      protocol: ftp\n      hosts: [a.example.com]\n"))
          .withMessageContaining("ERROR: Unsupported protocol ftp for ingress. Only http and https supported");
    }
  }

  @Test
  void writesEveryChartFile() {
    Path chart = TestChart.writeTo(tmp);

    assertThat(chart.resolve("Chart.yaml")).content().contains("name: gitops-runtime", "version: 0.30.0");
    assertThat(Arrays.asList(chart.resolve("templates/hooks/pre-install").toFile().list()))
        .containsExactlyInAnyOrder("helm-values-config.yaml", "redis-secret-init.yaml", "validate-usage.yaml",
            "validate-values.yaml");
  }
}

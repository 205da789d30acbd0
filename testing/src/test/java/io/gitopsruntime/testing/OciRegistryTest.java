package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciRegistryTest {

  @TempDir Path tmp;
  private OciRegistry registry;

  @BeforeEach
  void start() {
    registry = OciRegistry.start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void acceptsAHelmPushAndServesTheChartToHelmTemplate() throws Exception {
    Path archive = TestChart.packageTo(tmp);

    String pushed = Helm.push().withChart(archive).withRemote(URI.create("oci://" + registry.host() + "/pushed"))
        .plainHttp().call();
    Path values = Files.writeString(tmp.resolve("v.yaml"), TestChart.tunnelValues());
    String manifest = Helm.template(registry.reference("pushed", TestChart.NAME)).withVersion(TestChart.VERSION)
        .plainHttp().withValuesFile(values).call();

    assertThat(pushed).contains("Pushed: " + registry.host() + "/pushed/gitops-runtime:0.30.0");
    assertThat(registry.tags("pushed/gitops-runtime")).containsExactly("0.30.0");
    assertThat(manifest).contains("name: cap-app-proxy");
    assertThat(registry.requests()).anyMatch(r -> r.startsWith("PATCH /v2/pushed/gitops-runtime/blobs/uploads/")
        || r.startsWith("POST /v2/pushed/gitops-runtime/blobs/uploads/"));
  }

  @Test
  void servesAChartStoredFromJava() throws Exception {
    String reference = registry.pushChart(TestChart.packageTo(tmp), "charts");
    Path values = Files.writeString(tmp.resolve("v.yaml"), TestChart.tunnelValues());

    String manifest = Helm.template(reference).withVersion(TestChart.VERSION).plainHttp().withValuesFile(values)
        .call();

    assertThat(reference).isEqualTo("oci://" + registry.host() + "/charts/gitops-runtime");
    assertThat(manifest).contains("name: cap-app-proxy-cm");
  }

  @Test
  void answersTheDistributionApiVersionCheckAndUnknownManifests() throws Exception {
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> base = http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
        URI.create("http://" + registry.host() + "/v2/charts/none/manifests/1.0.0")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(base.statusCode()).isEqualTo(200);
    assertThat(base.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("MANIFEST_UNKNOWN");
  }
}

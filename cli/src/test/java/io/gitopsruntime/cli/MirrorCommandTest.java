package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.registry.RegistryPair;
import io.gitopsruntime.testing.registry.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gitops-runtime mirror} between two real registries: a plain source and a target with auth and TLS. */
class MirrorCommandTest {
  @RegisterExtension
  static final RegistryPair REGISTRIES = RegistryPair.withTarget(b -> b.basicAuth("ci", "p4ss-w0rd").tls());
  private static String index;
  private static String single;

  @TempDir Path dir;
  private Path chart;
  private Path values;
  private Path config;

  @BeforeAll
  static void pushImages() {
    index = source().pushIndex("codefresh/cap-app-proxy", "1.4124.0", List.of("linux/amd64", "linux/arm64"));
    single = source().pushImage("argoproj/argoexec", "v3.7.2", "linux/amd64", 4096);
  }

  @BeforeEach
  void writeChartValuesAndLogin() throws IOException {
    chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n");
    Path templates = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(templates.resolve("objects.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-proxy
        spec:
          template:
            spec:
              containers:
                - name: app-proxy
                  image: %1$s/codefresh/cap-app-proxy:1.4124.0
                - name: executor
                  image: %1$s/argoproj/argoexec:v3.7.2
        """.formatted(source().host()));
    values = Files.writeString(dir.resolve("values.yaml"), "global:\n  runtime:\n    name: prod-eu\n");
    String auth = Base64.getEncoder().encodeToString("ci:p4ss-w0rd".getBytes(StandardCharsets.UTF_8));
    config = Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + target().host() + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  private CliRun mirror(String prefix, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("mirror", "-f", values.toString(), "--chart", chart.toString(),
        "--to", target().host() + "/" + prefix, "--insecure-registry", source().host(),
        "--ca-file", target().caFile().orElseThrow().toString(), "--registry-config", config.toString()));
    args.addAll(List.of(more));
    return CliRun.with(Map.of(), dir, dir, "", args.toArray(String[]::new));
  }

  @Test
  void copiesEveryImageWritesTheLockAndASecondRunCopiesNothing() throws IOException {
    Path lock = dir.resolve("images.lock");

    CliRun first = mirror("mirror", "--lock", lock.toString());

    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("copied " + source().host() + "/codefresh/cap-app-proxy:1.4124.0 -> " + target().host()
        + "/mirror/codefresh/cap-app-proxy:1.4124.0 (", "copied " + source().host() + "/argoproj/argoexec:v3.7.2 -> "
        + target().host() + "/mirror/argoproj/argoexec:v3.7.2 (", "2 images and the chart to " + target().host() + "/mirror: 3 copied (",
        "copied chart " + chart + " -> " + target().host() + "/mirror/gitops-runtime:0.30.0 (2 blobs, ", "lock file: " + lock);
    assertThat(first.out()).endsWith("""
        Install from the mirror:
          gitops-runtime install -f values.yaml --chart oci://%1$s/mirror/gitops-runtime --version 0.30.0 --registry %1$s/mirror
        or with helm:
          gitops-runtime export registry-values --registry %1$s/mirror --chart oci://%1$s/mirror/gitops-runtime --version 0.30.0 -f values.yaml --output-file registry-values.yaml
          helm upgrade --install cf-gitops-runtime oci://%1$s/mirror/gitops-runtime --version 0.30.0 -n codefresh -f values.yaml -f registry-values.yaml
        """.formatted(target().host()));
    assertThat(first.out()).doesNotContain("p4ss-w0rd");
    assertThat(Files.readString(lock)).contains("\"digest\" : \"" + index + "\"", "\"digest\" : \"" + single + "\"",
        "\"platforms\" : [ \"linux/amd64\", \"linux/arm64\" ]",
        "\"chart\" : {\n    \"source\" : \"" + chart + "\",\n    \"mirror\" : \"" + target().host() + "/mirror/gitops-runtime:0.30.0\"");
    assertThat(target().digestOf("mirror/codefresh/cap-app-proxy", "1.4124.0")).contains(index);

    CliRun second = mirror("mirror");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("present " + target().host() + "/mirror/codefresh/cap-app-proxy:1.4124.0 (nothing to copy)\n",
        "present chart " + target().host() + "/mirror/gitops-runtime:0.30.0 (nothing to copy)\n",
        "2 images and the chart to " + target().host() + "/mirror: 0 copied (0 blobs, 0 B), 3 already present, 0 failed in ");
  }

  @Test
  void planCopiesNothing() {
    CliRun plan = mirror("planned", "--plan");

    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("would copy " + source().host() + "/argoproj/argoexec:v3.7.2 -> " + target().host()
        + "/planned/argoproj/argoexec:v3.7.2 (3 blobs, ", "2 images and the chart to " + target().host() + "/planned: 3 to copy (");
    assertThat(target().digestOf("planned/argoproj/argoexec", "v3.7.2")).isEmpty();
  }

  @Test
  void withoutCredentialsTheImagesFailAndTheExitCodeSaysSo() throws IOException {
    Files.writeString(config, "{\"auths\":{}}");

    CliRun run = mirror("denied");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED " + source().host() + "/argoproj/argoexec:v3.7.2 -> " + target().host()
        + "/denied/argoproj/argoexec:v3.7.2: HEAD https://" + target().host() + "/v2/denied/argoproj/argoexec/manifests/"
        + single + ": 401 Unauthorized. The registry " + target().host() + " needs credentials: log in with docker login or"
        + " helm registry login, or pass a registry config.\n");
    assertThat(run.err()).isEqualTo("3 images are not on " + target().host() + "/denied; run the same command again to"
        + " resume: what was copied is kept.\n");
  }

  @Nested
  class Archives {
    private CliRun toArchive(Path archive, String... more) {
      List<String> args = new java.util.ArrayList<>(List.of("mirror", "-f", values.toString(), "--chart", chart.toString(),
          "--to-archive", archive.toString(), "--insecure-registry", source().host()));
      args.addAll(List.of(more));
      return CliRun.with(Map.of(), dir, dir, "", args.toArray(String[]::new));
    }

    private CliRun fromArchive(Path archive, String prefix, String... more) {
      List<String> args = new java.util.ArrayList<>(List.of("mirror", "--from-archive", archive.toString(),
          "--to", target().host() + "/" + prefix, "--ca-file", target().caFile().orElseThrow().toString(),
          "--registry-config", config.toString()));
      args.addAll(List.of(more));
      return CliRun.with(Map.of(), dir, dir, "", args.toArray(String[]::new));
    }

    @Test
    void writesABundleAndPushesItInsideTheAirGapPrintingTheInstallCommand() throws IOException {
      Path archive = dir.resolve("bundle.tar");

      CliRun written = toArchive(archive);

      assertThat(written.exitCode()).as(written.err()).isZero();
      assertThat(written.out()).contains("copied " + source().host() + "/codefresh/cap-app-proxy:1.4124.0 -> " + source().host()
          + "/codefresh/cap-app-proxy:1.4124.0 (", "2 images and the chart to " + archive + ": 3 copied (");
      assertThat(written.out()).doesNotContain("Install from the mirror");

      CliRun plan = fromArchive(archive, "air", "--plan");

      assertThat(plan.exitCode()).isZero();
      assertThat(plan.out()).contains("would copy chart gitops-runtime:0.30.0 -> " + target().host()
          + "/air/gitops-runtime:0.30.0 (2 blobs, ", "2 images and the chart to " + target().host() + "/air: 3 to copy (");
      assertThat(target().digestOf("air/codefresh/cap-app-proxy", "1.4124.0")).isEmpty();

      Path lock = dir.resolve("air.lock");
      CliRun pushed = fromArchive(archive, "air", "--lock", lock.toString());

      assertThat(pushed.exitCode()).as(pushed.err()).isZero();
      assertThat(pushed.out()).contains("copied " + source().host() + "/codefresh/cap-app-proxy:1.4124.0 -> " + target().host()
          + "/air/codefresh/cap-app-proxy:1.4124.0 (", "2 images and the chart to " + target().host() + "/air: 3 copied (",
          "gitops-runtime install -f values.yaml --chart oci://" + target().host() + "/air/gitops-runtime --version 0.30.0"
          + " --registry " + target().host() + "/air\n");
      assertThat(pushed.out()).doesNotContain("p4ss-w0rd");
      assertThat(target().digestOf("air/codefresh/cap-app-proxy", "1.4124.0")).contains(index);
      assertThat(target().digestOf("air/argoproj/argoexec", "v3.7.2")).contains(single);
      assertThat(Files.readString(lock)).contains("\"mirror\" : \"" + target().host() + "/air/gitops-runtime:0.30.0\"");
    }

    @Test
    void anImageThatCannotBeReadWritesNoBundle() throws IOException {
      Path objects = chart.resolve("templates").resolve("objects.yaml");
      Files.writeString(objects, Files.readString(objects) + "        - name: gone\n          image: " + source().host()
          + "/codefresh/gone:0.0.1\n");
      Path archive = dir.resolve("bundle.tar");

      CliRun run = toArchive(archive);

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("FAILED " + source().host() + "/codefresh/gone:0.0.1 -> ",
          "3 images and the chart to " + archive + ": 3 copied (");
      assertThat(run.err()).endsWith("No bundle was written to " + archive + ": 1 image could not be read (FAILED"
          + " above), and a bundle without it would fail inside the air gap. Run the same command again once it can be"
          + " read.\n");
      assertThat(archive).doesNotExist();
      assertThat(dir.resolve("bundle.tar.partial")).doesNotExist();
    }

    @Test
    void aCutArchiveIsRefusedNamingTheEntryAndNothingIsPushed() throws IOException {
      Path archive = dir.resolve("cut.tar");
      assertThat(toArchive(archive).exitCode()).isZero();
      byte[] bytes = Files.readAllBytes(archive);
      Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));

      CliRun run = fromArchive(archive, "cut");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).startsWith("The archive " + archive + " is cut short: it ends ")
          .endsWith(", before its index.json. Nothing was pushed; copy the archive again.\n");
      assertThat(target().digestOf("cut/codefresh/cap-app-proxy", "1.4124.0")).isEmpty();
    }

    @Test
    void refusesBothTargetsAndAnArchiveWithoutARegistry() {
      CliRun both = toArchive(dir.resolve("x.tar"), "--to", target().host() + "/x");
      CliRun neither = CliRun.with(Map.of(), dir, dir, "", "mirror", "--from-archive", "x.tar");

      assertThat(both.exitCode()).isEqualTo(2);
      assertThat(both.err()).startsWith("gitops-runtime mirror: --to and --to-archive exclude each other: mirror to a"
          + " registry or to an archive.");
      assertThat(neither.err()).startsWith("gitops-runtime mirror: say where to mirror to: --to HOST[/PREFIX], such as"
          + " --to registry.example.com/mirror, or --to-archive bundle.tar.");
    }
  }

  private static TestRegistry source() {
    return REGISTRIES.source();
  }

  private static TestRegistry target() {
    return REGISTRIES.target();
  }
}

package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.internal.TarGz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFetcherTest {
  @TempDir Path tmp;

  @Nested
  class Repositories {

    @Test
    void downloadsTheNewestStableVersionListedInTheRepositorysIndexWithItsCredentials() throws Exception {
      byte[] archive = Files.readAllBytes(TestChart.packageTo(tmp));
      List<String> seen = new CopyOnWriteArrayList<>();
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/", exchange -> {
        seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestURI().getPath().endsWith("index.yaml")
            ? ("apiVersion: v1\nentries:\n  gitops-runtime:\n"
                + "    - version: 0.31.0-rc.1\n      urls: [charts/gitops-runtime-0.31.0-rc.1.tgz]\n"
                + "    - version: 0.30.0\n      urls: [charts/gitops-runtime-0.30.0.tgz]\n"
                + "    - version: 0.29.4\n      urls: [charts/gitops-runtime-0.29.4.tgz]\n").getBytes(StandardCharsets.UTF_8)
            : archive;
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      http.start();
      try {
        Path home = Files.createDirectories(tmp.resolve("helm"));
        Files.writeString(home.resolve("repositories.yaml"), "apiVersion: \"\"\nrepositories:\n"
            + "  - name: codefresh\n    url: http://127.0.0.1:" + http.getAddress().getPort() + "/repo\n"
            + "    username: robot\n    password: s3cret\n");

        ChartFetcher.Fetched fetched = new ChartFetcher(false, home).fetch("codefresh/gitops-runtime", Optional.empty(),
            Files.createDirectories(tmp.resolve("into")));

        assertThat(fetched.name()).isEqualTo("gitops-runtime");
        assertThat(fetched.version()).isEqualTo("0.30.0");
        assertThat(fetched.dir().resolve("templates/workloads.yaml")).exists();
        assertThat(seen).containsExactly("/repo/index.yaml Basic cm9ib3Q6czNjcmV0",
            "/repo/charts/gitops-runtime-0.30.0.tgz Basic cm9ib3Q6czNjcmV0");
      } finally {
        http.stop(0);
      }
    }

    @Test
    void saysHowToAddARepositoryItDoesNotKnow() {
      assertThatThrownBy(() -> new ChartFetcher(false, tmp).fetch("nowhere/gitops-runtime", Optional.empty(), tmp))
          .isInstanceOf(ChartException.class)
          .hasMessage("The chart repository nowhere is unknown: there is no Helm repository file at "
              + tmp.resolve("repositories.yaml") + ". Add it with `helm repo add nowhere <url>`, or use an oci:// "
              + "reference or a path.");
    }
  }

  @Nested
  class Archives {

    @Test
    void unpacksPackagedSubchartsIntoDirectories() throws Exception {
      Path sub = Files.createDirectories(tmp.resolve("src/sub"));
      Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.1.0\n");
      Path parent = Files.createDirectories(tmp.resolve("src/parent/charts"));
      Files.writeString(parent.getParent().resolve("Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 2.0.0\n");
      TarGz.pack(sub, parent.resolve("sub-0.1.0.tgz"));
      Path archive = tmp.resolve("parent-2.0.0.tgz");
      TarGz.pack(parent.getParent(), archive);

      ChartFetcher.Fetched fetched = new ChartFetcher(false, tmp).fetch(archive.toString(), Optional.empty(),
          Files.createDirectories(tmp.resolve("into")));

      assertThat(fetched.version()).isEqualTo("2.0.0");
      assertThat(fetched.dir().resolve("charts/sub/Chart.yaml")).exists();
      assertThat(fetched.dir().resolve("charts/sub-0.1.0.tgz")).doesNotExist();
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideTheChart() throws Exception {
      byte[] evil = tar(Map.of("chart/../../escaped.txt", "boo"));

      assertThatThrownBy(() -> io.gitopsruntime.helm.manifest.internal.TarGz.unpack(evil, tmp.resolve("x")))
          .isInstanceOf(IOException.class).hasMessage("the archive has an entry outside its root: chart/../../escaped.txt");
      assertThat(tmp.resolve("escaped.txt")).doesNotExist();
    }

    private byte[] tar(Map<String, String> files) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(bytes)) {
        for (Map.Entry<String, String> f : files.entrySet()) {
          byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
          byte[] header = new byte[512];
          byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
          System.arraycopy(name, 0, header, 0, name.length);
          byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
          System.arraycopy(size, 0, header, 124, size.length);
          header[156] = '0';
          out.write(header);
          out.write(content);
          out.write(new byte[(512 - content.length % 512) % 512]);
        }
        out.write(new byte[1024]);
      }
      return bytes.toByteArray();
    }
  }
}

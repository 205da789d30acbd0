package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TarHeadersTest {
  private static byte[] pax(String... records) {
    StringBuilder out = new StringBuilder();
    for (String record : records) {
      // the length counts itself and the bytes (not characters) of " record\n"
      int body = (" " + record + "\n").getBytes(StandardCharsets.UTF_8).length;
      int length = body + Integer.toString(body).length();
      if (Integer.toString(length).length() != Integer.toString(body).length()) {
        length++;
      }
      out.append(length).append(' ').append(record).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsThePathRecordCountingBytesNotCharacters() {
    assertThat(TarHeaders.paxPath(pax("mtime=1700000000.5", "path=charts/r\u00e9sum\u00e9/\u65e5\u672c/values.yaml",
        "uid=0"))).isEqualTo("charts/r\u00e9sum\u00e9/\u65e5\u672c/values.yaml");
  }

  @Test
  void aHeaderWithoutPathOrMalformedHasNone() {
    assertThat(TarHeaders.paxPath(pax("mtime=1700000000.5"))).isNull();
    assertThat(TarHeaders.paxPath("99 path=cut short\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(TarHeaders.paxPath("x path=a\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(TarHeaders.paxPath(new byte[0])).isNull();
  }

  @Test
  void readsNamesWithTheUstarPrefixAndOctalNumbers() throws IOException {
    byte[] header = new byte[512];
    put(header, 0, "values.yaml");
    put(header, 257, "ustar");
    put(header, 345, "gitops-runtime/charts/argo-cd");
    put(header, 124, "00000001750 ");

    assertThat(TarHeaders.name(header)).isEqualTo("gitops-runtime/charts/argo-cd/values.yaml");
    assertThat(TarHeaders.octal(header, 124, 12, "damaged")).isEqualTo(1000);
    assertThat(TarHeaders.isZero(header)).isFalse();
    assertThat(TarHeaders.isZero(new byte[512])).isTrue();
    put(header, 124, "12x");
    assertThatThrownBy(() -> TarHeaders.octal(header, 124, 12, "the archive has a damaged header"))
        .isInstanceOf(IOException.class).hasMessage("the archive has a damaged header");
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}

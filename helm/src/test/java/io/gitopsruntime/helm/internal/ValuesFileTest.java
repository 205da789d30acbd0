package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesFileTest {
  @TempDir Path tmp;

  @Test
  void writesTheValuesToAFileOnlyItsOwnerCanReadInTheGivenDirectory() throws Exception {
    try (ValuesFile values = ValuesFile.write(tmp, "global:\n  runtime:\n    name: prod\n")) {
      assertThat(values.path().getParent()).isEqualTo(tmp);
      assertThat(values.path().getFileName().toString()).startsWith("gitops-runtime-values-").endsWith(".yaml");
      assertThat(Files.readString(values.path())).isEqualTo("global:\n  runtime:\n    name: prod\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(values.path()))).isEqualTo("rw-------");
    }
  }

  @Test
  void deletesTheFileOnCloseAndToleratesASecondClose() {
    ValuesFile values = ValuesFile.write(tmp, "a: 1\n");
    values.close();
    values.close();

    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void saysWhichDirectoryItCouldNotWriteTo() {
    Path missing = tmp.resolve("missing");

    assertThatThrownBy(() -> ValuesFile.write(missing, "a: 1\n"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Could not create a values file in " + missing + ": ")
        .hasMessageEndingWith(". Check that the directory exists and is writable, or choose another with tempDirectory(...).");
  }
}

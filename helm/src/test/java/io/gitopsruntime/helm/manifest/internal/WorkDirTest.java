package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class WorkDirTest {

  @Test
  void writesValuesOnlyTheOwnerCanReadAndDeletesEverythingOnClose() throws Exception {
    Path file;
    Path dir;
    try (WorkDir work = WorkDir.create()) {
      dir = work.path();
      file = work.writePrivate("values.yaml", "token: x\n");
      Files.createDirectories(dir.resolve("chart/templates"));
      Files.writeString(dir.resolve("chart/templates/a.yaml"), "a");

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
    assertThat(file).doesNotExist();
    assertThat(dir).doesNotExist();
  }
}

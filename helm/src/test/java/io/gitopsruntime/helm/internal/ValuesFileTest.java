package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesFileTest {
  @TempDir Path tmp;

  @Test
  void writesTheValuesToAFileOnlyItsOwnerCanReadInAPrivateDirectoryOfTheGivenOne() throws Exception {
    try (ValuesFile values = ValuesFile.write(tmp, "global:\n  runtime:\n    name: prod\n")) {
      Path dir = values.path().getParent();
      assertThat(dir.getParent()).isEqualTo(tmp);
      assertThat(dir.getFileName().toString()).startsWith("gitops-runtime-values-" + ProcessHandle.current().pid() + "-");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      assertThat(values.path().getFileName().toString()).isEqualTo("values.yaml");
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
  void removesWhatEarlierRunsLeftBehindButNotWhatARunningProcessUses() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createDirectories(tmp.resolve("gitops-runtime-values-" + gone.pid() + "-123"));
    Files.writeString(stale.resolve("values.yaml"), "token: secret\n");
    Path legacy = Files.createFile(tmp.resolve("gitops-runtime-values-4711.yaml"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.setLastModifiedTime(legacy, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path running = Files.createDirectories(tmp.resolve("gitops-runtime-values-" + ProcessHandle.current().pid() + "-7"));
    Path unrelated = Files.writeString(tmp.resolve("gitops-runtime-values-notes.txt"), "keep me\n");

    try (ValuesFile values = ValuesFile.write(tmp, "a: 1\n")) {
      assertThat(stale).doesNotExist();
      assertThat(legacy).doesNotExist();
      assertThat(running).isDirectory();
      assertThat(unrelated).exists();
    }
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

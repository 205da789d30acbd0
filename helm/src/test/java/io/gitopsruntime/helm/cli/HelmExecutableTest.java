package io.gitopsruntime.helm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmExecutableTest {
  @TempDir Path tmp;

  @Test
  void findsTheFirstExecutableHelmOnTheSearchPath() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path notExecutable = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(notExecutable.resolve("helm"), "");
    Path first = executable(tmp.resolve("first"));
    executable(tmp.resolve("second"));

    assertThat(HelmExecutable.find(String.join(File.pathSeparator, empty.toString(), "", notExecutable.toString(),
        first.getParent().toString(), tmp.resolve("second").toString()))).contains(first);
  }

  @Test
  void findsNothingWhenNoDirectoryHasIt() {
    assertThat(HelmExecutable.find(tmp.toString())).isEmpty();
  }

  private static Path executable(Path dir) throws Exception {
    Path helm = Files.createDirectories(dir).resolve("helm");
    Files.writeString(helm, "#!/bin/sh\n");
    Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
    return helm;
  }
}

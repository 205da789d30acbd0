package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM stands apart from the reactor's parent, so the versions it repeats must be kept equal by hand. */
class BomTest {
  private static final Pattern JACKSON = Pattern.compile("<jackson.version>([^<]+)</jackson.version>");

  @Test
  void alignsJacksonAtTheVersionTheSdkIsBuiltWith() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in the module directory

    assertThat(jackson(root.resolve("bom/pom.xml"))).isEqualTo(jackson(root.resolve("pom.xml")));
    assertThat(Files.readString(root.resolve("bom/pom.xml"))).contains("<artifactId>jackson-bom</artifactId>");
  }

  private static String jackson(Path pom) throws IOException {
    Matcher m = JACKSON.matcher(Files.readString(pom));
    assertThat(m.find()).as("jackson.version in %s", pom).isTrue();
    return m.group(1);
  }
}

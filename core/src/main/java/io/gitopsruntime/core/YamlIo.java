package io.gitopsruntime.core;

import io.gitopsruntime.core.internal.YamlWriter;
import java.util.Map;

/** Package access to the YAML writer. */
final class YamlIo {
  private YamlIo() {}

  static String write(Map<String, ?> data) {
    return YamlWriter.write(data);
  }
}

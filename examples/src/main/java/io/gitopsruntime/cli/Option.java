package io.gitopsruntime.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One option of a command.
 *
 * @param names its names, such as {@code -f} and {@code --values}
 * @param param the name of its argument in help, or null for a flag
 * @param description what it does, for help
 * @param repeatable whether it may be given several times
 */
record Option(List<String> names, @Nullable String param, String description, boolean repeatable) {
  static Option flag(String description, String... names) {
    return new Option(List.of(names), null, description, false);
  }

  static Option value(String param, String description, String... names) {
    return new Option(List.of(names), param, description, false);
  }

  static Option repeatable(String param, String description, String... names) {
    return new Option(List.of(names), param, description, true);
  }

  String longName() {
    return names.get(names.size() - 1);
  }

  boolean takesValue() {
    return param != null;
  }
}

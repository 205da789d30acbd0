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
 * @param hidden whether help leaves it out (an option recognised only to explain why it does not apply)
 */
record Option(List<String> names, @Nullable String param, String description, boolean repeatable, boolean hidden) {
  static Option flag(String description, String... names) {
    return new Option(List.of(names), null, description, false, false);
  }

  static Option value(String param, String description, String... names) {
    return new Option(List.of(names), param, description, false, false);
  }

  static Option repeatable(String param, String description, String... names) {
    return new Option(List.of(names), param, description, true, false);
  }

  /** An option help does not list: the command reads it only to say what to use instead. */
  static Option hidden(String param, String... names) {
    return new Option(List.of(names), param, "", true, true);
  }

  String longName() {
    return names.get(names.size() - 1);
  }

  boolean takesValue() {
    return param != null;
  }
}

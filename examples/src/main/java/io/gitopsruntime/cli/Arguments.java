package io.gitopsruntime.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line: option values by long name, and positional arguments. Options take their
 * value as the next argument or after {@code =}; {@code --} ends the options.
 */
final class Arguments {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positionals = new ArrayList<>();

  static Arguments parse(List<Option> options, List<String> args) {
    Arguments parsed = new Arguments();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        parsed.positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      } else if (!arg.startsWith("--") && arg.length() > 2) {
        name = arg.substring(0, 2);
        inline = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
      }
      Option option = find(options, name);
      String key = option.longName();
      if (option.takesValue()) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option " + name + " needs a value (" + option.param() + ").");
          }
          value = args.get(++i);
        }
        List<String> list = parsed.values.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.isEmpty() && !option.repeatable()) {
          throw new UsageException("option " + key + " was given more than once.");
        }
        list.add(value);
      } else {
        if (inline != null) {
          throw new UsageException("option " + name + " takes no value.");
        }
        parsed.values.computeIfAbsent(key, k -> new ArrayList<>()).add("true");
      }
    }
    return parsed;
  }

  private static Option find(List<Option> options, String name) {
    for (Option option : options) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    String hint = "";
    for (Option option : options) {
      for (String known : option.names()) {
        if (known.length() > 2 && (known.startsWith(name) || name.startsWith(known) || distance(known, name) <= 2)) {
          hint = " Did you mean " + known + "?";
          break;
        }
      }
      if (!hint.isEmpty()) {
        break;
      }
    }
    throw new UsageException("unknown option " + name + "." + hint);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  boolean has(String longName) {
    return values.containsKey(longName);
  }

  Optional<String> value(String longName) {
    List<String> list = values.get(longName);
    return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  String value(String longName, String defaultValue) {
    return value(longName).orElse(defaultValue);
  }

  List<String> all(String longName) {
    return values.getOrDefault(longName, List.of());
  }

  List<String> positionals() {
    return positionals;
  }
}

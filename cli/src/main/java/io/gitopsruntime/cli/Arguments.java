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
    List<String> known = new ArrayList<>();
    for (Option option : options) {
      if (!option.hidden()) {
        known.addAll(option.names());
      }
    }
    String hint = suggest(name, known).map(s -> " Did you mean " + s + "?").orElse("");
    throw new UsageException("unknown option " + name + "." + hint);
  }

  /** The known name closest to a mistyped one, if one is close enough to be what was meant. */
  static Optional<String> suggest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (candidate.length() <= 2) {
        continue;
      }
      int d = candidate.startsWith(name) || name.startsWith(candidate) ? 0 : distance(candidate, name);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(1, Math.min(2, name.length() / 3)) ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Edits between two names, a swap of neighbours counting as one (optimal string alignment). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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

package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The house form of a finding (STYLE.md: what failed, for what, why; how to fix it), checked against the rules
 * table of {@code RULES.md}: a documented rule id, raised by a validator the table names for it, with the
 * table's severity; a values path, or none only where the table's path column says so; a one-line message
 * that is a sentence; a remediation that is an instruction ending in a full stop, required unless the finding
 * is INFO. {@link Fixtures} checks every finding a test expects, so each whole-message assertion also checks
 * the form of the finding the validator produced.
 */
final class HouseForm {
  private static final Map<String, Row> RULES = rules();

  private HouseForm() {}

  /** A row of the rules table. */
  private record Row(String severities, String validators, String path) {}

  private static Map<String, Row> rules() {
    String table;
    try {
      table = Files.readString(Path.of("RULES.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\|([^|]*)\\|([^|]*)\\|((?:[^|\\\\]|\\\\\\|)*)\\|")
        .matcher(table);
    Map<String, Row> rows = new HashMap<>();
    while (m.find()) {
      rows.put(m.group(1), new Row(m.group(2).strip(), m.group(3).strip(), m.group(4).strip()));
    }
    return rows;
  }

  /**
   * What keeps a finding from the house form.
   *
   * @param f the finding
   * @return the problems, empty when it is in form
   */
  static List<String> problems(Finding f) {
    List<String> problems = new ArrayList<>();
    Row row = RULES.get(f.ruleId());
    if (row == null) {
      problems.add("rule id " + f.ruleId() + " is not in RULES.md");
    } else {
      if (f.validatorId().isEmpty() || !listed(row.validators(), f.validatorId())) {
        problems.add("validator " + f.validatorId() + " is not listed for " + f.ruleId() + " in RULES.md");
      }
      String letter = f.severity().name().substring(0, 1);
      if (!row.severities().contains(letter)) {
        problems.add("severity " + f.severity() + " is not " + row.severities() + " as in RULES.md");
      }
      if (f.path().isEmpty() && !row.path().contains("empty")) {
        problems.add("no values path, and RULES.md gives " + f.ruleId() + " one (" + row.path() + ")");
      }
    }
    if (!f.path().equals(f.path().strip()) || f.path().contains(" ")) {
      problems.add("the path is not a path: " + f.path());
    }
    sentence("message", f.message(), f.path(), problems);
    if (!f.remediation().isEmpty() || f.severity() != Severity.INFO) {
      sentence("remediation", f.remediation(), f.path(), problems);
    }
    return problems;
  }

  /** Whether the validator column names the validator, itself or as {@code every `prefix.*` validator}. */
  private static boolean listed(String validators, String validatorId) {
    if (validators.contains("`" + validatorId + "`")) {
      return true;
    }
    Matcher every = Pattern.compile("every `([a-z-]+)\\.\\*`").matcher(validators);
    return every.find() && validatorId.startsWith(every.group(1) + ".");
  }

  private static void sentence(String what, String text, String path, List<String> problems) {
    if (text.isBlank()) {
      problems.add("the " + what + " is empty");
      return;
    }
    if (!text.equals(text.strip()) || text.contains("\n") || text.contains("  ")) {
      problems.add("the " + what + " is not one tidy line: " + text);
    }
    char first = text.charAt(0);
    String firstWord = text.split("[ :=]", 2)[0];
    if (Character.isLowerCase(first) && !(path.contains(firstWord) || firstWord.matches("[a-z][\\w-]*(\\.[\\w-]+)+"))) {
      problems.add("the " + what + " does not start a sentence: " + text);
    }
    if (!text.endsWith(".") && !text.endsWith(".)") && !text.endsWith(".\"")) {
      problems.add("the " + what + " does not end with a full stop: " + text);
    }
  }

  /**
   * The finding, when it is in the house form.
   *
   * @param f the finding
   * @return {@code f}
   * @throws AssertionError naming what is out of form
   */
  static Finding checked(Finding f) {
    List<String> problems = problems(f);
    if (!problems.isEmpty()) {
      throw new AssertionError("Finding out of the house form (" + String.join("; ", problems) + "): " + f);
    }
    return f;
  }
}

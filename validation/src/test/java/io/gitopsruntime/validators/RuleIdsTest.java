package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleIdsTest {

  private static List<String> constants() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    for (Field field : RuleIds.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        ids.add((String) field.get(null));
      }
    }
    return ids;
  }

  private static List<String> documented() throws IOException {
    Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\|").matcher(Files.readString(Path.of("RULES.md")));
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void ruleIdsAreUniqueAndDotted() throws Exception {
    assertThat(constants()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+"));
  }

  @Test
  void rulesTableListsEveryRuleIdExactlyOnce() throws Exception {
    assertThat(documented()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants());
  }
}

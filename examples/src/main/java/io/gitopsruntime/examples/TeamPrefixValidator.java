package io.gitopsruntime.examples;

import io.gitopsruntime.NameRules;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import java.util.List;
import java.util.Objects;

/**
 * A team's own rule next to the built-in ones: runtime names start with the team's prefix, so that the
 * Codefresh UI shows at a glance whose runtime it is.
 *
 * <pre>{@code
 * ValidatorChain chain = ValidatorChain.builder()
 *     .addAll(Validators.offline())
 *     .add(new TeamPrefixValidator("payments-"))
 *     .build();
 * }</pre>
 *
 * <p>The chain runs it concurrently with the others and reports its finding with theirs. Immutable and
 * thread-safe.
 */
public final class TeamPrefixValidator implements Validator {
  /** The rule id of its finding. */
  public static final String RULE_ID = "team.runtime-prefix";

  private final String prefix;

  /**
   * Creates the rule for a team.
   *
   * @param prefix the start every runtime name of the team has, such as {@code payments-}
   */
  public TeamPrefixValidator(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("The team prefix is empty. Give the start of the team's runtime names, such"
          + " as \"payments-\".");
    }
  }

  @Override
  public String id() {
    return RULE_ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    String name = context.installation().runtimeName();
    if (name.startsWith(prefix)) {
      return List.of();
    }
    return List.of(Finding.error(RULE_ID, "global.runtime.name",
        "\"" + name + "\" does not start with the team prefix \"" + prefix + "\".",
        "Rename the runtime to \"" + suggestion(name) + "\"."));
  }

  /** The name with the prefix, kept within the length the chart allows. */
  private String suggestion(String name) {
    String suggested = prefix + name;
    if (suggested.length() > NameRules.RUNTIME_NAME_MAX) {
      suggested = suggested.substring(0, NameRules.RUNTIME_NAME_MAX).replaceAll("-+$", "");
    }
    return suggested;
  }

  @Override
  public String toString() {
    return "TeamPrefixValidator(" + prefix + ")";
  }
}

package io.gitopsruntime.core;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Values read from a file, with the problems found while reading them (keys of the wrong type,
 * duplicate keys) and where each key is in the file. Immutable and thread-safe.
 */
public final class ParsedValues {
  private final String source;
  private final GitOpsRuntimeValues values;
  private final List<Finding> problems;
  private final Map<ValuesPath, SourceLocation> locations;

  ParsedValues(String source, GitOpsRuntimeValues values, List<Finding> problems, Map<ValuesPath, SourceLocation> locations) {
    this.source = source;
    this.values = values;
    this.problems = List.copyOf(problems);
    // not Map.copyOf: its linear probing goes quadratic on the paths of a big file (uses[0], uses[0].v, ...)
    this.locations = Collections.unmodifiableMap(new HashMap<>(locations));
  }

  /**
   * The file name as given, such as {@code values.yaml}.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The values. A key of the wrong type is kept verbatim in its node's {@code additionalValues()} and
   * reported in {@link #problems()}.
   *
   * @return the values
   */
  public GitOpsRuntimeValues values() {
    return values;
  }

  /**
   * What was wrong with the file: ERROR for a value of the wrong type, WARNING for a duplicate key.
   *
   * @return the problems, in file order
   */
  public List<Finding> problems() {
    return problems;
  }

  /**
   * Whether any problem is an ERROR.
   *
   * @return true when the values must not be used as they are
   */
  public boolean hasErrors() {
    return problems.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * Where a values path is in the file: the key itself, or the nearest enclosing key that is.
   *
   * @param path a values path such as {@code global.runtime.ingress.hosts[0]}
   * @return the location, or empty when no part of the path is in the file
   */
  public Optional<SourceLocation> locationOf(String path) {
    ValuesPath p;
    try {
      p = ValuesPath.parse(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    while (!p.isRoot()) {
      SourceLocation location = locations.get(p);
      if (location != null) {
        return Optional.of(location);
      }
      p = p.parent();
    }
    return Optional.empty();
  }

  /**
   * The values, or an exception listing every ERROR problem.
   *
   * @return the values
   * @throws InvalidValuesException if any problem is an ERROR; the message names each path, its line
   *     and how to fix it
   */
  public GitOpsRuntimeValues valuesOrThrow() {
    List<Finding> errors = problems.stream().filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList());
    if (errors.isEmpty()) {
      return values;
    }
    String lines = errors.stream()
        .map(f -> "  - " + locationOf(f.path()).map(l -> l + ": ").orElse(source + ": ") + f.describe())
        .collect(Collectors.joining("\n"));
    throw new InvalidValuesException(errors.get(0).path(),
        source + " has " + (errors.size() == 1 ? "1 value" : errors.size() + " values") + " of the wrong type:\n" + lines);
  }

  @Override
  public String toString() {
    return "ParsedValues{source=" + source + ", problems=" + problems.size() + "}";
  }
}

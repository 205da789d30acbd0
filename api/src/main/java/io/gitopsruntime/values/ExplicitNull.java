package io.gitopsruntime.values;

/**
 * An explicit YAML {@code null}. Helm treats a null as "delete the chart's default for this key", so the
 * SDK writes one only where a caller put this marker (or the source file had one).
 */
public enum ExplicitNull {
  /** The only instance. */
  INSTANCE;

  @Override
  public String toString() {
    return "null";
  }
}

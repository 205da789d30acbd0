package io.gitopsruntime.core;

import io.gitopsruntime.core.internal.SecretSlots;
import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How values are named in messages: "the string \"yes\"", "a map", "the number 1.5", or by their type
 * alone ("a string") where they may be secrets.
 *
 * <pre>{@code
 * String shown = TypeNames.describe(path, value); // quoted unless the path may hold a secret
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TypeNames {
  private TypeNames() {}

  /**
   * Describes a value for a message. Strings are quoted (shortened when long); call this only for values
   * that are not secrets.
   *
   * @param value a value of the plain data tree
   * @return a short description
   */
  public static String describe(@Nullable Object value) {
    if (value == null || value == ExplicitNull.INSTANCE) {
      return "null";
    }
    if (value instanceof String) {
      String s = (String) value;
      if (s.length() > 40) {
        s = s.substring(0, 37) + "...";
      }
      return "the string \"" + s.replace("\n", "\\n") + "\"";
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).isEmpty() ? "an empty map" : "a map";
    }
    if (value instanceof List) {
      return ((List<?>) value).isEmpty() ? "an empty list" : "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /**
   * Describes the value at a path for a message: quoted where it cannot be a secret, by its type only where
   * it {@link #mayBeSecret may be one}.
   *
   * @param path where the value is
   * @param value a value of the plain data tree
   * @return a short description
   */
  public static String describe(ValuesPath path, @Nullable Object value) {
    return mayBeSecret(path) ? describeType(value) : describe(value);
  }

  /**
   * Whether a value at a path may be a secret: a secret slot, anything under one whatever its type, or the
   * map that holds one (where a secret written one level too high lands, as in {@code password: <token>}).
   *
   * @param path a values path
   * @return true when messages must not quote the value
   */
  public static boolean mayBeSecret(ValuesPath path) {
    // SecretSlots decides what is a secret: the chart's credential keys and keys named like secrets
    if (SecretSlots.isSecret(path)) {
      return true;
    }
    for (ValuesPath p = path; !p.isRoot(); p = p.parent()) {
      if (SecretSlots.of(p).isPresent()) {
        return true;
      }
    }
    for (SecretSlots.Slot slot : SecretSlots.ALL) {
      if (slot.literal().parent().equals(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes a value's type without its content, for values that may be secret.
   *
   * @param value a value of the plain data tree
   * @return such as "a string", "a boolean", "a map"
   */
  public static String describeType(@Nullable Object value) {
    if (value == null || value == ExplicitNull.INSTANCE) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }
}

package io.gitopsruntime.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A path into the values tree in Helm's {@code --set} syntax: keys joined by {@code .}, list indexes in
 * brackets, and {@code \} escaping a {@code .}, {@code [}, {@code ]}, {@code =}, {@code ,} or {@code \}
 * that belongs to a key.
 *
 * <pre>{@code
 * ValuesPath.parse("global.runtime.ingress.hosts[0]");
 * ValuesPath.root().key("argo-cd").key("configs").key("tls").key("certificates").key("git.example.com");
 * // argo-cd.configs.tls.certificates.git\.example\.com
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ValuesPath {
  private static final ValuesPath ROOT = new ValuesPath(List.of());
  private static final String SPECIAL = ".[]=,\\";

  /** One step of a path: a map key or a list index. */
  public sealed interface Segment {}

  /**
   * A map key.
   *
   * @param name the key
   */
  public record Key(String name) implements Segment {
    /**
     * Creates a key segment.
     *
     * @param name the key
     */
    public Key {
      Objects.requireNonNull(name, "name == null");
    }
  }

  /**
   * A list index.
   *
   * @param index the index, from 0
   */
  public record Index(int index) implements Segment {
    /**
     * Creates an index segment.
     *
     * @param index the index, from 0
     */
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("index < 0: " + index);
      }
    }
  }

  private final List<Segment> segments;

  private ValuesPath(List<Segment> segments) {
    this.segments = segments;
  }

  /**
   * The empty path: the root of the values.
   *
   * @return the root path
   */
  public static ValuesPath root() {
    return ROOT;
  }

  /**
   * A path of keys.
   *
   * @param keys the keys, each taken literally (no escaping needed)
   * @return the path
   */
  public static ValuesPath ofKeys(String... keys) {
    ValuesPath path = ROOT;
    for (String key : keys) {
      path = path.key(key);
    }
    return path;
  }

  /**
   * Parses a path in {@code --set} syntax.
   *
   * @param text such as {@code global.runtime.ingress.hosts[0]} or {@code a.b\.c}
   * @return the path
   * @throws IllegalArgumentException if the text is not a well-formed path; the message says where
   */
  public static ValuesPath parse(String text) {
    List<Segment> segments = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    boolean keyPending = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw malformed(text, i, "a trailing '\\' escapes nothing");
        }
        key.append(text.charAt(i + 1));
        keyPending = true;
        i += 2;
      } else if (c == '.') {
        if (!keyPending) {
          if (i == 0 || text.charAt(i - 1) != ']') {
            throw malformed(text, i, "an empty key");
          }
        } else {
          segments.add(new Key(key.toString()));
          key.setLength(0);
          keyPending = false;
        }
        i++;
        if (i == text.length()) {
          throw malformed(text, i - 1, "the path ends with '.'");
        }
      } else if (c == '[') {
        if (keyPending) {
          segments.add(new Key(key.toString()));
          key.setLength(0);
          keyPending = false;
        } else if (segments.isEmpty()) {
          throw malformed(text, i, "an index needs a key before it");
        } else if (text.charAt(i - 1) == '.') {
          throw malformed(text, i, "an empty key");
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw malformed(text, i, "'[' is not closed");
        }
        String digits = text.substring(i + 1, close);
        if (!digits.matches("\\d{1,9}")) {
          throw malformed(text, i, "an index must be a non-negative number, not \"" + digits + "\"");
        }
        segments.add(new Index(Integer.parseInt(digits)));
        i = close + 1;
        if (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          throw malformed(text, i, "expected '.' or '[' after ']'");
        }
      } else if (c == ']' || c == '=' || c == ',') {
        throw malformed(text, i, "'" + c + "' must be escaped as '\\" + c + "' inside a key");
      } else {
        key.append(c);
        keyPending = true;
        i++;
      }
    }
    if (keyPending) {
      segments.add(new Key(key.toString()));
    }
    return segments.isEmpty() ? ROOT : new ValuesPath(List.copyOf(segments));
  }

  private static IllegalArgumentException malformed(String text, int at, String why) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not a values path: " + why + " (at character " + (at + 1) + ")."
            + " Write keys joined by '.', indexes as [0], for example global.runtime.ingress.hosts[0].");
  }

  /**
   * This path followed by a key.
   *
   * @param name the key, taken literally
   * @return the longer path
   */
  public ValuesPath key(String name) {
    return append(new Key(name));
  }

  /**
   * This path followed by a list index.
   *
   * @param index the index
   * @return the longer path
   */
  public ValuesPath index(int index) {
    return append(new Index(index));
  }

  private ValuesPath append(Segment segment) {
    List<Segment> longer = new ArrayList<>(segments.size() + 1);
    longer.addAll(segments);
    longer.add(segment);
    return new ValuesPath(Collections.unmodifiableList(longer));
  }

  /**
   * The steps of this path.
   *
   * @return the segments, from the root
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * Whether this is the root path.
   *
   * @return true for the empty path
   */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /**
   * The path without its last step.
   *
   * @return the parent; the root's parent is the root
   */
  public ValuesPath parent() {
    return segments.isEmpty() ? this : new ValuesPath(segments.subList(0, segments.size() - 1));
  }

  /**
   * Whether this path starts with another.
   *
   * @param prefix the other path
   * @return true when {@code prefix} is this path or one of its ancestors
   */
  public boolean startsWith(ValuesPath prefix) {
    return segments.size() >= prefix.segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  /** The path in {@code --set} syntax, keys escaped where needed. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Index) {
        out.append('[').append(((Index) segment).index()).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        String name = ((Key) segment).name();
        for (int i = 0; i < name.length(); i++) {
          char c = name.charAt(i);
          if (SPECIAL.indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValuesPath && ((ValuesPath) other).segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}

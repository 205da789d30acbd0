package io.gitopsruntime.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small re-implementation, for tests, of how Helm's {@code strvals} parser turns one {@code --set},
 * {@code --set-string} or {@code --set-json} assignment into values (Terraform's Helm provider runs the
 * same parser on each {@code set} block). It lets the export tests check that a generated flag gives Helm
 * exactly the value it was generated from, rather than only what the flag looks like.
 *
 * <p>Rules followed: keys end at an unescaped '=', '.', '[' or ','; '\' escapes any character in keys and
 * values; a value starting with '{' is a list of comma-separated items up to '}'; an unescaped ',' ends
 * the value (and starts another assignment, which this helper refuses, as the exports never mean it);
 * typed values are true/false/null in any case, "0", and base-10 int64s not starting with '0'.
 */
final class HelmStrvals {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private int at;

  private HelmStrvals(String text) {
    this.text = text;
  }

  /**
   * Applies one flag's assignment to the data.
   *
   * @param data the values so far, changed in place
   * @param flag --set, --set-string or --set-json
   * @param assignment the flag's argument as Helm receives it
   */
  static void apply(Map<String, Object> data, String flag, String assignment) {
    new HelmStrvals(assignment).assign(data, flag);
  }

  @SuppressWarnings("unchecked")
  private void assign(Map<String, Object> data, String flag) {
    Object container = data;
    Object pendingKey = null;
    while (true) {
      StringBuilder key = new StringBuilder();
      char stop = readUntil(key, "=[.,");
      if (stop == ',' || stop == 0) {
        throw new IllegalArgumentException("key \"" + key + "\" has no value in " + text);
      }
      if (key.length() > 0 || pendingKey == null) {
        container = descend(container, pendingKey, key.toString(), false);
        pendingKey = key.toString();
      }
      while (stop == '[') {
        StringBuilder digits = new StringBuilder();
        readUntil(digits, "]");
        container = descend(container, pendingKey, null, true);
        pendingKey = Integer.parseInt(digits.toString());
        stop = next();
        if (stop == '=' || stop == '.') {
          break;
        }
        if (stop != '[') {
          throw new IllegalArgumentException("unexpected data after index in " + text);
        }
      }
      if (stop == '=') {
        set(container, pendingKey, value(flag));
        return;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object descend(Object container, Object pendingKey, String nextKey, boolean wantList) {
    if (pendingKey == null) {
      return container;
    }
    Object existing = get(container, pendingKey);
    Object child = wantList ? (existing instanceof List ? existing : new ArrayList<>())
        : (existing instanceof Map ? existing : new LinkedHashMap<String, Object>());
    set(container, pendingKey, child);
    return child;
  }

  @SuppressWarnings("unchecked")
  private static Object get(Object container, Object key) {
    if (key instanceof Integer) {
      List<Object> list = (List<Object>) container;
      int index = (Integer) key;
      return index < list.size() ? list.get(index) : null;
    }
    return ((Map<String, Object>) container).get((String) key);
  }

  @SuppressWarnings("unchecked")
  private static void set(Object container, Object key, Object value) {
    if (key instanceof Integer) {
      List<Object> list = (List<Object>) container;
      int index = (Integer) key;
      while (list.size() <= index) {
        list.add(null);
      }
      list.set(index, value);
    } else {
      ((Map<String, Object>) container).put((String) key, value);
    }
  }

  private Object value(String flag) {
    if (flag.equals("--set-json")) {
      try {
        return JSON.readValue(text.substring(at), Object.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    boolean asString = flag.equals("--set-string");
    if (at < text.length() && text.charAt(at) == '{') {
      at++;
      List<Object> list = new ArrayList<>();
      while (true) {
        StringBuilder item = new StringBuilder();
        char stop = readUntil(item, ",}");
        if (stop == 0) {
          throw new IllegalArgumentException("list must terminate with '}' in " + text);
        }
        list.add(typed(item.toString(), asString));
        if (stop == '}') {
          requireEnd();
          return list;
        }
      }
    }
    StringBuilder value = new StringBuilder();
    readUntil(value, ",");
    requireEnd();
    return typed(value.toString(), asString);
  }

  private void requireEnd() {
    if (at < text.length()) {
      throw new IllegalArgumentException("an unescaped ',' starts another assignment in " + text);
    }
  }

  private static Object typed(String value, boolean asString) {
    if (asString) {
      return value;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("null")) {
      return null;
    }
    if (value.equals("0")) {
      return 0L;
    }
    if (!value.isEmpty() && value.charAt(0) != '0' && value.matches("[-+]?[0-9]+")) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  /** Reads into {@code out} until an unescaped stop character, which it consumes and returns; 0 at the end. */
  private char readUntil(StringBuilder out, String stops) {
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (stops.indexOf(c) >= 0) {
        return c;
      }
      if (c == '\\') {
        if (at == text.length()) {
          return 0;
        }
        c = text.charAt(at++);
      }
      out.append(c);
    }
    return 0;
  }

  private char next() {
    return at < text.length() ? text.charAt(at++) : 0;
  }
}

package io.gitopsruntime.core;

import java.util.regex.Pattern;

/**
 * Quoting for POSIX shells, for commands a person copies from a message or an export.
 *
 * <pre>{@code
 * Shell.quote("global.runtime.name=prod-eu"); // global.runtime.name=prod-eu
 * Shell.quote("it's");                        // 'it'\''s'
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  /**
   * Quotes a word for a POSIX shell: unchanged when it holds only safe characters, otherwise in single
   * quotes with each {@code '} written as {@code '\''}.
   *
   * @param word the word
   * @return the quoted word
   */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}

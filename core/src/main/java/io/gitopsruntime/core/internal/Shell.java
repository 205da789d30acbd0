package io.gitopsruntime.core.internal;

import java.util.regex.Pattern;

/** Quoting for POSIX shells. */
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

package io.gitopsruntime.validators.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks known secret values in text that came from elsewhere (an HTTP error body, an exception message)
 * before it goes into a finding or a log line. Immutable and thread-safe.
 */
public final class Redactor {
  private static final String MASK = "****";
  private static final int SHORTEST = 4;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * A redactor of these secrets; blank and very short ones are ignored.
   *
   * @param secrets the secrets
   * @return the redactor
   */
  public static Redactor of(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      String trimmed = s.strip();
      if (trimmed.length() >= SHORTEST) {
        kept.add(trimmed);
      }
    }
    kept.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(kept));
  }

  /**
   * This redactor plus one more secret.
   *
   * @param secret the secret
   * @return a new redactor
   */
  public Redactor plus(String secret) {
    List<String> all = new ArrayList<>(secrets);
    all.add(secret);
    return of(all);
  }

  /**
   * The text with every known secret replaced by {@code ****}.
   *
   * @param text the text
   * @return the masked text
   */
  public String scrub(String text) {
    String result = text;
    for (String s : secrets) {
      result = result.replace(s, MASK);
    }
    return result;
  }
}

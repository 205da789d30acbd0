package io.gitopsruntime.validators.internal;

/** Helpers for URLs in messages. Thread-safe; no state. */
public final class Urls {
  private Urls() {}

  /**
   * A URL with its user info ({@code user:token@}) replaced by {@code ****}, so that it can be quoted.
   *
   * @param url a URL, with or without scheme
   * @return the URL, credentials masked
   */
  public static String maskUserInfo(String url) {
    int scheme = url.indexOf("://");
    int start = scheme >= 0 ? scheme + 3 : 0;
    int slash = url.indexOf('/', start);
    int end = slash >= 0 ? slash : url.length();
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      return url.substring(0, start) + "****" + url.substring(at);
    }
    return url;
  }
}

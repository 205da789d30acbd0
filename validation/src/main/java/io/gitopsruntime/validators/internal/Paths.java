package io.gitopsruntime.validators.internal;

/**
 * Builds values paths in the {@code --set} notation: {@code global.runtime.ingress.hosts[0]}, with dots
 * inside a key escaped ({@code argo-cd.configs.tls.certificates.git\.example\.com}). Thread-safe; no state.
 */
public final class Paths {
  private Paths() {}

  /**
   * A child key of a path.
   *
   * @param parent the parent path
   * @param key the key, escaped when it holds dots
   * @return the child path
   */
  public static String child(String parent, String key) {
    String escaped = key.replace(".", "\\.");
    return parent.isEmpty() ? escaped : parent + "." + escaped;
  }

  /**
   * A list element of a path.
   *
   * @param parent the list's path
   * @param index the index
   * @return the element's path
   */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}

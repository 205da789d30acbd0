package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the host names of Ingress {@code hosts} and HTTPRoute {@code hostnames}: bare DNS-1123 subdomains,
 * optionally a {@code *.} wildcard after the first. Thread-safe; no state.
 */
final class Hosts {
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private Hosts() {}

  /**
   * Checks one host.
   *
   * @param path the host's values path
   * @param host the host, not blank
   * @param protocolPath the path of the protocol key that goes with it
   * @param first whether it is the host the platform uses
   * @return a finding, or empty when the host is fine
   */
  public static Optional<Finding> check(String path, String host, String protocolPath, boolean first) {
    String h = host.strip();
    int scheme = h.indexOf("://");
    if (scheme >= 0) {
      return Optional.of(AccessModeFindings.hostWithScheme(path, host, bare(h.substring(scheme + 3)), protocolPath));
    }
    if (h.contains("/")) {
      return Optional.of(AccessModeFindings.hostWithPath(path, host, bare(h)));
    }
    if (h.contains(":")) {
      return Optional.of(AccessModeFindings.hostWithPort(path, host, bare(h)));
    }
    if (h.startsWith("*.")) {
      if (first) {
        return Optional.of(AccessModeFindings.firstHostWildcard(path, host));
      }
      h = h.substring(2);
    }
    if (h.length() > 253 || !SUBDOMAIN.matcher(h).matches()) {
      return Optional.of(AccessModeFindings.hostInvalid(path, host, suggest(h)));
    }
    return Optional.empty();
  }

  /**
   * The host part of a host that may carry a path or port.
   *
   * @param h the host
   * @return the host alone
   */
  static String bare(String h) {
    String s = h;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    int colon = s.indexOf(':');
    if (colon >= 0) {
      s = s.substring(0, colon);
    }
    return s;
  }

  private static String suggest(String h) {
    String s = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("\\.{2,}", ".").replaceAll("(^[-.]+)|([-.]+$)", "").replaceAll("-\\.|\\.-", ".");
    return s.isEmpty() ? "runtime.example.com" : s;
  }
}

package io.gitopsruntime.validators.internal;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Phrasing the built-in validators share, so that it stays the same everywhere: quoting, YAML types, the
 * parts a Secret reference lacks, why a PEM bundle or a server failed. The findings themselves live next to
 * the validators that raise them. Thread-safe; no state.
 */
public final class Wording {
  private Wording() {}

  /** How to give a check the cluster client it lacks. */
  public static final String ATTACH_CLIENT = "Attach a Kubernetes client:"
      + " ValidationContext.builder(installation).service(KubernetesClient.class, client).";

  /**
   * A string in double quotes, with quotes and backslashes escaped.
   *
   * @param s the string
   * @return the quoted string
   */
  public static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A URL in double quotes, with any user info ({@code user:token@}) masked.
   *
   * @param url the URL
   * @return the quoted URL
   */
  public static String qu(String url) {
    return q(Urls.maskUserInfo(url));
  }

  /**
   * An INFO finding with a remediation, for a check that did not run and how to run it.
   *
   * @param ruleId the rule id
   * @param path the values path
   * @param message what did not run, and why
   * @param remediation how to run it
   * @return the finding
   */
  public static Finding info(String ruleId, String path, String message, String remediation) {
    return Finding.builder()
        .severity(Severity.INFO)
        .ruleId(ruleId)
        .path(path)
        .message(message)
        .remediation(remediation)
        .build();
  }

  /**
   * A raw value's YAML type, for messages.
   *
   * @param raw the raw value
   * @return {@code a list}, {@code a map}, {@code a number}, {@code a boolean}, {@code null} or {@code a string}
   */
  public static String yamlType(@Nullable Object raw) {
    if (raw == null || raw instanceof ExplicitNull) {
      return "null";
    }
    if (raw instanceof java.util.Map) {
      return "a map";
    }
    if (raw instanceof List) {
      return "a list";
    }
    if (raw instanceof Number) {
      return "a number";
    }
    if (raw instanceof Boolean) {
      return "a boolean";
    }
    return "a string";
  }

  /**
   * What an incomplete Secret reference lacks.
   *
   * @param field the reference, such as {@code The Secret reference for the Git password}
   * @param name whether it has a name
   * @param key whether it has a key
   * @return for example {@code ... has no key}
   */
  public static String refGap(String field, boolean name, boolean key) {
    if (!name && !key) {
      return field + " has neither a name nor a key";
    }
    return field + (name ? " has no key" : " has no name");
  }

  /**
   * Why a PEM bundle does not parse.
   *
   * @param problem the problem
   * @return the reason, never quoting the bundle
   */
  public static String pemReason(Pem.BadPemException problem) {
    switch (problem.kind()) {
      case NO_BLOCK:
        return "it has no \"-----BEGIN CERTIFICATE-----\" line";
      case INCOMPLETE_BLOCK:
        return "it holds no complete \"-----BEGIN CERTIFICATE-----\" ... \"-----END CERTIFICATE-----\" block";
      default:
        return "certificate " + problem.index() + " of the bundle does not parse as X.509";
    }
  }

  /**
   * Why a server could not be reached.
   *
   * @param failure the classified failure
   * @param host the host
   * @return for example {@code the host name "x" does not resolve (DNS lookup failed)}
   */
  public static String netReason(NetErrors.Failure failure, String host) {
    switch (failure.kind()) {
      case DNS:
        return "the host name " + q(host) + " does not resolve (DNS lookup failed)";
      case CONNECT:
        return "the connection was refused or could not be opened (" + failure.detail() + ")";
      case TLS_UNTRUSTED:
        return "its TLS certificate is not trusted (" + failure.detail() + ")";
      case TLS_HOSTNAME:
        return "its TLS certificate is not valid for " + q(host);
      case TLS_OTHER:
        return "the TLS handshake failed (" + failure.detail() + ")";
      case TIMEOUT:
        return "it did not answer in time (" + failure.detail() + ")";
      default:
        return "the request failed (" + failure.detail() + ")";
    }
  }

  /**
   * The values path of what an incomplete Secret reference lacks.
   *
   * @param ref the reference's path
   * @param hasName whether it has a name
   * @param hasKey whether it has a key
   * @return the reference's path, or its {@code .name} or {@code .key}
   */
  public static String refPath(String ref, boolean hasName, boolean hasKey) {
    if (!hasName && !hasKey) {
      return ref;
    }
    return ref + (hasName ? ".key" : ".name");
  }
}

package io.gitopsruntime.validators.internal;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.AppProxyConfigValues;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.ComponentValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.InstallerValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings the validators share, read as the chart reads them (with its defaults): the access mode,
 * the platform URL, the skip flags, the component switches. Thread-safe; no state.
 */
public final class Chart {
  /** The Secret the platform's runtime token lives in; reserved. */
  public static final String RUNTIME_TOKEN_SECRET = "codefresh-token";

  private Chart() {}

  /**
   * Whether {@code global.runtime.ingress.enabled} is true.
   *
   * @param v the values
   * @return true in ingress mode
   */
  public static boolean ingressOn(GitOpsRuntimeValues v) {
    return v.global().runtime().ingress().enabled().orElse(ChartDefaults.bool("global.runtime.ingress.enabled"));
  }

  /**
   * Whether {@code global.runtime.httpRoute.enabled} is true.
   *
   * @param v the values
   * @return true when the HTTPRoute is on
   */
  public static boolean httpRouteOn(GitOpsRuntimeValues v) {
    return v.global().runtime().httpRoute().enabled()
        .orElse(ChartDefaults.bool("global.runtime.httpRoute.enabled"));
  }

  /**
   * {@code tunnel-client.enabled}, default true.
   *
   * @param v the values
   * @return the switch
   */
  public static boolean tunnelSwitch(GitOpsRuntimeValues v) {
    ComponentValues tunnel = v.tunnelClient();
    return Raw.bool(tunnel.enabled(), tunnel.additionalValues(), "enabled", ChartDefaults.bool("tunnel-client.enabled"));
  }

  /**
   * The access mode, as the chart's URL helper picks it: ingress, then HTTPRoute, then tunnel, then the
   * explicit URL.
   *
   * @param v the values
   * @return the mode
   */
  public static AccessModeKind mode(GitOpsRuntimeValues v) {
    if (ingressOn(v)) {
      return AccessModeKind.INGRESS;
    }
    if (httpRouteOn(v)) {
      return AccessModeKind.HTTP_ROUTE;
    }
    return tunnelSwitch(v) ? AccessModeKind.TUNNEL : AccessModeKind.SERVICE_MESH;
  }

  /**
   * {@code global.codefresh.url} with the chart default.
   *
   * @param v the values
   * @return the URL; empty when set to nothing
   */
  public static Optional<String> platformUrl(GitOpsRuntimeValues v) {
    CodefreshValues cf = v.global().codefresh();
    return nonBlank(Raw.string(cf.url(), cf.additionalValues(), "url", ChartDefaults.string("global.codefresh.url")));
  }

  /**
   * The platform URL when it is an absolute http(s) URL.
   *
   * @param v the values
   * @return the parsed URL, or empty when unset or malformed
   */
  public static Optional<URI> platformUri(GitOpsRuntimeValues v) {
    Optional<String> url = platformUrl(v);
    return url.isPresent() ? httpUri(url.get()) : Optional.empty();
  }

  /**
   * Parses an absolute http or https URL with a host.
   *
   * @param s the text
   * @return the URI, or empty when it is not one
   */
  public static Optional<URI> httpUri(String s) {
    try {
      URI uri = new URI(s.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
        return Optional.of(uri);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code installer.skipValidation}.
   *
   * @param v the values
   * @return the flag
   */
  public static boolean skipValidation(GitOpsRuntimeValues v) {
    InstallerValues i = v.installer();
    return i.skipValidation().orElse(ChartDefaults.bool("installer.skipValidation"));
  }

  /**
   * {@code installer.skipUsageValidation}.
   *
   * @param v the values
   * @return the flag
   */
  public static boolean skipUsageValidation(GitOpsRuntimeValues v) {
    return v.installer().skipUsageValidation().orElse(ChartDefaults.bool("installer.skipUsageValidation"));
  }

  /**
   * {@code global.runtime.ingress.skipValidation}.
   *
   * @param v the values
   * @return the flag
   */
  public static boolean skipIngressValidation(GitOpsRuntimeValues v) {
    return v.global().runtime().ingress().skipValidation()
        .orElse(ChartDefaults.bool("global.runtime.ingress.skipValidation"));
  }

  /**
   * {@code app-proxy.config.skipGitPermissionValidation} is "true".
   *
   * @param v the values
   * @return the flag
   */
  public static boolean skipGitPermissionValidation(GitOpsRuntimeValues v) {
    AppProxyConfigValues config = v.appProxy().config();
    if (config.skipGitPermissionValidation().isPresent()) {
      return config.skipGitPermissionValidation().get();
    }
    Object raw = config.additionalValues().get("skipGitPermissionValidation");
    return raw == null ? ChartDefaults.bool("app-proxy.config.skipGitPermissionValidation") : "true".equals(raw);
  }

  /**
   * {@code argo-cd.enabled}, default true.
   *
   * @param v the values
   * @return the switch
   */
  public static boolean argoCdEnabled(GitOpsRuntimeValues v) {
    return Raw.bool(v.argoCd().enabled(), v.argoCd().additionalValues(), "enabled", ChartDefaults.bool("argo-cd.enabled"));
  }

  /**
   * The Git password the chart would use: a non-blank literal, else a Secret reference that names
   * something.
   *
   * @param v the values
   * @return the password, or empty when none is given
   */
  public static Optional<SecretValue> gitPassword(GitOpsRuntimeValues v) {
    var password = v.global().runtime().gitCredentials().password();
    Optional<SecretValue> literal = nonBlankSecret(password.value());
    if (literal.isPresent()) {
      return literal;
    }
    Optional<SecretKeyRef> ref = given(password.secretKeyRef());
    return ref.isPresent() ? Optional.of(SecretValue.fromSecret(ref.get())) : Optional.empty();
  }

  /**
   * The Codefresh API key the chart would use: a non-blank literal, else a Secret reference that names
   * something.
   *
   * @param v the values
   * @return the key, or empty when none is given
   */
  public static Optional<SecretValue> userToken(GitOpsRuntimeValues v) {
    var token = v.global().codefresh().userToken();
    Optional<SecretValue> literal = nonBlankSecret(token.token());
    if (literal.isPresent()) {
      return literal;
    }
    Optional<SecretKeyRef> ref = given(token.secretKeyRef());
    return ref.isPresent() ? Optional.of(SecretValue.fromSecret(ref.get())) : Optional.empty();
  }

  /**
   * {@code global.runtime.gitCredentials.username} with the chart default.
   *
   * @param v the values
   * @return the username; empty when set to nothing
   */
  public static Optional<String> gitUsername(GitOpsRuntimeValues v) {
    var gc = v.global().runtime().gitCredentials();
    return nonBlank(Raw.string(gc.username(), gc.additionalValues(), "username",
        ChartDefaults.string("global.runtime.gitCredentials.username")));
  }

  /**
   * Whether a Secret reference names anything at all (the chart default {@code {}} does not).
   *
   * @param ref the reference
   * @return true when it has a non-blank name or key
   */
  public static boolean refGiven(SecretKeyRef ref) {
    return hasName(ref) || hasKey(ref);
  }

  /**
   * Whether a reference's name is set.
   *
   * @param ref the reference
   * @return true when the name is not blank
   */
  public static boolean hasName(SecretKeyRef ref) {
    return nonBlank(ref.name()).isPresent();
  }

  /**
   * Whether a reference's key is set.
   *
   * @param ref the reference
   * @return true when the key is not blank
   */
  public static boolean hasKey(SecretKeyRef ref) {
    return nonBlank(ref.key()).isPresent();
  }

  /**
   * Whether a literal secret has surrounding whitespace or control characters.
   *
   * @param secret the secret
   * @return true when it would not survive an exact comparison or an HTTP header
   */
  public static boolean hasStrayWhitespace(String secret) {
    if (!secret.equals(secret.strip())) {
      return true;
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  // The helpers below replace Optional.filter lambdas: the offline validators run at the start of every
  // plan, where each distinct lambda costs start-up time.

  /**
   * The text when it is set and not blank.
   *
   * @param text the text, or empty
   * @return the text, or empty when blank
   */
  public static Optional<String> nonBlank(Optional<String> text) {
    return text.isPresent() && !text.get().isBlank() ? text : Optional.empty();
  }

  /**
   * The reference when it names anything at all.
   *
   * @param ref the reference, or empty
   * @return the reference, or empty when it is the chart's empty default
   * @see #refGiven(SecretKeyRef)
   */
  public static Optional<SecretKeyRef> given(Optional<SecretKeyRef> ref) {
    return ref.isPresent() && refGiven(ref.get()) ? ref : Optional.empty();
  }

  /**
   * Whether a reference names the Secret the runtime keeps its own token in.
   *
   * @param ref the reference, or empty
   * @return true when its name is {@value #RUNTIME_TOKEN_SECRET}
   */
  public static boolean namesRuntimeTokenSecret(Optional<SecretKeyRef> ref) {
    if (ref.isEmpty()) {
      return false;
    }
    Optional<String> name = ref.get().name();
    return name.isPresent() && name.get().strip().equals(RUNTIME_TOKEN_SECRET);
  }

  /**
   * The secret when it is a reference or a non-blank literal.
   *
   * @param secret the secret, or empty
   * @return the secret, or empty when it is a blank literal
   */
  public static Optional<SecretValue> nonBlankSecret(Optional<SecretValue> secret) {
    return secret.isPresent() && !secret.get().isBlankLiteral() ? secret : Optional.empty();
  }
}

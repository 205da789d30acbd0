package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.validators.internal.Urls;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GlobalValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the URLs of the values: {@code global.codefresh.url} is an absolute http(s) URL (https
 * recommended); {@code global.httpProxy} and {@code global.httpsProxy} are proxy URLs;
 * {@code global.noProxy} lists hosts without schemes and is set whenever a proxy is.
 *
 * <p>Rules: {@value RuleIds#PLATFORM_URL_FORMAT}, {@value RuleIds#PLATFORM_URL_INSECURE},
 * {@value RuleIds#PROXY_FORMAT}, {@value RuleIds#PROXY_NO_PROXY}. Offline. Stateless and thread-safe.
 */
final class UrlsValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.urls";

  private static final Set<String> PROXY_SCHEMES = Set.of("http", "https", "socks5", "socks5h");

  /** Creates the validator. */
  UrlsValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    CodefreshValues cf = values.global().codefresh();
    Optional<String> url = Raw.string(cf.url(), cf.additionalValues(), "url", ChartDefaults.string("global.codefresh.url"));
    if (url.isEmpty() || url.get().isBlank()) {
      out.add(UrlsFindings.platformUrlEmpty());
    } else {
      Optional<URI> uri = Chart.httpUri(url.get());
      if (uri.isEmpty()) {
        String u = url.get().strip();
        String rest = u.contains("://") ? u.substring(u.indexOf("://") + 3) : u;
        out.add(UrlsFindings.platformUrlInvalid(url.get(), "https://" + (rest.isEmpty() ? "g.codefresh.io" : rest)));
      } else if (uri.get().getScheme().equalsIgnoreCase("http")) {
        out.add(UrlsFindings.platformUrlInsecure(url.get()));
      }
    }
    GlobalValues global = values.global();
    boolean proxy = false;
    proxy |= checkProxy(global.httpProxy(), "global.httpProxy", "HTTP_PROXY", out);
    proxy |= checkProxy(global.httpsProxy(), "global.httpsProxy", "HTTPS_PROXY", out);
    Optional<String> noProxy = Chart.nonBlank(global.noProxy());
    if (noProxy.isPresent()) {
      for (String entry : noProxy.get().split(",")) {
        String e = entry.strip();
        int scheme = e.indexOf("://");
        if (scheme >= 0) {
          String host = e.substring(scheme + 3);
          int slash = host.indexOf('/');
          out.add(UrlsFindings.noProxyEntryWithScheme(e, slash >= 0 ? host.substring(0, slash) : host));
        }
      }
    }
    if (proxy && noProxy.isEmpty()) {
      out.add(UrlsFindings.noProxyMissing());
    }
    return out.list();
  }

  private static boolean checkProxy(Optional<String> value, String path, String env, Findings out) {
    if (value.isEmpty() || value.get().isBlank()) {
      return false;
    }
    String v = value.get().strip();
    String withScheme = v.contains("://") ? v : "http://" + v;
    boolean ok;
    try {
      URI uri = new URI(withScheme);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      ok = PROXY_SCHEMES.contains(scheme) && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      ok = false;
    }
    if (!ok) {
      out.add(UrlsFindings.proxyInvalid(path, Urls.maskUserInfo(v), env));
    }
    return true;
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}

package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;

/** The findings of {@link UrlsValidator}: the platform URL and the proxy settings. Thread-safe; no state. */
final class UrlsFindings {
  private UrlsFindings() {}

  /**
   * An empty platform URL.
   *
   * @return the finding
   */
  static Finding platformUrlEmpty() {
    return Finding.error(PLATFORM_URL_FORMAT, "global.codefresh.url",
        "The platform URL is empty: the runtime and Codefresh's validation hook need it to reach the platform.",
        "Remove global.codefresh.url to use the Codefresh SaaS (https://g.codefresh.io), or set your"
            + " platform's URL.");
  }

  /**
   * A platform URL that is not absolute http(s).
   *
   * @param url the URL as given
   * @param suggestion a fixed URL
   * @return the finding
   */
  static Finding platformUrlInvalid(String url, String suggestion) {
    return Finding.error(PLATFORM_URL_FORMAT, "global.codefresh.url",
        qu(url) + " is not an absolute http or https URL: the runtime and Codefresh's validation hook call the"
            + " platform's API at <url>/2.0/api/graphql.",
        "Use for example " + qu(suggestion) + ".");
  }

  /**
   * A plain-http platform URL.
   *
   * @param url the URL
   * @return the finding
   */
  static Finding platformUrlInsecure(String url) {
    return Finding.warning(PLATFORM_URL_INSECURE, "global.codefresh.url",
        "The platform URL " + qu(url) + " uses plain http: the Codefresh API key and the runtime token travel"
            + " unencrypted.",
        "Use https, with global.codefresh.tls.caCerts for a private CA.");
  }

  /**
   * A proxy that is not a proxy URL.
   *
   * @param path the key's path
   * @param shown the value, with any credentials masked
   * @param env the environment variable it becomes
   * @return the finding
   */
  static Finding proxyInvalid(String path, String shown, String env) {
    return Finding.error(PROXY_FORMAT, path,
        q(shown) + " is not a proxy URL: the chart passes it to the runtime as " + env
            + ", and its clients cannot connect through it.",
        "Use for example \"http://proxy.example.com:3128\".");
  }

  /**
   * A NO_PROXY entry with a scheme.
   *
   * @param entry the entry
   * @param host the entry without scheme
   * @return the finding
   */
  static Finding noProxyEntryWithScheme(String entry, String host) {
    return Finding.warning(PROXY_FORMAT, "global.noProxy",
        "NO_PROXY entry " + q(entry) + " has a scheme: NO_PROXY lists host names, domains and IP ranges, so"
            + " this entry matches nothing.",
        "Use " + q(host) + ".");
  }

  /**
   * Proxies without NO_PROXY.
   *
   * @return the finding
   */
  static Finding noProxyMissing() {
    return Finding.warning(PROXY_NO_PROXY, "global.noProxy",
        "A proxy is set but global.noProxy is empty: the runtime's calls inside the cluster (Argo CD, Argo"
            + " Workflows, the Kubernetes API) would go through the proxy too.",
        "Set global.noProxy, for example \"localhost,127.0.0.1,.svc,.cluster.local,kubernetes.default.svc\""
            + " plus your cluster's service and pod address ranges.");
  }
}

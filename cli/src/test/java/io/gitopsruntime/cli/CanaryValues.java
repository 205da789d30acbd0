package io.gitopsruntime.cli;

import io.gitopsruntime.core.internal.SecretSlots;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Values files with a distinct canary in every secret-bearing key of the chart and its subcharts, one file per type a
 * key can take (string, number, boolean, list, map), plus URLs with credentials in their user-info, secret slots of
 * the wrong type, keys only named like secrets, and YAML errors inside secret slots. Each string canary is
 * {@code CANARY-<slot>-<random>}; each number canary is a random twelve-digit number. Not thread-safe.
 */
final class CanaryValues {
  /** The keys of the chart and its subcharts that hold credentials (chart reference, sections 1 and 2); {@code *} is any key. */
  static final List<String> CHART_KEYS = List.of(
      "global.codefresh.userToken.token",
      "global.codefresh.tls.caCerts.secret.content",
      "global.runtime.gitCredentials.password.value",
      "global.runtime.repoCredentialsTemplate.password",
      "global.integrations.argo-cd.server.auth.password",
      "global.integrations.argo-cd.server.auth.token",
      "global.external-argo-cd.auth.password",
      "global.external-argo-cd.auth.token",
      "argo-cd.configs.secret.argocdServerAdminPassword",
      "argo-cd.configs.secret.githubSecret",
      "argo-cd.configs.secret.gitlabSecret",
      "argo-cd.configs.secret.bitbucketServerSecret",
      "argo-cd.configs.secret.bitbucketUUID",
      "argo-cd.configs.secret.gogsSecret",
      "argo-cd.configs.secret.azureDevops.password",
      "argo-cd.configs.secret.extra.*",
      "argo-cd.configs.credentialTemplates.*.password",
      "argo-cd.configs.credentialTemplates.*.sshPrivateKey",
      "argo-cd.configs.repositories.*.password",
      "argo-cd.configs.repositories.*.bearerToken",
      "argo-cd.configs.clusterCredentials.*.config.password",
      "argo-cd.configs.clusterCredentials.*.config.tlsClientConfig.keyData",
      "argo-cd.notifications.secret.items.*",
      "argo-cd.externalRedis.password",
      "argo-cd.redis.password",
      "redis-ha.redisPassword",
      "redis.auth.password");

  /** Keys the chart does not list as credentials but that are named like them: the SDK must treat them as secrets too. */
  static final List<String> NAMED_LIKE_SECRETS = List.of(
      "app-proxy.env.GITHUB_TOKEN",
      "app-proxy.env.MY_API_KEY",
      "app-proxy.config.dbPassword",
      "app-proxy.config.webhookSecret",
      "internal-router.env.CLIENT_CREDENTIALS",
      "gitops-operator.env.SERVICE_PASSPHRASE",
      "argo-cd.configs.cm.oidcClientSecret");

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, String> base;
  private final String baseText;
  private final Map<String, String> strings = new LinkedHashMap<>();
  private final Map<String, String> numbers = new LinkedHashMap<>();

  /** @param base the values every file starts with (names, account; no secrets), as values paths and YAML scalars */
  CanaryValues(Map<String, String> base) {
    this.base = base;
    this.baseText = file(Map.of());
  }

  /** Every key: the chart's (with {@code *} made concrete, and any the SDK's table adds) and the merely named ones. */
  static List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (String key : CHART_KEYS) {
      keys.add(key.replace("*", "canary-item"));
    }
    for (String key : SecretSlots.CHART_KEYS) {
      String concrete = key.replace("*", "canary-item");
      if (!keys.contains(concrete)) {
        keys.add(concrete);
      }
    }
    keys.addAll(NAMED_LIKE_SECRETS);
    return keys;
  }

  /** A new string canary for a slot, remembered. */
  String string(String slot) {
    String canary = "CANARY-" + slot.replaceAll("[^A-Za-z0-9]+", "") + "-" + Long.toHexString(RANDOM.nextLong() | Long.MIN_VALUE);
    strings.put(canary, slot);
    return canary;
  }

  /** A new number canary for a slot, remembered: twelve digits, the first not zero. */
  String number(String slot) {
    String canary = String.valueOf(100_000_000_000L + (long) (RANDOM.nextDouble() * 899_999_999_999L));
    numbers.put(canary, slot);
    return canary;
  }

  /** Every canary planted so far, strings and numbers, with the slot it was planted in. */
  Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>(strings);
    all.putAll(numbers);
    return all;
  }

  /** The string canaries planted so far. */
  Map<String, String> strings() {
    return strings;
  }

  /** A values file with each key set to what {@code value} gives for it (YAML text of a flow node or a scalar). */
  String file(List<String> keys, BiFunction<CanaryValues, String, String> value) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String key : keys) {
      entries.put(key, value.apply(this, key));
    }
    return file(entries);
  }

  /** A values file with the base values and these, by values path. */
  private String file(Map<String, String> entries) {
    Map<String, Object> tree = new LinkedHashMap<>();
    base.forEach((k, v) -> put(tree, k, v));
    entries.forEach((k, v) -> put(tree, k, v));
    return yaml(tree, 0);
  }

  /** The variants: a file name and the values in it, each with every key at one type. */
  Map<String, String> variants() {
    List<String> keys = allKeys();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("strings", file(keys, (c, k) -> "'" + c.string(k) + "'"));
    files.put("numbers", file(keys, (c, k) -> c.number(k)));
    files.put("booleans", file(keys, (c, k) -> "true"));
    // under a key only named like a secret, the SDK masks strings and numbers, also as list items; a map there is
    // not a secret (env's {valueFrom: {secretKeyRef: {name, key}}} names a Secret), so it gets that shape
    files.put("lists", file(keys, (c, k) -> "['" + c.string(k + "[0]") + "', " + c.number(k + "[1]")
        + (NAMED_LIKE_SECRETS.contains(k) ? "]" : ", {k: '" + c.string(k + "[2].k") + "'}]")));
    files.put("maps", file(keys, (c, k) -> NAMED_LIKE_SECRETS.contains(k) ? "{valueFrom: {secretKeyRef: {name: creds, key: token}}}"
        : "{a: '" + c.string(k + ".a") + "', b: " + c.number(k + ".b") + ", c: [" + c.number(k + ".c[0]") + "]}"));
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("global.httpProxy", "'http://proxy-user:" + string("global.httpProxy") + "@proxy.example.com:3128'");
    urls.put("global.httpsProxy", "'https://" + string("global.httpsProxy") + "@proxy.example.com:3128'");
    urls.put("app-proxy.config.someUrl", "'https://git-user:" + string("app-proxy.config.someUrl") + "@git.example.com/org/repo.git'");
    urls.put("app-proxy.env.HTTPS_PROXY", "'http://u:" + string("app-proxy.env.HTTPS_PROXY") + "@proxy.example.com:8080'");
    urls.put("argo-cd.configs.repositories.canary-repo.url",
        "'https://repo-user:" + string("argo-cd.configs.repositories.canary-repo.url") + "@git.example.com/repo.git'");
    files.put("urls", file(urls));
    Map<String, String> wrong = new LinkedHashMap<>();
    wrong.put("global.runtime.gitCredentials.password", "'" + string("global.runtime.gitCredentials.password") + "'");
    wrong.put("global.codefresh.tls.caCerts.secret", "['" + string("global.codefresh.tls.caCerts.secret") + "']");
    wrong.put("global.integrations.argo-cd.server.auth", "['" + string("global.integrations.argo-cd.server.auth") + "']");
    wrong.put("argo-cd.configs.secret", "'" + string("argo-cd.configs.secret") + "'");
    wrong.put("argo-cd.configs.credentialTemplates", "['" + string("argo-cd.configs.credentialTemplates") + "']");
    wrong.put("redis.auth", number("redis.auth"));
    files.put("wrong-typed-slots", file(wrong));
    return files;
  }

  /**
   * Values that pass validation, for the installs: a string canary in every key but the platform CA bundle, which
   * must be a PEM certificate.
   */
  String installable() {
    List<String> keys = new ArrayList<>(allKeys());
    keys.remove("global.codefresh.tls.caCerts.secret.content");
    return file(keys, (c, k) -> "'" + c.string(k) + "'");
  }

  /** Files that are not valid YAML, each with an error inside a secret slot. */
  Map<String, String> yamlErrors() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("tagged-int", baseText + "app-proxy:\n  env:\n    GITHUB_TOKEN: !!int " + string("tagged-int") + "\n");
    String alias = string("alias");
    files.put("unknown-alias", baseText.replace("  runtime:\n", "  runtime:\n    gitCredentials:\n      password:\n        value: *" + alias + "\n"));
    files.put("bad-indent", baseText + "redis:\n  auth:\n    password: " + string("bad-indent") + "\n   x: y\n");
    files.put("unclosed-quote", baseText + "redis-ha:\n  redisPassword: \"" + string("unclosed-quote") + "\n");
    files.put("tab", baseText + "argo-cd:\n  redis:\n\tpassword: " + string("tab") + "\n");
    files.put("duplicate", baseText + "argo-cd:\n  externalRedis:\n    password: " + string("duplicate-1") + "\n    password: " + string("duplicate-2") + "\n");
    files.put("binary", baseText + "argo-cd:\n  configs:\n    secret:\n      gogsSecret: !!binary '" + string("binary") + "!'\n");
    return files;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String path, String value) {
    List<String> keys = new ArrayList<>();
    // keys are separated by dots; "argo-cd" and "redis-ha" hold no dots
    for (String key : path.split("\\.")) {
      keys.add(key);
    }
    Map<String, Object> node = tree;
    for (String key : keys.subList(0, keys.size() - 1)) {
      node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }
    node.put(keys.get(keys.size() - 1), value);
  }

  @SuppressWarnings("unchecked")
  private static String yaml(Map<String, Object> tree, int depth) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      out.append("  ".repeat(depth)).append(entry.getKey()).append(':');
      if (entry.getValue() instanceof Map) {
        out.append('\n').append(yaml((Map<String, Object>) entry.getValue(), depth + 1));
      } else {
        out.append(' ').append(entry.getValue()).append('\n');
      }
    }
    return out.toString();
  }
}

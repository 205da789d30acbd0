package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-by-key mapping of every node type of the values model to and from plain data: one read and
 * one write method per node type, in the chart's key order. Written out plainly, without lambdas or
 * reflection, so that a short-lived process (a CLI, a JBang script) pays almost nothing for it; a test
 * checks that every typed attribute of every node survives a round trip.
 *
 * <p>Reading keeps every key: a typed key becomes an attribute; an untyped key, or a typed key whose
 * value is null, empty or of another type, is kept verbatim in {@code additionalValues} (a wrong type
 * is also reported). Writing emits the typed attributes that are set, then the kept keys that no
 * attribute wrote. Thread-safe; no state.
 */
public final class ValuesCodec {
  /** Collects problems while reading. */
  public interface Problems {
    /**
     * Reports a problem.
     *
     * @param finding the problem
     */
    void report(io.gitopsruntime.validation.Finding finding);
  }

  /** What to write for literal secrets. */
  public interface SecretWriter {
    /**
     * The data to write in place of a literal secret.
     *
     * @param path where the secret is
     * @param secret the secret
     * @return the value to write, or null to leave the key out
     */
    @org.jspecify.annotations.Nullable Object write(ValuesPath path, SecretValue secret);
  }

  private ValuesCodec() {}

  /**
   * Reads the root node.
   *
   * @param raw the document's top-level map
   * @param problems where type problems go
   * @return the values
   */
  public static GitOpsRuntimeValues read(Map<String, Object> raw, Problems problems) {
    return readGitOpsRuntimeValues(raw, ValuesPath.root(), problems);
  }

  /**
   * Writes the root node.
   *
   * @param values the values
   * @param secrets what to write for literal secrets
   * @return the plain data; empty when nothing is set
   */
  public static Map<String, Object> write(GitOpsRuntimeValues values, SecretWriter secrets) {
    Map<String, Object> out = writeGitOpsRuntimeValues(values, ValuesPath.root(), secrets);
    java.util.Set<ValuesPath> parents = new java.util.HashSet<>();
    for (SecretSlots.Slot slot : SecretSlots.ALL) {
      // two slots may share a parent (argo-cd's password and token): write a misplaced value there once
      writeMisplacedSecret(out, slot.literal(), parents.add(slot.literal().parent()), secrets);
    }
    return out;
  }

  /**
   * Sends a secret of the wrong type through the secret writer, scalar by scalar, so that it is masked
   * like any literal: a list or map in a slot ({@code value: [token]}), or a scalar or list where the
   * slot's map belongs ({@code password: token}). Such values are kept verbatim when read (and reported),
   * so no typed attribute wrote them.
   */
  @SuppressWarnings("unchecked")
  private static void writeMisplacedSecret(Map<String, Object> root, ValuesPath literal, boolean atParent, SecretWriter secrets) {
    List<ValuesPath.Segment> segments = literal.segments();
    Map<String, Object> container = root;
    ValuesPath path = ValuesPath.root();
    for (int i = 0; i < segments.size(); i++) {
      if (!(segments.get(i) instanceof ValuesPath.Key)) {
        return;
      }
      String key = ((ValuesPath.Key) segments.get(i)).name();
      path = path.key(key);
      Object value = container.get(key);
      boolean last = i == segments.size() - 1;
      if (value == null || value == ExplicitNull.INSTANCE) {
        return;
      }
      if (value instanceof Map && !last) {
        // kept maps may be the model's unmodifiable ones: copy on the way down
        Map<String, Object> copy = value instanceof LinkedHashMap ? (Map<String, Object>) value : new LinkedHashMap<>((Map<String, Object>) value);
        container.put(key, copy);
        container = copy;
        continue;
      }
      // a scalar in the slot itself was written by the typed attribute or as a kept secret already
      boolean misplaced = last ? value instanceof Map || value instanceof List : atParent && i == segments.size() - 2;
      if (misplaced) {
        container.put(key, maskLeaves(path, value, secrets));
      }
      return;
    }
  }

  private static Object maskLeaves(ValuesPath path, Object value, SecretWriter secrets) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), maskLeaves(path.key(String.valueOf(k)), v, secrets)));
      return out;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(maskLeaves(path.index(i), list.get(i), secrets));
      }
      return out;
    }
    if (value == ExplicitNull.INSTANCE) {
      return value;
    }
    String text = String.valueOf(value);
    Object written = secrets.write(path, SecretValue.of(text));
    if (written == null) {
      return "";
    }
    return text.equals(written) ? value : written;
  }

  static ComponentValues readComponentValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ComponentValues.Builder b = ComponentValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "enabled": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.enabled(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeComponentValues(ComponentValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.enabled().isPresent()) {
      out.put("enabled", n.enabled().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static SecretKeyRef readSecretKeyRef(Map<String, Object> raw, ValuesPath path, Problems problems) {
    SecretKeyRef.Builder b = SecretKeyRef.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "name": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.name(x);
              continue;
            }
            break;
          }
          case "key": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.key(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeSecretKeyRef(SecretKeyRef n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.name().isPresent()) {
      out.put("name", n.name().get());
    }
    if (n.key().isPresent()) {
      out.put("key", n.key().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static GitOpsRuntimeValues readGitOpsRuntimeValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    GitOpsRuntimeValues.Builder b = GitOpsRuntimeValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "global": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            GlobalValues x = m == null ? null : readGlobalValues(m, path.key(k), problems);
            if (x != null) {
              b.global(x);
              continue;
            }
            break;
          }
          case "installer": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            InstallerValues x = m == null ? null : readInstallerValues(m, path.key(k), problems);
            if (x != null) {
              b.installer(x);
              continue;
            }
            break;
          }
          case "app-proxy": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            AppProxyValues x = m == null ? null : readAppProxyValues(m, path.key(k), problems);
            if (x != null) {
              b.appProxy(x);
              continue;
            }
            break;
          }
          case "tunnel-client": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.tunnelClient(x);
              continue;
            }
            break;
          }
          case "argo-cd": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.argoCd(x);
              continue;
            }
            break;
          }
          case "argo-workflows": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.argoWorkflows(x);
              continue;
            }
            break;
          }
          case "sealed-secrets": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.sealedSecrets(x);
              continue;
            }
            break;
          }
          case "redis": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.redis(x);
              continue;
            }
            break;
          }
          case "redis-ha": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.redisHa(x);
              continue;
            }
            break;
          }
          case "gitops-operator": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.gitopsOperator(x);
              continue;
            }
            break;
          }
          case "codefreshWorkflowLogStoreCM": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.workflowLogStore(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeGitOpsRuntimeValues(GitOpsRuntimeValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "global", writeGlobalValues(n.global(), path.key("global"), secrets));
    Writing.putIfNotEmpty(out, "installer", writeInstallerValues(n.installer(), path.key("installer"), secrets));
    Writing.putIfNotEmpty(out, "app-proxy", writeAppProxyValues(n.appProxy(), path.key("app-proxy"), secrets));
    Writing.putIfNotEmpty(out, "tunnel-client", writeComponentValues(n.tunnelClient(), path.key("tunnel-client"), secrets));
    Writing.putIfNotEmpty(out, "argo-cd", writeComponentValues(n.argoCd(), path.key("argo-cd"), secrets));
    Writing.putIfNotEmpty(out, "argo-workflows", writeComponentValues(n.argoWorkflows(), path.key("argo-workflows"), secrets));
    Writing.putIfNotEmpty(out, "sealed-secrets", writeComponentValues(n.sealedSecrets(), path.key("sealed-secrets"), secrets));
    Writing.putIfNotEmpty(out, "redis", writeComponentValues(n.redis(), path.key("redis"), secrets));
    Writing.putIfNotEmpty(out, "redis-ha", writeComponentValues(n.redisHa(), path.key("redis-ha"), secrets));
    Writing.putIfNotEmpty(out, "gitops-operator", writeComponentValues(n.gitopsOperator(), path.key("gitops-operator"), secrets));
    Writing.putIfNotEmpty(out, "codefreshWorkflowLogStoreCM", writeComponentValues(n.workflowLogStore(), path.key("codefreshWorkflowLogStoreCM"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static GlobalValues readGlobalValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    GlobalValues.Builder b = GlobalValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "codefresh": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            CodefreshValues x = m == null ? null : readCodefreshValues(m, path.key(k), problems);
            if (x != null) {
              b.codefresh(x);
              continue;
            }
            break;
          }
          case "runtime": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            RuntimeValues x = m == null ? null : readRuntimeValues(m, path.key(k), problems);
            if (x != null) {
              b.runtime(x);
              continue;
            }
            break;
          }
          case "integrations": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            IntegrationsValues x = m == null ? null : readIntegrationsValues(m, path.key(k), problems);
            if (x != null) {
              b.integrations(x);
              continue;
            }
            break;
          }
          case "imageRegistry": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.imageRegistry(x);
              continue;
            }
            break;
          }
          case "nodeSelector": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.nodeSelector(x);
              continue;
            }
            break;
          }
          case "tolerations": {
            List<Map<String, Object>> maps = Reading.mapList(v, path, k, problems);
            List<TolerationValues> x = null;
            if (maps != null) {
              x = new ArrayList<>(maps.size());
              for (int i = 0; i < maps.size(); i++) {
                x.add(readTolerationValues(maps.get(i), path.key(k).index(i), problems));
              }
            }
            if (x != null) {
              b.tolerations(x);
              continue;
            }
            break;
          }
          case "httpProxy": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.httpProxy(x);
              continue;
            }
            break;
          }
          case "httpsProxy": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.httpsProxy(x);
              continue;
            }
            break;
          }
          case "noProxy": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.noProxy(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeGlobalValues(GlobalValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "codefresh", writeCodefreshValues(n.codefresh(), path.key("codefresh"), secrets));
    Writing.putIfNotEmpty(out, "runtime", writeRuntimeValues(n.runtime(), path.key("runtime"), secrets));
    Writing.putIfNotEmpty(out, "integrations", writeIntegrationsValues(n.integrations(), path.key("integrations"), secrets));
    if (n.imageRegistry().isPresent()) {
      out.put("imageRegistry", n.imageRegistry().get());
    }
    if (!n.nodeSelector().isEmpty()) {
      out.put("nodeSelector", new LinkedHashMap<>(n.nodeSelector()));
    }
    if (!n.tolerations().isEmpty()) {
      List<Object> items = new ArrayList<>(n.tolerations().size());
      for (int i = 0; i < n.tolerations().size(); i++) {
        items.add(writeTolerationValues(n.tolerations().get(i), path.key("tolerations").index(i), secrets));
      }
      out.put("tolerations", items);
    }
    if (n.httpProxy().isPresent()) {
      out.put("httpProxy", n.httpProxy().get());
    }
    if (n.httpsProxy().isPresent()) {
      out.put("httpsProxy", n.httpsProxy().get());
    }
    if (n.noProxy().isPresent()) {
      out.put("noProxy", n.noProxy().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static CodefreshValues readCodefreshValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    CodefreshValues.Builder b = CodefreshValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "url": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.url(x);
              continue;
            }
            break;
          }
          case "accountId": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.accountId(x);
              continue;
            }
            break;
          }
          case "userToken": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            UserTokenValues x = m == null ? null : readUserTokenValues(m, path.key(k), problems);
            if (x != null) {
              b.userToken(x);
              continue;
            }
            break;
          }
          case "tls": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            CodefreshTlsValues x = m == null ? null : readCodefreshTlsValues(m, path.key(k), problems);
            if (x != null) {
              b.tls(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeCodefreshValues(CodefreshValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.url().isPresent()) {
      out.put("url", n.url().get());
    }
    if (n.accountId().isPresent()) {
      out.put("accountId", n.accountId().get());
    }
    Writing.putIfNotEmpty(out, "userToken", writeUserTokenValues(n.userToken(), path.key("userToken"), secrets));
    Writing.putIfNotEmpty(out, "tls", writeCodefreshTlsValues(n.tls(), path.key("tls"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static UserTokenValues readUserTokenValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    UserTokenValues.Builder b = UserTokenValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "token": {
            SecretValue x = Reading.secret(v, path, k, problems);
            if (x != null) {
              b.token(x);
              continue;
            }
            break;
          }
          case "secretKeyRef": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.REF_FIX);
            SecretKeyRef x = m == null ? null : readSecretKeyRef(m, path.key(k), problems);
            if (x != null) {
              b.secretKeyRef(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeUserTokenValues(UserTokenValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.token().isPresent()) {
      Writing.putIfNotNull(out, "token", secrets.write(path.key("token"), n.token().get()));
    }
    if (n.secretKeyRef().isPresent()) {
      out.put("secretKeyRef", writeSecretKeyRef(n.secretKeyRef().get(), path.key("secretKeyRef"), secrets));
    }
    Writing.putAdditional(out, n.additionalValues(), path, secrets, "token");
    return out;
  }

  static CodefreshTlsValues readCodefreshTlsValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    CodefreshTlsValues.Builder b = CodefreshTlsValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "caCerts": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            CaCertsValues x = m == null ? null : readCaCertsValues(m, path.key(k), problems);
            if (x != null) {
              b.caCerts(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeCodefreshTlsValues(CodefreshTlsValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "caCerts", writeCaCertsValues(n.caCerts(), path.key("caCerts"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static CaCertsValues readCaCertsValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    CaCertsValues.Builder b = CaCertsValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "secretKeyRef": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.REF_FIX);
            SecretKeyRef x = m == null ? null : readSecretKeyRef(m, path.key(k), problems);
            if (x != null) {
              b.secretKeyRef(x);
              continue;
            }
            break;
          }
          case "secret": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            CaCertSecretValues x = m == null ? null : readCaCertSecretValues(m, path.key(k), problems);
            if (x != null) {
              b.secret(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeCaCertsValues(CaCertsValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.secretKeyRef().isPresent()) {
      out.put("secretKeyRef", writeSecretKeyRef(n.secretKeyRef().get(), path.key("secretKeyRef"), secrets));
    }
    Writing.putIfNotEmpty(out, "secret", writeCaCertSecretValues(n.secret(), path.key("secret"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static CaCertSecretValues readCaCertSecretValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    CaCertSecretValues.Builder b = CaCertSecretValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "create": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.create(x);
              continue;
            }
            break;
          }
          case "key": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.key(x);
              continue;
            }
            break;
          }
          case "content": {
            SecretValue x = Reading.secret(v, path, k, problems);
            if (x != null) {
              b.content(x);
              continue;
            }
            break;
          }
          case "annotations": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.annotations(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeCaCertSecretValues(CaCertSecretValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.create().isPresent()) {
      out.put("create", n.create().get());
    }
    if (n.key().isPresent()) {
      out.put("key", n.key().get());
    }
    if (n.content().isPresent()) {
      Writing.putIfNotNull(out, "content", secrets.write(path.key("content"), n.content().get()));
    }
    if (!n.annotations().isEmpty()) {
      out.put("annotations", new LinkedHashMap<>(n.annotations()));
    }
    Writing.putAdditional(out, n.additionalValues(), path, secrets, "content");
    return out;
  }

  static RuntimeValues readRuntimeValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    RuntimeValues.Builder b = RuntimeValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "name": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.name(x);
              continue;
            }
            break;
          }
          case "cluster": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.cluster(x);
              continue;
            }
            break;
          }
          case "codefreshHosted": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.codefreshHosted(x);
              continue;
            }
            break;
          }
          case "singleNamespace": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.singleNamespace(x);
              continue;
            }
            break;
          }
          case "isConfigurationRuntime": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.isConfigurationRuntime(x);
              continue;
            }
            break;
          }
          case "ingress": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            IngressValues x = m == null ? null : readIngressValues(m, path.key(k), problems);
            if (x != null) {
              b.ingress(x);
              continue;
            }
            break;
          }
          case "httpRoute": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            HttpRouteValues x = m == null ? null : readHttpRouteValues(m, path.key(k), problems);
            if (x != null) {
              b.httpRoute(x);
              continue;
            }
            break;
          }
          case "ingressUrl": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.ingressUrl(x);
              continue;
            }
            break;
          }
          case "gitCredentials": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            GitCredentialsValues x = m == null ? null : readGitCredentialsValues(m, path.key(k), problems);
            if (x != null) {
              b.gitCredentials(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeRuntimeValues(RuntimeValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.name().isPresent()) {
      out.put("name", n.name().get());
    }
    if (n.cluster().isPresent()) {
      out.put("cluster", n.cluster().get());
    }
    if (n.codefreshHosted().isPresent()) {
      out.put("codefreshHosted", n.codefreshHosted().get());
    }
    if (n.singleNamespace().isPresent()) {
      out.put("singleNamespace", n.singleNamespace().get());
    }
    if (n.isConfigurationRuntime().isPresent()) {
      out.put("isConfigurationRuntime", n.isConfigurationRuntime().get());
    }
    Writing.putIfNotEmpty(out, "ingress", writeIngressValues(n.ingress(), path.key("ingress"), secrets));
    Writing.putIfNotEmpty(out, "httpRoute", writeHttpRouteValues(n.httpRoute(), path.key("httpRoute"), secrets));
    if (n.ingressUrl().isPresent()) {
      out.put("ingressUrl", n.ingressUrl().get());
    }
    Writing.putIfNotEmpty(out, "gitCredentials", writeGitCredentialsValues(n.gitCredentials(), path.key("gitCredentials"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static IngressValues readIngressValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    IngressValues.Builder b = IngressValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "enabled": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.enabled(x);
              continue;
            }
            break;
          }
          case "skipValidation": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.skipValidation(x);
              continue;
            }
            break;
          }
          case "protocol": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.protocol(x);
              continue;
            }
            break;
          }
          case "className": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.className(x);
              continue;
            }
            break;
          }
          case "hosts": {
            List<String> x = Reading.stringList(v, path, k, problems);
            if (x != null) {
              b.hosts(x);
              continue;
            }
            break;
          }
          case "annotations": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.annotations(x);
              continue;
            }
            break;
          }
          case "labels": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.labels(x);
              continue;
            }
            break;
          }
          case "tls": {
            List<Map<String, Object>> maps = Reading.mapList(v, path, k, problems);
            List<IngressTlsValues> x = null;
            if (maps != null) {
              x = new ArrayList<>(maps.size());
              for (int i = 0; i < maps.size(); i++) {
                x.add(readIngressTlsValues(maps.get(i), path.key(k).index(i), problems));
              }
            }
            if (x != null) {
              b.tls(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeIngressValues(IngressValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.enabled().isPresent()) {
      out.put("enabled", n.enabled().get());
    }
    if (n.skipValidation().isPresent()) {
      out.put("skipValidation", n.skipValidation().get());
    }
    if (n.protocol().isPresent()) {
      out.put("protocol", n.protocol().get());
    }
    if (n.className().isPresent()) {
      out.put("className", n.className().get());
    }
    if (!n.hosts().isEmpty()) {
      out.put("hosts", new ArrayList<>(n.hosts()));
    }
    if (!n.annotations().isEmpty()) {
      out.put("annotations", new LinkedHashMap<>(n.annotations()));
    }
    if (!n.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(n.labels()));
    }
    if (!n.tls().isEmpty()) {
      List<Object> items = new ArrayList<>(n.tls().size());
      for (int i = 0; i < n.tls().size(); i++) {
        items.add(writeIngressTlsValues(n.tls().get(i), path.key("tls").index(i), secrets));
      }
      out.put("tls", items);
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static IngressTlsValues readIngressTlsValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    IngressTlsValues.Builder b = IngressTlsValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "hosts": {
            List<String> x = Reading.stringList(v, path, k, problems);
            if (x != null) {
              b.hosts(x);
              continue;
            }
            break;
          }
          case "secretName": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.secretName(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeIngressTlsValues(IngressTlsValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!n.hosts().isEmpty()) {
      out.put("hosts", new ArrayList<>(n.hosts()));
    }
    if (n.secretName().isPresent()) {
      out.put("secretName", n.secretName().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static HttpRouteValues readHttpRouteValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    HttpRouteValues.Builder b = HttpRouteValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "enabled": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.enabled(x);
              continue;
            }
            break;
          }
          case "protocol": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.protocol(x);
              continue;
            }
            break;
          }
          case "parentRefs": {
            List<Map<String, Object>> maps = Reading.mapList(v, path, k, problems);
            List<ParentRefValues> x = null;
            if (maps != null) {
              x = new ArrayList<>(maps.size());
              for (int i = 0; i < maps.size(); i++) {
                x.add(readParentRefValues(maps.get(i), path.key(k).index(i), problems));
              }
            }
            if (x != null) {
              b.parentRefs(x);
              continue;
            }
            break;
          }
          case "hostnames": {
            List<String> x = Reading.stringList(v, path, k, problems);
            if (x != null) {
              b.hostnames(x);
              continue;
            }
            break;
          }
          case "annotations": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.annotations(x);
              continue;
            }
            break;
          }
          case "labels": {
            Map<String, String> x = Reading.stringMap(v, path, k, problems);
            if (x != null) {
              b.labels(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeHttpRouteValues(HttpRouteValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.enabled().isPresent()) {
      out.put("enabled", n.enabled().get());
    }
    if (n.protocol().isPresent()) {
      out.put("protocol", n.protocol().get());
    }
    if (!n.parentRefs().isEmpty()) {
      List<Object> items = new ArrayList<>(n.parentRefs().size());
      for (int i = 0; i < n.parentRefs().size(); i++) {
        items.add(writeParentRefValues(n.parentRefs().get(i), path.key("parentRefs").index(i), secrets));
      }
      out.put("parentRefs", items);
    }
    if (!n.hostnames().isEmpty()) {
      out.put("hostnames", new ArrayList<>(n.hostnames()));
    }
    if (!n.annotations().isEmpty()) {
      out.put("annotations", new LinkedHashMap<>(n.annotations()));
    }
    if (!n.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(n.labels()));
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static ParentRefValues readParentRefValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ParentRefValues.Builder b = ParentRefValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "name": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.name(x);
              continue;
            }
            break;
          }
          case "namespace": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.namespace(x);
              continue;
            }
            break;
          }
          case "sectionName": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.sectionName(x);
              continue;
            }
            break;
          }
          case "port": {
            Integer x = Reading.integer(v, path, k, problems);
            if (x != null) {
              b.port(x);
              continue;
            }
            break;
          }
          case "group": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.group(x);
              continue;
            }
            break;
          }
          case "kind": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.kind(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeParentRefValues(ParentRefValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.name().isPresent()) {
      out.put("name", n.name().get());
    }
    if (n.namespace().isPresent()) {
      out.put("namespace", n.namespace().get());
    }
    if (n.sectionName().isPresent()) {
      out.put("sectionName", n.sectionName().get());
    }
    if (n.port().isPresent()) {
      out.put("port", n.port().get());
    }
    if (n.group().isPresent()) {
      out.put("group", n.group().get());
    }
    if (n.kind().isPresent()) {
      out.put("kind", n.kind().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static GitCredentialsValues readGitCredentialsValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    GitCredentialsValues.Builder b = GitCredentialsValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "username": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.username(x);
              continue;
            }
            break;
          }
          case "password": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            GitPasswordValues x = m == null ? null : readGitPasswordValues(m, path.key(k), problems);
            if (x != null) {
              b.password(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeGitCredentialsValues(GitCredentialsValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.username().isPresent()) {
      out.put("username", n.username().get());
    }
    Writing.putIfNotEmpty(out, "password", writeGitPasswordValues(n.password(), path.key("password"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static GitPasswordValues readGitPasswordValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    GitPasswordValues.Builder b = GitPasswordValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "value": {
            SecretValue x = Reading.secret(v, path, k, problems);
            if (x != null) {
              b.value(x);
              continue;
            }
            break;
          }
          case "secretKeyRef": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.REF_FIX);
            SecretKeyRef x = m == null ? null : readSecretKeyRef(m, path.key(k), problems);
            if (x != null) {
              b.secretKeyRef(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeGitPasswordValues(GitPasswordValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.value().isPresent()) {
      Writing.putIfNotNull(out, "value", secrets.write(path.key("value"), n.value().get()));
    }
    if (n.secretKeyRef().isPresent()) {
      out.put("secretKeyRef", writeSecretKeyRef(n.secretKeyRef().get(), path.key("secretKeyRef"), secrets));
    }
    Writing.putAdditional(out, n.additionalValues(), path, secrets, "value");
    return out;
  }

  static IntegrationsValues readIntegrationsValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    IntegrationsValues.Builder b = IntegrationsValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "argo-cd": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ArgoCdIntegrationValues x = m == null ? null : readArgoCdIntegrationValues(m, path.key(k), problems);
            if (x != null) {
              b.argoCd(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeIntegrationsValues(IntegrationsValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "argo-cd", writeArgoCdIntegrationValues(n.argoCd(), path.key("argo-cd"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static ArgoCdIntegrationValues readArgoCdIntegrationValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ArgoCdIntegrationValues.Builder b = ArgoCdIntegrationValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "server": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ArgoCdServerValues x = m == null ? null : readArgoCdServerValues(m, path.key(k), problems);
            if (x != null) {
              b.server(x);
              continue;
            }
            break;
          }
          case "repoServer": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ServiceEndpointValues x = m == null ? null : readServiceEndpointValues(m, path.key(k), problems);
            if (x != null) {
              b.repoServer(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeArgoCdIntegrationValues(ArgoCdIntegrationValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "server", writeArgoCdServerValues(n.server(), path.key("server"), secrets));
    Writing.putIfNotEmpty(out, "repoServer", writeServiceEndpointValues(n.repoServer(), path.key("repoServer"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static ArgoCdServerValues readArgoCdServerValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ArgoCdServerValues.Builder b = ArgoCdServerValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "auth": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ArgoCdAuthValues x = m == null ? null : readArgoCdAuthValues(m, path.key(k), problems);
            if (x != null) {
              b.auth(x);
              continue;
            }
            break;
          }
          case "svc": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.svc(x);
              continue;
            }
            break;
          }
          case "port": {
            Integer x = Reading.integer(v, path, k, problems);
            if (x != null) {
              b.port(x);
              continue;
            }
            break;
          }
          case "rootpath": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.rootpath(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeArgoCdServerValues(ArgoCdServerValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    Writing.putIfNotEmpty(out, "auth", writeArgoCdAuthValues(n.auth(), path.key("auth"), secrets));
    if (n.svc().isPresent()) {
      out.put("svc", n.svc().get());
    }
    if (n.port().isPresent()) {
      out.put("port", n.port().get());
    }
    if (n.rootpath().isPresent()) {
      out.put("rootpath", n.rootpath().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static ArgoCdAuthValues readArgoCdAuthValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ArgoCdAuthValues.Builder b = ArgoCdAuthValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "type": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.type(x);
              continue;
            }
            break;
          }
          case "username": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.username(x);
              continue;
            }
            break;
          }
          case "password": {
            SecretValue x = Reading.secret(v, path, k, problems);
            if (x != null) {
              b.password(x);
              continue;
            }
            break;
          }
          case "passwordSecretKeyRef": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.REF_FIX);
            SecretKeyRef x = m == null ? null : readSecretKeyRef(m, path.key(k), problems);
            if (x != null) {
              b.passwordSecretKeyRef(x);
              continue;
            }
            break;
          }
          case "token": {
            SecretValue x = Reading.secret(v, path, k, problems);
            if (x != null) {
              b.token(x);
              continue;
            }
            break;
          }
          case "tokenSecretKeyRef": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.REF_FIX);
            SecretKeyRef x = m == null ? null : readSecretKeyRef(m, path.key(k), problems);
            if (x != null) {
              b.tokenSecretKeyRef(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeArgoCdAuthValues(ArgoCdAuthValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.type().isPresent()) {
      out.put("type", n.type().get());
    }
    if (n.username().isPresent()) {
      out.put("username", n.username().get());
    }
    if (n.password().isPresent()) {
      Writing.putIfNotNull(out, "password", secrets.write(path.key("password"), n.password().get()));
    }
    if (n.passwordSecretKeyRef().isPresent()) {
      out.put("passwordSecretKeyRef", writeSecretKeyRef(n.passwordSecretKeyRef().get(), path.key("passwordSecretKeyRef"), secrets));
    }
    if (n.token().isPresent()) {
      Writing.putIfNotNull(out, "token", secrets.write(path.key("token"), n.token().get()));
    }
    if (n.tokenSecretKeyRef().isPresent()) {
      out.put("tokenSecretKeyRef", writeSecretKeyRef(n.tokenSecretKeyRef().get(), path.key("tokenSecretKeyRef"), secrets));
    }
    Writing.putAdditional(out, n.additionalValues(), path, secrets, "password", "token");
    return out;
  }

  static ServiceEndpointValues readServiceEndpointValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ServiceEndpointValues.Builder b = ServiceEndpointValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "svc": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.svc(x);
              continue;
            }
            break;
          }
          case "port": {
            Integer x = Reading.integer(v, path, k, problems);
            if (x != null) {
              b.port(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeServiceEndpointValues(ServiceEndpointValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.svc().isPresent()) {
      out.put("svc", n.svc().get());
    }
    if (n.port().isPresent()) {
      out.put("port", n.port().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static InstallerValues readInstallerValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    InstallerValues.Builder b = InstallerValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "skipValidation": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.skipValidation(x);
              continue;
            }
            break;
          }
          case "skipUsageValidation": {
            Boolean x = Reading.bool(v, path, k, problems);
            if (x != null) {
              b.skipUsageValidation(x);
              continue;
            }
            break;
          }
          case "image": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ImageValues x = m == null ? null : readImageValues(m, path.key(k), problems);
            if (x != null) {
              b.image(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeInstallerValues(InstallerValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.skipValidation().isPresent()) {
      out.put("skipValidation", n.skipValidation().get());
    }
    if (n.skipUsageValidation().isPresent()) {
      out.put("skipUsageValidation", n.skipUsageValidation().get());
    }
    Writing.putIfNotEmpty(out, "image", writeImageValues(n.image(), path.key("image"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static ImageValues readImageValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    ImageValues.Builder b = ImageValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "registry": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.registry(x);
              continue;
            }
            break;
          }
          case "repository": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.repository(x);
              continue;
            }
            break;
          }
          case "tag": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.tag(x);
              continue;
            }
            break;
          }
          case "pullPolicy": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.pullPolicy(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeImageValues(ImageValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.registry().isPresent()) {
      out.put("registry", n.registry().get());
    }
    if (n.repository().isPresent()) {
      out.put("repository", n.repository().get());
    }
    if (n.tag().isPresent()) {
      out.put("tag", n.tag().get());
    }
    if (n.pullPolicy().isPresent()) {
      out.put("pullPolicy", n.pullPolicy().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static AppProxyValues readAppProxyValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    AppProxyValues.Builder b = AppProxyValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "replicaCount": {
            Integer x = Reading.integer(v, path, k, problems);
            if (x != null) {
              b.replicaCount(x);
              continue;
            }
            break;
          }
          case "config": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            AppProxyConfigValues x = m == null ? null : readAppProxyConfigValues(m, path.key(k), problems);
            if (x != null) {
              b.config(x);
              continue;
            }
            break;
          }
          case "image-enrichment": {
            Map<String, Object> m = Reading.map(v, path, k, problems, Reading.MAP_FIX);
            ComponentValues x = m == null ? null : readComponentValues(m, path.key(k), problems);
            if (x != null) {
              b.imageEnrichment(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeAppProxyValues(AppProxyValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.replicaCount().isPresent()) {
      out.put("replicaCount", n.replicaCount().get());
    }
    Writing.putIfNotEmpty(out, "config", writeAppProxyConfigValues(n.config(), path.key("config"), secrets));
    Writing.putIfNotEmpty(out, "image-enrichment", writeComponentValues(n.imageEnrichment(), path.key("image-enrichment"), secrets));
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static AppProxyConfigValues readAppProxyConfigValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    AppProxyConfigValues.Builder b = AppProxyConfigValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "skipGitPermissionValidation": {
            Boolean x = Reading.stringBoolean(v, path, k, problems);
            if (x != null) {
              b.skipGitPermissionValidation(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeAppProxyConfigValues(AppProxyConfigValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.skipGitPermissionValidation().isPresent()) {
      out.put("skipGitPermissionValidation", String.valueOf(n.skipGitPermissionValidation().get()));
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }

  static TolerationValues readTolerationValues(Map<String, Object> raw, ValuesPath path, Problems problems) {
    TolerationValues.Builder b = TolerationValues.builder();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (!Reading.isBlank(v)) {
        switch (k) {
          case "key": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.key(x);
              continue;
            }
            break;
          }
          case "operator": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.operator(x);
              continue;
            }
            break;
          }
          case "value": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.value(x);
              continue;
            }
            break;
          }
          case "effect": {
            String x = Reading.string(v, path, k, problems);
            if (x != null) {
              b.effect(x);
              continue;
            }
            break;
          }
          case "tolerationSeconds": {
            Long x = Reading.longValue(v, path, k, problems);
            if (x != null) {
              b.tolerationSeconds(x);
              continue;
            }
            break;
          }
          default:
            break;
        }
      }
      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);
    }
    b.putAllAdditionalValues(kept);
    return b.build();
  }

  static Map<String, Object> writeTolerationValues(TolerationValues n, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n.key().isPresent()) {
      out.put("key", n.key().get());
    }
    if (n.operator().isPresent()) {
      out.put("operator", n.operator().get());
    }
    if (n.value().isPresent()) {
      out.put("value", n.value().get());
    }
    if (n.effect().isPresent()) {
      out.put("effect", n.effect().get());
    }
    if (n.tolerationSeconds().isPresent()) {
      out.put("tolerationSeconds", n.tolerationSeconds().get());
    }
    Writing.putAdditional(out, n.additionalValues());
    return out;
  }
}

package io.gitopsruntime.validators.internal;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads one key of a Kubernetes Secret, as Codefresh's CLI does for {@code secretKeyRef} values. Thread-safe
 * when the client is.
 */
public final class ClusterSecrets {
  private ClusterSecrets() {}

  /** What reading a Secret key gave. */
  public sealed interface Read {}

  /**
   * The key's value.
   *
   * @param value the decoded value; a secret, never print it
   */
  public record Found(String value) implements Read {
    @Override
    public String toString() {
      return "Found[****]";
    }
  }

  /** Why a key could not be read. */
  public enum Problem {
    /** The Secret does not exist. */
    NOT_FOUND,
    /** The Secret has no such key. */
    NO_KEY,
    /** The key's value is empty. */
    EMPTY,
    /** The API refused to show the Secret (HTTP 403). */
    FORBIDDEN,
    /** The API rejected the credentials (HTTP 401). */
    UNAUTHORIZED,
    /** Another API or connection failure. */
    API_ERROR
  }

  /**
   * Why the key could not be read; {@code SecretFindings.secretReadReason} words it.
   *
   * @param problem what went wrong
   * @param namespace the namespace
   * @param name the Secret's name
   * @param key the key
   * @param detail the API's status code or first message line, for {@link Problem#API_ERROR}
   */
  public record Failed(Problem problem, String namespace, String name, String key, String detail) implements Read {}

  /**
   * Reads a key of a Secret.
   *
   * @param client the cluster client
   * @param namespace the namespace
   * @param name the Secret's name
   * @param key the key
   * @return the value, or why it could not be read
   */
  public static Read read(KubernetesClient client, String namespace, String name, String key) {
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      Problem problem = code == 403 ? Problem.FORBIDDEN : code == 401 ? Problem.UNAUTHORIZED : Problem.API_ERROR;
      String detail = code > 0 ? "HTTP " + code : firstLine(e.getMessage());
      return new Failed(problem, namespace, name, key, detail);
    }
    if (secret == null) {
      return new Failed(Problem.NOT_FOUND, namespace, name, key, "");
    }
    String value = decode(secret.getData(), key);
    if (value == null) {
      Map<String, String> stringData = secret.getStringData();
      value = stringData == null ? null : stringData.get(key);
    }
    if (value == null) {
      return new Failed(Problem.NO_KEY, namespace, name, key, "");
    }
    if (value.isEmpty()) {
      return new Failed(Problem.EMPTY, namespace, name, key, "");
    }
    return new Found(value);
  }

  /**
   * What is wrong with one key of a Secret, without handing out its value: the Secret is missing, has no such
   * key, or the key's value is empty or only whitespace.
   *
   * @param secret the Secret, or null when it does not exist
   * @param key the key
   * @return the problem ({@link Problem#NOT_FOUND}, {@link Problem#NO_KEY} or {@link Problem#EMPTY}), or empty
   *     when the key holds something
   */
  public static Optional<Problem> keyProblem(@Nullable Secret secret, String key) {
    if (secret == null) {
      return Optional.of(Problem.NOT_FOUND);
    }
    Map<String, String> data = secret.getData();
    Map<String, String> stringData = secret.getStringData();
    String raw = data == null ? null : data.get(key);
    if (raw == null && stringData != null && stringData.get(key) != null) {
      return stringData.get(key).isBlank() ? Optional.of(Problem.EMPTY) : Optional.empty();
    }
    if (raw == null) {
      return Optional.of(Problem.NO_KEY);
    }
    String value = decode(data, key);
    // undecodable data cannot come from an API server; count it as something rather than guess
    return value != null && value.isBlank() ? Optional.of(Problem.EMPTY) : Optional.empty();
  }

  /**
   * The names of a Secret's keys (names only, never values).
   *
   * @param secret the Secret
   * @return the key names, sorted
   */
  public static List<String> keys(Secret secret) {
    TreeSet<String> names = new TreeSet<>();
    if (secret.getData() != null) {
      names.addAll(secret.getData().keySet());
    }
    if (secret.getStringData() != null) {
      names.addAll(secret.getStringData().keySet());
    }
    return List.copyOf(names);
  }

  private static @Nullable String decode(@Nullable Map<String, String> data, String key) {
    if (data == null || data.get(key) == null) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(data.get(key).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    return message.strip().lines().findFirst().orElse("no detail");
  }
}

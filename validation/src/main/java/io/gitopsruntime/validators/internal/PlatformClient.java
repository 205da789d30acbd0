package io.gitopsruntime.validators.internal;

import io.gitopsruntime.core.Redactor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks Codefresh's GraphQL API the way the go-sdk behind {@code cf helm validate} does:
 * {@code POST <url>/2.0/api/graphql} with the raw API key in {@code Authorization} (no {@code Bearer}),
 * {@code Content-Type: application/json}, {@code origin: <host>}, and a body of
 * {@code {"query": ..., "variables": ...}}. Thread-safe; never logs or reports the token.
 */
public final class PlatformClient {
  /** The current user and account, exactly as go-sdk {@code pkg/graphql/user.go} asks. */
  public static final String ME_QUERY =
      "query Me { me { id name email isAdmin accounts { id name } activeAccount { id name gitProvider"
          + " gitApiUrl sharedConfigRepo admins features { gitopsPlanEnforcement } } } }";

  /** A runtime by name, exactly as go-sdk {@code pkg/graphql/runtime.go} asks. */
  public static final String GET_RUNTIME_QUERY =
      "query GetRuntime($name: String!) { runtime(name: $name) { metadata { name namespace } self {"
          + " syncStatus healthMessage healthStatus } syncStatus healthStatus healthMessage cluster managed"
          + " isRemoteClusterConnected ingressHost internalIngressHost ingressClass ingressController"
          + " runtimeVersion installationStatus installationType repo managedClustersNum gitProvider"
          + " accessMode } }";

  /** The account's usage and plan limits, exactly as go-sdk {@code pkg/graphql/payments.go} asks. */
  public static final String LIMITS_QUERY =
      "query LimitsStatus { limitsStatus { usage { clusters applications } limits { clusters applications }"
          + " status } }";

  private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int BODY_EXCERPT = 300;

  private final OkHttpClient http;
  private final HttpUrl endpoint;
  private final String origin;
  private final String token;
  private final Redactor redactor;

  /**
   * A client for one platform and one token.
   *
   * @param http the HTTP client (with the platform CA, if any)
   * @param platformUrl {@code global.codefresh.url}
   * @param token the API key or runtime token; a secret
   * @param redactor masks secrets in error bodies
   */
  public PlatformClient(OkHttpClient http, HttpUrl platformUrl, String token, Redactor redactor) {
    this.http = http;
    this.endpoint = graphqlEndpoint(platformUrl);
    this.origin = platformUrl.host();
    this.token = token;
    this.redactor = redactor.plus(token);
  }

  /**
   * {@code <url>/2.0/api/graphql}, joined like Go's {@code url.JoinPath}.
   *
   * @param platformUrl the platform URL
   * @return the GraphQL endpoint
   */
  public static HttpUrl graphqlEndpoint(HttpUrl platformUrl) {
    String path = platformUrl.encodedPath();
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return platformUrl.newBuilder().encodedPath(base + "/2.0/api/graphql").query(null).fragment(null).build();
  }

  /** The account the token belongs to, from {@code me.activeAccount}. */
  public record Account(
      String id,
      String name,
      List<String> admins,
      Optional<String> gitProvider,
      Optional<String> gitApiUrl,
      Optional<String> sharedConfigRepo,
      boolean planEnforcement) {}

  /** The token's user, from {@code me}. */
  public record Me(String id, String name, Account account) {
    /**
     * Whether the user is an admin of the active account ({@code IsActiveAccountAdmin} in the go-sdk).
     *
     * @return true when {@code me.id} is among {@code activeAccount.admins}
     */
    public boolean isAccountAdmin() {
      return account.admins().contains(id);
    }
  }

  /** A runtime the platform knows. */
  public record RuntimeInfo(String name, Optional<String> namespace, Optional<String> cluster) {}

  /** The account's cluster usage against its plan; both empty when the plan has no limits. */
  public record Limits(boolean limited, Optional<Long> usedClusters, Optional<Long> clusterLimit) {}

  /** A failed call; the message never contains the token. */
  public static final class CallException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
      /** HTTP 401 or 403. */
      UNAUTHORIZED,
      /** Another HTTP status of 400 or more. */
      HTTP,
      /** The GraphQL response held errors. */
      GRAPHQL,
      /** The response was not the expected JSON. */
      MALFORMED,
      /** DNS, connect, TLS or timeout. */
      TRANSPORT
    }

    private final Kind kind;
    private final int status;
    private final transient @Nullable IOException transport;

    CallException(Kind kind, int status, String message, @Nullable IOException transport) {
      super(message);
      this.kind = kind;
      this.status = status;
      this.transport = transport;
    }

    /**
     * What failed.
     *
     * @return the kind
     */
    public Kind kind() {
      return kind;
    }

    /**
     * The HTTP status.
     *
     * @return the status, or 0 when there was no HTTP response
     */
    public int status() {
      return status;
    }

    /**
     * The transport failure.
     *
     * @return the exception, or empty when there was a response
     */
    public Optional<IOException> transport() {
      return Optional.ofNullable(transport);
    }
  }

  /**
   * Runs {@code Me}.
   *
   * @return the user and account
   * @throws CallException when the call fails
   */
  public Me me() throws CallException {
    JsonNode me = call("Me", ME_QUERY, Map.of()).path("me");
    if (!me.isObject()) {
      throw malformed("Me", "it returned no user");
    }
    JsonNode account = me.path("activeAccount");
    if (!account.isObject()) {
      throw malformed("Me", "it returned no active account");
    }
    List<String> admins = new ArrayList<>();
    account.path("admins").forEach(a -> admins.add(a.asText()));
    return new Me(
        me.path("id").asText(""),
        me.path("name").asText(""),
        new Account(
            account.path("id").asText(""),
            account.path("name").asText(""),
            List.copyOf(admins),
            text(account, "gitProvider"),
            text(account, "gitApiUrl"),
            text(account, "sharedConfigRepo"),
            account.path("features").path("gitopsPlanEnforcement").asBoolean(false)));
  }

  /**
   * Runs {@code GetRuntime}; a missing runtime is not an error.
   *
   * @param name the runtime name
   * @return the runtime, or empty when the account has no runtime of that name
   * @throws CallException when the call fails for another reason
   */
  public Optional<RuntimeInfo> runtime(String name) throws CallException {
    JsonNode data;
    try {
      data = call("GetRuntime", GET_RUNTIME_QUERY, Map.of("name", name));
    } catch (CallException e) {
      if (e.kind() == CallException.Kind.GRAPHQL && e.getMessage() != null && e.getMessage().contains("does not exist")) {
        return Optional.empty();
      }
      throw e;
    }
    JsonNode runtime = data.path("runtime");
    if (!runtime.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new RuntimeInfo(
            runtime.path("metadata").path("name").asText(name),
            text(runtime.path("metadata"), "namespace"),
            text(runtime, "cluster")));
  }

  /**
   * Runs {@code LimitsStatus}.
   *
   * @return the usage and limits
   * @throws CallException when the call fails
   */
  public Limits limitsStatus() throws CallException {
    JsonNode status = call("LimitsStatus", LIMITS_QUERY, Map.of()).path("limitsStatus");
    JsonNode limits = status.path("limits");
    if (!limits.isObject()) {
      return new Limits(false, Optional.empty(), Optional.empty());
    }
    JsonNode usage = status.path("usage").path("clusters");
    JsonNode limit = limits.path("clusters");
    return new Limits(
        true,
        usage.isNumber() ? Optional.of(usage.asLong()) : Optional.empty(),
        limit.isNumber() ? Optional.of(limit.asLong()) : Optional.empty());
  }

  private JsonNode call(String operation, String query, Map<String, Object> variables) throws CallException {
    ObjectMapper mapper = Json.MAPPER;
    ObjectNode body = mapper.createObjectNode();
    body.put("query", query);
    body.set("variables", mapper.valueToTree(variables));
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a GraphQL request", e);
    }
    Request request =
        new Request.Builder()
            .url(endpoint)
            .header("Authorization", token)
            .header("origin", origin)
            .post(RequestBody.create(bytes, JSON, 0, bytes.length))
            .build();
    long started = System.nanoTime();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      LOG.debug("POST {} operation={} -> HTTP {} in {} ms", endpoint, operation, response.code(),
          (System.nanoTime() - started) / 1_000_000);
      if (response.code() == 401 || response.code() == 403) {
        throw new CallException(CallException.Kind.UNAUTHORIZED, response.code(),
            "HTTP " + response.code() + excerpt(text), null);
      }
      if (response.code() >= 400) {
        throw new CallException(CallException.Kind.HTTP, response.code(),
            "HTTP " + response.code() + excerpt(text), null);
      }
      JsonNode json;
      try {
        json = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        throw malformed(operation, "the response is not JSON");
      }
      if (json == null || !json.isObject()) {
        throw malformed(operation, "the response is not a JSON object");
      }
      JsonNode errors = json.path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(redactor.redact(e.path("message").asText(e.toString()))));
        throw new CallException(CallException.Kind.GRAPHQL, response.code(), String.join("; ", messages), null);
      }
      return json.path("data");
    } catch (IOException e) {
      LOG.debug("POST {} operation={} failed after {} ms: {}", endpoint, operation,
          (System.nanoTime() - started) / 1_000_000, e.getClass().getSimpleName());
      throw new CallException(CallException.Kind.TRANSPORT, 0, redactor.redact(String.valueOf(e.getMessage())), e);
    }
  }

  private String excerpt(String body) {
    String flat = redactor.redact(body).replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "";
    }
    return ": " + (flat.length() > BODY_EXCERPT ? flat.substring(0, BODY_EXCERPT) + "..." : flat);
  }

  private static CallException malformed(String operation, String why) {
    return new CallException(CallException.Kind.MALFORMED, 200, operation + ": " + why, null);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
  }

  /**
   * Reads a JSON text with the shared mapper.
   *
   * @param json the text
   * @return the tree
   * @throws IOException when it is not JSON
   */
  public static JsonNode readTree(String json) throws IOException {
    return Json.MAPPER.readTree(json);
  }

  /** The JSON mapper, created on first use rather than at class load. */
  static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
  }
}

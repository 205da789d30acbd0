package io.gitopsruntime.validators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Codefresh platform for tests: answers {@code POST /2.0/api/graphql} by GraphQL operation name with the
 * JSON the real platform sends, and records every request.
 */
final class PlatformServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER_ID = "64f0c1e2a1b2c3d4e5f60718";

  static final String ME = me(true, false, "GITHUB", "https://api.github.com");
  static final String NO_RUNTIME = "{\"data\":{\"runtime\":null}}";
  static final String RUNTIME = "{\"data\":{\"runtime\":{\"metadata\":{\"name\":\"prod-eu\",\"namespace\":\"codefresh\"},"
      + "\"self\":{\"syncStatus\":\"SYNCED\",\"healthMessage\":null,\"healthStatus\":\"HEALTHY\"},"
      + "\"syncStatus\":\"SYNCED\",\"healthStatus\":\"HEALTHY\",\"healthMessage\":null,"
      + "\"cluster\":\"https://kubernetes.default.svc\",\"managed\":false,\"isRemoteClusterConnected\":true,"
      + "\"ingressHost\":\"https://628a80b693a15c0f9c13ab75-prod-eu.tunnels.cf-cd.com\",\"internalIngressHost\":null,"
      + "\"ingressClass\":null,\"ingressController\":null,\"runtimeVersion\":\"0.1.72\","
      + "\"installationStatus\":\"COMPLETED\",\"installationType\":\"HELM\",\"repo\":\"https://github.com/acme/isc.git\","
      + "\"managedClustersNum\":0,\"gitProvider\":\"GITHUB\",\"accessMode\":\"TUNNEL\"}}}";
  static final String UNAUTHORIZED = "{\"status\":401,\"code\":\"1001\",\"name\":\"UNAUTHORIZED_ERROR\","
      + "\"message\":\"Unauthorized: Invalid token\",\"context\":{}}";

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, MockResponse> responses = new ConcurrentHashMap<>();

  PlatformServer() {
    this(null);
  }

  PlatformServer(SSLSocketFactory https) {
    if (https != null) {
      server.useHttps(https);
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return responses.getOrDefault(operation(request), new MockResponse.Builder().code(404).build());
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Me answer. */
  static String me(boolean admin, boolean planEnforced, String gitProvider, String gitApiUrl) {
    return "{\"data\":{\"me\":{\"id\":\"" + USER_ID + "\",\"name\":\"jdoe\",\"email\":\"jdoe@acme.io\","
        + "\"isAdmin\":false,\"accounts\":[{\"id\":\"628a80b693a15c0f9c13ab75\",\"name\":\"acme\"}],"
        + "\"activeAccount\":{\"id\":\"628a80b693a15c0f9c13ab75\",\"name\":\"acme\","
        + "\"gitProvider\":" + (gitProvider == null ? "null" : "\"" + gitProvider + "\"") + ","
        + "\"gitApiUrl\":" + (gitApiUrl == null ? "null" : "\"" + gitApiUrl + "\"") + ","
        + "\"sharedConfigRepo\":\"https://github.com/acme/isc.git\","
        + "\"admins\":[" + (admin ? "\"" + USER_ID + "\"," : "") + "\"5a1b2c3d4e5f607182930a1b\"],"
        + "\"features\":{\"gitopsPlanEnforcement\":" + planEnforced + "}}}}}";
  }

  /** A LimitsStatus answer. */
  static String limits(Long used, Long limit) {
    return "{\"data\":{\"limitsStatus\":{\"usage\":{\"clusters\":" + used + ",\"applications\":40},"
        + "\"limits\":{\"clusters\":" + limit + ",\"applications\":100},\"status\":\"ACTIVE\"}}}";
  }

  PlatformServer respond(String operation, String json) {
    return respond(operation, new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(json).build());
  }

  PlatformServer respond(String operation, MockResponse response) {
    responses.put(operation, response);
    return this;
  }

  /** The platform URL, without a trailing slash, as a user would write it. */
  String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  List<String> operations() {
    return requests.stream().map(PlatformServer::operation).toList();
  }

  static String operation(RecordedRequest request) {
    String query = body(request).path("query").asText("");
    String[] words = query.split("[\\s({]+");
    return words.length > 1 ? words[1] : "";
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return request.getBody() == null ? JSON.nullNode() : JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      return JSON.nullNode();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}

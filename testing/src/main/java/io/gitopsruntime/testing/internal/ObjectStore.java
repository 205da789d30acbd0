package io.gitopsruntime.testing.internal;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one test server: fabric8's CRUD dispatcher (which keeps objects, resource versions,
 * label selectors and watches) behind one write lock, so that read-modify-write sequences of server-side
 * apply and of the simulated controllers are atomic. Thread-safe.
 */
public final class ObjectStore {

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final ReentrantLock writes = new ReentrantLock();
  private volatile boolean apiDefaults = true;

  /**
   * Whether objects get the API server's defaults as they are stored ({@code spec.replicas}, ...); on by default.
   *
   * @return true when they do
   */
  public boolean apiDefaults() {
    return apiDefaults;
  }

  /**
   * Turns the API server's defaults on or off, for a test that needs a server that leaves fields unset.
   *
   * @param on whether to apply them
   */
  public void apiDefaults(boolean on) {
    this.apiDefaults = on;
  }

  /**
   * Passes a request to the CRUD dispatcher; writes hold the store's lock.
   *
   * @param request the request
   * @return the dispatcher's response
   */
  public MockResponse dispatch(RecordedRequest request) {
    if (request.method() == HttpMethod.GET) {
      return crud.dispatch(request);
    }
    return atomically(() -> crud.dispatch(request));
  }

  /**
   * Runs {@code action} while no other write can happen.
   *
   * @param action what to run
   * @param <T> its result
   * @return the result
   */
  public <T> T atomically(Supplier<T> action) {
    writes.lock();
    try {
      return action.get();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Registers a watch in the CRUD dispatcher.
   *
   * @param pathAndQuery the watch request's path and query
   * @return a response carrying the watch listener
   */
  public MockResponse watch(String pathAndQuery) {
    MockResponse registered = crud.handleWatch(pathAndQuery);
    return new MockResponse().withWebSocketUpgrade(
        new LockedWatchListener(Objects.requireNonNull(registered.getWebSocketListener()), this));
  }

  /**
   * Reads one object.
   *
   * @param objectPath the object's path
   * @return the object, or empty
   */
  public Optional<Map<String, Object>> get(String objectPath) {
    MockResponse response = crud.handleGet(objectPath);
    if (response.code() != 200) {
      return Optional.empty();
    }
    return Optional.of(Json.parse(body(response)));
  }

  /**
   * Lists objects.
   *
   * @param collectionPathAndQuery a collection path, optionally with a label selector
   * @return the matching objects
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> list(String collectionPathAndQuery) {
    MockResponse response = crud.handleGet(collectionPathAndQuery);
    List<Map<String, Object>> items = new ArrayList<>();
    if (response.code() == 200) {
      for (Object item : Json.list(Json.parse(body(response)), "items")) {
        items.add((Map<String, Object>) item);
      }
    }
    return items;
  }

  /**
   * How many objects a list would return, and the list's resource version.
   *
   * @param collectionPathAndQuery a collection path, optionally with selectors
   * @return the matching objects' count and the list's resource version
   */
  public Map.Entry<Integer, String> count(String collectionPathAndQuery) {
    MockResponse response = crud.handleGet(collectionPathAndQuery);
    Map<String, Object> list = Json.parse(body(response));
    return Map.entry(Json.list(list, "items").size(),
        String.valueOf(Json.string(list, "metadata", "resourceVersion")));
  }

  /**
   * Creates an object.
   *
   * @param collectionPath the collection's path
   * @param object the object
   * @return the stored object
   * @throws StoreException when the dispatcher refuses
   */
  public Map<String, Object> create(String collectionPath, Map<String, Object> object) {
    return expect(send(HttpMethod.POST, collectionPath, "application/json", Json.write(object)), 201);
  }

  /**
   * Replaces an object (or its status, for a {@code /status} path).
   *
   * @param path the object path
   * @param object the new object
   * @return the stored object
   * @throws StoreException when the dispatcher refuses
   */
  public Map<String, Object> replace(String path, Map<String, Object> object) {
    return expect(send(HttpMethod.PUT, path, "application/json", Json.write(object)), 200);
  }

  /**
   * Deletes the objects a path or a collection path with a label selector names.
   *
   * @param pathAndQuery the path
   * @return true when something was deleted
   */
  public boolean delete(String pathAndQuery) {
    return send(HttpMethod.DELETE, pathAndQuery, null, null).code() == 200;
  }

  private MockResponse send(HttpMethod method, String path, @Nullable String contentType, @Nullable String body) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), new Buffer(bytes)));
  }

  private static Map<String, Object> expect(MockResponse response, int... codes) {
    for (int code : codes) {
      if (response.code() == code) {
        return Json.parse(body(response));
      }
    }
    throw new StoreException(response.code(), body(response));
  }

  static String body(MockResponse response) {
    return response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  /** A write the CRUD dispatcher refused. Not thread-safe (exceptions are not shared). */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    StoreException(int code, String body) {
      super("HTTP " + code + ": " + body);
      this.code = code;
    }

    /**
     * The HTTP status the dispatcher answered.
     *
     * @return the status code
     */
    public int code() {
      return code;
    }
  }
}

package io.gitopsruntime.testing.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The OCI distribution API, in memory, as much of it as {@code helm push}, {@code helm pull} and
 * {@code helm install oci://...} use over plain HTTP: {@code /v2/}, blob uploads (monolithic and
 * chunked), blob and manifest HEAD/GET, manifest PUT by tag or digest, and tag lists. No
 * authentication. Thread-safe.
 */
public final class OciDistribution implements HttpHandler {

  private record Manifest(byte[] content, String mediaType, String digest) {}

  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Manifest>> manifests = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /**
   * The requests served, as {@code METHOD path -> status}.
   *
   * @return a snapshot, oldest first
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Stores a blob.
   *
   * @param content the content
   * @return its digest
   */
  public String putBlob(byte[] content) {
    String digest = digest(content);
    blobs.put(digest, content);
    return digest;
  }

  /**
   * Stores a manifest under its digest and a tag.
   *
   * @param repository the repository, such as {@code charts/gitops-runtime}
   * @param tag the tag
   * @param content the manifest JSON
   * @param mediaType its media type
   * @return its digest
   */
  public String putManifest(String repository, String tag, byte[] content, String mediaType) {
    String digest = digest(content);
    Manifest manifest = new Manifest(content, mediaType, digest);
    Map<String, Manifest> refs = manifests.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
    refs.put(digest, manifest);
    refs.put(tag, manifest);
    return digest;
  }

  /**
   * The tags of a repository.
   *
   * @param repository the repository
   * @return its tags, sorted
   */
  public List<String> tags(String repository) {
    List<String> tags = new ArrayList<>();
    manifests.getOrDefault(repository, Map.of()).keySet().forEach(ref -> {
      if (!ref.startsWith("sha256:")) {
        tags.add(ref);
      }
    });
    tags.sort(null);
    return tags;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    int status;
    try {
      exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
      status = route(exchange, method, path, ApiPath.query(query));
    } catch (RuntimeException e) {
      status = error(exchange, 500, "UNKNOWN", String.valueOf(e.getMessage()));
    } finally {
      exchange.close();
    }
    requests.add(method + " " + path + " -> " + status);
  }

  private int route(HttpExchange ex, String method, String path, Map<String, String> query) throws IOException {
    if (path.equals("/v2") || path.equals("/v2/")) {
      return send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }
    if (!path.startsWith("/v2/")) {
      return error(ex, 404, "NAME_UNKNOWN", "not a registry path");
    }
    String rest = path.substring(4);
    int uploadsAt = rest.indexOf("/blobs/uploads");
    if (uploadsAt > 0) {
      String repository = rest.substring(0, uploadsAt);
      String tail = rest.substring(uploadsAt + "/blobs/uploads".length()).replaceAll("^/", "");
      return upload(ex, method, repository, tail, query);
    }
    int blobsAt = rest.lastIndexOf("/blobs/");
    if (blobsAt > 0) {
      return blob(ex, method, rest.substring(blobsAt + "/blobs/".length()));
    }
    int manifestsAt = rest.lastIndexOf("/manifests/");
    if (manifestsAt > 0) {
      return manifest(ex, method, rest.substring(0, manifestsAt), rest.substring(manifestsAt + "/manifests/".length()));
    }
    if (rest.endsWith("/tags/list") && method.equals("GET")) {
      String repository = rest.substring(0, rest.length() - "/tags/list".length());
      if (!manifests.containsKey(repository)) {
        return error(ex, 404, "NAME_UNKNOWN", "repository name not known to registry");
      }
      String body = Json.write(Json.object("name", repository, "tags", tags(repository)));
      return send(ex, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
    return error(ex, 404, "UNSUPPORTED", "the operation is unsupported");
  }

  private int upload(HttpExchange ex, String method, String repository, String id, Map<String, String> query)
      throws IOException {
    byte[] body = TarGz.readAll(ex.getRequestBody());
    if (method.equals("POST") && id.isEmpty()) {
      String digest = query.get("digest");
      if (digest != null) {
        return finish(ex, repository, body, digest);
      }
      String uuid = UUID.randomUUID().toString();
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      buffer.write(body);
      uploads.put(uuid, buffer);
      return accepted(ex, repository, uuid, buffer.size());
    }
    ByteArrayOutputStream buffer = uploads.get(id);
    if (buffer == null) {
      return error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
    }
    switch (method) {
      case "PATCH":
        synchronized (buffer) {
          buffer.write(body);
          return accepted(ex, repository, id, buffer.size());
        }
      case "PUT":
        byte[] content;
        synchronized (buffer) {
          buffer.write(body);
          content = buffer.toByteArray();
        }
        uploads.remove(id);
        String digest = query.get("digest");
        if (digest == null) {
          return error(ex, 400, "DIGEST_INVALID", "digest parameter missing");
        }
        return finish(ex, repository, content, digest);
      case "GET":
        ex.getResponseHeaders().set("Range", "0-" + Math.max(0, buffer.size() - 1));
        ex.getResponseHeaders().set("Docker-Upload-UUID", id);
        return send(ex, 204, null, new byte[0]);
      case "DELETE":
        uploads.remove(id);
        return send(ex, 204, null, new byte[0]);
      default:
        return error(ex, 405, "UNSUPPORTED", "method not allowed");
    }
  }

  private int accepted(HttpExchange ex, String repository, String uuid, int size) throws IOException {
    ex.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/uploads/" + uuid);
    ex.getResponseHeaders().set("Docker-Upload-UUID", uuid);
    ex.getResponseHeaders().set("Range", "0-" + Math.max(0, size - 1));
    return send(ex, 202, null, new byte[0]);
  }

  private int finish(HttpExchange ex, String repository, byte[] content, String digest) throws IOException {
    String actual = digest(content);
    if (!actual.equals(digest)) {
      return error(ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
    }
    blobs.put(actual, content);
    ex.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + actual);
    ex.getResponseHeaders().set("Docker-Content-Digest", actual);
    return send(ex, 201, null, new byte[0]);
  }

  private int blob(HttpExchange ex, String method, String digest) throws IOException {
    byte[] content = blobs.get(digest);
    if (content == null) {
      return error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
    }
    if (method.equals("DELETE")) {
      blobs.remove(digest);
      return send(ex, 202, null, new byte[0]);
    }
    ex.getResponseHeaders().set("Docker-Content-Digest", digest);
    return send(ex, 200, "application/octet-stream", content);
  }

  private int manifest(HttpExchange ex, String method, String repository, String reference) throws IOException {
    if (method.equals("PUT")) {
      byte[] content = TarGz.readAll(ex.getRequestBody());
      String mediaType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
          .orElse("application/vnd.oci.image.manifest.v1+json");
      String digest = reference.startsWith("sha256:") ? digest(content) : putManifest(repository, reference, content,
          mediaType);
      if (reference.startsWith("sha256:")) {
        if (!digest.equals(reference)) {
          return error(ex, 400, "DIGEST_INVALID", "manifest digest did not match");
        }
        manifests.computeIfAbsent(repository, r -> new ConcurrentHashMap<>())
            .put(digest, new Manifest(content, mediaType, digest));
      }
      ex.getResponseHeaders().set("Location", "/v2/" + repository + "/manifests/" + digest);
      ex.getResponseHeaders().set("Docker-Content-Digest", digest);
      return send(ex, 201, null, new byte[0]);
    }
    Manifest manifest = manifests.getOrDefault(repository, Map.of()).get(reference);
    if (manifest == null) {
      return error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown to registry");
    }
    if (method.equals("DELETE")) {
      manifests.get(repository).values().removeIf(m -> m.digest().equals(manifest.digest()));
      return send(ex, 202, null, new byte[0]);
    }
    ex.getResponseHeaders().set("Docker-Content-Digest", manifest.digest());
    return send(ex, 200, manifest.mediaType(), manifest.content());
  }

  private static int error(HttpExchange ex, int status, String code, String message) throws IOException {
    String body = Json.write(Json.object("errors", List.of(Json.object("code", code, "message", message))));
    return send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static int send(HttpExchange ex, int status, @Nullable String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    if (head || body.length == 0) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
    }
    return status;
  }

  /**
   * The OCI digest of some content.
   *
   * @param content the content
   * @return {@code sha256:<hex>}
   */
  public static String digest(byte[] content) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package io.gitopsruntime.testing.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the {@code Status} bodies the Kubernetes API answers errors with. Stateless and thread-safe. */
public final class ApiStatus {

  private ApiStatus() {}

  /**
   * A failure status.
   *
   * @param code the HTTP code
   * @param reason the reason, such as {@code NotFound}
   * @param message the message
   * @param details the details, or null
   * @return the status object
   */
  public static Map<String, Object> failure(int code, String reason, String message,
      @Nullable Map<String, Object> details) {
    Map<String, Object> status = Json.object("kind", "Status", "apiVersion", "v1", "metadata", Json.object(),
        "status", "Failure", "message", message, "reason", reason);
    if (details != null) {
      status.put("details", details);
    }
    status.put("code", code);
    return status;
  }

  /**
   * The reason Kubernetes uses for an HTTP code.
   *
   * @param code the HTTP code
   * @return the reason
   */
  public static String reasonFor(int code) {
    switch (code) {
      case 400: return "BadRequest";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "NotFound";
      case 405: return "MethodNotAllowed";
      case 409: return "Conflict";
      case 410: return "Expired";
      case 415: return "UnsupportedMediaType";
      case 422: return "Invalid";
      case 429: return "TooManyRequests";
      case 504: return "Timeout";
      default: return code >= 500 ? "InternalError" : "Unknown";
    }
  }

  /**
   * A not-found status for an object.
   *
   * @param path the object's path
   * @return the status
   */
  public static Map<String, Object> notFound(ApiPath path) {
    String what = path.group().isEmpty() ? path.plural() : path.plural() + "." + path.group();
    if (path.name() == null) {
      return failure(404, "NotFound", "the server could not find the requested resource", null);
    }
    return failure(404, "NotFound", what + " \"" + path.name() + "\" not found",
        Json.object("name", path.name(), "group", path.group(), "kind", path.plural()));
  }

  /**
   * The status the API server answers a create of an object that exists with.
   *
   * @param path the collection's path
   * @param name the object's name
   * @return the status: 409, reason {@code AlreadyExists}
   */
  public static Map<String, Object> alreadyExists(ApiPath path, String name) {
    String what = path.group().isEmpty() ? path.plural() : path.plural() + "." + path.group();
    return failure(409, "AlreadyExists", what + " \"" + name + "\" already exists",
        Json.object("name", name, "group", path.group(), "kind", path.plural()));
  }
}

package io.gitopsruntime.helm.images;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference, normalized as container runtimes read it, with the places an installation uses it. Immutable.
 *
 * <p>Normalization: the registry host is the first path segment when it contains a {@code .} or a {@code :} or is
 * {@code localhost}; otherwise the image is on Docker Hub, {@code docker.io}, and a single-segment name is in its
 * {@code library/} namespace ({@code nginx} is {@code docker.io/library/nginx:latest}). {@code index.docker.io} is
 * {@code docker.io}. A digest is kept as it is, with its tag if there is one; {@code latest} is made explicit only when
 * there is neither a tag nor a digest. {@code ghcr.io/x:tag} stays {@code ghcr.io/x:tag}.
 *
 * <pre>{@code
 * ImageRef.parse("alpine/kubectl:1.36.2").reference();   // docker.io/alpine/kubectl:1.36.2
 * ImageRef.parse("localhost:5000/tools/debug").registry(); // localhost:5000
 * }</pre>
 *
 * @param reference the normalized reference: {@code registry/repository[:tag][@digest]}
 * @param registry the registry host, with its port if any, such as {@code quay.io} or {@code registry.local:5000}
 * @param repository the repository on the registry, such as {@code argoproj/argocd} or {@code library/redis}
 * @param tag the tag, if there is one (or {@code latest} when neither a tag nor a digest was given)
 * @param digest the digest, such as {@code sha256:...}, if there is one
 * @param places where the installation uses the image, sorted; empty for a reference made with {@link #parse}
 */
public record ImageRef(String reference, String registry, String repository, Optional<String> tag,
    Optional<String> digest, List<ImagePlace> places) implements Comparable<ImageRef> {
  /** The registry of images whose reference names none. */
  public static final String DOCKER_HUB = "docker.io";
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?"
      + "|\\[[0-9A-Fa-f:]+\\](?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

  /**
   * Checks the parts and copies the places.
   *
   * @param reference the normalized reference
   * @param registry the registry host
   * @param repository the repository
   * @param tag the tag, if any
   * @param digest the digest, if any
   * @param places the places
   */
  public ImageRef {
    Objects.requireNonNull(reference, "reference == null");
    Objects.requireNonNull(registry, "registry == null");
    Objects.requireNonNull(repository, "repository == null");
    Objects.requireNonNull(tag, "tag == null");
    Objects.requireNonNull(digest, "digest == null");
    places = List.copyOf(places);
  }

  /**
   * Parses and normalizes a reference as a pod's {@code image} field takes it.
   *
   * @param image such as {@code nginx}, {@code quay.io/argoproj/argocd:v3.3.10} or {@code repo@sha256:...}
   * @return the normalized reference, without places
   * @throws IllegalArgumentException if it is not a valid image reference; the message says why
   */
  public static ImageRef parse(String image) {
    Objects.requireNonNull(image, "image == null");
    String text = image.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("\"" + image + "\" is not an image reference: it is empty.");
    }
    String rest = text;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest.get()).matches()) {
        throw invalid(image, "its digest \"" + digest.get() + "\" is not ALGORITHM:HEX, such as sha256:<64 hex digits>");
      }
    }
    Optional<String> tag = Optional.empty();
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag.get()).matches()) {
        throw invalid(image, "its tag \"" + tag.get() + "\" is not 1 to 128 letters, digits, '_', '.' or '-'");
      }
    }
    String registry = DOCKER_HUB;
    String path = rest;
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        if (!HOST.matcher(head).matches()) {
          throw invalid(image, "its registry host \"" + head + "\" is not a host name with an optional :PORT");
        }
        registry = head.toLowerCase(Locale.ROOT).equals("index.docker.io") ? DOCKER_HUB : head;
        path = rest.substring(first + 1);
      }
    }
    if (path.isEmpty()) {
      throw invalid(image, "it names no repository");
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(image, "its repository \"" + path + "\" must be lower-case letters, digits and separators"
            + " ('.', '_', '__', '-') between '/'");
      }
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
    String reference = registry + "/" + path + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    return new ImageRef(reference, registry, path, tag, digest, List.of());
  }

  private static IllegalArgumentException invalid(String image, String why) {
    return new IllegalArgumentException("\"" + image + "\" is not a valid image reference: " + why + ".");
  }

  /**
   * This reference with other places.
   *
   * @param places the places
   * @return a copy
   */
  public ImageRef withPlaces(List<ImagePlace> places) {
    return new ImageRef(reference, registry, repository, tag, digest, places);
  }

  @Override
  public int compareTo(ImageRef other) {
    return reference.compareTo(other.reference);
  }

  /** The normalized reference. */
  @Override
  public String toString() {
    return reference;
  }
}

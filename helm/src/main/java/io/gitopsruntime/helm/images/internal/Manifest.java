package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manifest as a registry serves it: its exact bytes (so its digest is kept), its media type and its digest, with
 * the descriptors it references. Immutable.
 *
 * @param bytes the exact bytes
 * @param mediaType the media type, from the document or the {@code Content-Type}
 * @param digest {@code sha256:} of the bytes
 */
public record Manifest(byte[] bytes, String mediaType, String digest) {
  /** An OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** An OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** A Docker manifest list. */
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  /** A Docker image manifest, schema 2. */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  /** What a client accepts: every kind this mirror copies. */
  public static final String ACCEPT = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A descriptor: what a manifest points at.
   *
   * @param mediaType its media type
   * @param digest its digest
   * @param size its size in bytes
   * @param platform {@code os/architecture[/variant]} for an index entry that names one
   */
  public record Descriptor(String mediaType, String digest, long size, Optional<String> platform) {}

  /**
   * Reads a manifest's bytes.
   *
   * @param bytes the bytes
   * @param contentType the {@code Content-Type} the registry sent, used when the document names no media type
   * @return the manifest
   * @throws IOException if it is not JSON
   */
  public static Manifest of(byte[] bytes, String contentType) throws IOException {
    JsonNode node = JSON.readTree(bytes);
    String type = node.path("mediaType").asText("");
    if (type.isEmpty()) {
      type = contentType.isEmpty() ? (node.has("manifests") ? OCI_INDEX : OCI_MANIFEST) : contentType;
    }
    return new Manifest(bytes.clone(), type, Digests.sha256(bytes));
  }

  /**
   * Whether this is an index (a multi-platform image).
   *
   * @return true for an OCI index or a Docker manifest list
   */
  public boolean isIndex() {
    return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST);
  }

  /**
   * The manifests of an index.
   *
   * @return the entries, in order; empty for an image manifest
   */
  public List<Descriptor> manifests() {
    return descriptors("manifests");
  }

  /**
   * The config blob of an image manifest.
   *
   * @return the config, if any
   */
  public Optional<Descriptor> config() {
    JsonNode config = tree().path("config");
    return config.isObject() ? Optional.of(descriptor(config)) : Optional.empty();
  }

  /**
   * The blobs of an image manifest: its config first, then its layers.
   *
   * @return the blobs; empty for an index
   */
  public List<Descriptor> blobs() {
    List<Descriptor> blobs = new ArrayList<>();
    config().ifPresent(blobs::add);
    blobs.addAll(descriptors("layers"));
    return blobs;
  }

  private List<Descriptor> descriptors(String field) {
    List<Descriptor> out = new ArrayList<>();
    for (JsonNode entry : tree().path(field)) {
      out.add(descriptor(entry));
    }
    return out;
  }

  private static Descriptor descriptor(JsonNode entry) {
    JsonNode platform = entry.path("platform");
    Optional<String> named = Optional.empty();
    if (platform.isObject()) {
      String variant = platform.path("variant").asText("");
      named = Optional.of(platform.path("os").asText("") + "/" + platform.path("architecture").asText("")
          + (variant.isEmpty() ? "" : "/" + variant));
    }
    return new Descriptor(entry.path("mediaType").asText(""), entry.path("digest").asText(""),
        entry.path("size").asLong(-1), named);
  }

  private JsonNode tree() {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("manifest " + digest + " was JSON when read", e);
    }
  }

  /**
   * The {@code os/architecture[/variant]} an image config names.
   *
   * @param config the config blob's bytes
   * @return the platform, if the config names one
   */
  public static Optional<String> platformOfConfig(byte[] config) {
    try {
      JsonNode node = JSON.readTree(config);
      String os = node.path("os").asText("");
      String arch = node.path("architecture").asText("");
      String variant = node.path("variant").asText("");
      return os.isEmpty() || arch.isEmpty() ? Optional.empty()
          : Optional.of(os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Manifest m && m.digest.equals(digest) && m.mediaType.equals(mediaType);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return mediaType + " " + digest;
  }
}

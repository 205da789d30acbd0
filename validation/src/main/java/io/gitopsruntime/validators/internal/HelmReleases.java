package io.gitopsruntime.validators.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads Helm 3's release records ({@code Secret}s of type {@code helm.sh/release.v1}, labelled
 * {@code owner=helm}): the release name, revision and status from the labels, and the chart's name and version
 * from the record. A record also holds the release's values, secrets included: they are streamed past, never
 * kept, logged or quoted. Thread-safe; no state.
 */
public final class HelmReleases {
  /** The label every Helm release record carries. */
  public static final String OWNER_LABEL = "owner";
  /** Its value. */
  public static final String OWNER = "helm";

  private static final String TYPE = "helm.sh/release.v1";
  private static final JsonFactory JSON = new JsonFactory();

  private HelmReleases() {}

  /**
   * One revision of a release.
   *
   * @param namespace the release namespace
   * @param name the release name
   * @param revision the revision
   * @param status Helm's status, such as {@code deployed} or {@code failed}
   * @param chart the chart's name, empty when the record cannot be read
   * @param chartVersion the chart's version, empty when the record cannot be read
   */
  public record Release(String namespace, String name, int revision, String status, String chart,
      String chartVersion) {}

  /**
   * Whether a Secret is a Helm release record, and its revision.
   *
   * @param secret the Secret
   * @return the revision; empty when the Secret is not a release record
   */
  public static Optional<Integer> revision(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    if (!TYPE.equals(secret.getType()) || labels == null || !OWNER.equals(labels.get(OWNER_LABEL))
        || labels.get("name") == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(labels.getOrDefault("version", "0")));
    } catch (NumberFormatException e) {
      return Optional.of(0);
    }
  }

  /**
   * Reads a release record.
   *
   * @param secret a Secret for which {@link #revision} is present
   * @return the release
   */
  public static Release read(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    String[] chart = chart(secret.getData() == null ? null : secret.getData().get("release"));
    return new Release(secret.getMetadata().getNamespace(), labels.get("name"), revision(secret).orElse(0),
        labels.getOrDefault("status", ""), chart[0], chart[1]);
  }

  /** The chart's name and version in a record: Secret data (base64) of base64 of gzipped JSON. */
  private static String[] chart(String data) {
    String[] none = {"", ""};
    if (data == null) {
      return none;
    }
    byte[] record;
    try {
      record = Base64.getMimeDecoder().decode(Base64.getDecoder().decode(data.strip()));
    } catch (IllegalArgumentException e) {
      return none;
    }
    boolean gzipped = record.length > 2 && (record[0] & 0xff) == 0x1f && (record[1] & 0xff) == 0x8b;
    try (InputStream in = gzipped ? new GZIPInputStream(new ByteArrayInputStream(record))
        : new ByteArrayInputStream(record); JsonParser parser = JSON.createParser(in)) {
      return chartMetadata(parser).orElse(none);
    } catch (IOException | RuntimeException e) {
      // never the exception's text: a parser quotes the input, and the input holds the release's values
      return none;
    }
  }

  /** Streams to {@code chart.metadata.name} and {@code .version} at the top level, skipping everything else. */
  private static Optional<String[]> chartMetadata(JsonParser parser) throws IOException {
    Deque<String> path = new ArrayDeque<>();
    String name = null;
    String version = null;
    String field = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      switch (token) {
        case FIELD_NAME:
          field = parser.currentName();
          break;
        case START_OBJECT:
          path.push(field == null ? "" : field);
          boolean keep = path.size() == 1 || (path.size() == 2 && "chart".equals(field))
              || (path.size() == 3 && "metadata".equals(field) && "chart".equals(second(path)));
          if (!keep) {
            parser.skipChildren();
            path.pop();
          }
          field = null;
          break;
        case START_ARRAY:
          parser.skipChildren();
          field = null;
          break;
        case END_OBJECT:
          path.pop();
          field = null;
          break;
        case VALUE_STRING:
          if (path.size() == 3 && "name".equals(field)) {
            name = parser.getText();
          } else if (path.size() == 3 && "version".equals(field)) {
            version = parser.getText();
          }
          field = null;
          break;
        default:
          field = null;
      }
    }
    return name == null ? Optional.empty() : Optional.of(new String[] {name, version == null ? "" : version});
  }

  private static String second(Deque<String> path) {
    return path.stream().skip(1).findFirst().orElse("");
  }
}

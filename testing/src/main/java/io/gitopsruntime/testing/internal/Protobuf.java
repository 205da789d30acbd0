package io.gitopsruntime.testing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the Kubernetes protobuf encoding ({@code application/vnd.kubernetes.protobuf}) of the few kinds
 * clients send that way to a test server: client-go's typed clients default to protobuf for built-in
 * kinds, and Helm stores its releases in Secrets through one. Supports Secret and ConfigMap; answers are
 * always JSON, which those clients also accept. Stateless and thread-safe.
 */
final class Protobuf {

  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

  private Protobuf() {}

  /** The object as JSON-ready map, or empty when the kind is not supported. */
  static Optional<Map<String, Object>> decode(byte[] body) {
    if (body.length < 4 || body[0] != MAGIC[0] || body[1] != MAGIC[1] || body[2] != MAGIC[2] || body[3] != MAGIC[3]) {
      return Optional.empty();
    }
    Reader unknown = new Reader(body, 4, body.length);
    String apiVersion = null;
    String kind = null;
    byte[] raw = null;
    while (unknown.more()) {
      int tag = unknown.tag();
      if (tag >> 3 == 1) {
        Reader typeMeta = unknown.message();
        while (typeMeta.more()) {
          int t = typeMeta.tag();
          if (t >> 3 == 1) {
            apiVersion = typeMeta.string();
          } else if (t >> 3 == 2) {
            kind = typeMeta.string();
          } else {
            typeMeta.skip(t);
          }
        }
      } else if (tag >> 3 == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip(tag);
      }
    }
    if (raw == null || !"v1".equals(apiVersion) || (!"Secret".equals(kind) && !"ConfigMap".equals(kind))) {
      return Optional.empty();
    }
    Map<String, Object> object = Json.object("apiVersion", "v1", "kind", kind);
    Reader r = new Reader(raw, 0, raw.length);
    boolean secret = kind.equals("Secret");
    while (r.more()) {
      int tag = r.tag();
      int field = tag >> 3;
      if (field == 1) {
        object.put("metadata", objectMeta(r.message()));
      } else if (field == 2) {
        Map.Entry<String, byte[]> e = r.mapEntry();
        Json.child(object, "data").put(e.getKey(), secret ? Base64.getEncoder().encodeToString(e.getValue())
            : new String(e.getValue(), StandardCharsets.UTF_8));
      } else if (field == 3 && secret) {
        object.put("type", r.string());
      } else if (field == 3) {
        Map.Entry<String, byte[]> e = r.mapEntry();
        Json.child(object, "binaryData").put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue()));
      } else if (field == 4 && secret) {
        Map.Entry<String, byte[]> e = r.mapEntry();
        Json.child(object, "stringData").put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
      } else if ((field == 5 && secret) || (field == 4)) {
        object.put("immutable", r.varint() != 0);
      } else {
        r.skip(tag);
      }
    }
    return Optional.of(object);
  }

  private static Map<String, Object> objectMeta(Reader r) {
    Map<String, Object> meta = new LinkedHashMap<>();
    List<Object> finalizers = new ArrayList<>();
    while (r.more()) {
      int tag = r.tag();
      switch (tag >> 3) {
        case 1: meta.put("name", r.string()); break;
        case 2: meta.put("generateName", r.string()); break;
        case 3: meta.put("namespace", r.string()); break;
        case 5: meta.put("uid", r.string()); break;
        case 6: meta.put("resourceVersion", r.string()); break;
        case 7: meta.put("generation", r.varint()); break;
        case 8:
          String created = time(r.message());
          if (created != null) {
            meta.put("creationTimestamp", created);
          }
          break;
        case 11: putEntry(Json.child(meta, "labels"), r.mapEntry()); break;
        case 12: putEntry(Json.child(meta, "annotations"), r.mapEntry()); break;
        case 14: finalizers.add(r.string()); break;
        default: r.skip(tag); break;
      }
    }
    if (!finalizers.isEmpty()) {
      meta.put("finalizers", finalizers);
    }
    return meta;
  }

  private static void putEntry(Map<String, Object> map, Map.Entry<String, byte[]> entry) {
    map.put(entry.getKey(), new String(entry.getValue(), StandardCharsets.UTF_8));
  }

  private static @Nullable String time(Reader r) {
    long seconds = 0;
    while (r.more()) {
      int tag = r.tag();
      if (tag >> 3 == 1) {
        seconds = r.varint();
      } else {
        r.skip(tag);
      }
    }
    return seconds == 0 ? null : Instant.ofEpochSecond(seconds).toString();
  }

  /** Reads protobuf wire format from a slice of bytes. */
  private static final class Reader {
    private final byte[] data;
    private int pos;
    private final int end;

    Reader(byte[] data, int pos, int end) {
      this.data = data;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long result = 0;
      int shift = 0;
      while (true) {
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
        shift += 7;
      }
    }

    byte[] bytes() {
      int length = (int) varint();
      byte[] out = new byte[length];
      System.arraycopy(data, pos, out, 0, length);
      pos += length;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Reader message() {
      int length = (int) varint();
      Reader sub = new Reader(data, pos, pos + length);
      pos += length;
      return sub;
    }

    Map.Entry<String, byte[]> mapEntry() {
      Reader entry = message();
      String key = "";
      byte[] value = new byte[0];
      while (entry.more()) {
        int tag = entry.tag();
        if (tag >> 3 == 1) {
          key = entry.string();
        } else if (tag >> 3 == 2) {
          value = entry.bytes();
        } else {
          entry.skip(tag);
        }
      }
      return Map.entry(key, value);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0: varint(); break;
        case 1: pos += 8; break;
        case 2:
          int length = (int) varint();
          pos += length;
          break;
        case 5: pos += 4; break;
        default: throw new IllegalArgumentException("unsupported protobuf wire type " + (tag & 7));
      }
    }
  }
}

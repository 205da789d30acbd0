package io.gitopsruntime.helm.images.internal;

import io.gitopsruntime.helm.images.ImagePlace;
import io.gitopsruntime.helm.images.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the images in rendered objects. Containers are found by shape, not by kind: any map with a
 * {@code containers}, {@code initContainers} or {@code ephemeralContainers} list of maps that have an {@code image}
 * string, at any depth. That covers the pod templates of every workload kind (a CronJob's
 * {@code spec.jobTemplate.spec.template}, a Pod's own spec) and custom resources that carry pod templates or
 * container lists anywhere, whatever their kind. Images passed elsewhere come from an {@link ImageArgs} table.
 * Stateless and thread-safe.
 */
public final class ImageScanner {
  private static final List<String> CONTAINER_FIELDS = List.of("containers", "initContainers", "ephemeralContainers");

  private final ImageArgs args;

  /**
   * A scanner with a table of images passed outside image fields.
   *
   * @param args the table
   */
  public ImageScanner(ImageArgs args) {
    this.args = args;
  }

  /**
   * Every image of the objects, normalized, deduplicated and sorted by reference, each with its places sorted.
   *
   * @param objects the rendered objects
   * @return the images
   * @throws IllegalArgumentException if an image is not a valid reference; the message names its place
   */
  public List<ImageRef> scan(List<Map<String, Object>> objects) {
    Map<String, ImageRef> byReference = new TreeMap<>();
    Map<String, TreeSet<ImagePlace>> places = new TreeMap<>();
    for (Map<String, Object> object : objects) {
      new ObjectScan(object, byReference, places).run();
    }
    List<ImageRef> images = new ArrayList<>();
    byReference.forEach((reference, image) -> images.add(image.withPlaces(List.copyOf(places.get(reference)))));
    return List.copyOf(images);
  }

  /** The scan of one object. */
  private final class ObjectScan {
    private final Map<String, Object> object;
    private final Map<String, ImageRef> byReference;
    private final Map<String, TreeSet<ImagePlace>> places;
    private final String kind;
    private final String namespace;
    private final String name;
    private final boolean hook;

    ObjectScan(Map<String, Object> object, Map<String, ImageRef> byReference, Map<String, TreeSet<ImagePlace>> places) {
      this.object = object;
      this.byReference = byReference;
      this.places = places;
      this.kind = string(object.get("kind"));
      Map<String, Object> metadata = map(object.get("metadata"));
      this.namespace = string(metadata.get("namespace"));
      this.name = string(metadata.get("name"));
      this.hook = map(metadata.get("annotations")).containsKey("helm.sh/hook");
    }

    void run() {
      walk(object);
      if (kind.equals("ConfigMap")) {
        Map<String, Object> data = map(object.get("data"));
        for (ImageArgs.Row row : args.rows()) {
          if (row.data() && row.kind().equals(kind) && row.name().matcher(name).matches()) {
            data.forEach((key, value) -> {
              if (row.part().matcher(key).matches() && value instanceof String s && !s.isBlank()) {
                add(s, key, "data");
              }
            });
          }
        }
      }
    }

    private void walk(Object node) {
      if (node instanceof Map<?, ?> m) {
        for (String field : CONTAINER_FIELDS) {
          if (m.get(field) instanceof List<?> list) {
            for (Object item : list) {
              if (item instanceof Map<?, ?> container && container.get("image") instanceof String image) {
                String containerName = string(container.get("name"));
                add(image, containerName, field);
                arguments(container, containerName);
              }
            }
          }
        }
        m.values().forEach(this::walk);
      } else if (node instanceof List<?> list) {
        list.forEach(this::walk);
      }
    }

    private void arguments(Map<?, ?> container, String containerName) {
      for (ImageArgs.Row row : args.rows()) {
        if (row.data() || !row.kind().equals(kind) || !row.name().matcher(name).matches()
            || !row.part().matcher(containerName).matches()) {
          continue;
        }
        List<String> words = new ArrayList<>();
        for (String field : List.of("command", "args")) {
          if (container.get(field) instanceof List<?> list) {
            list.forEach(w -> words.add(String.valueOf(w)));
          }
        }
        for (int i = 0; i < words.size(); i++) {
          String word = words.get(i);
          if (word.startsWith(row.flag() + "=")) {
            add(word.substring(row.flag().length() + 1), containerName, "args " + row.flag());
          } else if (word.equals(row.flag()) && i + 1 < words.size()) {
            add(words.get(i + 1), containerName, "args " + row.flag());
          }
        }
      }
    }

    private void add(String image, String part, String field) {
      ImagePlace place = new ImagePlace(kind, namespace, name, part, field, hook);
      ImageRef ref;
      try {
        ref = ImageRef.parse(image);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(place + ": " + e.getMessage(), e);
      }
      byReference.putIfAbsent(ref.reference(), ref);
      places.computeIfAbsent(ref.reference(), r -> new TreeSet<>()).add(place);
    }
  }

  private static String string(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }
}

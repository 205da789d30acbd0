package io.gitopsruntime.helm.manifest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * JSON trees as plain maps and lists: parsing JSON and YAML, writing (also with sorted keys, for
 * digests), deep copies and null-safe navigation. Stateless and thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  /**
   * Parses a JSON object.
   *
   * @param json the text
   * @return the object as a mutable map
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static Map<String, Object> parse(String json) {
    try {
      Map<String, Object> map = MAPPER.readValue(json, MAP);
      if (map == null) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses the YAML documents of a stream; empty documents are skipped.
   *
   * @param yaml the YAML, possibly several documents
   * @return each non-empty document as a mutable map
   * @throws IOException if the text is not YAML or a document is not a map
   */
  public static List<Map<String, Object>> yamlDocuments(String yaml) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
      MappingIterator<LinkedHashMap<String, Object>> it = YAML.readValues(parser, MAP);
      while (it.hasNextValue()) {
        LinkedHashMap<String, Object> document = it.nextValue();
        if (document != null && !document.isEmpty()) {
          documents.add(document);
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
    return documents;
  }

  /**
   * Parses a YAML document that must be a map.
   *
   * @param yaml the YAML
   * @return the map (empty for an empty document)
   * @throws IOException if the text is not YAML or not a map
   */
  public static Map<String, Object> yaml(String yaml) throws IOException {
    List<Map<String, Object>> documents = yamlDocuments(yaml);
    return documents.isEmpty() ? new LinkedHashMap<>() : documents.get(0);
  }

  /**
   * Writes a tree as compact JSON.
   *
   * @param tree maps, lists and scalars
   * @return the JSON text
   */
  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree as compact JSON with every map's keys sorted, so that equal trees give equal text.
   *
   * @param tree maps, lists and scalars
   * @return the canonical JSON text
   */
  public static String canonical(Object tree) {
    try {
      return SORTED.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A deep copy of a tree whose maps are mutable.
   *
   * @param tree maps, lists and scalars
   * @param <T> the tree's type
   * @return the copy
   */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T tree) {
    if (tree instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) tree).forEach((k, v) -> copy.put(k, v == null ? null : copy(v)));
      return (T) copy;
    }
    if (tree instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) tree).forEach(v -> copy.add(v == null ? null : copy(v)));
      return (T) copy;
    }
    return tree;
  }

  /**
   * A tree with every map's keys sorted, for comparisons that ignore key order.
   *
   * @param tree maps, lists and scalars
   * @return a sorted copy
   */
  @SuppressWarnings("unchecked")
  static Object sorted(Object tree) {
    if (tree instanceof Map) {
      Map<String, Object> copy = new TreeMap<>();
      ((Map<String, Object>) tree).forEach((k, v) -> copy.put(k, v == null ? null : sorted(v)));
      return copy;
    }
    if (tree instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) tree).forEach(v -> copy.add(v == null ? null : sorted(v)));
      return copy;
    }
    return tree;
  }

  /**
   * The map at a path of keys.
   *
   * @param root where to start
   * @param keys the keys
   * @return the map, or null when absent or not a map
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> map(@Nullable Map<String, Object> root, String... keys) {
    Object node = at(root, keys);
    return node instanceof Map ? (Map<String, Object>) node : null;
  }

  /**
   * The list at a path of keys.
   *
   * @param root where to start
   * @param keys the keys
   * @return the list, empty when absent or not a list
   */
  @SuppressWarnings("unchecked")
  public static List<Object> list(@Nullable Map<String, Object> root, String... keys) {
    Object node = at(root, keys);
    return node instanceof List ? (List<Object>) node : List.of();
  }

  /**
   * The scalar at a path of keys, as text.
   *
   * @param root where to start
   * @param keys the keys
   * @return the text, or null when absent or not a scalar
   */
  public static @Nullable String string(@Nullable Map<String, Object> root, String... keys) {
    Object node = at(root, keys);
    return node == null || node instanceof Map || node instanceof List ? null : String.valueOf(node);
  }

  /**
   * The number at a path of keys.
   *
   * @param root where to start
   * @param keys the keys
   * @param otherwise the value when absent or not a number
   * @return the number
   */
  public static long number(@Nullable Map<String, Object> root, long otherwise, String... keys) {
    Object node = at(root, keys);
    if (node instanceof Number) {
      return ((Number) node).longValue();
    }
    if (node instanceof String) {
      try {
        return Long.parseLong((String) node);
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
    return otherwise;
  }

  /**
   * The map under a key, created when absent.
   *
   * @param parent the parent map
   * @param key the key
   * @return the child map
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object node = parent.get(key);
    if (node instanceof Map) {
      return (Map<String, Object>) node;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object at(@Nullable Map<String, Object> root, String... keys) {
    Object node = root;
    for (String key : keys) {
      if (!(node instanceof Map)) {
        return null;
      }
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  /**
   * Builds a map from key/value pairs, skipping null values.
   *
   * @param pairs keys and values, alternating
   * @return a mutable map in the given order
   */
  public static Map<String, Object> object(@Nullable Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put(String.valueOf(pairs[i]), pairs[i + 1]);
      }
    }
    return map;
  }
}

package io.gitopsruntime.helm.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which values keys of a chart hold images and pull secrets, and in which shape: the data
 * {@link RegistryOverrides} rewrites. {@link #standard()} is the GitOps Runtime chart's table, with the keys of its
 * subcharts (argo-cd, argo-workflows, sealed-secrets, the tunnel client, redis-ha); a chart with keys of its own
 * adds rows with {@link #parse} and {@link #with}. Immutable.
 *
 * <p>The table is text, one row per line, {@code PATH<TAB>SHAPE}; {@code #} starts a comment line. PATH is a values
 * path from the parent chart, subchart values under their alias ({@code argo-cd.global.image}). SHAPE is
 * {@code image-map} (a map with {@code repository} and, optionally, {@code registry}), {@code image} (a string
 * image reference), {@code registry} (a string that is only a registry), {@code pull-secrets} (a list of
 * {@code {name: SECRET}}) or {@code pull-secret-names} (a list of Secret names).
 */
public final class RegistryKeys {
  /** The shape of the value at a key. */
  public enum Shape {
    /** A map with {@code repository} (the registry in it, or in a sibling {@code registry}). */
    IMAGE_MAP,
    /** A string image reference. */
    IMAGE,
    /** A string that is only a registry host, with an optional path. */
    REGISTRY,
    /** A list of {@code {name: SECRET}}. */
    PULL_SECRETS,
    /** A list of Secret names. */
    PULL_SECRET_NAMES
  }

  /**
   * One key.
   *
   * @param path the values path from the parent chart
   * @param shape the shape of its value
   */
  public record Key(String path, Shape shape) {
    /**
     * Checks that no part is null.
     *
     * @param path the path
     * @param shape the shape
     */
    public Key {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(shape, "shape == null");
    }
  }

  private static final RegistryKeys STANDARD = load();
  private final List<Key> keys;

  private RegistryKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * The GitOps Runtime chart's keys, from the table {@code registry-keys.tsv} next to this class.
   *
   * @return the standard keys
   */
  public static RegistryKeys standard() {
    return STANDARD;
  }

  /**
   * Reads a table.
   *
   * @param table rows of {@code PATH<TAB>SHAPE}; comment lines start with {@code #}
   * @return the keys
   * @throws IllegalArgumentException naming the line if a row is not PATH, a tab and a known shape
   */
  public static RegistryKeys parse(String table) {
    Objects.requireNonNull(table, "table == null");
    List<Key> keys = new ArrayList<>();
    String[] lines = table.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 2 || cells[0].isBlank()) {
        throw new IllegalArgumentException("Line " + (i + 1) + " of the registry keys table is not PATH<TAB>SHAPE: \""
            + line + "\".");
      }
      Shape shape;
      try {
        shape = Shape.valueOf(cells[1].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Line " + (i + 1) + " of the registry keys table has the shape \"" + cells[1]
            + "\"; use image-map, image, registry, pull-secrets or pull-secret-names.", e);
      }
      keys.add(new Key(cells[0].strip(), shape));
    }
    return new RegistryKeys(keys);
  }

  /**
   * These keys and others.
   *
   * @param more the other keys, such as a chart's own
   * @return both, these first
   */
  public RegistryKeys with(RegistryKeys more) {
    List<Key> all = new ArrayList<>(keys);
    all.addAll(more.keys);
    return new RegistryKeys(all);
  }

  /**
   * The keys, in table order.
   *
   * @return the keys, immutable
   */
  public List<Key> keys() {
    return keys;
  }

  private static RegistryKeys load() {
    try (InputStream in = RegistryKeys.class.getResourceAsStream("registry-keys.tsv")) {
      if (in == null) {
        throw new IllegalStateException("registry-keys.tsv is missing from the gitops-runtime-helm jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.gitopsruntime.helm.images;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where an image was found: the rendered object, the container (or data key) and the field. Immutable.
 *
 * @param kind the object's kind, such as {@code Deployment}
 * @param namespace the object's namespace as rendered, empty when the template leaves it to the release namespace or
 *     the object is cluster-scoped
 * @param name the object's name
 * @param container the container's name; for a ConfigMap, the data key
 * @param field {@code containers}, {@code initContainers}, {@code ephemeralContainers}, {@code args --flag} (an image
 *     passed as a container argument) or {@code data} (an image in a ConfigMap's data)
 * @param hook whether the object is a Helm hook (such as the chart's {@code validate-values} Job)
 */
public record ImagePlace(String kind, String namespace, String name, String container, String field, boolean hook)
    implements Comparable<ImagePlace> {
  private static final Comparator<ImagePlace> ORDER = Comparator.comparing(ImagePlace::kind)
      .thenComparing(ImagePlace::namespace).thenComparing(ImagePlace::name).thenComparing(ImagePlace::container)
      .thenComparing(ImagePlace::field);

  /**
   * Checks that no part is null.
   *
   * @param kind the kind
   * @param namespace the namespace, or empty
   * @param name the name
   * @param container the container or data key
   * @param field the field
   * @param hook whether the object is a hook
   */
  public ImagePlace {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(namespace, "namespace == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(container, "container == null");
    Objects.requireNonNull(field, "field == null");
  }

  @Override
  public int compareTo(ImagePlace other) {
    return ORDER.compare(this, other);
  }

  /** Such as {@code Deployment/argo-server container argo-server (containers)}. */
  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name + (field.equals("data") ? " key " : " container ")
        + container + " (" + field + (hook ? ", hook" : "") + ")";
  }
}

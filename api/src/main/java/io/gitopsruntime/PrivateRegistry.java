package io.gitopsruntime;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The private registry an installation pulls every image from, {@code HOST[:PORT][/PREFIX]}, with an optional image
 * pull Secret: an image {@code quay.io/codefresh/cap-app-proxy:1.4124.0} is pulled as
 * {@code HOST[/PREFIX]/codefresh/cap-app-proxy:1.4124.0}.
 *
 * <pre>{@code
 * RuntimeInstallation installation = RuntimeInstallation.builder()
 *     .privateRegistry(PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred"))
 *     .build();
 * }</pre>
 *
 * <p>Naming the registry is not enough by itself: its override values, which depend on the chart, are written into
 * the installation's values by {@code RegistryOverrides.applyTo(installation)} (module {@code gitops-runtime-helm});
 * until then validation reports {@code private-registry.not-applied} and the exports refuse the installation.
 * Immutable and thread-safe.
 */
@Value.Immutable
public abstract class PrivateRegistry implements WithPrivateRegistry {
  /** The option's name in messages. */
  static final String OPTION = "privateRegistry";

  private static final Pattern HOST = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
      + "(:[0-9]{1,5})?|\\[[0-9A-Fa-f:]+\\](:[0-9]{1,5})?");
  private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");
  private static final Pattern SECRET_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String EXAMPLE = " Use for example \"registry.example.com/mirror\".";

  /**
   * The registry, {@code HOST[:PORT][/PREFIX]}, without a trailing {@code /}.
   *
   * @return such as {@code registry.example.com/mirror}
   */
  @Value.Parameter
  public abstract String registry();

  /**
   * The image pull Secret each component that takes one is given: a Secret of type
   * {@code kubernetes.io/dockerconfigjson} in the release namespace.
   *
   * @return the Secret's name; empty for none (the nodes can pull from the registry without one)
   */
  public abstract Optional<String> pullSecret();

  /**
   * The host, with its port: the registry up to the first {@code /}.
   *
   * @return such as {@code registry.example.com} or {@code localhost:5000}
   */
  public final String host() {
    int slash = registry().indexOf('/');
    return slash < 0 ? registry() : registry().substring(0, slash);
  }

  /**
   * A private registry without a pull Secret; add one with {@link #withPullSecret(String)}.
   *
   * @param registry {@code HOST[:PORT][/PREFIX]}: no scheme, no spaces; the host has a {@code .} or a port or is
   *     {@code localhost} (container runtimes read anything else as a Docker Hub namespace)
   * @return the registry
   * @throws InvalidValuesException naming {@code privateRegistry} if it is not such a registry
   */
  public static PrivateRegistry of(String registry) {
    return ImmutablePrivateRegistry.of(registry);
  }

  @Value.Check
  final PrivateRegistry normalizeAndCheck() {
    String given = registry();
    String registry = given.strip();
    while (registry.endsWith("/")) {
      registry = registry.substring(0, registry.length() - 1);
    }
    if (!registry.equals(given)) {
      return ImmutablePrivateRegistry.copyOf(this).withRegistry(registry);
    }
    checkRegistry(registry);
    pullSecret().ifPresent(PrivateRegistry::checkPullSecret);
    return this;
  }

  private static void checkRegistry(String registry) {
    String quoted = "\"" + registry + "\"";
    String problem = null;
    if (registry.isEmpty()) {
      problem = "the private registry is empty.";
    } else if (registry.contains("://")) {
      problem = quoted + " is not HOST[/PREFIX]: it has a scheme; give the registry without "
          + registry.substring(0, registry.indexOf("://") + 3) + ".";
    } else if (registry.chars().anyMatch(Character::isWhitespace)) {
      problem = quoted + " is not HOST[/PREFIX]: it contains white space.";
    } else {
      String[] parts = registry.split("/", -1);
      String host = parts[0];
      if (!HOST.matcher(host).matches()) {
        problem = quoted + " is not HOST[/PREFIX]: \"" + host + "\" is not a host name with an optional port.";
      } else if (!host.contains(".") && !host.contains(":") && !host.equals("localhost")) {
        problem = quoted + " is not HOST[/PREFIX]: the host must contain a '.' or a port, or be localhost (otherwise"
            + " container runtimes read it as a Docker Hub namespace).";
      } else {
        for (int i = 1; i < parts.length && problem == null; i++) {
          if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
            problem = quoted + " is not HOST[/PREFIX]: the prefix \"" + registry.substring(host.length() + 1) + "\" must be"
                + " lower-case letters and digits, with '.', '_' or '-' between them, in parts separated by '/'.";
          }
        }
      }
    }
    if (problem != null) {
      throw new InvalidValuesException(OPTION, OPTION + ": " + problem + EXAMPLE);
    }
  }

  private static void checkPullSecret(String name) {
    if (name.isEmpty() || name.length() > 253 || !SECRET_NAME.matcher(name).matches()) {
      throw new InvalidValuesException(OPTION + ".pullSecret", OPTION + ".pullSecret: \"" + name + "\" is not a Secret"
          + " name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253"
          + " characters. Use for example \"regcred\".");
    }
  }
}

package io.gitopsruntime.cli;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.helm.images.RegistryOverrides;
import java.util.List;
import java.util.Optional;

/**
 * {@code --registry HOST[/PREFIX]} and {@code --pull-secret NAME}: the private registry of {@code plan},
 * {@code install} and {@code export}, whose override values (those {@code export registry-values} writes) are
 * applied to the installation before anything else uses it.
 */
final class RegistryOptions {
  static final Option REGISTRY = Option.value("HOST[/PREFIX]", "Pull every image from this private registry, such as"
      + " registry.example.com/mirror: its override values (those export registry-values writes) are layered over the"
      + " values; reads the chart to compute them.", "--registry");
  static final Option PULL_SECRET = Option.value("NAME", "With --registry: the image pull Secret (type"
      + " kubernetes.io/dockerconfigjson, in the release namespace) for every component that takes one.", "--pull-secret");
  static final List<Option> OPTIONS = List.of(REGISTRY, PULL_SECRET);

  private RegistryOptions() {}

  /** The private registry the options name; a usage error for a malformed one or a pull Secret without a registry. */
  static Optional<PrivateRegistry> from(Arguments arguments) {
    Optional<String> registry = arguments.value("--registry");
    if (registry.isEmpty()) {
      if (arguments.has("--pull-secret")) {
        throw new UsageException("--pull-secret goes with --registry HOST[/PREFIX], the private registry it is for.");
      }
      return Optional.empty();
    }
    try {
      PrivateRegistry named = PrivateRegistry.of(registry.get());
      Optional<String> secret = arguments.value("--pull-secret");
      return Optional.of(secret.isPresent() ? named.withPullSecret(secret.get()) : named);
    } catch (InvalidValuesException e) {
      String option = e.valuesPath().endsWith(".pullSecret") ? "--pull-secret" : "--registry";
      throw new UsageException(option + e.getMessage().substring(e.getMessage().indexOf(':')));
    }
  }

  /**
   * The input with the registry's override values applied to its installation, and the offline findings of the
   * result. Without a registry, or when the values have errors (the chart is rendered to compute the overrides), the
   * input and its findings as they are; with errors, the installation names the registry without its overrides, so
   * that the plan shows it and no export or install uses it.
   */
  static Input apply(Input in, List<io.gitopsruntime.validation.Finding> findings, Optional<PrivateRegistry> registry,
      boolean plainHttp) {
    if (registry.isEmpty() || !in.readable() || !in.namesValid()) {
      return in;
    }
    if (OfflineChecks.hasErrors(findings)) {
      return in.with(in.installation.toBuilder().privateRegistry(registry.get()).build());
    }
    try {
      return in.with(RegistryOverrides.builder().privateRegistry(registry.get()).plainHttp(plainHttp).build()
          .applyTo(in.installation));
    } catch (GitOpsRuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}

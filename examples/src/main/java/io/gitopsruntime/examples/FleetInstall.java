package io.gitopsruntime.examples;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.examples.FleetPlan.Cluster;
import io.gitopsruntime.examples.FleetPlan.Description;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.validation.ValidationException;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * An internal platform tool in miniature, the install half of {@link FleetPlan}: one description of a team's GitOps
 * Runtime is installed on every cluster of a fleet at once, each with its own runtime name and ingress host, one
 * installer per cluster; a cluster that fails does not stop the others, and a table sums up what happened.
 *
 * <pre>{@code
 * FleetInstall fleet = new FleetInstall(description, List.of(new Cluster("staging", Path.of("staging.kubeconfig")),
 *     new Cluster("prod-eu", Path.of("prod-eu.kubeconfig"))), FleetInstall.manifestInstallers(checks));
 * List<FleetInstall.Result> results = fleet.install();   // all clusters at once
 * System.out.print(fleet.table(results));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FleetInstall {
  private final Description description;
  private final List<Cluster> clusters;
  private final Function<Cluster, Installer> installers;

  /**
   * Why a cluster's install failed.
   *
   * @param kind what kind of failure: {@link FailureKind#VALIDATION} for values the checks rejected, the installer's
   *     kind for a failed install, {@link FailureKind#OTHER} for anything else (such as a kubeconfig that cannot be read)
   * @param message the whole explanation, with its fix
   */
  public record Failure(FailureKind kind, String message) {
    /** Checks that both are given. */
    public Failure {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(message, "message == null");
    }

    /**
     * The first line of the message, which says what failed.
     *
     * @return the line
     */
    public String firstLine() {
      return message.lines().findFirst().orElse("");
    }
  }

  /**
   * What happened on one cluster: the installer's result, or why it failed.
   *
   * @param cluster the cluster
   * @param runtimeName the runtime name on the cluster
   * @param installed the installer's result, when the install succeeded
   * @param failure why it failed, when it did
   * @param took how long the cluster took, from opening its installer to closing it
   */
  public record Result(Cluster cluster, String runtimeName, Optional<InstallResult> installed, Optional<Failure> failure,
      Duration took) {
    /**
     * Whether the runtime is installed, upgraded or was already up to date.
     *
     * @return true when the install succeeded
     */
    public boolean succeeded() {
      return installed.isPresent();
    }
  }

  /**
   * Prepares a fleet install; nothing runs until {@link #install()}.
   *
   * @param description what the runtimes share
   * @param clusters the clusters, in the order of the table
   * @param installers opens the installer for a cluster; each is closed after its cluster's install
   */
  public FleetInstall(Description description, List<Cluster> clusters, Function<Cluster, Installer> installers) {
    this.description = Objects.requireNonNull(description, "description == null");
    this.clusters = List.copyOf(clusters);
    this.installers = Objects.requireNonNull(installers, "installers == null");
  }

  /**
   * One {@link ManifestInstaller} per cluster, connected through the cluster's kubeconfig and context, which
   * validates with these checks before it changes anything.
   *
   * @param checks the validators, for example {@code Validators.offline()} and {@code Validators.cluster()}
   * @return the installer factory for {@link #FleetInstall}
   */
  public static Function<Cluster, Installer> manifestInstallers(ValidatorChain checks) {
    Objects.requireNonNull(checks, "checks == null");
    return cluster -> {
      ManifestInstaller.Builder builder = ManifestInstaller.builder().validators(checks);
      cluster.kubeconfig().ifPresent(builder::kubeconfig);
      cluster.kubeContext().ifPresent(builder::kubeContext);
      return builder.build();
    };
  }

  /**
   * Installs (or upgrades) the runtime on every cluster at once, at most eight at a time, and waits for all of them.
   *
   * @return one result per cluster, in the fleet's order
   */
  public List<Result> install() {
    try {
      return ParallelTasks.eachOf(clusters, "fleet-install-", this::install);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing the fleet; the installs still running were stopped.",
          e);
    } catch (ExecutionException e) {
      // install(Cluster) turns every exception into a result
      throw new IllegalStateException("Installing the fleet failed: " + e.getCause(), e.getCause());
    }
  }

  private Result install(Cluster cluster) {
    String runtimeName = description.runtimeName(cluster);
    long start = System.nanoTime();
    try {
      RuntimeInstallation installation = description.installationFor(cluster);
      try (Installer installer = installers.apply(cluster)) {
        InstallResult installed = installer.install(installation);
        return new Result(cluster, runtimeName, Optional.of(installed), Optional.empty(), since(start));
      }
    } catch (InstallException e) {
      return failed(cluster, runtimeName, e.failure(), e.getMessage(), start);
    } catch (ValidationException | InvalidValuesException e) {
      return failed(cluster, runtimeName, FailureKind.VALIDATION, e.getMessage(), start);
    } catch (GitOpsRuntimeException e) {
      return failed(cluster, runtimeName, FailureKind.OTHER, e.getMessage(), start);
    } catch (RuntimeException e) {
      // one cluster's surprise must not cost the others their results
      return failed(cluster, runtimeName, FailureKind.OTHER, "Unexpected " + e, start);
    }
  }

  private static Result failed(Cluster cluster, String runtimeName, FailureKind kind, String message, long start) {
    return new Result(cluster, runtimeName, Optional.empty(), Optional.of(new Failure(kind, message)), since(start));
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * The results as a table, one line per cluster (the outcome, revision and time, or the failure's kind and first
   * line), followed by the whole explanation of every failure.
   *
   * @param results the results of {@link #install()}
   * @return the table, ending with a newline
   */
  public String table(List<Result> results) {
    TextTable table = new TextTable("CLUSTER", "RUNTIME", "INGRESS HOST", "OUTCOME", "REVISION", "TOOK", "FAILURE");
    for (Result result : results) {
      table.row(
          result.cluster().name(),
          result.runtimeName(),
          description.ingressHost(result.cluster()),
          result.installed().map(r -> r.outcome().name().toLowerCase(Locale.ROOT)).orElse("FAILED"),
          result.installed().map(r -> String.valueOf(r.revision())).orElse("-"),
          String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0),
          result.failure().map(f -> kind(f.kind()) + ": " + f.firstLine()).orElse(""));
    }
    StringBuilder out = new StringBuilder(table.toString());
    for (Result result : results) {
      result.failure().ifPresent(failure -> out.append('\n').append(result.cluster().name()).append(" (")
          .append(kind(failure.kind())).append("):\n").append(failure.message().strip().indent(2)));
    }
    return out.toString();
  }

  private static String kind(FailureKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * Installs the payments team's runtime on the clusters given as arguments, each {@code NAME} (a context of the
   * default kubeconfig) or {@code NAME=KUBECONFIG}, with the checks that need no access to the Codefresh platform, and
   * prints the table; exit code 1 when a cluster failed.
   *
   * <pre>FleetInstall [--chart REF] NAME[=KUBECONFIG]...</pre>
   *
   * @param args the clusters
   */
  public static void main(String... args) {
    List<String> arguments = new ArrayList<>(List.of(args));
    String chart = RuntimeInstallation.DEFAULT_CHART;
    int at = arguments.indexOf("--chart");
    if (at >= 0 && at < arguments.size() - 1) {
      chart = arguments.remove(at + 1);
      arguments.remove(at);
    }
    if (arguments.isEmpty() || arguments.stream().anyMatch(a -> a.startsWith("-"))) {
      System.err.println("usage: FleetInstall [--chart REF] NAME[=KUBECONFIG]...");
      System.exit(2);
    }
    List<Cluster> clusters = new ArrayList<>();
    for (String argument : arguments) {
      int eq = argument.indexOf('=');
      clusters.add(eq < 0 ? new Cluster(argument, argument)
          : new Cluster(argument.substring(0, eq), Path.of(argument.substring(eq + 1))));
    }
    Description payments = new Description("payments", "628a80b693a15c0f9c13ab75",
        SecretValue.fromSecret("codefresh-user-token", "token"), "runtimes.example.com", "nginx", chart, "0.30.0");
    ValidatorChain checks = ValidatorChain.builder()
        .addAll(Validators.offline())
        .addAll(Validators.cluster())
        .add(new TeamPrefixValidator("payments-"))
        .build();

    FleetInstall fleet = new FleetInstall(payments, clusters, manifestInstallers(checks));
    List<Result> results = fleet.install();
    System.out.print(fleet.table(results));
    System.exit(results.stream().allMatch(Result::succeeded) ? 0 : 1);
  }
}

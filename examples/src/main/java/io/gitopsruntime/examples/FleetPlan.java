package io.gitopsruntime.examples;

import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * An internal platform tool in miniature: one description of a team's GitOps Runtime becomes one
 * installation per cluster, each with its own runtime name and ingress host; all are validated at once
 * and summed up in a table.
 *
 * <pre>{@code
 * FleetPlan plan = new FleetPlan(description, List.of(new Cluster("staging", "staging-admin"),
 *     new Cluster("prod-eu", "prod-eu-admin")), chain);
 * List<FleetPlan.Result> results = plan.validate();
 * System.out.print(plan.table(results));
 * }</pre>
 *
 * <p>{@link FleetInstall} installs the same description on the same clusters.
 *
 * <p>Immutable and thread-safe.
 */
public final class FleetPlan {
  private final Description description;
  private final List<Cluster> clusters;
  private final ValidatorChain chain;

  /**
   * A cluster of the fleet, and how an installer reaches it.
   *
   * @param name the short name the runtime name and ingress host are made from, such as {@code prod-eu}
   * @param kubeconfig the kubeconfig file, or empty for the default one ({@code KUBECONFIG}, then
   *     {@code ~/.kube/config})
   * @param kubeContext the context of that kubeconfig, or empty for its current context
   */
  public record Cluster(String name, Optional<Path> kubeconfig, Optional<String> kubeContext) {
    /** Checks that everything is given. */
    public Cluster {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(kubeconfig, "kubeconfig == null");
      Objects.requireNonNull(kubeContext, "kubeContext == null");
    }

    /**
     * A cluster reached through a context of the default kubeconfig.
     *
     * @param name the short name
     * @param kubeContext the context
     */
    public Cluster(String name, String kubeContext) {
      this(name, Optional.empty(), Optional.of(kubeContext));
    }

    /**
     * A cluster reached through the current context of a kubeconfig file of its own.
     *
     * @param name the short name
     * @param kubeconfig the kubeconfig file
     */
    public Cluster(String name, Path kubeconfig) {
      this(name, Optional.of(kubeconfig), Optional.empty());
    }
  }

  /**
   * What all of a team's runtimes share, and how a cluster's runtime follows from it.
   *
   * @param team the team, which starts every runtime name
   * @param accountId the Codefresh account ID
   * @param apiKey the Codefresh API key, best a reference to a Secret in each cluster
   * @param ingressDomain the domain each cluster's ingress host is under
   * @param ingressClass the IngressClass every cluster has
   * @param chart the chart every cluster installs, such as {@link RuntimeInstallation#DEFAULT_CHART} or a mirror of it
   * @param chartVersion the chart version every cluster runs
   */
  public record Description(String team, String accountId, SecretValue apiKey, String ingressDomain,
      String ingressClass, String chart, String chartVersion) {

    /**
     * The runtime name on a cluster: {@code <team>-<cluster>}.
     *
     * @param cluster the cluster
     * @return the runtime name
     */
    public String runtimeName(Cluster cluster) {
      return team + "-" + cluster.name();
    }

    /**
     * The ingress host on a cluster: {@code <cluster>.<ingressDomain>}.
     *
     * @param cluster the cluster
     * @return the host name
     */
    public String ingressHost(Cluster cluster) {
      return cluster.name() + "." + ingressDomain;
    }

    /**
     * The installation on a cluster.
     *
     * @param cluster the cluster
     * @return the installation
     * @throws io.gitopsruntime.InvalidValuesException if the description itself is malformed
     */
    public RuntimeInstallation installationFor(Cluster cluster) {
      return RuntimeInstallation.builder()
          .runtimeName(runtimeName(cluster))
          .accountId(accountId)
          .userToken(apiKey)
          .ingress(ingressHost(cluster), ingressClass)
          .chart(chart)
          .chartVersion(chartVersion)
          .build();
    }
  }

  /**
   * What validation said about one cluster.
   *
   * @param cluster the cluster
   * @param installation the installation, or empty when its runtime name is not even well-formed
   * @param report every finding
   */
  public record Result(Cluster cluster, Optional<RuntimeInstallation> installation, ValidationReport report) {
    /**
     * Whether the cluster may be installed.
     *
     * @return true when there is an installation and no error
     */
    public boolean ready() {
      return installation.isPresent() && !report.hasErrors();
    }
  }

  /**
   * Plans a fleet.
   *
   * @param description what the runtimes share
   * @param clusters the clusters, in the order of the table
   * @param chain the validators every installation goes through
   */
  public FleetPlan(Description description, List<Cluster> clusters, ValidatorChain chain) {
    this.description = Objects.requireNonNull(description, "description == null");
    this.clusters = List.copyOf(clusters);
    this.chain = Objects.requireNonNull(chain, "chain == null");
  }

  /**
   * Validates every cluster's installation offline, all clusters at once.
   *
   * @return one result per cluster, in the fleet's order
   * @throws io.gitopsruntime.InvalidValuesException if the description is malformed for every cluster (such as a
   *     bad chart version)
   */
  public List<Result> validate() {
    try {
      return ParallelTasks.eachOf(clusters, "fleet-plan-", this::validate);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while validating the fleet.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException("Validating the fleet failed: " + e.getCause(), e.getCause());
    }
  }

  private Result validate(Cluster cluster) {
    // a cluster name that makes a malformed runtime name is that cluster's problem, not the fleet's
    Optional<Finding> badName = NameRules.checkRuntimeName(description.runtimeName(cluster));
    if (badName.isPresent()) {
      return new Result(cluster, Optional.empty(), ValidationReport.of(List.of(badName.get())));
    }
    RuntimeInstallation installation = description.installationFor(cluster);
    ValidationReport report = chain.validate(ValidationContext.builder(installation).offline(true).build());
    return new Result(cluster, Optional.of(installation), report);
  }

  /**
   * The results as a table, one line per cluster, followed by every ERROR and WARNING.
   *
   * @param results the results of {@link #validate()}
   * @return the table, ending with a newline
   */
  public String table(List<Result> results) {
    TextTable table = new TextTable("CLUSTER", "RUNTIME", "INGRESS HOST", "ERRORS", "WARNINGS", "STATUS");
    for (Result result : results) {
      table.row(
          result.cluster().name(),
          description.runtimeName(result.cluster()),
          description.ingressHost(result.cluster()),
          String.valueOf(result.report().errors().size()),
          String.valueOf(result.report().warnings().size()),
          result.ready() ? "ready" : "blocked");
    }
    StringBuilder out = new StringBuilder(table.toString());
    for (Result result : results) {
      List<Finding> problems = new ArrayList<>(result.report().errors());
      problems.addAll(result.report().warnings());
      for (Finding problem : problems) {
        out.append(result.cluster().name()).append(": ").append(problem).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Plans the payments team's runtimes on the clusters named as arguments ({@code staging prod-eu prod-us}
   * when none are given) and prints the table; exit code 1 when a cluster is blocked.
   *
   * @param args cluster names
   */
  public static void main(String... args) {
    List<String> names = args.length > 0 ? Arrays.asList(args) : List.of("staging", "prod-eu", "prod-us");
    List<Cluster> clusters = names.stream().map(name -> new Cluster(name, name + "-admin")).toList();
    Description payments = new Description("payments", "628a80b693a15c0f9c13ab75",
        SecretValue.fromSecret("codefresh-user-token", "token"), "runtimes.example.com", "nginx",
        RuntimeInstallation.DEFAULT_CHART, "0.30.0");
    ValidatorChain chain = ValidatorChain.builder()
        .addAll(Validators.offline())
        .add(new TeamPrefixValidator("payments-"))
        .build();

    FleetPlan plan = new FleetPlan(payments, clusters, chain);
    List<Result> results = plan.validate();
    System.out.print(plan.table(results));
    System.exit(results.stream().allMatch(Result::ready) ? 0 : 1);
  }
}

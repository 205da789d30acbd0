package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.examples.FleetInstall.Result;
import io.gitopsruntime.examples.FleetPlan.Cluster;
import io.gitopsruntime.examples.FleetPlan.Description;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FleetInstall with the manifest installer against several in-process API servers at once. */
class FleetInstallTest {
  private static final String HOOK_LOG = "user \"jane\" does not have Admin role in account \"acme\"";
  private static final ValidatorChain CHECKS = ValidatorChain.builder()
      .addAll(Validators.offline())
      .addAll(Validators.cluster())
      .add(new TeamPrefixValidator("payments-"))
      .build();

  @TempDir Path dir;
  private final List<KubernetesTestServer> servers = new ArrayList<>();

  @AfterEach
  void stopTheServers() {
    servers.forEach(KubernetesTestServer::close);
  }

  private Description payments() {
    return new Description("payments", "628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"),
        "runtimes.example.com", "nginx", TestChart.writeTo(dir).toString(), TestChart.VERSION);
  }

  /** A cluster of its own, prepared as the platform team prepares one: the API key's Secret and the IngressClass. */
  private KubernetesTestServer server() {
    KubernetesTestServer server = KubernetesTestServer.builder().namespace("codefresh").start();
    servers.add(server);
    KubernetesClient client = server.client();
    client.secrets().inNamespace("codefresh").resource(new SecretBuilder().withNewMetadata()
        .withName("codefresh-user-token").endMetadata().addToStringData("token", "cf-api-key").build()).create();
    client.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("nginx")
        .endMetadata().withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build()).create();
    return server;
  }

  private Cluster cluster(String name, KubernetesTestServer server) {
    return new Cluster(name, server.writeKubeconfig(dir.resolve(name + ".kubeconfig")));
  }

  /** The table with each time replaced by {@code <t>}, as times differ from run to run. */
  private static String withoutTimes(String table) {
    return table.replaceAll("TOOK +", "TOOK ").replaceAll("\\d+\\.\\d s( +|\n)", "<t> $1").replaceAll(" +(\n|$)", "$1")
        .replaceAll("<t>  +", "<t> ");
  }

  @Nested
  class OnSeveralClusters {
    @Test
    void installsOnEveryClusterAtOnceAndAFailedHookStopsOnlyItsCluster() {
      KubernetesTestServer staging = server();
      KubernetesTestServer prodEu = server();
      KubernetesTestServer prodUs = server().failJob("validate-values", HOOK_LOG);
      // every install waits in validation until all three have started: this passes only if they run at the same time
      CountDownLatch allStarted = new CountDownLatch(3);
      ValidatorChain checks = CHECKS.toBuilder().add(Validator.of("test.wait-for-the-others", context -> {
        allStarted.countDown();
        try {
          if (!allStarted.await(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clusters were installed one after the other");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of();
      })).build();
      FleetInstall fleet = new FleetInstall(payments(),
          List.of(cluster("staging", staging), cluster("prod-eu", prodEu), cluster("prod-us", prodUs)),
          FleetInstall.manifestInstallers(checks));

      List<Result> results = fleet.install();

      assertThat(results).extracting(Result::succeeded).containsExactly(true, true, false);
      assertThat(results.get(2).failure()).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.HOOK_FAILED));
      assertThat(withoutTimes(fleet.table(results))).isEqualTo(""
          + "CLUSTER  RUNTIME           INGRESS HOST                  OUTCOME    REVISION  TOOK FAILURE\n"
          + "staging  payments-staging  staging.runtimes.example.com  installed  1         <t>\n"
          + "prod-eu  payments-prod-eu  prod-eu.runtimes.example.com  installed  1         <t>\n"
          + "prod-us  payments-prod-us  prod-us.runtimes.example.com  FAILED     -         <t> hook failed: The pre-install"
          + " hook Job/codefresh/validate-values failed (BackoffLimitExceeded: Job has reached the specified backoff"
          + " limit). Its log:\n"
          + "\n"
          + "prod-us (hook failed):\n"
          + "  The pre-install hook Job/codefresh/validate-values failed (BackoffLimitExceeded: Job has reached the"
          + " specified backoff limit). Its log:\n"
          + "      " + HOOK_LOG + "\n"
          + "  Fix what the log says (for validate-values: the values it names), then install again; the same log is in"
          + " `kubectl logs job/validate-values -n codefresh` until the Job is deleted.\n");
      assertThat(staging.client().configMaps().inNamespace("codefresh").withName("codefresh-cm").get().getData())
          .containsEntry("runtime", "payments-staging")
          .containsEntry("ingressHost", "https://staging.runtimes.example.com");
      assertThat(prodEu.client().network().v1().ingresses().inNamespace("codefresh").list().getItems())
          .flatExtracting(ingress -> ingress.getSpec().getRules()).extracting(rule -> rule.getHost())
          .containsOnly("prod-eu.runtimes.example.com");
      assertThat(prodUs.client().apps().deployments().inNamespace("codefresh").list().getItems()).isEmpty();

      // the platform team fixes prod-us; the next run installs it and leaves the others as they are
      prodUs.clearJobFailures();
      List<Result> again = fleet.install();

      assertThat(again).extracting(r -> r.installed().map(i -> i.outcome()).orElse(null))
          .containsExactly(InstallOutcome.UNCHANGED, InstallOutcome.UNCHANGED, InstallOutcome.INSTALLED);
      assertThat(withoutTimes(fleet.table(again))).isEqualTo(""
          + "CLUSTER  RUNTIME           INGRESS HOST                  OUTCOME    REVISION  TOOK FAILURE\n"
          + "staging  payments-staging  staging.runtimes.example.com  unchanged  1         <t>\n"
          + "prod-eu  payments-prod-eu  prod-eu.runtimes.example.com  unchanged  1         <t>\n"
          // revision 1 is the failed attempt, as Helm counts it
          + "prod-us  payments-prod-us  prod-us.runtimes.example.com  installed  2         <t>\n");
    }

    @Test
    void reportsAClusterItCannotReachAndAClusterNameThatMakesNoRuntimeNameInTheirRows() {
      KubernetesTestServer staging = server();
      FleetInstall fleet = new FleetInstall(payments(), List.of(cluster("staging", staging),
          new Cluster("prod-eu", dir.resolve("prod-eu.kubeconfig")), new Cluster("EU_West", "eu-west-admin")),
          FleetInstall.manifestInstallers(CHECKS));

      List<Result> results = fleet.install();

      assertThat(results).extracting(Result::succeeded).containsExactly(true, false, false);
      assertThat(withoutTimes(fleet.table(results))).isEqualTo(""
          + "CLUSTER  RUNTIME           INGRESS HOST                  OUTCOME    REVISION  TOOK FAILURE\n"
          + "staging  payments-staging  staging.runtimes.example.com  installed  1         <t>\n"
          + "prod-eu  payments-prod-eu  prod-eu.runtimes.example.com  FAILED     -         <t> other: The kubeconfig "
          + dir.resolve("prod-eu.kubeconfig") + " does not exist. Check the path.\n"
          + "EU_West  payments-EU_West  EU_West.runtimes.example.com  FAILED     -         <t> validation:"
          + " global.runtime.name: \"payments-EU_West\" is not a valid runtime name: it must start with a lower-case"
          + " letter and contain only lower-case letters, digits and '-', at most 38 characters. Use for example"
          + " \"payments-eu-west\".\n"
          + "\n"
          + "prod-eu (other):\n"
          + "  The kubeconfig " + dir.resolve("prod-eu.kubeconfig") + " does not exist. Check the path.\n"
          + "\n"
          + "EU_West (validation):\n"
          + "  global.runtime.name: \"payments-EU_West\" is not a valid runtime name: it must start with a lower-case"
          + " letter and contain only lower-case letters, digits and '-', at most 38 characters. Use for example"
          + " \"payments-eu-west\".\n");
      assertThat(staging.client().apps().deployments().inNamespace("codefresh").list().getItems()).isNotEmpty();
    }
  }
}

package io.gitopsruntime.examples;

import static io.gitopsruntime.testing.GitOpsRuntimeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.examples.FleetPlan.Cluster;
import io.gitopsruntime.examples.FleetPlan.Description;
import io.gitopsruntime.examples.FleetPlan.Result;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FleetPlanTest {
  private static final Description PAYMENTS = new Description("payments", "628a80b693a15c0f9c13ab75",
      SecretValue.fromSecret("codefresh-user-token", "token"), "runtimes.example.com", "nginx",
      "oci://registry.example.com/mirror/gitops-runtime", "0.30.0");
  private static final ValidatorChain CHAIN = ValidatorChain.builder()
      .addAll(Validators.offline())
      .add(new TeamPrefixValidator("payments-"))
      .build();

  private static List<Cluster> clusters(String... names) {
    return java.util.Arrays.stream(names).map(name -> new Cluster(name, name + "-admin")).toList();
  }

  @Nested
  class Describing {
    @Test
    void givesEachClusterItsOwnRuntimeNameAndIngressHost() {
      RuntimeInstallation installation = PAYMENTS.installationFor(new Cluster("prod-eu", "prod-eu-admin"));

      assertThat(installation)
          .hasRuntimeName("payments-prod-eu")
          .hasAccessMode(AccessModeKind.INGRESS)
          .hasChartVersion("0.30.0");
      assertThat(installation.chart()).isEqualTo("oci://registry.example.com/mirror/gitops-runtime");
      assertThat(installation.values())
          .hasValueAt("global.runtime.ingress.hosts[0]", "prod-eu.runtimes.example.com")
          .hasValueAt("global.runtime.ingress.className", "nginx")
          .hasValueAt("global.codefresh.userToken.secretKeyRef.name", "codefresh-user-token");
    }
  }

  @Nested
  class Reaching {
    @Test
    void reachesAClusterThroughAContextOfTheDefaultKubeconfig() {
      Cluster cluster = new Cluster("prod-eu", "prod-eu-admin");

      assertThat(cluster.kubeconfig()).isEmpty();
      assertThat(cluster.kubeContext()).contains("prod-eu-admin");
    }

    @Test
    void reachesAClusterThroughTheCurrentContextOfItsOwnKubeconfig() {
      Cluster cluster = new Cluster("prod-eu", Path.of("prod-eu.kubeconfig"));

      assertThat(cluster.kubeconfig()).contains(Path.of("prod-eu.kubeconfig"));
      assertThat(cluster.kubeContext()).isEmpty();
    }
  }

  @Nested
  class Validating {
    @Test
    void summarizesEveryClusterInATable() {
      FleetPlan plan = new FleetPlan(PAYMENTS, clusters("staging", "prod-eu"), CHAIN);

      List<Result> results = plan.validate();

      assertThat(results).allMatch(Result::ready);
      assertThat(plan.table(results)).isEqualTo(""
          + "CLUSTER  RUNTIME           INGRESS HOST                  ERRORS  WARNINGS  STATUS\n"
          + "staging  payments-staging  staging.runtimes.example.com  0       0         ready\n"
          + "prod-eu  payments-prod-eu  prod-eu.runtimes.example.com  0       0         ready\n");
    }

    @Test
    void blocksOnlyTheClusterWhoseNameMakesAnInvalidRuntimeName() {
      FleetPlan plan = new FleetPlan(PAYMENTS, clusters("staging", "EU_West"), CHAIN);

      List<Result> results = plan.validate();

      assertThat(results).extracting(Result::ready).containsExactly(true, false);
      assertThat(results.get(1).installation()).isEmpty();
      assertThat(results.get(1).report()).hasErrorAt("global.runtime.name");
      assertThat(plan.table(results)).isEqualTo(""
          + "CLUSTER  RUNTIME           INGRESS HOST                  ERRORS  WARNINGS  STATUS\n"
          + "staging  payments-staging  staging.runtimes.example.com  0       0         ready\n"
          + "EU_West  payments-EU_West  EU_West.runtimes.example.com  1       0         blocked\n"
          + "EU_West: ERROR [runtime-name.format] global.runtime.name: \"payments-EU_West\" is not a valid runtime"
          + " name: it must start with a lower-case letter and contain only lower-case letters, digits and '-', at"
          + " most 38 characters. Use for example \"payments-eu-west\".\n");
    }

    @Test
    void validatesTheClustersConcurrently() {
      // every validation waits until all three have started: this passes only if they run at the same time
      CountDownLatch allStarted = new CountDownLatch(3);
      Validator waitForTheOthers = Validator.of("test.wait-for-the-others", context -> {
        allStarted.countDown();
        try {
          if (!allStarted.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clusters were validated one after the other");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of();
      });
      ValidatorChain chain = ValidatorChain.builder().add(waitForTheOthers).build();

      List<Result> results = new FleetPlan(PAYMENTS, clusters("staging", "prod-eu", "prod-us"), chain).validate();

      assertThat(results).allSatisfy(result -> assertThat(result.report()).hasNoErrors());
    }
  }
}

package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.DeprecatedKeysValidator.StaleKey;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key {@link DeprecatedKeysValidator} calls unread is proven so with real Helm: a test chart in the real
 * chart's shape ({@code charts/runtime-shape}: a parent and an argo-cd-like subchart, per chart-reference.md)
 * renders the same with and without it. A key called deprecated but still honoured renders differently, and so
 * does {@code global.imagePullSecrets}, which reaches the argo-cd subchart through {@code global} and therefore
 * must not be called unread.
 */
class StaleKeysHelmTest {
  private static final String BASE = "global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n"
      + "    userToken: {token: dummy}\n  runtime:\n    name: test-runtime1\n";
  private static final String IMAGE_PULL_SECRETS = "global:\n  imagePullSecrets:\n    - name: dockerhub-creds\n";

  /** A values file that sets each stale key as older charts, the README or the CI files do. */
  private static final Map<StaleKey, String> SETS = new EnumMap<>(StaleKey.class);

  static {
    SETS.put(StaleKey.EXTERNAL_ARGO_CD, "global:\n  external-argo-cd:\n    server: {svc: argocd-server, port: 443}\n"
        + "    auth: {type: token, token: t}\n");
    SETS.put(StaleKey.EXTERNAL_ARGO_ROLLOUTS, "global:\n  external-argo-rollouts:\n    rollout-reporter: {enabled: true}\n");
    SETS.put(StaleKey.ARGO_ROLLOUTS, "argo-rollouts:\n  enabled: true\n  installCRDs: true\n");
    SETS.put(StaleKey.ARGO_EVENTS, "argo-events:\n  enabled: true\n  crds: {install: true}\n");
    SETS.put(StaleKey.CF_ARGOCD_EXTRAS, "cf-argocd-extras:\n  sourcesServer: {enabled: true}\n");
    SETS.put(StaleKey.WORKFLOW_REPORTER, "event-reporters:\n  workflow:\n    sensor: {enabled: true}\n"
        + "    env: {A: b}\n");
    SETS.put(StaleKey.GARAGE, "garage-workflows-artifact-storage:\n  enabled: true\n");
    SETS.put(StaleKey.REPO_CREDENTIALS_TEMPLATE, "global:\n  runtime:\n    repoCredentialsTemplate:\n"
        + "      url: https://github.com\n      username: u\n      password: p\n");
    SETS.put(StaleKey.ARGO_CD_USERNAME, "app-proxy:\n  config:\n    argoCdUsername: legacy-admin\n");
    SETS.put(StaleKey.IS_EXTERNAL_ARGO_CD, "global:\n  runtime:\n    isExternalArgoCD: true\n");
    SETS.put(StaleKey.API_EVENTS_PATH, "global:\n  codefresh:\n    apiEventsPath: /3.0/api/events\n");
  }

  private final TestAssets assets = TestAssets.fromEnvironment();

  @TempDir
  Path dir;

  private static List<Finding> validate(String yaml) {
    RuntimeInstallation installation = RuntimeInstallation.builder()
        .values(ValuesYaml.parse(yaml, "key.yaml").values()).build();
    return new DeprecatedKeysValidator().validate(Fixtures.context(installation));
  }

  @Test
  void everyStaleKeyHasAValuesFileToProveItWith() {
    assertThat(SETS.keySet()).containsExactlyInAnyOrder(StaleKey.values());
  }

  @Test
  void theValidatorReportsEachOfThoseFilesAndNotGlobalImagePullSecrets() {
    for (Map.Entry<StaleKey, String> set : SETS.entrySet()) {
      assertThat(validate(set.getValue())).as(set.getKey().name()).extracting(Finding::path)
          .containsExactly(set.getKey().path());
    }
    assertThat(validate(IMAGE_PULL_SECRETS)).isEmpty();
  }

  @Test
  void keysCalledUnreadRenderTheSameAndTheOthersDoNot() throws Exception {
    List<Path> helms = new ArrayList<>();
    assets.helm3().ifPresent(helms::add);
    assets.helm4().ifPresent(helms::add);
    assumeTrue(!helms.isEmpty(), assets.skipMessage());

    List<String> candidates = new ArrayList<>(SETS.values());
    candidates.add(IMAGE_PULL_SECRETS);
    for (Path helm : helms) {
      String without = render(helm, null);
      for (String candidate : candidates) {
        List<Finding> findings = validate(candidate);
        if (findings.isEmpty()) {
          continue;
        }
        Finding finding = findings.get(0);
        String with = render(helm, candidate);
        if (calledRead(finding)) {
          assertThat(with).as("%s with %s, which the validator says is still read", helm.getFileName(),
              finding.path()).isNotEqualTo(without);
        } else {
          assertThat(with).as("%s with %s, which the validator says is not read", helm.getFileName(),
              finding.path()).isEqualTo(without);
        }
      }
      String withPullSecrets = render(helm, IMAGE_PULL_SECRETS);
      assertThat(withPullSecrets).as("%s with global.imagePullSecrets", helm.getFileName()).isNotEqualTo(without);
      assertThat(withPullSecrets.split("dockerhub-creds", -1)).as("argo-cd's server and repo-server").hasSize(3);
    }
  }

  @Test
  void onlyTheArgoCdUserNameIsCalledDeprecatedButStillRead() {
    List<String> read = new ArrayList<>();
    for (String yaml : SETS.values()) {
      Finding finding = validate(yaml).get(0);
      if (calledRead(finding)) {
        read.add(finding.path());
      }
    }
    assertThat(read).containsExactly(StaleKey.ARGO_CD_USERNAME.path());
  }

  private static boolean calledRead(Finding finding) {
    return !finding.message().contains(" not read") && !finding.message().contains(" no longer read")
        && !finding.message().contains(" is ignored");
  }

  private String render(Path helm, String extraValues) throws IOException, InterruptedException, URISyntaxException {
    Path chart = Path.of(StaleKeysHelmTest.class.getResource("/charts/runtime-shape").toURI());
    Path base = dir.resolve("base.yaml");
    Files.writeString(base, BASE, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(helm.toString(), "template", "cf-gitops-runtime", chart.toString(),
        "--namespace", "codefresh", "-f", base.toString()));
    if (extraValues != null) {
      Path extra = Files.createTempFile(dir, "key", ".yaml");
      Files.writeString(extra, extraValues, StandardCharsets.UTF_8);
      command.add("-f");
      command.add(extra.toString());
    }
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("HELM_CACHE_HOME", dir.resolve("helm-cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", dir.resolve("helm-config").toString());
    builder.environment().put("HELM_DATA_HOME", dir.resolve("helm-data").toString());
    Process process = builder.start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("helm template finished").isTrue();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).as("%s: %s", command, Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}

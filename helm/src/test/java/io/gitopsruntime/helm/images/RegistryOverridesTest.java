package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegistryOverridesTest {
  static final String MIRROR = "registry.example.com:5000/mirror/gitops";
  /** The images test chart's keys that the real chart does not have. */
  static final RegistryKeys TEST_CHART_KEYS = RegistryKeys.parse("""
      # the test chart's own keys
      event-reporters.image\timage-map
      cleanup.image\timage
      debugTools.image\timage
      debugTools.sidecar\timage
      """);

  static RuntimeInstallation installation(String mode) {
    RuntimeInstallation base = ImagesChart.installation("");
    return switch (mode) {
      case "ingress" -> RuntimeInstallation.builder().from(base).ingress("runtime.example.com", "nginx").build();
      case "service mesh" -> RuntimeInstallation.builder().from(base).serviceMesh("https://gitops.example.com").build();
      default -> base;
    };
  }

  static RegistryOverrides overrides() {
    return RegistryOverrides.builder().registry(MIRROR).pullSecret("mirror-pull")
        .keys(RegistryKeys.standard().with(TEST_CHART_KEYS)).build();
  }

  static RuntimeInstallation layered(RuntimeInstallation installation, ValuesTree overrides) {
    return RuntimeInstallation.builder().from(installation).values(ValuesTree.of(installation.values(), SecretHandling.REVEAL)
        .overriddenBy(overrides).toValues().valuesOrThrow()).build();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"tunnel", "ingress", "service mesh"})
  void everyImageMovesToThePrivateRegistryKeepingItsRepositoryTagAndDigest(String mode) {
    RuntimeInstallation installation = installation(mode);
    RegistryOverrides overrides = overrides();
    List<ImageRef> before = RuntimeImages.builder().build().of(installation);

    List<ImageRef> after = RuntimeImages.builder().build().of(layered(installation, overrides.of(installation)));

    assertThat(after).extracting(ImageRef::reference)
        .containsExactlyInAnyOrderElementsOf(before.stream().map(i -> overrides.mirrorOf(i.reference())).toList())
        .allSatisfy(reference -> assertThat(reference).startsWith(MIRROR + "/"))
        .contains(MIRROR + "/argoproj/argoexec:v3.7.2", MIRROR + "/codefresh/gitops-runtime-installer:0.30.0",
            MIRROR + "/tools/debug@" + RuntimeImagesTest.DIGEST, MIRROR + "/sidecar:latest",
            MIRROR + "/oliver006/redis_exporter:latest");
    assertThat(after).hasSameSizeAs(before);
  }

  @Test
  void appliesTheSameOverridesToTheInstallationsValuesOnceOnly() {
    RuntimeInstallation installation = installation("ingress");
    RegistryOverrides overrides = overrides();

    RuntimeInstallation applied = overrides.applyTo(installation);

    assertThat(applied.privateRegistry()).contains(PrivateRegistry.of(MIRROR).withPullSecret("mirror-pull"));
    assertThat(applied.privateRegistryApplied()).isTrue();
    assertThat(applied.values()).isEqualTo(layered(installation, overrides.of(installation)).values());
    assertThat(overrides.applyTo(applied).values()).isEqualTo(applied.values());
    assertThat(RegistryOverrides.apply(applied)).isSameAs(applied);
    assertThat(RegistryOverrides.apply(installation)).isSameAs(installation);
  }

  @Test
  void everyExportCarriesTheAppliedOverridesAndRefusesAnInstallationWithoutThem() {
    RuntimeInstallation installation = installation("ingress");
    RuntimeInstallation applied = overrides().applyTo(installation);

    assertThat(Exports.helmCommand(applied, SecretHandling.MASK))
        .contains("argo-cd.global.image.repository=" + MIRROR + "/argoproj/argocd")
        .contains("global.imagePullSecrets[0].name=mirror-pull");
    assertThat(Exports.terraform(applied)).contains(MIRROR + "/codefresh/frpc");
    assertThat(Exports.argoCdApplication(RuntimeInstallation.builder().from(applied).chart("oci://quay.io/codefresh/gitops-runtime")
        .build().withPrivateRegistryApplied(true), SecretHandling.MASK)).contains(MIRROR + "/argoproj/argocd");
    assertThatThrownBy(() -> Exports.helmCommand(RuntimeInstallation.builder().from(installation)
        .privateRegistry(PrivateRegistry.of(MIRROR)).build(), SecretHandling.MASK))
        .isInstanceOf(InvalidValuesException.class)
        .hasMessage("privateRegistry: the installation pulls its images from " + MIRROR + ", but its values do not"
            + " carry that registry's override values yet, so the export would pull every image from its public"
            + " registry. Apply them first: RegistryOverrides.apply(installation) (module gitops-runtime-helm), or give"
            + " --registry " + MIRROR + " to the command line.");
  }

  @Test
  void writesEachChartsOwnKeysAndLeavesTagsToTheChart() {
    ValuesTree values = overrides().of(installation("tunnel"));

    assertThat(values.get("argo-cd.global.image")).contains(Map.of("repository", MIRROR + "/argoproj/argocd"));
    assertThat(values.get("argo-workflows.executor.image"))
        .contains(Map.of("registry", MIRROR, "repository", "argoproj/argoexec"));
    assertThat(values.get("sealed-secrets.image.registry")).contains(MIRROR);
    assertThat(values.get("sealed-secrets.image.repository")).contains("codefresh/sealed-secrets-controller");
    assertThat(values.get("tunnel-client.image")).contains(Map.of("repository", MIRROR + "/codefresh/frpc"));
    assertThat(values.get("internal-router.image")).contains(Map.of("repository", MIRROR + "/nginxinc/nginx-unprivileged"));
    assertThat(values.get("installer.image")).contains(Map.of("repository", MIRROR + "/codefresh/gitops-runtime-installer"));
    assertThat(values.get("debugTools.image")).contains(MIRROR + "/tools/debug@" + RuntimeImagesTest.DIGEST);
    assertThat(values.get("debugTools.sidecar")).contains(MIRROR + "/sidecar");
    // the untagged exporter stays untagged, the chart's empty tag is not written
    assertThat(values.get("argo-cd.redis.exporter.image")).contains(Map.of("repository", MIRROR + "/oliver006/redis_exporter"));
    // empty global.imageRegistry stays empty: the split registry keys already point at the mirror
    assertThat(values.get("global.imageRegistry")).isEmpty();
  }

  @Test
  void putsThePullSecretWhereEachComponentTakesItAndOnlyForComponentsTheChartHas() {
    ValuesTree values = overrides().of(installation("tunnel"));

    List<Map<String, String>> secret = List.of(Map.of("name", "mirror-pull"));
    assertThat(values.get("global.imagePullSecrets")).contains(secret);
    assertThat(values.get("argo-workflows.images.pullSecrets")).contains(secret);
    assertThat(values.get("sealed-secrets.image.pullSecrets")).contains(List.of("mirror-pull"));
    assertThat(values.get("sealed-secrets.imagePullSecrets")).isEmpty();
    assertThat(values.get("app-proxy.imagePullSecrets")).contains(secret);
    assertThat(values.get("redis")).isEmpty();
    assertThat(RegistryOverrides.builder().registry(MIRROR).keys(RegistryKeys.standard().with(TEST_CHART_KEYS)).build()
        .of(installation("tunnel")).get("global.imagePullSecrets")).isEmpty();
  }

  @Test
  void aGlobalImageRegistryTheUserSetIsPointedAtTheMirrorToo() {
    RuntimeInstallation installation = ImagesChart.installation("  imageRegistry: other.example.com\n");
    ValuesTree values = overrides().of(installation);

    assertThat(values.get("global.imageRegistry")).contains(MIRROR);
    assertThat(RuntimeImages.builder().build().of(layered(installation, values))).extracting(ImageRef::reference)
        .contains(MIRROR + "/codefresh/codefresh-gitops-operator:c0ef368");
  }

  @Test
  void anImageNoKeyOfTheTableHoldsFailsNamingTheImageObjectAndContainer() {
    RegistryOverrides standardOnly = RegistryOverrides.builder().registry(MIRROR).build();

    assertThatThrownBy(() -> standardOnly.of(installation("tunnel")))
        .isInstanceOf(GitOpsRuntimeException.class)
        .hasMessageContaining("docker.io/alpine/kubectl:1.36.2 in CronJob/cleanup container kubectl (containers)")
        .hasMessageContaining("DebugPool/debug-pool container debug (containers)")
        .hasMessageContaining("still renders 4 images from another registry")
        .hasMessageContaining("RegistryKeys.parse");
  }

  @Test
  void theRegistryMustBeAHostThatNoRuntimeReadsAsADockerHubNamespace() {
    assertThatThrownBy(() -> RegistryOverrides.builder().registry("mirror/gitops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must contain a '.' or a port");
    assertThatThrownBy(() -> RegistryOverrides.builder().registry("registry.example.com/Mirror"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
    assertThatThrownBy(() -> RegistryOverrides.builder().pullSecret("Mirror_Pull"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a Secret name");
    assertThat(RegistryOverrides.builder().registry("localhost:5000/").build().registry()).isEqualTo("localhost:5000");
    assertThat(RegistryOverrides.builder().registry("registry.example.com").build().mirrorOf("nginx"))
        .isEqualTo("registry.example.com/library/nginx:latest");
  }

  @Test
  void aTableRowWithoutATabOrWithAnUnknownShapeIsRejectedNamingItsLine() {
    assertThatThrownBy(() -> RegistryKeys.parse("# comment\nargo-cd.global.image image-map\n"))
        .hasMessageContaining("Line 2").hasMessageContaining("PATH<TAB>SHAPE");
    assertThatThrownBy(() -> RegistryKeys.parse("argo-cd.global.image\timages\n"))
        .hasMessageContaining("Line 1").hasMessageContaining("use image-map, image, registry, pull-secrets or pull-secret-names");
    assertThat(RegistryKeys.standard().keys()).contains(new RegistryKeys.Key("argo-workflows.executor.image",
        RegistryKeys.Shape.IMAGE_MAP), new RegistryKeys.Key("global.imagePullSecrets", RegistryKeys.Shape.PULL_SECRETS));
  }
}

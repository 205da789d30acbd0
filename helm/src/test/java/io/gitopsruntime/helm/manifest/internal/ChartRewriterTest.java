package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRewriterTest {
  private static final String LIST = "(include \"gitops-runtime-sdk.capabilities.api-versions\" $ | splitList \"\\n\")";

  @Nested
  class Capabilities {

    @Test
    void rewritesAHasCallOnTheRootIntoALookupInTheClustersVersions() {
      assertThat(ChartRewriter.rewriteCapabilities("{{- if .Capabilities.APIVersions.Has \"monitoring.coreos.com/v1\" }}"))
          .isEqualTo("{{- if has \"monitoring.coreos.com/v1\" " + LIST + " }}");
    }

    @Test
    void dropsAnyReceiverOfTheRootContext() {
      assertThat(ChartRewriter.rewriteCapabilities("{{ if $.Capabilities.APIVersions.Has \"a/v1\" }}"
          + "{{ if $root.Capabilities.APIVersions.Has \"b/v1\" }}{{ if .root.Capabilities.APIVersions.Has \"c/v1\" }}"))
          .isEqualTo("{{ if has \"a/v1\" " + LIST + " }}{{ if has \"b/v1\" " + LIST + " }}{{ if has \"c/v1\" " + LIST + " }}");
    }

    @Test
    void keepsParenthesesVariablesAndPipelinesAsArguments() {
      assertThat(ChartRewriter.rewriteCapabilities("{{ and .Values.x (.Capabilities.APIVersions.Has $gv) }}"))
          .isEqualTo("{{ and .Values.x (has $gv " + LIST + ") }}");
      assertThat(ChartRewriter.rewriteCapabilities("{{ .Capabilities.APIVersions.Has (printf \"%s/v1\" \"x)\") | not }}"))
          .isEqualTo("{{ has (printf \"%s/v1\" \"x)\") " + LIST + " | not }}");
    }

    @Test
    void leavesWhatItCannotDelimitAlone() {
      String odd = "{{ .Capabilities.APIVersions.Has }} {{ .Capabilities.APIVersions }}";

      assertThat(ChartRewriter.rewriteCapabilities(odd)).isEqualTo(odd);
    }
  }

  @Nested
  class Charts {
    @TempDir Path tmp;

    @Test
    void renamesHookKeysEverywhereAndAddsTheClustersVersionsAsANamedTemplate() throws Exception {
      Path chart = Files.createDirectories(tmp.resolve("c"));
      Files.createDirectories(chart.resolve("templates"));
      Files.writeString(chart.resolve("values.yaml"), "job:\n  annotations:\n    helm.sh/hook: pre-install\n");
      Files.writeString(chart.resolve("templates/job.yaml"), "metadata:\n  annotations:\n    helm.sh/hook-weight: \"1\"\n"
          + "{{ if .Capabilities.APIVersions.Has \"x/v1\" }}{{ end }}\n");
      Files.write(chart.resolve("templates/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});

      ChartRewriter.prepare(chart, List.of("v1", "apps/v1", "apps/v1/Deployment", "bad version"));

      assertThat(chart.resolve("values.yaml")).content().contains("render.gitopsruntime.io/hook: pre-install");
      assertThat(chart.resolve("templates/job.yaml")).content()
          .contains("render.gitopsruntime.io/hook-weight", "has \"x/v1\" (include")
          .doesNotContain("helm.sh/hook");
      assertThat(chart.resolve("templates/_gitops-runtime-sdk-capabilities.tpl")).content()
          .isEqualTo("{{- /* Added by the gitops-runtime SDK: the target cluster's API versions. */ -}}\n"
              + "{{- define \"gitops-runtime-sdk.capabilities.api-versions\" -}}\nv1\napps/v1\napps/v1/Deployment\n"
              + "{{- end -}}\n");
      assertThat(Files.readAllBytes(chart.resolve("templates/logo.png"))).hasSize(6);
    }
  }
}

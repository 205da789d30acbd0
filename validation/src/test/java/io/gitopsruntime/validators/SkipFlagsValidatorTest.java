package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.ingress;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SkipFlagsValidatorTest {
  private static final String ID = SkipFlagsValidator.ID;
  private final SkipFlagsValidator validator = new SkipFlagsValidator();

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  private static GitOpsRuntimeValues hookOff(GitOpsRuntimeValues v) {
    return v.withInstaller(v.installer().withSkipValidation(true));
  }

  @Nested
  class Valid {
    @Test
    void acceptsNoFlags() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsTheIngressSkipFlagInIngressModeAndTheGitFlagAsAString() throws Exception {
      assertThat(run(v -> ingress(v.withAccessMode(AccessMode.ingress("r.example.com", "nginx")),
          i -> i.withSkipValidation(true)).withAppProxy(v.appProxy().withConfig(
              v.appProxy().config().withAdditionalValues(Map.of("skipGitPermissionValidation", "true"))))))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void warnsAboutAGitPermissionFlagThatIsNotTheStringTrueOrFalse() throws Exception {
      assertThat(run(v -> v.withAppProxy(v.appProxy().withConfig(
          v.appProxy().config().withAdditionalValues(Map.of("skipGitPermissionValidation", "yes"))))))
          .containsExactly(warning(ID, "skip-flags.git-permission-value",
              "app-proxy.config.skipGitPermissionValidation",
              "\"yes\" is neither \"true\" nor \"false\": app-proxy skips its Git permission check only for the"
                  + " string \"true\", so this leaves the check on.",
              "Set it to the string \"true\" to skip the check, or \"false\"."));
    }

    @Test
    void saysWhatGoesUncheckedWithoutTheHookIncludingTheArgoCdVersionAndRedundantFlags() throws Exception {
      assertThat(run(v -> ingress(hookOff(v).withArgoCd(v.argoCd().withEnabled(false)),
          i -> i.withSkipValidation(true)))).containsExactly(
          info(ID, "skip-flags.hook-skipped", "installer.skipValidation",
              "Codefresh's validation hook will not run (installer.skipValidation=true): nothing checks the API"
                  + " key, the account, the runtime name, the Git token or the ingress host inside the cluster"
                  + " before the installation, and this SDK's platform, Git and ingress checks are skipped too.",
              "Remove installer.skipValidation once the checks pass, to have them before every upgrade."),
          info(ID, "skip-flags.hook-skipped", "argo-cd.enabled",
              "The external Argo CD's version will not be checked (installer.skipValidation=true): the validation"
                  + " hook is what compares it with the range this chart version supports.",
              "Check the Argo CD version yourself against the chart's README (kubectl exec into argocd-server and"
                  + " run argocd version), or remove installer.skipValidation."),
          info(ID, "skip-flags.no-effect", "global.runtime.ingress.skipValidation",
              "global.runtime.ingress.skipValidation has no effect: installer.skipValidation=true already skips the"
                  + " whole validation hook.",
              "Remove global.runtime.ingress.skipValidation."));
    }

    @Test
    void notesAnIngressSkipFlagWithoutIngress() throws Exception {
      assertThat(run(v -> ingress(v, i -> i.withSkipValidation(true)))).containsExactly(
          info(ID, "skip-flags.no-effect", "global.runtime.ingress.skipValidation",
              "global.runtime.ingress.skipValidation has no effect: the ingress access mode is off, so there is no"
                  + " ingress host to check.",
              "Remove global.runtime.ingress.skipValidation."));
    }
  }
}

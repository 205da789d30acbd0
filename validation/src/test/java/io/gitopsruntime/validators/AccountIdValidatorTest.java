package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountIdValidatorTest {
  private static final String ID = AccountIdValidator.ID;
  private static final String FIX = "Set global.codefresh.accountId to your Codefresh account ID (the platform check"
      + " reports the ID of your API key's account).";
  private static final String TUNNEL = "the tunnel access mode builds the runtime's public URL from it"
      + " (https://<accountId>-<runtime name>.tunnels.cf-cd.com)";
  private static final String LOG_STORE = "codefreshWorkflowLogStoreCM, on by default, names the workflow log"
      + " bucket after it, and the chart refuses to render it without one";

  private final AccountIdValidator validator = new AccountIdValidator();

  private static GitOpsRuntimeValues noAccount(GitOpsRuntimeValues v) {
    return codefresh(v, c -> c.withAccountId(Optional.empty()));
  }

  private static GitOpsRuntimeValues noLogStore(GitOpsRuntimeValues v) {
    return v.withWorkflowLogStore(v.workflowLogStore().withEnabled(false));
  }

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  @Nested
  class Valid {
    @Test
    void acceptsAnAccountIdOf24HexCharacters() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsNoAccountIdWhenNothingNeedsIt() throws Exception {
      assertThat(run(v -> noLogStore(noAccount(v.withAccessMode(AccessMode.ingress("r.example.com", "nginx"))))))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void requiresTheAccountIdForTheTunnelAndTheLogStoreAndSaysBoth() throws Exception {
      assertThat(run(AccountIdValidatorTest::noAccount)).containsExactly(error(ID, "account-id.missing",
          "global.codefresh.accountId",
          "The Codefresh account ID is not set, but the chart needs it: " + TUNNEL + "; and " + LOG_STORE + ".",
          FIX));
    }

    @Test
    void requiresTheAccountIdInIngressModeBecauseOfTheLogStore() throws Exception {
      assertThat(run(v -> noAccount(v.withAccessMode(AccessMode.ingress("r.example.com", "nginx")))))
          .extracting(Finding::message)
          .containsExactly("The Codefresh account ID is not set, but the chart needs it: " + LOG_STORE + ".");
    }

    @Test
    void requiresTheAccountIdForAHostedRuntime() throws Exception {
      assertThat(run(v -> Fixtures.runtime(noLogStore(noAccount(
              v.withAccessMode(AccessMode.serviceMesh("https://r.example.com")))), r -> r.withCodefreshHosted(true))))
          .extracting(Finding::message)
          .containsExactly("The Codefresh account ID is not set, but the chart needs it: a Codefresh-hosted runtime"
              + " (global.runtime.codefreshHosted=true) requires it.");
    }

    @Test
    void requiresTheAccountIdForAnHttpRouteTheHookSeesAsTunnel() throws Exception {
      assertThat(run(v -> noLogStore(noAccount(v.withAccessMode(AccessMode.httpRoute("gw", "ns", "r.example.com"))))))
          .extracting(Finding::message)
          .containsExactly("The Codefresh account ID is not set, but the chart needs it: Codefresh's validation"
              + " hook does not know the HTTPRoute access mode and, with tunnel-client.enabled on, checks the"
              + " values as a tunnel runtime.");
    }

    @Test
    void warnsAboutAnAccountNameInPlaceOfTheId() throws Exception {
      assertThat(run(v -> codefresh(v, c -> c.withAccountId("acme")))).containsExactly(warning(ID,
          "account-id.format", "global.codefresh.accountId",
          "\"acme\" does not look like a Codefresh account ID: account IDs are 24 hexadecimal characters, and the"
              + " tunnel host name <accountId>-<runtime name> must fit in 63 characters.",
          "Copy the account's ID, not its name, into global.codefresh.accountId."));
    }
  }
}

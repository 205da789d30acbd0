package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that {@code global.codefresh.accountId} is set wherever the chart needs it, and says why: the
 * tunnel access mode; the workflow log store ({@code codefreshWorkflowLogStoreCM.enabled}, on by default,
 * so in practice every mode); a Codefresh-hosted runtime; and an HTTPRoute runtime that Codefresh's hook
 * checks as a tunnel runtime. Warns when the value does not look like an account ID.
 *
 * <p>Rules: {@value RuleIds#ACCOUNT_ID_MISSING}, {@value RuleIds#ACCOUNT_ID_FORMAT}. Offline. Stateless and
 * thread-safe.
 */
final class AccountIdValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.account-id";

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  /** Creates the validator. */
  AccountIdValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    Optional<String> accountId = Chart.nonBlank(values.global().codefresh().accountId());
    if (accountId.isPresent()) {
      if (!OBJECT_ID.matcher(accountId.get().strip()).matches()) {
        out.add(accountIdFormat(accountId.get()));
      }
      return out.list();
    }
    List<AccountIdReason> reasons = new ArrayList<>();
    AccessModeKind mode = Chart.mode(values);
    if (mode == AccessModeKind.TUNNEL) {
      reasons.add(AccountIdReason.TUNNEL);
    }
    if (Raw.bool(values.workflowLogStore().enabled(), values.workflowLogStore().additionalValues(), "enabled",
        ChartDefaults.bool("codefreshWorkflowLogStoreCM.enabled"))) {
      reasons.add(AccountIdReason.LOG_STORE);
    }
    if (values.global().runtime().codefreshHosted().orElse(ChartDefaults.bool("global.runtime.codefreshHosted"))) {
      reasons.add(AccountIdReason.HOSTED);
    }
    if (mode == AccessModeKind.HTTP_ROUTE && Chart.tunnelSwitch(values) && !Chart.skipValidation(values)) {
      reasons.add(AccountIdReason.HOOK_TUNNEL);
    }
    if (!reasons.isEmpty()) {
      out.add(accountIdMissing(reasons));
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }

  /** Why the chart needs the account id in the selected setup. */
  enum AccountIdReason {
    /** The tunnel access mode. */
    TUNNEL("the tunnel access mode builds the runtime's public URL from it"
        + " (https://<accountId>-<runtime name>.tunnels.cf-cd.com)"),
    /** The workflow log store ConfigMap. */
    LOG_STORE("codefreshWorkflowLogStoreCM, on by default, names the workflow log bucket after it, and the"
        + " chart refuses to render it without one"),
    /** A hosted runtime. */
    HOSTED("a Codefresh-hosted runtime (global.runtime.codefreshHosted=true) requires it"),
    /** The validation hook treats an HTTPRoute runtime with the tunnel switch on as a tunnel runtime. */
    HOOK_TUNNEL("Codefresh's validation hook does not know the HTTPRoute access mode and, with"
        + " tunnel-client.enabled on, checks the values as a tunnel runtime");

    private final String text;

    AccountIdReason(String text) {
      this.text = text;
    }
  }

  /**
   * The account id is missing.
   *
   * @param reasons why the chart needs it
   * @return the finding
   */
  static Finding accountIdMissing(List<AccountIdReason> reasons) {
    StringBuilder why = new StringBuilder();
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        why.append(i == reasons.size() - 1 ? "; and " : "; ");
      }
      why.append(reasons.get(i).text);
    }
    return Finding.error(ACCOUNT_ID_MISSING, "global.codefresh.accountId",
        "The Codefresh account ID is not set, but the chart needs it: " + why + ".",
        "Set global.codefresh.accountId to your Codefresh account ID (the platform check reports the ID of"
            + " your API key's account).");
  }

  /**
   * An account id of the wrong shape.
   *
   * @param accountId the id as given
   * @return the finding
   */
  static Finding accountIdFormat(String accountId) {
    return Finding.warning(ACCOUNT_ID_FORMAT, "global.codefresh.accountId",
        q(accountId) + " does not look like a Codefresh account ID: account IDs are 24 hexadecimal characters,"
            + " and the tunnel host name <accountId>-<runtime name> must fit in 63 characters.",
        "Copy the account's ID, not its name, into global.codefresh.accountId.");
  }
}

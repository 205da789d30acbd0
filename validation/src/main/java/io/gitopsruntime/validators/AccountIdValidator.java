package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Messages;
import io.gitopsruntime.validators.internal.Messages.AccountIdReason;
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
public final class AccountIdValidator implements Validator {
  /** This validator's id. */
  public static final String ID = "offline.account-id";

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  /** Creates the validator. */
  public AccountIdValidator() {}

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
        out.add(Messages.accountIdFormat(accountId.get()));
      }
      return out.list();
    }
    List<AccountIdReason> reasons = new ArrayList<>();
    AccessModeKind mode = Chart.mode(values);
    if (mode == AccessModeKind.TUNNEL) {
      reasons.add(AccountIdReason.TUNNEL);
    }
    if (Raw.bool(values.workflowLogStore().enabled(), values.workflowLogStore().additionalValues(), "enabled", true)) {
      reasons.add(AccountIdReason.LOG_STORE);
    }
    if (values.global().runtime().codefreshHosted().orElse(false)) {
      reasons.add(AccountIdReason.HOSTED);
    }
    if (mode == AccessModeKind.HTTP_ROUTE && Chart.tunnelSwitch(values) && !Chart.skipValidation(values)) {
      reasons.add(AccountIdReason.HOOK_TUNNEL);
    }
    if (!reasons.isEmpty()) {
      out.add(Messages.accountIdMissing(reasons));
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}

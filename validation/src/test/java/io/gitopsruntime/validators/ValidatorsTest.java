package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void listsOfflineValidatorsThatNeedNoNetwork() {
    assertThat(Validators.offline()).extracting(Validator::kind).containsOnly(ValidatorKind.OFFLINE);
    assertThat(Validators.offline()).extracting(Validator::id).containsExactly(
        "offline.names", "offline.access-mode", "offline.account-id", "offline.user-token",
        "offline.git-credentials", "offline.platform-ca", "offline.urls", "offline.skip-flags",
        "offline.chart-guards", "offline.deprecated-keys");
  }

  @Test
  void listsRemoteValidatorsWithTheirKindsAndTimeouts() {
    assertThat(Validators.remote()).extracting(Validator::id, Validator::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("codefresh.platform", ValidatorKind.PLATFORM),
        org.assertj.core.groups.Tuple.tuple("git.provider", ValidatorKind.GIT_PROVIDER),
        org.assertj.core.groups.Tuple.tuple("ingress.probe", ValidatorKind.INGRESS_PROBE));
    assertThat(Validators.remote()).allMatch(v -> v.timeout().isPresent());
  }

  @Test
  void listsAllValidatorsOfflineFirstWithUniqueIds() {
    assertThat(Validators.all()).extracting(Validator::id).doesNotHaveDuplicates().hasSize(13)
        .startsWith("offline.names").endsWith("ingress.probe");
  }

  @Test
  void namesEachValidatorByItsId() {
    assertThat(Validators.all()).allMatch(v -> v.toString().equals("Validator(" + v.id() + ")"));
  }
}

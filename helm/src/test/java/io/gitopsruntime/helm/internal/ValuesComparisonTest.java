package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesComparisonTest {

  @Test
  void findsTheSameValuesWhateverTheKeyOrderQuotingAndNumberSpelling() {
    String ours = "global:\n  runtime:\n    name: prod\n  codefresh:\n    accountId: \"628a\"\napp-proxy:\n  replicaCount: 1\n";
    String helms = "app-proxy:\n  replicaCount: 1.0\nglobal:\n  codefresh:\n    accountId: 628a\n  runtime:\n    name: 'prod'\n";

    assertThat(ValuesComparison.sameValues(ours, helms)).isTrue();
  }

  @Test
  void findsAChangedValue() {
    assertThat(ValuesComparison.sameValues("a:\n  b: info\n", "a:\n  b: debug\n")).isFalse();
  }

  @Test
  void tellsANullFromAnAbsentKeyBecauseANullDeletesAChartDefault() {
    assertThat(ValuesComparison.sameValues("a:\n  b: null\n", "a: {}\n")).isFalse();
  }

  @Test
  void tellsAStringFromANumber() {
    assertThat(ValuesComparison.sameValues("a: \"1\"\n", "a: 1\n")).isFalse();
  }

  @Test
  void treatsAnEmptyDocumentAsNoValues() {
    assertThat(ValuesComparison.sameValues("", "{}\n")).isTrue();
    assertThat(ValuesComparison.sameValues("null\n", "")).isTrue();
  }
}

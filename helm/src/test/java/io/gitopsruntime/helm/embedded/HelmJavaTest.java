package io.gitopsruntime.helm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmJavaTest {

  @Test
  void splitsHelmsErrorFromTheBufferedLog() {
    HelmJava.Failure failure = HelmJava.split("failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
        + " BackoffLimitExceeded\n\n\n---\ncreating 1 resource(s)\nWatching for changes to Job validate-values\n");

    assertThat(failure.error()).isEqualTo("failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
        + " BackoffLimitExceeded");
    assertThat(failure.log()).containsExactly("creating 1 resource(s)", "Watching for changes to Job validate-values");
  }

  @Test
  void keepsAnErrorWithoutLog() {
    assertThat(HelmJava.split("release: not found")).isEqualTo(new HelmJava.Failure("release: not found", List.of()));
    assertThat(HelmJava.split(null)).isEqualTo(new HelmJava.Failure("", List.of()));
  }

  @Test
  void leavesTheValuesSectionsOutOfTheOutput() {
    List<String> lines = HelmJava.logLines("NAME: r\nSTATUS: deployed\nUSER-SUPPLIED VALUES:\nglobal:\n  token: x\n\n"
        + "COMPUTED VALUES:\nglobal:\n  token: x\n\nNOTES:\nWelcome\n---\ncreating 3 resource(s)\n");

    assertThat(lines).containsExactly("NAME: r", "STATUS: deployed", "NOTES:", "Welcome", "creating 3 resource(s)");
  }

  @Test
  void masksEveryLineItSends() {
    List<String> sent = new ArrayList<>();

    HelmJava.emit(List.of("token tok-1234 here"), Redactor.ofLiterals(List.of("tok-1234")), sent::add);

    assertThat(sent).containsExactly("token **** here");
  }

  @Test
  void tellsALibraryThatCannotLoadFromAFailingHelm() {
    assertThat(HelmJava.isLoadFailure(new IllegalStateException("Unable to load native library helm-linux-amd64.so")))
        .isTrue();
    assertThat(HelmJava.isLoadFailure(new IllegalStateException("No NativeLibrary implementation found, please add one"
        + " of the supported dependencies to your project"))).isTrue();
    assertThat(HelmJava.isLoadFailure(new IllegalStateException("release: not found"))).isFalse();
  }
}

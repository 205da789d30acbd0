package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.registry.RegistryPair;
import io.gitopsruntime.testing.registry.TestRegistry;
import io.gitopsruntime.testing.registry.TokenServer;
import io.gitopsruntime.testing.registry.TokenServer.TokenRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ImageMirror} between two real registries that want bearer tokens from a token service (the Docker registry
 * token protocol of Docker Hub, ghcr.io, quay.io, Harbor and GitLab): a source on plain HTTP and a target with TLS,
 * each with its own {@link TokenServer}. Every test also checks that no password and no issued token shows in the
 * report, the listener's messages or the log.
 */
class ImageMirrorTokenAuthTest {
  private static final String SOURCE_PASSWORD = "source-pa55word";
  private static final String TARGET_PASSWORD = "target-pa55word";
  private static final String READER_PASSWORD = "reader-pa55word";
  @RegisterExtension
  static final RegistryPair REGISTRIES = RegistryPair.of(b -> b.tokenAuth("puller", SOURCE_PASSWORD),
      b -> b.tokenAuth("mirror", TARGET_PASSWORD).tls());
  private static TokenServer sourceTokens;
  private static TokenServer targetTokens;

  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void findTokenServers() {
    sourceTokens = source().tokenServer().orElseThrow();
    targetTokens = target().tokenServer().orElseThrow().user("reader", READER_PASSWORD, "pull");
  }

  @BeforeEach
  void captureLog() {
    System.err.flush();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(originalErr);
    sourceTokens.tokenLifetime(TokenServer.DEFAULT_LIFETIME).anonymousPull(false);
    targetTokens.tokenLifetime(TokenServer.DEFAULT_LIFETIME);
  }

  private ImageMirror.Builder mirror(String prefix, RegistryCredentials credentials) {
    return ImageMirror.builder().to(target().host() + "/" + prefix).plainHttp(source().host())
        .caCertificate(target().caFile().orElseThrow()).credentials(credentials).retries(5, Duration.ofMillis(10))
        .listener(new MirrorListener() {
          @Override
          public void retrying(String image, String what, int attempt) {
            events.add("retrying " + what);
          }

          @Override
          public void imageDone(MirroredImage image) {
            events.add(image.toString());
          }
        });
  }

  private static RegistryCredentials logins(String targetUser, String targetPassword) {
    return RegistryCredentials.none().withLogin(source().host(), "puller", SOURCE_PASSWORD)
        .withLogin(target().host(), targetUser, targetPassword);
  }

  private static ImageRef ref(String repository, String tag) {
    return ImageRef.parse(source().host() + "/" + repository + ":" + tag);
  }

  /** The distinct scope lists asked of a token server for repositories under a prefix, in order of first asking. */
  private static List<List<String>> scopesAsked(TokenServer tokens, String prefix) {
    return asked(tokens, prefix, 0).stream().map(TokenRequest::scopes).distinct().toList();
  }

  private static List<TokenRequest> asked(TokenServer tokens, String prefix, int from) {
    List<TokenRequest> all = tokens.requests();
    return all.subList(from, all.size()).stream()
        .filter(r -> r.scopes().stream().anyMatch(s -> s.startsWith("repository:" + prefix)))
        .toList();
  }

  /** Neither a password nor any token either server issued is in the report, the listener's messages or the log. */
  private void assertNoSecretIn(MirrorReport report) {
    List<String> texts = new ArrayList<>(events);
    texts.add(report.toString());
    texts.add(report.summary());
    report.images().forEach(i -> texts.add(i.failure().orElse("")));
    System.err.flush();
    texts.add(log.toString(StandardCharsets.UTF_8));
    for (String text : texts) {
      assertThat(text).doesNotContain(SOURCE_PASSWORD, TARGET_PASSWORD, READER_PASSWORD, "Bearer ", "Basic ");
      assertThat(sourceTokens.containsIssuedToken(text)).as("a source token in %s", text).isFalse();
      assertThat(targetTokens.containsIssuedToken(text)).as("a target token in %s", text).isFalse();
    }
  }

  @Nested
  class Copy {
    @Test
    void copiesAMultiArchIndexAndAnImageAskingPullOnTheSourceAndPullPushOnTheTarget() {
      String index = source().pushIndex("scopes/app-proxy", "1.0", List.of("linux/amd64", "linux/arm64"));
      String single = source().pushImage("scopes/tunnel", "2.0", "linux/amd64", 16 * 1024);

      // one image after the other: the second mounts what it shares with the first (the linux/amd64 config, a layer)
      // from the first's repository
      MirrorReport report = mirror("tok", logins("mirror", TARGET_PASSWORD)).concurrency(1).build()
          .copy(List.of(ref("scopes/app-proxy", "1.0"), ref("scopes/tunnel", "2.0")));

      assertThat(report.images()).extracting(MirroredImage::outcome)
          .containsExactly(MirroredImage.Outcome.COPIED, MirroredImage.Outcome.COPIED);
      assertThat(report.images().get(0).platforms()).containsExactly("linux/amd64", "linux/arm64");
      assertThat(target().digestOf("tok/scopes/app-proxy", "1.0")).contains(index);
      assertThat(target().get("tok/scopes/app-proxy", index)).isEqualTo(source().get("scopes/app-proxy", index));
      assertThat(target().digestOf("tok/scopes/tunnel", "2.0")).contains(single);
      assertThat(report.images().get(1).blobsMounted()).isEqualTo(2);

      assertThat(scopesAsked(sourceTokens, "scopes/")).containsExactly(
          List.of("repository:scopes/app-proxy:pull"),
          List.of("repository:scopes/tunnel:pull"));
      // the blobs of an image go concurrently: the mount and the uploads ask in any order
      assertThat(scopesAsked(targetTokens, "tok/")).containsExactlyInAnyOrder(
          List.of("repository:tok/scopes/app-proxy:pull"),
          List.of("repository:tok/scopes/app-proxy:pull,push"),
          List.of("repository:tok/scopes/tunnel:pull"),
          List.of("repository:tok/scopes/tunnel:pull,push"),
          List.of("repository:tok/scopes/tunnel:pull,push", "repository:tok/scopes/app-proxy:pull"));
      assertThat(asked(targetTokens, "tok/", 0)).allSatisfy(r -> {
        assertThat(r.user()).contains("mirror");
        assertThat(r.service()).isEqualTo(target().host());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.granted()).isEqualTo(r.scopes());
      });
      assertThat(asked(sourceTokens, "scopes/", 0)).allSatisfy(r -> {
        assertThat(r.user()).contains("puller");
        assertThat(r.service()).isEqualTo(source().host());
      });
      assertNoSecretIn(report);
    }

    @Test
    void pullsAnonymouslyWhenTheSourceGrantsPullWithoutCredentials() {
      String digest = source().pushImage("public/agent", "1", "linux/arm64", 4 * 1024);
      sourceTokens.anonymousPull(true);

      MirrorReport report = mirror("anon", RegistryCredentials.none().withLogin(target().host(), "mirror", TARGET_PASSWORD))
          .build().copy(List.of(ref("public/agent", "1")));

      assertThat(report.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.COPIED);
      assertThat(target().digestOf("anon/public/agent", "1")).contains(digest);
      assertThat(asked(sourceTokens, "public/", 0)).isNotEmpty().allSatisfy(r -> {
        assertThat(r.user()).isEmpty();
        assertThat(r.granted()).containsExactly("repository:public/agent:pull");
      });
      assertNoSecretIn(report);
    }
  }

  @Nested
  class Refused {
    @Test
    void aUserWhoMayOnlyPullOnTheTargetIsToldItLacksPushAndNothingIsReportedCopied() {
      source().pushIndex("readonly/app", "1.0", List.of("linux/amd64", "linux/arm64"));

      MirrorReport report = mirror("ro", logins("reader", READER_PASSWORD)).build()
          .copy(List.of(ref("readonly/app", "1.0")));

      MirroredImage image = report.images().get(0);
      assertThat(image.outcome()).isEqualTo(MirroredImage.Outcome.FAILED);
      assertThat(report.with(MirroredImage.Outcome.COPIED)).isEmpty();
      assertThat(image.blobsCopied() + image.blobsMounted()).isZero();
      assertThat(image.failure()).contains("POST https://" + target().host() + "/v2/ro/readonly/app/blobs/uploads/: 401"
          + " Unauthorized. The credentials for the registry " + target().host() + " lack push on the repository"
          + " ro/readonly/app (insufficient_scope): log in as a user with those rights (docker login or helm registry"
          + " login), or pass a registry config with such credentials.");
      assertThat(target().digestOf("ro/readonly/app", "1.0")).isEmpty();
      assertThat(asked(targetTokens, "ro/", 0)).filteredOn(r -> r.scopes().equals(
          List.of("repository:ro/readonly/app:pull,push"))).isNotEmpty().allSatisfy(r -> {
            assertThat(r.user()).contains("reader");
            assertThat(r.granted()).containsExactly("repository:ro/readonly/app:pull");
          });
      assertNoSecretIn(report);
    }

    @Test
    void aWrongPasswordFailsWithAClearErrorThatDoesNotNameIt() {
      source().pushImage("wrong/app", "1", "linux/amd64", 1024);

      MirrorReport report = mirror("wrong", logins("mirror", "not-the-" + TARGET_PASSWORD)).build()
          .copy(List.of(ref("wrong/app", "1")));

      MirroredImage image = report.images().get(0);
      assertThat(image.outcome()).isEqualTo(MirroredImage.Outcome.FAILED);
      assertThat(image.failure()).contains("HEAD https://" + target().host() + "/v2/wrong/wrong/app/manifests/"
          + image.digest().orElseThrow() + ": the token service of " + target().host() + " answered 401; are the"
          + " credentials for " + target().host() + " right?");
      assertThat(asked(targetTokens, "wrong/", 0)).isNotEmpty().allSatisfy(r -> {
        assertThat(r.user()).contains("mirror");
        assertThat(r.status()).isEqualTo(401);
      });
      assertNoSecretIn(report);
      assertThat(report.toString()).doesNotContain("not-the-" + TARGET_PASSWORD);
    }
  }

  @Nested
  class Expiry {
    @Test
    void tokensThatExpireMidRunAreReplacedByNewOnes() {
      String first = source().pushImage("expiry/app", "1", "linux/amd64", 8 * 1024);
      String second = source().pushImage("expiry/app", "2", "linux/amd64", 8 * 1024);
      sourceTokens.tokenLifetime(Duration.ofSeconds(3));
      targetTokens.tokenLifetime(Duration.ofSeconds(3));
      AtomicInteger sourceMark = new AtomicInteger();
      AtomicInteger targetMark = new AtomicInteger();

      // one image after the other; between them, every token issued so far expires
      MirrorReport report = mirror("exp", logins("mirror", TARGET_PASSWORD)).concurrency(1).listener(new MirrorListener() {
        @Override
        public void imageDone(MirroredImage image) {
          if (image.source().endsWith(":1")) {
            sourceTokens.awaitExpiryOfIssuedTokens();
            targetTokens.awaitExpiryOfIssuedTokens();
            sourceMark.set(sourceTokens.requests().size());
            targetMark.set(targetTokens.requests().size());
          }
        }
      }).build().copy(List.of(ref("expiry/app", "1"), ref("expiry/app", "2")));

      assertThat(report.images()).extracting(MirroredImage::outcome)
          .containsExactly(MirroredImage.Outcome.COPIED, MirroredImage.Outcome.COPIED);
      assertThat(target().digestOf("exp/expiry/app", "1")).contains(first);
      assertThat(target().digestOf("exp/expiry/app", "2")).contains(second);
      // the client held tokens for these very scopes: it asked again only because the registries refused them
      assertThat(scopesOf(asked(sourceTokens, "expiry/", sourceMark.get())))
          .contains(List.of("repository:expiry/app:pull"));
      assertThat(scopesOf(asked(targetTokens, "exp/", targetMark.get())))
          .contains(List.of("repository:exp/expiry/app:pull"), List.of("repository:exp/expiry/app:pull,push"));
      assertNoSecretIn(report);
    }
  }

  private static Set<List<String>> scopesOf(List<TokenRequest> requests) {
    return requests.stream().map(TokenRequest::scopes).collect(Collectors.toSet());
  }

  private static TestRegistry source() {
    return REGISTRIES.source();
  }

  private static TestRegistry target() {
    return REGISTRIES.target();
  }
}

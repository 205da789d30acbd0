package io.gitopsruntime.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gitopsruntime.testing.cluster.internal.Pki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TokenServer} on its own, as a client of the Docker registry token protocol sees it. */
class TokenServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private TokenServer tokens;

  @BeforeEach
  void start() {
    tokens = TokenServer.start("127.0.0.1:5000", Pki.create().client("signer", List.of()), null)
        .user("mirror", "pa55word", "*").user("reader", "reader-pa55word", "pull");
  }

  @AfterEach
  void stop() {
    tokens.close();
  }

  private HttpResponse<String> ask(String query, Optional<String> login) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokens.realm() + "?" + query)).GET();
    login.ifPresent(l -> request.header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(l.getBytes(StandardCharsets.UTF_8))));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String part(String body, int index) {
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
  }

  @Test
  void grantsAPullOnlyUserPullOfWhatItAsksAndSignsWithAKeyId() throws Exception {
    HttpResponse<String> response = ask("service=127.0.0.1%3A5000&scope=repository%3Aa%2Fb%3Apull%2Cpush"
        + "&scope=repository%3Ac%3Apush", Optional.of("reader:reader-pa55word"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"expires_in\":300,");
    assertThat(part(response.body(), 0)).matches("\\{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"[A-Za-z0-9_-]{43}\"}");
    assertThat(part(response.body(), 1)).contains("\"iss\":\"" + TokenServer.ISSUER + "\",\"sub\":\"reader\","
        + "\"aud\":\"127.0.0.1:5000\"").endsWith("\"access\":[{\"type\":\"repository\",\"name\":\"a/b\","
        + "\"actions\":[\"pull\"]}]}");
    assertThat(tokens.requests()).containsExactly(new TokenServer.TokenRequest(Optional.of("reader"), "127.0.0.1:5000",
        List.of("repository:a/b:pull,push", "repository:c:push"), 200, List.of("repository:a/b:pull")));
    assertThat(tokens.containsIssuedToken(response.body())).isTrue();
  }

  @Test
  void refusesAWrongPasswordAndAnonymousRequestsUnlessAnonymousPullIsOn() throws Exception {
    assertThat(ask("service=127.0.0.1%3A5000&scope=repository%3Aa%3Apull", Optional.of("mirror:wrong")).statusCode())
        .isEqualTo(401);
    assertThat(ask("service=127.0.0.1%3A5000&scope=repository%3Aa%3Apull", Optional.empty()).statusCode())
        .isEqualTo(401);
    tokens.anonymousPull(true);
    HttpResponse<String> anonymous = ask("service=127.0.0.1%3A5000&scope=repository%3Aa%3Apull%2Cpush", Optional.empty());

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(tokens.requests()).extracting(TokenServer.TokenRequest::user, TokenServer.TokenRequest::status,
        TokenServer.TokenRequest::granted).containsExactly(
            tuple(Optional.of("mirror"), 401, List.of()),
            tuple(Optional.empty(), 401, List.of()),
            tuple(Optional.empty(), 200, List.of("repository:a:pull")));
    assertThat(tokens.toString()).isEqualTo("TokenServer[" + tokens.realm() + ", service 127.0.0.1:5000]");
  }

  @Test
  void refusesAnotherService() throws Exception {
    assertThat(ask("service=elsewhere&scope=repository%3Aa%3Apull", Optional.of("mirror:pa55word")).statusCode())
        .isEqualTo(400);
  }
}

package io.gitopsruntime.validators;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.NetErrors;
import io.gitopsruntime.validators.internal.PlatformClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git Runtime token's scope checks of Codefresh's CLI ({@code VerifyRuntimeToken}), one per provider,
 * with the same requests: GitHub {@code HEAD <api>} and {@code X-OAuth-Scopes}; GitLab {@code GET /user} then
 * {@code POST /projects} expecting 400; Bitbucket Cloud {@code HEAD /user} with Basic auth and
 * {@code x-oauth-scopes}; Bitbucket Data Center {@code HEAD /application-properties} for
 * {@code X-AUSERNAME} then {@code POST /users/<user>/repos} expecting 400. Thread-safe; never logs the token.
 */
final class GitChecks {
  private static final Logger LOG = LoggerFactory.getLogger(GitChecks.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<String> GITHUB_SCOPES = List.of("repo", "admin:repo_hook");
  private static final Map<List<String>, String> BITBUCKET_SCOPES = bitbucketScopes();

  private GitChecks() {}

  /**
   * Checks a token against its provider.
   *
   * @param http the HTTP client, trusting the Git server's CA
   * @param api the account's API URL
   * @param username the Git username
   * @param token the token; a secret
   * @param redactor masks secrets in anything quoted from a response
   * @return the findings; empty when the token has what the runtime needs
   */
  public static List<Finding> verify(OkHttpClient http, GitApiUrl api, String username, String token,
      Redactor redactor) {
    HttpUrl base = HttpUrl.parse(api.apiBase());
    if (base == null) {
      return List.of(GitProviderFindings.gitUnexpectedAnswer(api.displayName(), api.apiBase(), "nothing: the URL is invalid"));
    }
    try {
      switch (api.provider()) {
        case GITHUB:
          return github(http, api, base, token, redactor);
        case GITLAB:
          return gitlab(http, api, base, token, redactor);
        case BITBUCKET:
          return bitbucket(http, base, username, token, redactor);
        default:
          return bitbucketServer(http, api, base, token, redactor);
      }
    } catch (IOException e) {
      return List.of(GitProviderFindings.gitUnreachable(api.displayName(), api.apiBase(), base.host(), NetErrors.classify(e)));
    }
  }

  private static List<Finding> github(OkHttpClient http, GitApiUrl api, HttpUrl base, String token,
      Redactor redactor)
      throws IOException {
    if (token.startsWith("github_pat")) {
      return List.of(GitProviderFindings.gitFineGrained());
    }
    Request request = new Request.Builder().url(base).head().header("Authorization", "token " + token).build();
    try (Response response = execute(http, redactor, request)) {
      String raw = Optional.ofNullable(response.header("X-OAuth-Scopes")).orElse("");
      if (raw.isBlank()) {
        return List.of(GitProviderFindings.githubNoScopes(api.displayName(), api.apiBase(), response.code()));
      }
      List<String> granted = new ArrayList<>();
      for (String scope : raw.split(",")) {
        granted.add(scope.strip());
      }
      List<String> missing = new ArrayList<>();
      for (String required : GITHUB_SCOPES) {
        if (!granted.contains(required)) {
          missing.add(required);
        }
      }
      return missing.isEmpty() ? List.of() : List.of(GitProviderFindings.githubScopesMissing(missing, raw.strip()));
    }
  }

  private static List<Finding> gitlab(OkHttpClient http, GitApiUrl api, HttpUrl base, String token,
      Redactor redactor) throws IOException {
    Request user = jsonRequest(base.newBuilder().addPathSegment("user").build(), "Bearer " + token).get().build();
    try (Response response = execute(http, redactor, user)) {
      ResponseBody body = response.body();
      JsonNode json;
      try {
        json = PlatformClient.readTree(body == null ? "" : body.string());
      } catch (IOException e) {
        json = null;
      }
      if (json == null || !json.isObject()) {
        return List.of(GitProviderFindings.gitUnexpectedAnswer(api.displayName(), api.apiBase(), GitProviderFindings.GITLAB_USER_NOT_JSON));
      }
      String username = json.path("username").asText("");
      if (json.path("bot").asBoolean(false) && username.startsWith("project")) {
        return List.of(GitProviderFindings.gitlabProjectToken(redactor.redact(username)));
      }
    }
    Request projects = jsonRequest(base.newBuilder().addPathSegment("projects").build(), "Bearer " + token)
        .post(RequestBody.create(new byte[0], JSON, 0, 0)).build();
    try (Response response = execute(http, redactor, projects)) {
      if (response.code() == 400) {
        return List.of();
      }
      if (response.code() == 401) {
        return List.of(GitProviderFindings.gitlabTokenRejected(api.apiBase(), response.code()));
      }
      return List.of(GitProviderFindings.gitlabApiScopeMissing(response.code()));
    }
  }

  private static List<Finding> bitbucket(OkHttpClient http, HttpUrl base, String username, String token,
      Redactor redactor)
      throws IOException {
    String basic = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    Request request =
        jsonRequest(base.newBuilder().addPathSegment("user").build(), "Basic " + basic).head().build();
    try (Response response = execute(http, redactor, request)) {
      String scopes = Optional.ofNullable(response.header("x-oauth-scopes")).orElse("");
      if (scopes.isEmpty()) {
        return List.of(GitProviderFindings.bitbucketRejected(username, response.code()));
      }
      List<String> missing = new ArrayList<>();
      BITBUCKET_SCOPES.forEach((options, display) -> {
        if (options.stream().noneMatch(scopes::contains)) {
          missing.add(display);
        }
      });
      return missing.isEmpty() ? List.of() : List.of(GitProviderFindings.bitbucketScopesMissing(missing, scopes));
    }
  }

  private static List<Finding> bitbucketServer(OkHttpClient http, GitApiUrl api, HttpUrl base, String token,
      Redactor redactor)
      throws IOException {
    Request properties = jsonRequest(base.newBuilder().addPathSegment("application-properties").build(),
        "Bearer " + token).head().build();
    String user;
    try (Response response = execute(http, redactor, properties)) {
      user = Optional.ofNullable(response.header("X-AUSERNAME")).orElse("");
      if (user.isEmpty()) {
        return List.of(GitProviderFindings.bitbucketServerRejected(api.apiBase(), response.code()));
      }
    }
    byte[] body = "{\"name\":\"!invalid\"}".getBytes(StandardCharsets.UTF_8);
    Request repos = jsonRequest(
            base.newBuilder().addPathSegment("users").addPathSegment(user).addPathSegment("repos").build(),
            "Bearer " + token)
        .post(RequestBody.create(body, JSON, 0, body.length)).build();
    try (Response response = execute(http, redactor, repos)) {
      if (response.code() == 400) {
        return List.of();
      }
      if (response.code() == 401) {
        return List.of(GitProviderFindings.bitbucketServerRejected(api.apiBase(), response.code()));
      }
      return List.of(GitProviderFindings.bitbucketServerNotProjectAdmin(user, response.code()));
    }
  }

  private static Request.Builder jsonRequest(HttpUrl url, String authorization) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }

  private static Response execute(OkHttpClient http, Redactor redactor, Request request) throws IOException {
    long started = System.nanoTime();
    String url = redactor.redact(request.url().toString());
    try {
      Response response = http.newCall(request).execute();
      LOG.debug("{} {} -> HTTP {} in {} ms", request.method(), url, response.code(),
          (System.nanoTime() - started) / 1_000_000);
      return response;
    } catch (IOException e) {
      LOG.debug("{} {} failed after {} ms: {}", request.method(), url, (System.nanoTime() - started) / 1_000_000,
          e.getClass().getSimpleName());
      throw e;
    }
  }

  private static Map<List<String>, String> bitbucketScopes() {
    Map<List<String>, String> scopes = new LinkedHashMap<>();
    scopes.put(List.of("repository:admin"), "repository:admin");
    scopes.put(List.of("account:read", "account:write"), "account:read");
    scopes.put(List.of("team", "team:write"), "workspace membership:write (team:write)");
    scopes.put(List.of("webhook"), "webhook:read and write");
    return scopes;
  }
}

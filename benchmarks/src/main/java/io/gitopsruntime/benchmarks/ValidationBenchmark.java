package io.gitopsruntime.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.Validators;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures the validator chain: six remote checks, each answered after 200 ms by a local HTTP server,
 * run through {@link ValidatorChain} (concurrently) and one after another, in one run; and the cost of
 * the offline rules on a chart-sized values file in a fresh JVM (cold, class loading included).
 *
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl benchmarks exec:exec@validation
 * </pre>
 */
public final class ValidationBenchmark {
  private static final Duration ANSWER_AFTER = Duration.ofMillis(200);
  private static final int CHECKS = 6;

  private ValidationBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: the number of rounds (default 10)
   * @throws Exception if the local server cannot start
   */
  public static void main(String[] args) throws Exception {
    long coldStart = System.nanoTime();
    ParsedValues parsed = ValuesYaml.parse(ChartSizedValues.yaml(), "values.yaml");
    RuntimeInstallation installation = RuntimeInstallation.builder().values(parsed.values()).build();
    long parsedAt = System.nanoTime();
    ValidationReport offline = ValidatorChain.builder().addAll(Validators.offline()).build()
        .validate(ValidationContext.builder(installation).offline(true).build());
    long offlineCold = System.nanoTime() - parsedAt;
    long warmStart = System.nanoTime();
    ValidatorChain.builder().addAll(Validators.offline()).build()
        .validate(ValidationContext.builder(installation).offline(true).build());
    long offlineWarm = System.nanoTime() - warmStart;

    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(ANSWER_AFTER.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"data\":{}}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    OkHttpClient http = new OkHttpClient();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/check/";
      List<Validator> remote = new ArrayList<>();
      for (int i = 0; i < CHECKS; i++) {
        remote.add(new RemoteCheck("benchmark.remote-" + i, base + i, http));
      }
      ValidatorChain chain = ValidatorChain.builder().addAll(Validators.offline()).addAll(remote).build();
      ValidationContext context = ValidationContext.builder(installation).build();
      chain.validate(context);
      for (Validator check : remote) {
        check.validate(context);
      }

      List<Long> single = new ArrayList<>();
      List<Long> concurrent = new ArrayList<>();
      List<Long> sequential = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        remote.get(0).validate(context);
        single.add(System.nanoTime() - t0);

        long t1 = System.nanoTime();
        chain.validate(context);
        concurrent.add(System.nanoTime() - t1);

        long t2 = System.nanoTime();
        for (Validator validator : Validators.offline()) {
          validator.validate(context);
        }
        for (Validator check : remote) {
          check.validate(context);
        }
        sequential.add(System.nanoTime() - t2);
      }
      double singleMs = PlanBenchmark.median(single) / 1e6;
      double concurrentMs = PlanBenchmark.median(concurrent) / 1e6;
      double sequentialMs = PlanBenchmark.median(sequential) / 1e6;
      System.out.printf("offline rules on a chart-sized file (%d findings): cold %.0f ms (first run in a fresh JVM),"
          + " warm %.1f ms; parsing took %.0f ms%n",
          offline.findings().size(), offlineCold / 1e6, offlineWarm / 1e6, (parsedAt - coldStart) / 1e6);
      System.out.printf("slowest single remote check        : median %5.0f ms%n", singleMs);
      System.out.printf("chain, %d remote + offline checks   : median %5.0f ms = %.2fx the slowest check%n",
          CHECKS, concurrentMs, concurrentMs / singleMs);
      System.out.printf("same checks one after another      : median %5.0f ms = %.2fx the slowest check%n",
          sequentialMs, sequentialMs / singleMs);
      System.out.printf("concurrent / sequential            : %.2f (%d rounds, interleaved)%n", concurrentMs / sequentialMs, rounds);
    } finally {
      server.stop(0);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** A remote check: one HTTP call, as the platform, Git and probe checks make. */
  private static final class RemoteCheck implements Validator {
    private final String id;
    private final String url;
    private final OkHttpClient http;

    RemoteCheck(String id, String url, OkHttpClient http) {
      this.id = id;
      this.url = url;
      this.http = http;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public ValidatorKind kind() {
      return ValidatorKind.PLATFORM;
    }

    @Override
    public List<Finding> validate(ValidationContext context) throws IOException {
      try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
        return response.isSuccessful() ? List.of() : List.of(Finding.error(id, "", "HTTP " + response.code(), ""));
      }
    }
  }
}

package dev.cuegate.rehearsal;

import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.server.CueGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs CueGate through the calls clients make, for the JVM to record: first as a gateway in front
 * of a {@link CannedCuebot}, then as the embedded farm.
 *
 * <p>Each phase starts the whole service from its configuration, as {@code cuegate serve} does,
 * so start-up is rehearsed too. The calls: every method once (each message type through the
 * transcoder), then the hot mix (mostly {@code GetShows}, some {@code GetFrames} and
 * {@code GetJobs}, with the errors clients cause) at a concurrency of {@value #CONCURRENCY}.
 */
public final class Rehearsal {
  private static final int CONCURRENCY = 8;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  /** One pass of the hot mix, in the proportions a farm's clients call. */
  private static final List<String> HOT_MIX =
      List.of(
          "show.ShowInterface/GetShows", "show.ShowInterface/GetShows",
          "show.ShowInterface/GetShows", "show.ShowInterface/GetShows",
          "show.ShowInterface/GetShows", "show.ShowInterface/GetShows",
          "show.ShowInterface/GetShows", "show.ShowInterface/GetShows",
          "job.JobInterface/GetFrames", "job.JobInterface/GetJobs");

  private final Path workDir;
  private final String secret;
  private final String token;
  private final Duration gatewayTime;
  private final Duration farmTime;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Rehearsal(
      Path workDir, String secret, String token, Duration gatewayTime, Duration farmTime) {
    this.workDir = workDir;
    this.secret = secret;
    this.token = token;
    this.gatewayTime = gatewayTime;
    this.farmTime = farmTime;
  }

  /**
   * A rehearsal keeping its data and logs under {@code workDir}; {@code token} must be a bearer
   * token signed with {@code secret}. The hot mix runs for {@code gatewayTime} in front of the
   * canned Cuebot and for {@code farmTime} against the embedded farm.
   */
  public static Rehearsal of(
      Path workDir, String secret, String token, Duration gatewayTime, Duration farmTime) {
    return new Rehearsal(workDir, secret, token, gatewayTime, farmTime);
  }

  /** Runs both phases; returns how many calls got each HTTP status. */
  public SortedMap<Integer, Long> run() throws InterruptedException {
    MethodRegistry registry = MethodRegistry.opencue(List.of());
    SortedMap<Integer, Long> statuses = new TreeMap<>();
    try (CannedCuebot cuebot = CannedCuebot.start(registry)) {
      phase(Map.of("CUEBOT_ENDPOINT", cuebot.target()), registry, gatewayTime, statuses);
    }
    phase(Map.of(), registry, farmTime, statuses);
    return statuses;
  }

  private void phase(
      Map<String, String> mode,
      MethodRegistry registry,
      Duration hot,
      SortedMap<Integer, Long> statuses)
      throws InterruptedException {
    Map<String, String> env = new HashMap<>(mode);
    env.put("JWT_SECRET", secret);
    env.put("REST_PORT", "0");
    env.put("ADMIN_PORT", "0");
    env.put("RATE_LIMIT_RPS", "0");
    env.put("SHUTDOWN_TIMEOUT", "1s");
    env.put("DATA_DIR", workDir.resolve(mode.isEmpty() ? "farm" : "gateway").toString());
    env.put("LOG_DIR", workDir.resolve("logs").toString());
    try (CueGate gate = CueGate.start(EnvConfigLoader.load(env).config())) {
      URI api = URI.create("http://127.0.0.1:" + gate.apiPort() + "/");
      List<ApiMethod> methods = List.copyOf(registry.methods());
      for (int first = 0; first < methods.size(); first += CONCURRENCY) {
        List<CompletableFuture<HttpResponse<Void>>> round = new ArrayList<>(CONCURRENCY);
        for (ApiMethod method :
            methods.subList(first, Math.min(first + CONCURRENCY, methods.size()))) {
          round.add(call(api, method.fullName(), "{}", true));
        }
        settle(round, statuses);
      }
      errors(api, gate, statuses);
      hotMix(api, hot, statuses);
    }
  }

  /** The answers clients get wrong: no token, bad JSON, no such method, Cuebot's NOT_FOUND. */
  private void errors(URI api, CueGate gate, SortedMap<Integer, Long> statuses)
      throws InterruptedException {
    List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(call(api, "show.ShowInterface/GetShows", "{}", false));
      calls.add(call(api, "show.ShowInterface/GetShows", "{\"show\":", true));
      calls.add(call(api, "show.NoSuchInterface/GetShows", "{}", true));
      calls.add(call(api, CannedCuebot.NOT_FOUND_METHOD, "{\"name\":\"missing\"}", true));
    }
    gate.adminPort()
        .ifPresent(
            port -> {
              for (String path : List.of("healthz", "readyz", "metrics")) {
                calls.add(get(URI.create("http://127.0.0.1:" + port + "/" + path)));
              }
            });
    settle(calls, statuses);
  }

  private void hotMix(URI api, Duration time, SortedMap<Integer, Long> statuses)
      throws InterruptedException {
    Instant end = Instant.now().plus(time);
    int next = 0;
    while (Instant.now().isBefore(end)) {
      List<CompletableFuture<HttpResponse<Void>>> round = new ArrayList<>(CONCURRENCY);
      for (int i = 0; i < CONCURRENCY; i++, next++) {
        round.add(call(api, HOT_MIX.get(next % HOT_MIX.size()), "{}", true));
      }
      settle(round, statuses);
    }
  }

  private CompletableFuture<HttpResponse<Void>> call(
      URI api, String method, String body, boolean withToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(method))
            .timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body));
    if (withToken) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(request.build(), BodyHandlers.discarding());
  }

  private CompletableFuture<HttpResponse<Void>> get(URI uri) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).GET().build(), BodyHandlers.discarding());
  }

  /** Waits for every call and counts its status; a call without any answer fails the rehearsal. */
  private static void settle(
      List<CompletableFuture<HttpResponse<Void>>> calls, SortedMap<Integer, Long> statuses)
      throws InterruptedException {
    for (CompletableFuture<HttpResponse<Void>> call : calls) {
      try {
        statuses.merge(call.get().statusCode(), 1L, Long::sum);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a rehearsal call got no answer", e.getCause());
      }
    }
  }
}

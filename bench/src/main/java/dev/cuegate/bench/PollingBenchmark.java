package dev.cuegate.bench;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.Endpoint;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.common.util.EventLoopGroups;
import dev.cuegate.testing.FakeCuebot;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many dashboards polling: {@value #CLIENTS} clients each ask {@code job.JobInterface/GetJobs}
 * once a second, at offsets spread over the second as independent browser tabs would be, through
 * the gateway with sharing off, with in-flight sharing, and with sharing plus a one-second cache.
 * Prints the Cuebot calls per second each mode costs and the clients' latency.
 */
public final class PollingBenchmark {
  private static final int CLIENTS = 100;
  private static final String GET_JOBS = "job.JobInterface/GetJobs";
  private static final String BODY = "{\"r\":{\"include_finished\":true,\"shows\":[\"testing\"]}}";

  private PollingBenchmark() {}

  /** Usage: {@code PollingBenchmark [--quick]}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    boolean quick = List.of(args).contains("--quick");
    Duration run = Duration.ofSeconds(quick ? 5 : 30);
    Map<String, Map<String, String>> modes = new LinkedHashMap<>();
    modes.put("sharing off", Map.of("COALESCE_READS", "false"));
    modes.put("in-flight sharing", Map.of("COALESCE_READS", "true"));
    modes.put("sharing + READ_CACHE_TTL=1s",
        Map.of("COALESCE_READS", "true", "READ_CACHE_TTL", "1s"));
    // Unmeasured: the first mode run would otherwise carry the JIT's warm-up in its p99.
    try (FakeCuebot cuebot = FakeCuebot.start();
        BenchGateway gateway = BenchGateway.start(cuebot.target(), modes.get("sharing off"))) {
      cuebot.addGeneratedJobs(20);
      Step warmUp = poll(gateway, Duration.ofSeconds(quick ? 2 : 15));
      System.out.printf(Locale.ROOT, "polling warm-up: %d client calls, p99 %s%n",
          warmUp.calls(), Units.millis(warmUp.p99Nanos()));
    }
    for (Map.Entry<String, Map<String, String>> mode : modes.entrySet()) {
      try (FakeCuebot cuebot = FakeCuebot.start();
          BenchGateway gateway = BenchGateway.start(cuebot.target(), mode.getValue())) {
        // A small farm: on a shared 2-core machine 100 answers a second of a large one would
        // measure the fake's own speed instead of the gateway's sharing.
        cuebot.addGeneratedJobs(20);
        Step step = poll(gateway, run);
        int upstream = cuebot.callCount(GET_JOBS);
        System.out.printf(Locale.ROOT,
            "polling %d clients at 1/s, %s: %.1f Cuebot GetJobs calls/s (%d for %d client calls),"
                + " client p50 %s p99 %s, %d errors%n",
            CLIENTS, mode.getKey(), upstream / (run.toMillis() / 1e3), upstream, step.calls(),
            Units.millis(step.p50Nanos()), Units.millis(step.p99Nanos()), step.errors());
      }
    }
  }

  private record Step(long calls, long errors, long p50Nanos, long p99Nanos) {}

  private static Step poll(BenchGateway gateway, Duration run) throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong started = new AtomicLong();
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    try (ClientFactory factory = ClientFactory.builder()
        .workerGroup(EventLoopGroups.newEventLoopGroup(1), true).build()) {
      WebClient http = WebClient.builder(
              SessionProtocol.H1C, Endpoint.of("127.0.0.1", gateway.port()))
          .factory(factory)
          .build();
      RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, "/" + GET_JOBS)
          .contentType(MediaType.JSON)
          .add(HttpHeaderNames.AUTHORIZATION, "Bearer " + gateway.token())
          .build();
      Random offsets = new Random(17);
      for (int client = 0; client < CLIENTS; client++) {
        ticks.scheduleAtFixedRate(() -> {
          long start = System.nanoTime();
          started.incrementAndGet();
          http.execute(HttpRequest.of(headers, HttpData.ofUtf8(BODY))).aggregate()
              .whenComplete((answer, failure) -> {
                if (failure != null || !answer.status().equals(HttpStatus.OK)) {
                  if (errors.incrementAndGet() == 1) {
                    System.err.println("first error: "
                        + (failure != null ? failure : answer.status() + " " + answer.contentUtf8()));
                  }
                } else {
                  latencies.add(System.nanoTime() - start);
                }
              });
        }, offsets.nextInt(1000), 1000, TimeUnit.MILLISECONDS);
      }
      Thread.sleep(run.toMillis());
      ticks.shutdownNow();
      ticks.awaitTermination(5, TimeUnit.SECONDS);
      // Calls still in flight finish before their client factory closes, so none count as errors.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (latencies.size() + errors.get() < started.get() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    long p99 = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.99)];
    return new Step(sorted.length, errors.get(), p50, p99);
  }
}

package dev.cuegate.bench;

import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowInterfaceGrpc.ShowInterfaceBlockingStub;
import dev.cuegate.testing.FakeCuebot;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End to end: {@code show.ShowInterface/GetShows} through the gateway (Java's HttpClient, HTTP/1.1,
 * one connection per thread) and, side by side in the same run, straight to the same fake Cuebot
 * with the generated blocking stub. Everything runs in this process on loopback, so the CPU
 * figure covers client, gateway and fake together.
 */
public final class LoadBenchmark {
  private static final List<Integer> CONCURRENCIES = List.of(1, 8, 32);

  private LoadBenchmark() {}

  /** Usage: {@code LoadBenchmark [--quick]}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    boolean quick = List.of(args).contains("--quick");
    Duration warmupLimit = Duration.ofSeconds(quick ? 10 : 180);
    Duration stepWarmup = Duration.ofMillis(quick ? 500 : 1_000);
    Duration stepWarmupLimit = Duration.ofSeconds(quick ? 2 : 30);
    Duration measure = Duration.ofMillis(quick ? 1_500 : 5_000);

    try (FakeCuebot cuebot = FakeCuebot.start();
        BenchGateway gateway = BenchGateway.start(cuebot.target())) {
      ManagedChannel channel =
          NettyChannelBuilder.forTarget(cuebot.target()).usePlaintext().build();
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest getShows = gateway.post("/show.ShowInterface/GetShows", "{}");
        LoadRunner.Call viaGateway = () -> expectOk(http.send(getShows, HttpResponse.BodyHandlers.ofByteArray()));
        ShowInterfaceBlockingStub stub = ShowInterfaceGrpc.newBlockingStub(channel);
        LoadRunner.Call direct = () -> stub.getShows(ShowGetShowsRequest.getDefaultInstance());

        LoadRunner.WarmUp warm =
            LoadRunner.warmUpUntilCompiled(
                8, Duration.ofSeconds(2), warmupLimit, viaGateway, direct);
        System.out.printf(
            Locale.ROOT,
            "e2e warm-up: %.0f s, JIT %s%n",
            warm.spent().toMillis() / 1e3,
            warm.settled() ? "settled" : "still compiling (figures include it)");
        for (int concurrency : CONCURRENCIES) {
          LoadRunner.Result gate =
              LoadRunner.run(concurrency, stepWarmup, stepWarmupLimit, measure, viaGateway);
          LoadRunner.Result base =
              LoadRunner.run(concurrency, stepWarmup, stepWarmupLimit, measure, direct);
          System.out.printf(
              Locale.ROOT,
              "e2e GetShows c=%d: gateway %s | direct %s%n",
              concurrency,
              gate.describe(),
              base.describe());
          System.out.printf(
              Locale.ROOT,
              "e2e GetShows c=%d: gateway p50 %+.2f ms vs direct (throughput %.2fx direct)%n",
              concurrency,
              (gate.p50Nanos() - base.p50Nanos()) / 1e6,
              gate.perSecond() / base.perSecond());
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void expectOk(HttpResponse<?> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("gateway answered " + response.statusCode());
    }
  }
}

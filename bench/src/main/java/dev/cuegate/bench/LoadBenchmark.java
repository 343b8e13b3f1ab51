package dev.cuegate.bench;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.Endpoint;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.common.util.EventLoopGroups;
import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowInterfaceGrpc.ShowInterfaceBlockingStub;
import dev.cuegate.testing.FakeCuebot;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End to end: {@code show.ShowInterface/GetShows} through the gateway (Armeria's blocking web
 * client, HTTP/1.1, a connection per concurrent call) and, side by side in the same run, straight
 * to the same fake Cuebot with the generated blocking stub. Everything runs in this process on
 * loopback, so the CPU figure covers client, gateway and fake together.
 *
 * <p>Both clients are Netty clients that block the calling thread on a future, so they cost about
 * the same; Java's HttpClient, used before, hands every exchange through two more threads of its
 * own, which showed as the gateway's latency.
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
    Duration round = Duration.ofMillis(quick ? 500 : 1_000);
    int rounds = quick ? 3 : 8;

    // The client gets event loops of its own, as a client in another process would have; on
    // Armeria's shared ones it would take turns with the gateway's own connections.
    try (FakeCuebot cuebot = FakeCuebot.start();
        BenchGateway gateway = BenchGateway.start(cuebot.target());
        ClientFactory clients =
            ClientFactory.builder().workerGroup(EventLoopGroups.newEventLoopGroup(1), true).build()) {
      ManagedChannel channel =
          NettyChannelBuilder.forTarget(cuebot.target()).usePlaintext().build();
      try {
        BlockingWebClient http =
            WebClient.builder(SessionProtocol.H1C, Endpoint.of("127.0.0.1", gateway.port()))
                .factory(clients)
                .build()
                .blocking();
        RequestHeaders getShows =
            RequestHeaders.builder(HttpMethod.POST, "/show.ShowInterface/GetShows")
                .contentType(MediaType.JSON)
                .add(HttpHeaderNames.AUTHORIZATION, "Bearer " + gateway.token())
                .build();
        LoadRunner.Call viaGateway =
            () -> expectOk(http.execute(HttpRequest.of(getShows, HttpData.ofUtf8("{}"))));
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
          LoadRunner.Result[] sides =
              LoadRunner.compare(
                  concurrency, stepWarmup, stepWarmupLimit, round, rounds, viaGateway, direct);
          LoadRunner.Result gate = sides[0];
          LoadRunner.Result base = sides[1];
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

  private static void expectOk(AggregatedHttpResponse response) {
    if (!response.status().equals(HttpStatus.OK)) {
      throw new IllegalStateException("gateway answered " + response.status());
    }
  }
}

package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.ChildCueGate;
import dev.cuegate.testing.FakeCuebot;
import dev.cuegate.testing.RawHttp;
import dev.cuegate.testing.Tokens;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a CueGate process under load: readiness fails at once, every request sent is
 * answered (200 while draining, 503 with {@code Retry-After} once {@code SHUTDOWN_TIMEOUT} is
 * over), none is reset or cut off, none is logged as abandoned, and the process exits in time.
 */
class ShutdownUnderLoadTest {
  private static final Duration SHUTDOWN_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("cuegate.shutdownTest.timeoutSeconds", 3));
  /** What shutdown may take beyond SHUTDOWN_TIMEOUT (docs/OPERATIONS.md, "Shutdown"). */
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private static final String GET_SHOWS = "/show.ShowInterface/GetShows";
  private static final String FIND_SHOW = "/show.ShowInterface/FindShow";
  private static final Duration POLL = Duration.ofMillis(20);
  /** The measurement in docs/OPERATIONS.md runs 64 clients and a 10 s timeout. */
  private static final int CLIENTS = Integer.getInteger("cuegate.shutdownTest.clients", 16);
  /**
   * Clients that ignore 503 and refused connections and keep sending until the process is gone,
   * as in the load test that found the lost requests; some of their connections may then be
   * reset by the kernel as the listening socket closes, so the figures are printed, not asserted.
   */
  private static final boolean RELENTLESS = Boolean.getBoolean("cuegate.shutdownTest.relentless");

  @TempDir Path dir;
  private FakeCuebot cuebot;
  private ChildCueGate child;
  private int adminPort;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong closingAnswers = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startCueGate() throws IOException {
    cuebot = FakeCuebot.start();
    adminPort = freePort();
    child = ChildCueGate.start(dir, Map.of(
        "CUEBOT_ENDPOINT", cuebot.target(),
        "SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT.toSeconds() + "s",
        "ADMIN_PORT", Integer.toString(adminPort),
        "ADMIN_BIND", "127.0.0.1",
        // The two held calls are identical reads; shared, only one would reach Cuebot.
        "COALESCE_READS", "false"), Duration.ofSeconds(60));
  }

  @AfterEach
  void stopEverything() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(40).toMillis());
    }
    child.close();
    cuebot.close();
  }

  @Test
  void sigtermUnderLoadAnswersEveryRequestAndExitsInTime() throws Exception {
    await("readiness", () -> readiness() == 200, Duration.ofSeconds(30));
    // Two calls that Cuebot holds far beyond the shutdown timeout.
    cuebot.delayNext(FIND_SHOW.substring(1), Duration.ofSeconds(60));
    cuebot.delayNext(FIND_SHOW.substring(1), Duration.ofSeconds(60));
    List<SlowCall> slow = List.of(new SlowCall(), new SlowCall());
    slow.forEach(call -> start(call::run));
    for (int i = 0; i < CLIENTS; i++) {
      start(this::loop);
    }
    await("both slow calls reached Cuebot",
        () -> cuebot.callCount(FIND_SHOW.substring(1)) == 2, Duration.ofSeconds(30));
    await("load", () -> count(200) >= 20L * CLIENTS, Duration.ofSeconds(60));

    Instant sigterm = Instant.now();
    child.terminate();
    await("readiness fails", () -> readiness() != 200, Duration.ofSeconds(1));
    boolean exited = child.awaitExit(SHUTDOWN_TIMEOUT.plus(MARGIN).plusSeconds(10));
    Duration exit = Duration.between(sigterm, Instant.now());
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(40).toMillis());
    }

    System.out.printf("shutdown under load: %d clients, exit after %d ms; answers %s;"
            + " lost or reset %d; refused connections %d; answers with Connection: close %d;"
            + " slow calls %s%n",
        CLIENTS, exit.toMillis(), answers, lost.get(), refused.get(), closingAnswers.get(),
        slow.stream().map(call -> (call.response == null ? "-" : call.response.status())
            + " closed after " + call.closedAfter).toList());
    child.output().lines().filter(line -> line.contains("shut") || line.contains("SIGTERM")
        || line.contains(FIND_SHOW)).forEach(System.out::println);
    assertThat(exited).as("the process exited").isTrue();
    if (RELENTLESS) {
      return;
    }
    assertThat(exit).isLessThan(SHUTDOWN_TIMEOUT.plus(MARGIN));
    assertThat(failures).isEmpty();
    assertThat(lost.get()).as("requests sent but never answered").isZero();
    assertThat(answers.keySet()).containsOnly(200, 503);
    assertThat(closingAnswers.get()).as("answers that closed keep-alive connections")
        .isGreaterThanOrEqualTo(CLIENTS);
    for (SlowCall call : slow) {
      assertThat(call.response).as("a call running at the deadline").isNotNull();
      assertThat(call.response.status()).isEqualTo(503);
      assertThat(call.response.headers()).containsEntry("retry-after", "1");
      assertThat(call.response.text()).contains("\"code\":14");
      assertThat(call.closedAfter).as("the socket closes with the answer")
          .isLessThan(Duration.ofMillis(500));
    }
    assertThat(child.output()).as("access log lines of abandoned requests")
        .doesNotContainPattern(" (0|499) \\d+\\.\\d{3}ms");
  }

  /** One client: a request after another on a keep-alive connection, reconnecting as told. */
  private void loop() {
    byte[] request = RawHttp.post(GET_SHOWS, Tokens.valid(), "{}");
    Socket socket = null;
    InputStream in = null;
    try {
      while (!stop.get()) {
        if (socket == null) {
          socket = new Socket();
          try {
            socket.connect(new InetSocketAddress("127.0.0.1", child.port()), 5000);
          } catch (ConnectException e) {
            // Nothing was sent; a real client now goes to another instance.
            refused.incrementAndGet();
            socket = null;
            if (RELENTLESS && child.isAlive()) {
              continue;
            }
            return;
          }
          socket.setSoTimeout(30_000);
          in = new BufferedInputStream(socket.getInputStream());
        }
        RawHttp.Response response;
        try {
          RawHttp.send(socket, request);
          response = RawHttp.read(in);
        } catch (IOException e) {
          lost.incrementAndGet();
          failures.add("request lost: " + e);
          socket.close();
          socket = null;
          continue;
        }
        answers.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
        if (response.closesConnection()) {
          closingAnswers.incrementAndGet();
          socket.close();
          socket = null;
        }
        if (response.status() == 503 && !RELENTLESS) {
          // Told to come back later: a real client goes elsewhere, or waits (Retry-After).
          return;
        }
      }
    } catch (IOException e) {
      failures.add("client failed: " + e);
    } finally {
      closeQuietly(socket);
    }
  }

  /** A call Cuebot holds; remembers the answer and how soon the server closed the socket. */
  private final class SlowCall {
    volatile RawHttp.Response response;
    volatile Duration closedAfter;

    void run() {
      try (Socket socket = new Socket("127.0.0.1", child.port())) {
        socket.setSoTimeout(30_000);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        RawHttp.send(socket, RawHttp.post(FIND_SHOW, Tokens.valid(), "{\"name\":\"slow\"}"));
        response = RawHttp.read(in);
        Instant answered = Instant.now();
        if (in.read() < 0) {
          closedAfter = Duration.between(answered, Instant.now());
        }
      } catch (IOException e) {
        failures.add("slow call failed: " + e);
      }
    }
  }

  private long count(int status) {
    AtomicLong n = answers.get(status);
    return n == null ? 0 : n.get();
  }

  private void start(Runnable body) {
    Thread thread = new Thread(body, "shutdown-test-client-" + threads.size());
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** The status of {@code /readyz}, or 0 when the admin port does not answer. */
  private int readiness() {
    try (Socket socket = new Socket("127.0.0.1", adminPort)) {
      socket.setSoTimeout(2000);
      RawHttp.send(socket, ("GET /readyz HTTP/1.1\r\nHost: cuegate\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return RawHttp.read(new BufferedInputStream(socket.getInputStream())).status();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void await(String what, BooleanSupplier condition, Duration limit) {
    Awaitility.await(what).atMost(limit).pollInterval(POLL).until(condition::getAsBoolean);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to read from it.
    }
  }
}

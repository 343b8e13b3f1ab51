package dev.cuegate.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real OpenCue Cuebot of the integration suite, at {@code CUEBOT_IT_ENDPOINT} ({@code .ci/run}
 * starts one and sets it). Without the variable, or when nothing answers there, the suite is
 * skipped, and the skip says why.
 */
public final class RealCuebot {
  public static final String ENDPOINT = "CUEBOT_IT_ENDPOINT";
  /** The port Cuebot dials render hosts on ({@code CUEBOT_GRPC_RQD_SERVER_PORT}, 8444). */
  public static final String RQD_PORT = "CUEBOT_IT_RQD_PORT";
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private RealCuebot() {}

  /** The Cuebot's {@code host:port}; skips the calling test class when there is none. */
  public static String endpoint() {
    Optional<String> endpoint = Optional.ofNullable(System.getenv(ENDPOINT))
        .filter(value -> !value.isBlank());
    Assumptions.assumeTrue(endpoint.isPresent(), ENDPOINT + " is not set: the real-Cuebot"
        + " suite is skipped (.ci/run starts OpenCue's Cuebot and sets it)");
    Assumptions.assumeTrue(answers(endpoint.get()), ENDPOINT + "=" + endpoint.get()
        + " does not accept connections: the real-Cuebot suite is skipped");
    return endpoint.get();
  }

  /** The port a bridge must listen on for this Cuebot to dial it. */
  public static int rqdPort() {
    return Integer.parseInt(Optional.ofNullable(System.getenv(RQD_PORT)).orElse("8444"));
  }

  private static boolean answers(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.substring(0, colon),
          Integer.parseInt(endpoint.substring(colon + 1))), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }
}

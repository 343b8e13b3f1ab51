package dev.cuegate.shaman;

import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The Shaman file store (docs/SHAMAN.md): its HTTP routes and its garbage-collection schedule.
 *
 * <p>Wire it as {@code create} → {@code mountOn} → {@code start} before the server starts, and
 * {@code close} after the server stopped.
 */
public interface ShamanService extends AutoCloseable {
  /**
   * The path prefixes whose services undo a gzip {@code Content-Encoding} themselves while they
   * stream the body, so that the server's decoder (which holds a body in memory) leaves them be.
   */
  List<String> SELF_DECODING_PATHS = List.of("/files/", "/checkout/");

  /** Adds the {@code /files/…} and {@code /checkout/…} routes; adds nothing when disabled. */
  void mountOn(ServerBuilder sb);

  /** Starts the garbage-collection schedule (unless its period is zero). */
  void start();

  /** Stops the schedule, waiting for a running collection to finish. */
  @Override
  void close();

  /**
   * Opens the store (creating its folders) and prepares the routes. A disabled configuration
   * yields a service that does nothing and touches no disk.
   */
  static ShamanService create(
      GatewayConfig.Shaman config, TokenVerifier verifier, MeterRegistry registry, Clock clock)
      throws IOException {
    if (!config.enabled()) {
      return new DisabledShamanService();
    }
    return DefaultShamanService.open(config, verifier, registry, clock, ShamanHooks.NONE);
  }
}

package dev.cuegate.shaman;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.auth.AuthException;
import dev.cuegate.auth.Principal;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.testing.TestHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A real Armeria server on an ephemeral port with only the Shaman's routes, plus helpers. */
final class ShamanTestServer implements AutoCloseable {
  static final String TOKEN = "good-token";

  final Path dataDir;
  final GatewayConfig.Shaman config;
  final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  final TestHooks hooks = new TestHooks();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final DefaultShamanService service;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Server server;

  ShamanTestServer(Path dataDir) throws IOException {
    this(dataDir, Map.of());
  }

  ShamanTestServer(Path dataDir, Map<String, String> env) throws IOException {
    this.dataDir = dataDir;
    Map<String, String> withDataDir = new HashMap<>(env);
    withDataDir.put("DATA_DIR", dataDir.toString());
    this.config = EnvConfigLoader.shaman(withDataDir);
    TokenVerifier verifier = header -> {
      if (!("Bearer " + TOKEN).equals(header)) {
        throw new AuthException("bad_token", "token missing or not accepted");
      }
      return new Principal("tester", Map.of());
    };
    this.service = DefaultShamanService.open(config, verifier, registry, clock, hooks);
    ServerBuilder sb = Server.builder().http(0).gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO);
    service.mountOn(sb);
    this.server = sb.build();
    server.start().join();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.activeLocalPort() + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN);
  }

  HttpResponse<String> send(HttpRequest request) {
    return TestHttp.send(client, request);
  }

  HttpResponse<String> upload(byte[] content) {
    return send(request(filesPath(content))
        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
  }

  HttpResponse<String> options(String path) {
    return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  HttpResponse<String> postText(String path, String body) {
    return send(request(path)
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  Path storeRoot() {
    return config.storePath().toAbsolutePath().normalize();
  }

  Path blobPath(byte[] content) {
    String sum = sha256(content);
    return storeRoot().resolve("stored").resolve(sum.substring(0, 2)).resolve(sum.substring(2))
        .resolve(content.length + ".blob");
  }

  /** Every regular file under a folder of the store ({@code stored} or {@code uploading}). */
  List<Path> filesUnder(String folder) throws IOException {
    try (Stream<Path> files = Files.walk(storeRoot().resolve(folder))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static String filesPath(byte[] content) {
    return "/files/" + sha256(content) + "/" + content.length;
  }

  static String line(byte[] content, String path) {
    return sha256(content) + " " + content.length + " " + path + "\n";
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    // Netty's boss group lingers for a 2 s quiet period; every request has completed by now,
    // so the test need not wait for it.
    server.stop();
    service.close();
  }
}

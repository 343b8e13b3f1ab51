package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksFileTest {
  @TempDir Path dir;

  @Test
  void noFileMeansNoEndpoints() {
    assertThat(WebhooksFile.read(Optional.empty())).isEmpty();
  }

  @Test
  void aValidFileIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("w.json"),
        "[{\"name\": \"a\", \"url\": \"https://a.example/\", \"secret\": \"s\"}]");

    assertThat(WebhooksFile.read(Optional.of(file))).hasSize(1);
  }

  @Test
  void aBadEntryStopsStartUpNamingTheVariableAndTheEntry() throws IOException {
    Path file = Files.writeString(dir.resolve("w.json"), """
        [{"name": "good", "url": "https://a.example/", "secret": "s"},
         {"name": "broken", "url": "not a url", "secret": "s"}]""");
    GatewayConfig config = EnvConfigLoader.load(Map.of(
        "JWT_SECRET", Tokens.SECRET,
        "REST_PORT", "0",
        "ADMIN_PORT", "0",
        "DATA_DIR", dir.resolve("data").toString(),
        "LOG_DIR", dir.resolve("logs").toString(),
        "WEBHOOKS_FILE", file.toString())).config();

    assertThatThrownBy(() -> CueGate.start(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("WEBHOOKS_FILE: ")
        .hasMessageContaining("entry 2 (\"broken\")");
  }

  @Test
  void aMissingFileStopsStartUp() {
    assertThatThrownBy(() -> EnvConfigLoader.load(Map.of(
        "JWT_SECRET", Tokens.SECRET, "WEBHOOKS_FILE", dir.resolve("none.json").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("WEBHOOKS_FILE: expected a readable file");
  }
}

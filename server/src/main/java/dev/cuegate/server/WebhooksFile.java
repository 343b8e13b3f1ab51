package dev.cuegate.server;

import dev.cuegate.config.ConfigException;
import dev.cuegate.webhooks.WebhookEndpoint;
import dev.cuegate.webhooks.WebhookEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the webhook endpoints that {@code WEBHOOKS_FILE} lists, once, at start-up. */
public final class WebhooksFile {
  private static final String VARIABLE = "WEBHOOKS_FILE";

  private WebhooksFile() {}

  /**
   * The endpoints; none when the variable is unset.
   *
   * @throws ConfigException naming {@code WEBHOOKS_FILE} and the entry that cannot be used
   */
  public static List<WebhookEndpoint> read(Optional<Path> file) {
    if (file.isEmpty()) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(file.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          VARIABLE, "cannot read " + file.get() + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return WebhookEndpoints.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(VARIABLE, file.get() + ": " + e.getMessage());
    }
  }
}

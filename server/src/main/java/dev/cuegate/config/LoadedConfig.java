package dev.cuegate.config;

import java.util.List;

/** A validated configuration and the start-up warnings its values deserve (logged loudly). */
public record LoadedConfig(GatewayConfig config, List<String> warnings) {
  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}

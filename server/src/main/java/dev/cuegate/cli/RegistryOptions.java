package dev.cuegate.cli;

import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.contract.MethodRegistry;

/** The methods a gateway with this environment would serve (it honours HIDDEN_SERVICES). */
final class RegistryOptions {
  private RegistryOptions() {}

  static MethodRegistry registry(CliEnvironment environment) {
    return MethodRegistry.opencue(EnvConfigLoader.hiddenServices(environment.variables()));
  }
}

package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;

/**
 * What the embedded farm's contract tests share: the gateway of the database a subclass runs
 * them on, and the farm's API on it.
 */
abstract class FarmContract {
  final GatewayExtension gateway;
  final FarmApi api;

  FarmContract(GatewayExtension gateway) {
    this.gateway = gateway;
    this.api = new FarmApi(gateway);
  }
}

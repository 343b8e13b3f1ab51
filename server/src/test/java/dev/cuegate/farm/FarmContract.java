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

  /** Runs the frame to success, as a worker that took it and exited 0 would. */
  void succeed(String frameId) {
    gateway.farm().startFrame(frameId, "render-01");
    gateway.farm().finishFrame(frameId, 0, "render-01");
  }
}

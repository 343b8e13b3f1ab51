package dev.cuegate.farm.store;

import java.util.Map;

/** What a host runs for a frame: the command line with its tokens replaced, and its environment. */
public record FrameCommand(String command, Map<String, String> environment) {

  public FrameCommand {
    environment = Map.copyOf(environment);
  }
}

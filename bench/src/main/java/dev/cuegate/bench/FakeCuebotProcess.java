package dev.cuegate.bench;

import dev.cuegate.testing.FakeCuebot;
import java.io.IOException;

/**
 * A fake Cuebot with extra generated jobs in a process of its own, so that building and sending
 * its answers does not show in the gateway's heap. Prints {@code port <n>} once listening and
 * stops when its standard input closes.
 */
public final class FakeCuebotProcess {
  private FakeCuebotProcess() {}

  /** Usage: {@code FakeCuebotProcess <generated jobs>}. */
  public static void main(String[] args) throws IOException {
    try (FakeCuebot cuebot = FakeCuebot.start()) {
      cuebot.addGeneratedJobs(Integer.parseInt(args[0]));
      System.out.println("port " + cuebot.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Nothing is sent; end of input is the signal to stop.
      }
    }
  }
}

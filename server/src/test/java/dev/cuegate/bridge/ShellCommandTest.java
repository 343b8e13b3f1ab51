package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.RandomChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cuebot's command line reaches {@code /bin/sh -c} unchanged, whatever it holds: sh is the oracle. */
class ShellCommandTest {

  @Test
  void aCommandLineIsWrappedForTheShell() {
    assertThat(ShellCommand.of("echo \"$CUE_FRAME\" | tee 'out log'"))
        .isEqualTo("/bin/sh -c 'echo \"$CUE_FRAME\" | tee '\\''out log'\\'''");
  }

  @Test
  void theShellReadsBackExactlyTheQuotedText() {
    RandomChecks.forAll(150, random -> {
      String text = RandomChecks.string(random, 40);
      assertThat(shellEcho(ShellCommand.quoted(text))).isEqualTo(text);
    });
  }

  @Test
  void quotesBackslashesAndDollarsSurviveTheQuoting() {
    String text = "it's $HOME \\n `date` \"x\" ''";
    assertThat(shellEcho(ShellCommand.quoted(text))).isEqualTo(text);
  }

  private static String shellEcho(String quoted) {
    try {
      Process sh = new ProcessBuilder("/bin/sh", "-c", "printf %s " + quoted).start();
      sh.getOutputStream().close();
      String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sh.exitValue()).isZero();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

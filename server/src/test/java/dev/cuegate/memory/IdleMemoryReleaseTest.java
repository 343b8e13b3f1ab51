package dev.cuegate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The release in a JVM of its own, started as {@code bin/cuegate} starts CueGate's (the serial
 * collector with its shrinking flags), since this one's collector and heap are the test runner's.
 */
class IdleMemoryReleaseTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void aReleaseGivesTheHeapABurstGrewBackToTheSystem() throws Exception {
    String[] committed = runChild().trim().split(" ");
    long grown = Long.parseLong(committed[0]);
    long released = Long.parseLong(committed[1]);
    assertThat(grown).as("heap committed after the burst").isGreaterThan(150 * MIB);
    assertThat(released).as("heap committed after the release").isLessThan(64 * MIB);
  }

  private static String runChild() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-XX:+UseSerialGC",
                "-Xms16m",
                "-Xmn8m",
                "-Xmx512m",
                "-XX:MinHeapFreeRatio=40",
                "-XX:MaxHeapFreeRatio=70",
                "-XX:-ShrinkHeapInSteps",
                "-cp",
                System.getProperty("java.class.path"),
                Burst.class.getName())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();
    return output.lines().reduce((first, second) -> second).orElse("");
  }

  /** The child: grows the heap with 200 MB held at once, drops it, releases, prints both sizes. */
  static final class Burst {
    public static void main(String[] args) {
      List<byte[]> held = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        held.add(new byte[(int) MIB]);
      }
      long grown = committed();
      held.clear();
      IdleMemoryRelease.releaseNow();
      System.out.println(grown + " " + committed() + " " + held.size());
    }

    private static long committed() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
  }
}

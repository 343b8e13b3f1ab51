package dev.cuegate.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Property checks: runs a check on many seeded random inputs and names the seed of the first input
 * that fails, so a failure can be replayed.
 *
 * <p>The seeds are fixed, so every run checks the same inputs; set the system property
 * {@code cuegate.seed} to explore others.
 */
public final class RandomChecks {
  private static final long BASE_SEED = Long.getLong("cuegate.seed", 20261123L);

  private RandomChecks() {}

  /** Runs {@code check} {@code tries} times, each with a {@link Random} of its own seed. */
  public static void forAll(int tries, Consumer<Random> check) {
    for (int i = 0; i < tries; i++) {
      long seed = BASE_SEED + i;
      try {
        check.accept(new Random(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("check failed for seed " + seed + " (try " + i + ")", e);
      }
    }
  }

  /** Random bytes, length in [min, max]. */
  public static byte[] bytes(Random random, int min, int max) {
    byte[] bytes = new byte[min + random.nextInt(max - min + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A random string of printable and non-ASCII characters, length in [0, max]. */
  public static String string(Random random, int max) {
    int length = random.nextInt(max + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 7) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 9) {
        text.append((char) (0xa0 + random.nextInt(0x2000)));
      } else {
        text.appendCodePoint(0x1f300 + random.nextInt(0x200));
      }
    }
    return text.toString();
  }
}

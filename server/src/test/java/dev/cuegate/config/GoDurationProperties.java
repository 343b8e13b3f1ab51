package dev.cuegate.config;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationProperties {

  @Test
  void formattedDurationParsesBackToItself() {
    forAll(
        2000,
        random -> {
          Duration duration = Duration.ofNanos(random.nextLong());

          assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
        });
  }

  @Test
  void extremeDurationsParseBackToThemselves() {
    for (long nanos : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1, 999, 1_000_000}) {
      Duration duration = Duration.ofNanos(nanos);

      assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
    }
  }

  @Test
  void formattedWholeSecondsParseBackToThemselves() {
    forAll(
        2000,
        random -> {
          Duration duration = Duration.ofSeconds(random.nextInt(100_001));

          assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
        });
  }
}

package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class GoDurationProperties {

  @Property
  void formattedDurationParsesBackToItself(@ForAll long nanos) {
    Duration duration = Duration.ofNanos(nanos);

    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }

  @Property
  void formattedDurationParsesBackToItselfForWholeUnits(
      @ForAll @IntRange(min = 0, max = 100_000) int seconds) {
    Duration duration = Duration.ofSeconds(seconds);

    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }
}

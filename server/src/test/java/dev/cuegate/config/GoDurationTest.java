package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "1m30s, PT1M30S",
      "500ms, PT0.5S",
      "1.5h, PT1H30M",
      "2h45m, PT2H45M",
      "0, PT0S",
      "-0, PT0S",
      "+5s, PT5S",
      "-1.5s, PT-1.5S",
      ".5s, PT0.5S",
      "1.s, PT1S",
      "1h0m0s, PT1H",
  })
  void goSyntaxParsesToTheSameDurationAsGo(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10us", "10\u00b5s", "10\u03bcs"})
  void everyMicrosecondSpellingIsAccepted(String text) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(10_000));
  }

  @ParameterizedTest
  @CsvSource({"100ns, 100", "1.9ns, 1", "1.5us, 1500"})
  void subNanosecondFractionsAreTruncated(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", ".s", "-", "1..5s", "1x", "1 s", "3 0s", "10d", "1sec"})
  void malformedTextIsRejected(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2562048h", "9223372036854775808ns", "-9223372036854775809ns"})
  void durationsBeyondGosRangeAreRejected(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @ParameterizedTest
  @CsvSource({
      "PT0S, 0s",
      "PT30S, 30s",
      "PT1M30S, 1m30s",
      "PT1H, 1h0m0s",
      "PT0.5S, 500ms",
      "PT-1.5S, -1.5s",
      "PT0.0000015S, 1.5\u00b5s",
      "PT0.000000001S, 1ns",
  })
  void formattingFollowsGosDurationString(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }

  @Test
  void theSmallestGoDurationFormatsAndParsesBack() {
    Duration min = Duration.ofNanos(Long.MIN_VALUE);

    assertThat(GoDuration.format(min)).isEqualTo("-2562047h47m16.854775808s");
    assertThat(GoDuration.parse(GoDuration.format(min))).isEqualTo(min);
  }
}

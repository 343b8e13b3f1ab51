package dev.cuegate.transcode;

import static dev.cuegate.testing.RandomChecks.forAll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatFormatTest {
  private final FloatFormat format = new FloatFormat();

  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "1, 1",
    "-0.0, -0",
    "0, 0",
    "100000, 100000",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "1.5e-7, 1.5e-7",
    "1e-6, 0.000001",
    "123.456, 123.456",
    "-2.5, -2.5",
    "3.4028235e38, 3.4028235e+38",
    "1.4e-45, 1e-45",
  })
  void floatsPrintTheirShortestFormInGoLayout(float value, String expected) {
    // when
    int length = format.formatFloat(value);

    // then
    assertThat(new String(format.chars(), 0, length)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "2.0E-3, 0.002",
    "1e21, 1e+21",
    "1e100, 1e+100",
    "1e-100, 1e-100",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "4.9e-324, 5e-324",
    "9.9e-324, 1e-323",
    "123456789012345680000, 123456789012345680000",
    "-1e-7, -1e-7",
    "2e-7, 2e-7",
    "1.0E23, 1e+23",
  })
  void doublesPrintTheirShortestFormInGoLayout(double value, String expected) {
    // when
    int length = format.formatDouble(value);

    // then
    assertThat(new String(format.chars(), 0, length)).isEqualTo(expected);
  }

  @Test
  void everyFiniteFloatReadsBackAsItself() {
    forAll(20_000, random -> floatReadsBack(Float.intBitsToFloat(random.nextInt())));
  }

  private void floatReadsBack(float value) {
    if (!Float.isFinite(value)) {
      return;
    }
    // when
    String text = new String(format.chars(), 0, format.formatFloat(value));

    // then
    assertThat(Float.parseFloat(text)).isEqualTo(value);
    float magnitude = Math.abs(value);
    boolean exponent = magnitude != 0 && (magnitude < 1e-6f || magnitude >= 1e21f);
    assertThat(text.contains("e")).isEqualTo(exponent);
    assertThat(text).doesNotEndWith(".0").doesNotContain("E");
  }

  @Test
  void everyFiniteDoubleReadsBackAsItself() {
    forAll(20_000, random -> doubleReadsBack(Double.longBitsToDouble(random.nextLong())));
  }

  private void doubleReadsBack(double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    // when
    String text = new String(format.chars(), 0, format.formatDouble(value));

    // then
    assertThat(Double.parseDouble(text)).isEqualTo(value);
    double magnitude = Math.abs(value);
    boolean exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
    assertThat(text.contains("e")).isEqualTo(exponent);
    assertThat(text).doesNotEndWith(".0").doesNotContain("E");
  }

  @Test
  void shortDecimalFloatsPrintTheSameDigitsAsTheGeneralPath() {
    // Values such as 100.5 and 18.25 take a path of their own; Schubfach's digits are the oracle.
    forAll(50_000, random -> {
      int places = random.nextInt(5);
      long scaled = random.nextInt(1 << (1 + random.nextInt(30))) * (random.nextBoolean() ? 1 : -1);
      float value = (float) (scaled / Math.pow(10, places));
      if (value == 0 || Math.abs(value) < 1e-6f || Math.abs(value) >= 1e21f) {
        return;
      }
      // when
      String text = new String(format.chars(), 0, format.formatFloat(value));

      // then
      assertThat(new BigDecimal(text))
          .as("%s", value)
          .isEqualByComparingTo(new BigDecimal(FloatToDecimal.toString(value)));
      assertThat(text).doesNotEndWith(".0").doesNotContain("e").doesNotContain("E");
    });
  }

  @Test
  void integralDoublesPrintTheSameDigitsAsTheGeneralPath() {
    forAll(20_000, random -> {
      double value = (double) (random.nextLong() >> random.nextInt(64));
      if (value == 0) {
        return;
      }
      // when
      String text = new String(format.chars(), 0, format.formatDouble(value));

      // then
      assertThat(new BigDecimal(text))
          .as("%s", value)
          .isEqualByComparingTo(new BigDecimal(DoubleToDecimal.toString(value)));
    });
  }
}

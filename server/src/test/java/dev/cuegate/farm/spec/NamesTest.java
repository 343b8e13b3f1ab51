package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @Test
  void aJobIsNamedShowShotUserAndItsName() {
    assertThat(Names.job("testing", "sh01", "jdoe", "comp"))
        .isEqualTo("testing-sh01-jdoe_comp");
  }

  @ParameterizedTest
  @CsvSource({
    "Comp_V2, testing-sh01-jdoe_comp_v2",
    "comp-final, testing-sh01-jdoe_comp_final",
    "comp__v2, testing-sh01-jdoe_comp_v2",
    "testing-sh01-jdoe_comp, testing-sh01-jdoe_comp",
    "_comp, testing-sh01-jdoe_comp",
    "my.job, testing-sh01-jdoe_my.job",
  })
  void jobNamesAreConformedAsCuebotConformsThem(String name, String expected) {
    assertThat(Names.job("testing", "sh01", "jdoe", name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "", "has space", "semi;colon", "slash/es", "ü-umlaut"})
  void jobNamesThatCuebotRefusesAreRefused(String name) {
    assertThatThrownBy(() -> Names.job("testing", "sh01", "jdoe", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job name");
  }

  @ParameterizedTest
  @CsvSource({"render, render", "Beauty-Pass, beauty_pass", "v1.2, v1.2"})
  void layerNamesAreLowerCaseWithUnderscores(String name, String expected) {
    assertThat(Names.conform("layer", name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "a b c", "x/y/z", "a;b;c"})
  void layerNamesThatCuebotRefusesAreRefused(String name) {
    assertThatThrownBy(() -> Names.conform("layer", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer name");
  }

  @ParameterizedTest
  @CsvSource({
    "1, 0001-render",
    "0, 0000-render",
    "42, 0042-render",
    "1001, 1001-render",
    "123456, 123456-render",
    "-1, -001-render",
    "-1234, -1234-render",
  })
  void framesAreNamedByTheirNumberPaddedToFourPlaces(int number, String expected) {
    assertThat(Names.frame(number, "render")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1-render, 0001-render",
    "0001-Render, 0001-render",
    "-1-comp_out, -001-comp_out",
    "12-beauty-pass, 0012-beauty_pass",
  })
  void frameNamesInDependenciesAreConformed(String name, String expected) {
    assertThat(Names.conformFrame(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"render", "0001", "x-render", "99999999999-render", "1-ab"})
  void malformedFrameNamesAreRefused(String name) {
    assertThatThrownBy(() -> Names.conformFrame(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLogDirectoryDefaultsToTheShotsLogsFolderOfTheJob() {
    assertThat(Names.logDirectory("testing", "sh01", "testing-sh01-jdoe_comp", "a1b2"))
        .isEqualTo("/shots/testing/sh01/logs/testing-sh01-jdoe_comp--a1b2");
  }

  @Test
  void aFrameLogIsNamedAfterItsJobAndFrame() {
    assertThat(Names.logFile("/logs/j--1", "testing-sh01-jdoe_comp", "0001-render"))
        .isEqualTo("/logs/j--1/testing-sh01-jdoe_comp.0001-render.rqlog");
  }
}

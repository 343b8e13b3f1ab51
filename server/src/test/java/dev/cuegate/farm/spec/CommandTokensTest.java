package dev.cuegate.farm.spec;

import static dev.cuegate.farm.spec.DispatchFixtures.dispatch;
import static dev.cuegate.farm.spec.DispatchFixtures.layer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTokensTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "#IFRAME#; 5",
        "#FRAME_START#; 5",
        "#FRAME_END#; 8",
        "#FRAME_CHUNK#; 4",
        "#ZFRAME#; 0005",
        "#LAYER#; render",
        "#JOB#; testing-sh01-jdoe_comp",
        "#FRAME#; 0005-render",
        "#FRAMESPEC#; 5-8",
      })
  void eachTokenIsReplacedByTheValueOfTheFrame(String token, String value) {
    LayerDefinition layer = layer("render " + token, "1-10", 4);

    assertThat(CommandTokens.apply(dispatch(layer, 1))).isEqualTo("render " + value);
  }

  @Test
  void aCommandWithEveryTokenIsReplacedInOnePass() {
    LayerDefinition layer =
        layer("nuke -F #FRAME_START#-#FRAME_END# -x #JOB#/#LAYER#/#FRAME#.#ZFRAME# #FRAMESPEC#",
            "1-20x3", 3);

    assertThat(CommandTokens.apply(dispatch(layer, 1)))
        .isEqualTo(
            "nuke -F 10-16 -x testing-sh01-jdoe_comp/render/0010-render.0010 10-16x3");
  }

  @Test
  void theLastChunkEndsAtTheLastNumberOfTheRange() {
    LayerDefinition layer = layer("#FRAME_START# #FRAME_END# #FRAMESPEC#", "1-10", 4);

    assertThat(CommandTokens.apply(dispatch(layer, 2))).isEqualTo("9 10 9-10");
  }

  @Test
  void aChunkOfAnInterleavedRangeIsListedInItsOwnOrder() {
    LayerDefinition layer = layer("#FRAMESPEC# #FRAME_END#", "1-10:5", 3);

    assertThat(CommandTokens.apply(dispatch(layer, 0))).isEqualTo("1,6,2 2");
  }

  @Test
  void negativeFramesArePaddedLikeTheirNames() {
    LayerDefinition layer = layer("#ZFRAME# #FRAME#", "-3--1", 1);

    assertThat(CommandTokens.apply(dispatch(layer, 0))).isEqualTo("-003 -003-render");
  }

  @Test
  void unknownTokensAndShellVariablesAreLeftAlone() {
    LayerDefinition layer = layer("echo #NOPE# $CUE_IFRAME ${HOME} #iframe# ##IFRAME##", "7", 1);

    assertThat(CommandTokens.apply(dispatch(layer, 0)))
        .isEqualTo("echo #NOPE# $CUE_IFRAME ${HOME} #iframe# #7#");
  }

  @Test
  void replacementValuesAreTakenLiterally() {
    LayerDefinition layer = layer("#JOB#", "1", 1);
    FrameDispatch dispatch = dispatch(layer, 0);
    FrameDispatch dollar =
        new FrameDispatch(
            dispatch.show(), dispatch.shot(), dispatch.user(), "a$1\\b#FRAME#", dispatch.jobId(),
            dispatch.layerId(), dispatch.frameId(), dispatch.logDirectory(),
            dispatch.jobEnvironment(), layer, dispatch.frame());

    assertThat(CommandTokens.apply(dollar)).isEqualTo("a$1\\b#FRAME#");
  }
}

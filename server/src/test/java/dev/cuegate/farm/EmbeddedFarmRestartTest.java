package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the embedded farm stored is there again after CueGate restarts on the same DATA_DIR. */
class EmbeddedFarmRestartTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension().embedded();

  private final FarmApi api = new FarmApi(gateway);

  @Test
  void jobsFramesAndTheirStatesSurviveARestart() {
    // given
    String id = api.launch(spec(uniqueName("restart"), layer("render", "1-3", 1), ""));
    String frame = api.frameId(id, "0001-render");
    gateway.farm().startFrame(frame, "render-01");
    gateway.farm().finishFrame(frame, 0, "render-01");
    api.jobAction("Pause", id, "");
    List<String> before = api.frameStates(id);

    // when
    gateway.restart();

    // then
    assertThat(api.frameStates(id)).isEqualTo(before)
        .containsExactly("0001-render SUCCEEDED", "0002-render WAITING", "0003-render WAITING");
    assertThat(api.job(id).get("isPaused").asBoolean()).isTrue();
    assertThat(api.job(id).get("jobStats").get("succeededFrames").asInt()).isEqualTo(1);
  }
}

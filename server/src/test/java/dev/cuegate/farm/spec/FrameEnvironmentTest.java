package dev.cuegate.farm.spec;

import static dev.cuegate.farm.spec.DispatchFixtures.dispatch;
import static dev.cuegate.farm.spec.DispatchFixtures.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameEnvironmentTest {

  @Test
  void aFrameGetsEveryCueVariable() {
    Map<String, String> environment = FrameEnvironment.of(dispatch(layer("x", "1-10x2", 2), 1));

    assertThat(environment)
        .containsExactly(
            entry("JOB_ONLY", "j"),
            entry("LAYER_ONLY", "l"),
            entry("CUE3", "1"),
            entry("CUE_THREADS", "2"),
            entry("CUE_MEMORY", "8388608"),
            entry("CUE_GPUS", "1"),
            entry("CUE_GPU_MEMORY", "2097152"),
            entry("CUE_LOG_PATH", "/shots/testing/sh01/logs/testing-sh01-jdoe_comp--job-1"),
            entry("CUE_RANGE", "1-10x2"),
            entry("CUE_CHUNK", "2"),
            entry("CUE_IFRAME", "5"),
            entry("CUE_LAYER", "render"),
            entry("CUE_JOB", "testing-sh01-jdoe_comp"),
            entry("CUE_FRAME", "0005-render"),
            entry("CUE_SHOW", "testing"),
            entry("CUE_SHOT", "sh01"),
            entry("CUE_USER", "jdoe"),
            entry("CUE_JOB_ID", "job-1"),
            entry("CUE_LAYER_ID", "layer-1"),
            entry("CUE_FRAME_ID", "frame-1"),
            entry("CUE_THREADABLE", "1"));
  }

  @Test
  void theLayerOverridesTheJobAndCueVariablesOverrideBoth() {
    LayerDefinition layer =
        withEnvironment(layer("x", "1", 1), Map.of("SHARED", "layer", "CUE_SHOW", "spoofed"));
    FrameDispatch base = dispatch(layer, 0);
    FrameDispatch dispatch =
        new FrameDispatch(
            base.show(), base.shot(), base.user(), base.jobName(), base.jobId(), base.layerId(),
            base.frameId(), base.logDirectory(), Map.of("SHARED", "job", "CUE_USER", "spoofed"),
            layer, base.frame());

    Map<String, String> environment = FrameEnvironment.of(dispatch);

    assertThat(environment)
        .containsEntry("SHARED", "layer")
        .containsEntry("CUE_SHOW", "testing")
        .containsEntry("CUE_USER", "jdoe");
  }

  @Test
  void aFractionOfACoreStillRunsOneThreadAndIsNotThreadable() {
    LayerDefinition layer = withCores(layer("x", "1", 1), 50, false);

    Map<String, String> environment = FrameEnvironment.of(dispatch(layer, 0));

    assertThat(environment).containsEntry("CUE_THREADS", "1").containsEntry("CUE_THREADABLE", "0");
  }

  @Test
  void threadsAreWholeCoresRoundedDown() {
    LayerDefinition layer = withCores(layer("x", "1", 1), 399, true);

    assertThat(FrameEnvironment.of(dispatch(layer, 0))).containsEntry("CUE_THREADS", "3");
  }

  private static LayerDefinition withCores(LayerDefinition l, int cores, boolean threadable) {
    return new LayerDefinition(
        l.name(), l.type(), l.command(), l.range(), l.chunk(), cores, threadable, l.memoryKib(),
        l.gpus(), l.gpuMemoryKib(), l.timeoutMinutes(), l.timeoutLluMinutes(), l.tags(),
        l.limits(), l.environment(), l.services(), l.outputs());
  }

  private static LayerDefinition withEnvironment(LayerDefinition l, Map<String, String> env) {
    return new LayerDefinition(
        l.name(), l.type(), l.command(), l.range(), l.chunk(), l.cores(), l.threadable(),
        l.memoryKib(), l.gpus(), l.gpuMemoryKib(), l.timeoutMinutes(), l.timeoutLluMinutes(),
        l.tags(), l.limits(), env, l.services(), List.of());
  }
}

package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec as OpenCue's submission tools (pyoutline, cuesubmit) write it, from XML to dispatch. */
class RealisticSpecTest {
  private static final String SPEC =
      """
      <?xml version="1.0" ?>
      <!DOCTYPE spec PUBLIC "SPI Cue Specification Language" "http://localhost:8080/spcue/dtd/cjsl-1.12.dtd">
      <spec>
        <facility>local</facility>
        <show>testing</show>
        <shot>shot01</shot>
        <user>jdoe</user>
        <uid>1000</uid>
        <job name="lighting_v3">
          <paused>False</paused>
          <priority>100</priority>
          <maxretries>2</maxretries>
          <autoeat>False</autoeat>
          <os>Linux</os>
          <env>
            <key name="OL_OS">linux</key>
            <key name="RENDER_ROOT">/mnt/renders</key>
          </env>
          <layers>
            <layer name="beauty" type="Render">
              <cmd>/usr/bin/render --scene /jobs/shot01.ma --start #FRAME_START# --end #FRAME_END# --out /mnt/renders/#LAYER#.#ZFRAME#.exr</cmd>
              <range>1-100</range>
              <chunk>5</chunk>
              <cores>4.0</cores>
              <threadable>True</threadable>
              <memory>8g</memory>
              <tags>general</tags>
              <env>
                <key name="OMP_NUM_THREADS">4</key>
              </env>
              <services>
                <service>maya</service>
              </services>
            </layer>
            <layer name="comp" type="Render">
              <cmd>nuke -x -F #FRAMESPEC# /jobs/comp.nk</cmd>
              <range>1-100</range>
              <chunk>10</chunk>
              <cores>1.0</cores>
              <memory>2048m</memory>
              <services>
                <service>nuke</service>
              </services>
            </layer>
            <layer name="cleanup" type="Util">
              <cmd>rm -rf /tmp/#JOB#</cmd>
              <range>1</range>
              <chunk>1</chunk>
            </layer>
          </layers>
        </job>
        <depends>
          <depend type="FRAME_BY_FRAME">
            <depjob>lighting_v3</depjob>
            <deplayer>comp</deplayer>
            <onjob>lighting_v3</onjob>
            <onlayer>beauty</onlayer>
          </depend>
          <depend type="LAYER_ON_LAYER">
            <depjob>lighting_v3</depjob>
            <deplayer>cleanup</deplayer>
            <onjob>lighting_v3</onjob>
            <onlayer>comp</onlayer>
          </depend>
        </depends>
      </spec>
      """;

  @Test
  void aSubmittedSpecBecomesOneJobWithItsLayersAndFrames() {
    List<JobPlan> plans = JobPlan.of(JobSpecParser.parse(SPEC));

    assertThat(plans).extracting(JobPlan::name).containsExactly("testing-shot01-jdoe_lighting_v3");
    JobPlan plan = plans.get(0);
    assertThat(plan.layers()).extracting(layer -> layer.layer().name())
        .containsExactly("beauty", "comp", "cleanup");
    assertThat(plan.layers().get(0).frames()).extracting(PlannedFrame::name)
        .startsWith("0001-beauty", "0006-beauty", "0011-beauty")
        .endsWith("0096-beauty")
        .hasSize(20);
    assertThat(plan.layers().get(1).frames()).extracting(PlannedFrame::number)
        .containsExactly(1, 11, 21, 31, 41, 51, 61, 71, 81, 91);
    assertThat(plan.layers().get(2).frames()).containsExactly(
        new PlannedFrame(1, "0001-cleanup", List.of(1)));
    assertThat(plan.frameCount()).isEqualTo(31);
  }

  @Test
  void theDependenciesNameTheFullJobAndLayers() {
    List<DependDefinition> depends = JobSpecParser.parse(SPEC).depends();

    assertThat(depends).extracting(DependDefinition::type)
        .containsExactly(DependType.FRAME_BY_FRAME, DependType.LAYER_ON_LAYER);
    assertThat(depends.get(0).dependJob()).isEqualTo("testing-shot01-jdoe_lighting_v3");
    assertThat(depends.get(0).dependLayer()).contains("comp");
    assertThat(depends.get(0).onLayer()).contains("beauty");
  }

  @Test
  void aDispatchedFrameGetsItsCommandAndEnvironment() {
    JobSpec spec = JobSpecParser.parse(SPEC);
    JobPlan plan = JobPlan.of(spec).get(0);
    LayerPlan beauty = plan.layers().get(0);
    String logDirectory = Names.logDirectory(spec.show(), spec.shot(), plan.name(), "j-7");
    FrameDispatch dispatch =
        new FrameDispatch(
            spec.show(), spec.shot(), spec.user(), plan.name(), "j-7", "l-1", "f-3", logDirectory,
            plan.job().environment(), beauty.layer(), beauty.frames().get(2));

    String command = CommandTokens.apply(dispatch);
    Map<String, String> environment = FrameEnvironment.of(dispatch);

    assertThat(command)
        .isEqualTo(
            "/usr/bin/render --scene /jobs/shot01.ma --start 11 --end 15"
                + " --out /mnt/renders/beauty.0011.exr");
    assertThat(environment)
        .containsEntry("OL_OS", "linux")
        .containsEntry("OMP_NUM_THREADS", "4")
        .containsEntry("CUE_THREADS", "4")
        .containsEntry("CUE_MEMORY", String.valueOf(8L * 1024 * 1024))
        .containsEntry("CUE_THREADABLE", "1")
        .containsEntry("CUE_FRAME", "0011-beauty")
        .containsEntry(
            "CUE_LOG_PATH", "/shots/testing/shot01/logs/testing-shot01-jdoe_lighting_v3--j-7");
    assertThat(Names.logFile(logDirectory, plan.name(), "0011-beauty"))
        .endsWith("/testing-shot01-jdoe_lighting_v3.0011-beauty.rqlog");
  }

  @Test
  void theCompLayerRendersItsChunkAsARange() {
    JobPlan plan = JobPlan.of(JobSpecParser.parse(SPEC)).get(0);
    LayerPlan comp = plan.layers().get(1);
    FrameDispatch dispatch =
        new FrameDispatch(
            "testing", "shot01", "jdoe", plan.name(), "j", "l", "f", "/logs", Map.of(),
            comp.layer(), comp.frames().get(9));

    assertThat(CommandTokens.apply(dispatch)).isEqualTo("nuke -x -F 91-100 /jobs/comp.nk");
  }
}

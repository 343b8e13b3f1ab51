package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlanTest {

  @Test
  void eachChunkBecomesAFrameNamedAfterItsFirstNumber() {
    JobSpec spec =
        JobSpecParser.parse(
            Specs.withLayer("<cmd>x</cmd><range>1-10</range><chunk>2</chunk>"));

    LayerPlan layer = JobPlan.of(spec).get(0).layers().get(0);

    assertThat(layer.frames())
        .containsExactly(
            new PlannedFrame(1, "0001-render", List.of(1, 2)),
            new PlannedFrame(3, "0003-render", List.of(3, 4)),
            new PlannedFrame(5, "0005-render", List.of(5, 6)),
            new PlannedFrame(7, "0007-render", List.of(7, 8)),
            new PlannedFrame(9, "0009-render", List.of(9, 10)));
  }

  @Test
  void framesKeepTheOrderOfTheRange() {
    JobSpec spec =
        JobSpecParser.parse(Specs.withLayer("<cmd>x</cmd><range>3,-2,1-2</range><chunk>1</chunk>"));

    assertThat(JobPlan.of(spec).get(0).layers().get(0).frames())
        .extracting(PlannedFrame::name)
        .containsExactly("0003-render", "-002-render", "0001-render", "0002-render");
  }

  @Test
  void aFrameKnowsTheEndAndRangeOfItsChunk() {
    PlannedFrame frame = new PlannedFrame(10, "0010-render", List.of(10, 8, 6));

    assertThat(frame.lastNumber()).isEqualTo(6);
    assertThat(frame.frameSpec()).isEqualTo("10-6x-2");
  }

  @Test
  void everyJobOfASpecIsPlannedInOrder() {
    String layer = Specs.LAYER;
    String xml =
        Specs.withHeader(
            Specs.header(),
            "<job name=\"first\"><layers>" + layer + "</layers></job>"
                + "<job name=\"second\"><layers>" + layer + "</layers></job>");

    List<JobPlan> plans = JobPlan.of(JobSpecParser.parse(xml));

    assertThat(plans).extracting(JobPlan::name)
        .containsExactly("testing-sh01-jdoe_first", "testing-sh01-jdoe_second");
    assertThat(plans).extracting(JobPlan::frameCount).containsExactly(3, 3);
  }
}

package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.JobInterfaceGrpc;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SampleFarm;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of OpenCue's gateway documentation, with their wrong paths and bodies
 * (docs/ARCHITECTURE.md, "Paths"): each gets a useful answer.
 */
class SeedExamplesTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String LIGHTING_JOB_ID = SampleFarm.id("job", SampleFarm.LIGHTING_JOB);

  @Test
  void documentedFramePathIsServedByJobFrameInterface() {
    String frameId =
        json(gateway.post("/job.JobInterface/GetFrames",
                "{\"job\":{\"id\":\"" + LIGHTING_JOB_ID + "\"},\"req\":{\"page\":1,\"limit\":1}}"))
            .get("frames").get("frames").get(0).get("id").asText();

    HttpResponse<String> response =
        gateway.post("/frame.FrameInterface/GetFrame", "{\"id\":\"" + frameId + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("frame").get("id").asText()).isEqualTo(frameId);
  }

  @Test
  void documentedLayerGroupOwnerProcAndDeedPathsAreServed() {
    assertThat(gateway.post("/layer.LayerInterface/FindLayer",
            "{\"job\":\"" + SampleFarm.LIGHTING_JOB + "\",\"layer\":\"render\"}").statusCode())
        .isEqualTo(200);
    assertThat(gateway.post("/group.GroupInterface/FindGroup",
            "{\"show\":\"testing\",\"name\":\"testing\"}").statusCode())
        .isEqualTo(200);
    assertThat(gateway.post("/proc.ProcInterface/GetProcs", "{}").statusCode()).isEqualTo(200);
    assertThat(gateway.cuebot().callCount("host.ProcInterface/GetProcs")).isEqualTo(1);
    assertThat(gateway.post("/owner.OwnerInterface/GetOwner", "{}").statusCode())
        .isNotEqualTo(405);
    assertThat(gateway.cuebot().callCount("host.OwnerInterface/GetOwner")).isEqualTo(1);
    gateway.post("/deed.DeedInterface/GetHost", "{}");
    assertThat(gateway.cuebot().callCount("host.DeedInterface/GetHost")).isEqualTo(1);
  }

  @Test
  void documentedMethodsThatDoNotExistAre404() {
    for (String path :
        new String[] {
          "/layer.LayerInterface/Kill", "/owner.OwnerInterface/SetMaxCores", "/proc.ProcInterface/GetProc"
        }) {
      HttpResponse<String> response = gateway.post(path, "{}");

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json(response).get("code").asInt()).isEqualTo(5);
    }
  }

  @Test
  void documentedGetJobsBodyWithShowWarnsThatTheFieldIsShows() {
    HttpResponse<String> response =
        gateway.post("/job.JobInterface/GetJobs", "{\"r\":{\"show\":\"testing\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("warning"))
        .containsExactly("299 - \"unknown field \\\"r.show\\\"\"");
  }

  @Test
  void correctGetJobsBodyFiltersByShow() {
    HttpResponse<String> response =
        gateway.post("/job.JobInterface/GetJobs",
            "{\"r\":{\"shows\":[\"pipeline\"],\"include_finished\":true}}");

    assertThat(json(response).get("jobs").get("jobs").findValuesAsText("name"))
        .containsExactly(SampleFarm.PIPELINE_JOB);
    JobGetJobsRequest sent = gateway.cuebot().lastRequest(JobInterfaceGrpc.getGetJobsMethod()).orElseThrow();
    assertThat(sent.getR().getShowsList()).containsExactly("pipeline");
    assertThat(sent.getR().getIncludeFinished()).isTrue();
  }

  @Test
  void documentedFindLayerBodyWithAJobObjectIs400NamingTheField() {
    HttpResponse<String> response =
        gateway.post("/job.LayerInterface/FindLayer",
            "{\"job\":{\"name\":\"" + SampleFarm.LIGHTING_JOB + "\"},\"layer\":\"render\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(json(response).get("message").asText()).contains("job").containsIgnoringCase("string");
  }

  @Test
  void documentedFindGroupBodyWithAShowObjectIs400NamingTheField() {
    HttpResponse<String> response =
        gateway.post("/job.GroupInterface/FindGroup",
            "{\"show\":{\"name\":\"testing\"},\"name\":\"testing\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("show");
  }

  @Test
  void cuewebsJobsPageCallsWork() {
    assertThat(gateway.post("/show.ShowInterface/GetActiveShows", "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> jobs =
        gateway.post("/job.JobInterface/GetJobs",
            "{\"r\":{\"include_finished\":true,\"regex\":[\"^testing-\"]}}");
    assertThat(json(jobs).get("jobs").get("jobs").findValuesAsText("name"))
        .allMatch(name -> name.startsWith("testing-"))
        .contains(SampleFarm.FINISHED_JOB);
    assertThat(gateway.post("/job.JobInterface/GetLayers",
            "{\"job\":{\"id\":\"" + LIGHTING_JOB_ID + "\"}}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> frames =
        gateway.post("/job.JobInterface/GetFrames",
            "{\"job\":{\"id\":\"" + LIGHTING_JOB_ID + "\",\"name\":\"" + SampleFarm.LIGHTING_JOB
                + "\"},\"req\":{\"include_finished\":true,\"page\":1,\"limit\":500}}");
    assertThat(json(frames).get("frames").get("frames").size()).isEqualTo(100);
  }
}

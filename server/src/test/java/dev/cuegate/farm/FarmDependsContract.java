package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Dependencies created and dropped through OpenCue's job, layer, frame and depend interfaces,
 * and mark-done: what the farm's workers are given follows them.
 */
abstract class FarmDependsContract extends FarmContract {
  FarmDependsContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void aJobOnJobDependencyHoldsTheJobUntilTheOtherIsDoneThenAWorkerTakesIt() {
    String type = uniqueName("jobonjobtype");
    String waits = api.launch(spec(uniqueName("waits"), typed("render", "1", type), ""));
    String first = api.launch(spec(uniqueName("first"), layer("render", "1", 1), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("jobonjobhost"), type);

    JsonNode depend = api.ok("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + waits + "\"},\"on_job\":{\"id\":\"" + first + "\"}}")
        .get("depend");
    int heldFetch = worker.fetch().statusCode();
    JsonNode listed = api.jobAction("GetWhatThisDependsOn", waits, "").get("depends");
    succeed(api.frameId(first, "0001-render"));

    assertThat(depend.get("type").asText()).isEqualTo("JOB_ON_JOB");
    assertThat(depend.get("active").asBoolean()).isTrue();
    assertThat(depend.get("dependOnJob").asText()).isEqualTo(api.job(first).get("name").asText());
    assertThat(listed.get("depends").get(0).get("id").asText())
        .isEqualTo(depend.get("id").asText());
    assertThat(heldFetch).isEqualTo(204);
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void aDependencyOnSomethingDoneIsSatisfiedAtOnce() {
    String waits = api.launch(spec(uniqueName("waitsdone"), layer("render", "1", 1), ""));
    String done = api.launch(spec(uniqueName("done"), layer("render", "1-2", 1), ""));
    String frame = api.frameId(done, "0002-render");
    succeed(frame);

    JsonNode depend = api.ok("/job.JobInterface/CreateDependencyOnFrame",
        "{\"job\":{\"id\":\"" + waits + "\"},\"frame\":{\"id\":\"" + frame + "\"}}")
        .get("depend");

    assertThat(depend.get("type").asText()).isEqualTo("JOB_ON_FRAME");
    assertThat(depend.path("active").asBoolean()).isFalse();
    assertThat(api.frameStates(waits)).containsExactly("0001-render WAITING");
  }

  @Test
  void layerAndFrameDependenciesHoldOnlyTheirOwnFrames() {
    String name = uniqueName("layerframe");
    String id = api.launch(spec(name, layer("render", "1-2", 1) + layer("comp", "1-2", 1)
        + layer("post", "1-2", 1), ""));
    String render = layerId(id, "render");

    api.ok("/job.LayerInterface/CreateDependencyOnLayer", "{\"layer\":{\"id\":\""
        + layerId(id, "comp") + "\"},\"depend_on_layer\":{\"id\":\"" + render + "\"}}");
    api.ok("/job.FrameInterface/CreateDependencyOnFrame", "{\"frame\":{\"id\":\""
        + api.frameId(id, "0002-post") + "\"},\"depend_on_frame\":{\"id\":\""
        + api.frameId(id, "0001-render") + "\"}}");

    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING",
        "0001-comp DEPEND", "0001-post WAITING", "0002-render WAITING", "0002-comp DEPEND",
        "0002-post DEPEND");
    succeed(api.frameId(id, "0001-render"));
    assertThat(api.frameStates(id)).containsExactly("0001-render SUCCEEDED",
        "0001-comp DEPEND", "0001-post WAITING", "0002-render WAITING", "0002-comp DEPEND",
        "0002-post WAITING");
  }

  @Test
  void theOtherDependOnCallsOfLayersAndFramesHoldWhatTheyName() {
    String id = api.launch(spec(uniqueName("others"), layer("render", "1-2", 1)
        + layer("comp", "1", 1) + layer("post", "1", 1), ""));
    String other = api.launch(spec(uniqueName("otherjob"), layer("render", "1", 1), ""));

    JsonNode layerOnJob = api.ok("/job.LayerInterface/CreateDependencyOnJob", "{\"layer\":{\"id\":\""
        + layerId(id, "comp") + "\"},\"job\":{\"id\":\"" + other + "\"}}").get("depend");
    JsonNode layerOnFrame = api.ok("/job.LayerInterface/CreateDependencyOnFrame",
        "{\"layer\":{\"id\":\"" + layerId(id, "post") + "\"},\"frame\":{\"id\":\""
            + api.frameId(id, "0001-render") + "\"}}").get("depend");
    JsonNode frameOnJob = api.ok("/job.FrameInterface/CreateDependencyOnJob", "{\"frame\":{\"id\":\""
        + api.frameId(id, "0002-render") + "\"},\"job\":{\"id\":\"" + other + "\"}}")
        .get("depend");
    JsonNode frameOnLayer = api.ok("/job.FrameInterface/CreateDependencyOnLayer",
        "{\"frame\":{\"id\":\"" + api.frameId(id, "0001-render") + "\"},\"layer\":{\"id\":\""
            + layerId(other, "render") + "\"}}").get("depend");
    JsonNode jobOnLayer = api.ok("/job.JobInterface/CreateDependencyOnLayer", "{\"job\":{\"id\":\""
        + other + "\"},\"layer\":{\"id\":\"" + layerId(id, "post") + "\"}}").get("depend");

    assertThat(layerOnJob.get("type").asText()).isEqualTo("LAYER_ON_JOB");
    assertThat(layerOnJob.get("target").asText()).isEqualTo("EXTERNAL");
    assertThat(layerOnFrame.get("type").asText()).isEqualTo("LAYER_ON_FRAME");
    assertThat(layerOnFrame.get("target").asText()).isEqualTo("INTERNAL");
    assertThat(frameOnJob.get("type").asText()).isEqualTo("FRAME_ON_JOB");
    assertThat(frameOnLayer.get("type").asText()).isEqualTo("FRAME_ON_LAYER");
    assertThat(jobOnLayer.get("type").asText()).isEqualTo("JOB_ON_LAYER");
    assertThat(api.frameStates(id)).containsExactly("0001-render DEPEND", "0001-comp DEPEND",
        "0001-post DEPEND", "0002-render DEPEND");
    assertThat(api.frameStates(other)).containsExactly("0001-render DEPEND");
  }

  @Test
  void frameByFrameMakesEachFrameWaitForItsOwnNumber() {
    String type = uniqueName("fbftype");
    String id = api.launch(spec(uniqueName("fbf"), layer("render", "1-2", 1)
        + typed("comp", "1-2", type), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("fbfhost"), type);

    JsonNode answer = api.ok("/job.LayerInterface/CreateFrameByFrameDependency",
        "{\"layer\":{\"id\":\"" + layerId(id, "comp") + "\"},\"depend_layer\":{\"id\":\""
            + layerId(id, "render") + "\"}}");
    succeed(api.frameId(id, "0002-render"));

    assertThat(answer.get("depend").get("type").asText()).isEqualTo("FRAME_BY_FRAME");
    assertThat(worker.take().get("name").asText()).isEqualTo("0002-comp");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING", "0001-comp DEPEND",
        "0002-render SUCCEEDED", "0002-comp RUNNING");
  }

  @Test
  void dropDependsReleasesTheJobsFramesAndAWorkerTakesThem() {
    String type = uniqueName("droptype");
    String waits = api.launch(spec(uniqueName("dropwaits"), typed("render", "1", type), ""));
    String internal = api.launch(spec(uniqueName("dropinternal"), layer("render", "1", 1)
        + layer("comp", "1", 1), ""));
    String other = api.launch(spec(uniqueName("dropother"), layer("render", "1", 1), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("drophost"), type);
    api.ok("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + waits + "\"},\"on_job\":{\"id\":\"" + other + "\"}}");
    api.ok("/job.LayerInterface/CreateDependencyOnLayer", "{\"layer\":{\"id\":\""
        + layerId(internal, "comp") + "\"},\"depend_on_layer\":{\"id\":\""
        + layerId(internal, "render") + "\"}}");
    api.ok("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + internal + "\"},\"on_job\":{\"id\":\"" + other + "\"}}");

    api.jobAction("DropDepends", waits, ",\"target\":\"ANY_TARGET\"");
    api.jobAction("DropDepends", internal, ",\"target\":\"EXTERNAL\"");

    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
    assertThat(api.jobAction("GetWhatDependsOnThis", other, "").get("depends").path("depends"))
        .isEmpty();
    assertThat(api.frameStates(internal)).containsExactly("0001-render WAITING",
        "0001-comp DEPEND");
  }

  @Test
  void aFramesDropDependsReleasesWhatItAloneWaitsFor() {
    String id = api.launch(spec(uniqueName("framedrop"), layer("render", "1", 1)
        + layer("comp", "1-2", 1), ""));
    for (String comp : new String[] {"0001-comp", "0002-comp"}) {
      api.ok("/job.FrameInterface/CreateDependencyOnFrame", "{\"frame\":{\"id\":\""
          + api.frameId(id, comp) + "\"},\"depend_on_frame\":{\"id\":\""
          + api.frameId(id, "0001-render") + "\"}}");
    }

    api.ok("/job.FrameInterface/DropDepends", "{\"frame\":{\"id\":\""
        + api.frameId(id, "0002-comp") + "\"},\"target\":\"INTERNAL\"}");

    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING", "0001-comp DEPEND",
        "0002-comp WAITING");
  }

  @Test
  void satisfyReleasesWhatWaitedAndGetDependShowsItNoLongerHolds() {
    String waits = api.launch(spec(uniqueName("satisfy"), layer("render", "1", 1), ""));
    String other = api.launch(spec(uniqueName("satisfyon"), layer("render", "1", 1), ""));
    String id = api.ok("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + waits + "\"},\"on_job\":{\"id\":\"" + other + "\"}}")
        .get("depend").get("id").asText();

    api.ok("/depend.DependInterface/Satisfy", "{\"depend\":{\"id\":\"" + id + "\"}}");

    assertThat(api.frameStates(waits)).containsExactly("0001-render WAITING");
    assertThat(api.ok("/depend.DependInterface/GetDepend", "{\"id\":\"" + id + "\"}")
        .get("depend").path("active").asBoolean()).isFalse();
  }

  @Test
  void unsatisfyMakesASatisfiedDependencyHoldItsWaitingFramesAgain() {
    String waits = api.launch(spec(uniqueName("unsatisfy"), layer("render", "1-2", 1), ""));
    String other = api.launch(spec(uniqueName("unsatisfyon"), layer("render", "1", 1), ""));
    String id = api.ok("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + waits + "\"},\"on_job\":{\"id\":\"" + other + "\"}}")
        .get("depend").get("id").asText();
    api.ok("/depend.DependInterface/Satisfy", "{\"depend\":{\"id\":\"" + id + "\"}}");

    api.ok("/depend.DependInterface/Unsatisfy", "{\"depend\":{\"id\":\"" + id + "\"}}");
    api.ok("/depend.DependInterface/Unsatisfy", "{\"depend\":{\"id\":\"" + id + "\"}}");
    HttpResponse<String> unknown = gateway.post("/depend.DependInterface/Unsatisfy",
        "{\"depend\":{\"id\":\"00000000-0000-0000-0000-000000000000\"}}");

    assertThat(api.frameStates(waits)).containsExactly("0001-render DEPEND",
        "0002-render DEPEND");
    assertThat(api.ok("/depend.DependInterface/GetDepend", "{\"id\":\"" + id + "\"}")
        .get("depend").path("active").asBoolean()).isTrue();
    assertThat(unknown.statusCode()).isEqualTo(404);

    api.ok("/depend.DependInterface/Satisfy", "{\"depend\":{\"id\":\"" + id + "\"}}");
    assertThat(api.frameStates(waits)).containsExactly("0001-render WAITING",
        "0002-render WAITING");
  }

  @Test
  void markDoneFramesReleasesWhatWaitsOnThemAndLeavesTheirState() {
    String type = uniqueName("markdonetype");
    String waits = api.launch(spec(uniqueName("markdonewaits"), typed("render", "1", type), ""));
    String on = api.launch(spec(uniqueName("markdoneon"), layer("render", "1-2", 1), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("markdonehost"), type);
    api.ok("/job.JobInterface/CreateDependencyOnFrame", "{\"job\":{\"id\":\"" + waits
        + "\"},\"frame\":{\"id\":\"" + api.frameId(on, "0002-render") + "\"}}");
    int heldFetch = worker.fetch().statusCode();

    api.jobAction("MarkDoneFrames", on, ",\"req\":{\"frames\":[\"0002-render\"]}");

    assertThat(heldFetch).isEqualTo(204);
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
    assertThat(api.frameStates(on)).containsExactly("0001-render WAITING",
        "0002-render WAITING");
  }

  @Test
  void aLayersMarkdoneFramesReleasesWhatWaitsOnTheLayerOrItsFrames() {
    String type = uniqueName("layerdonetype");
    String id = api.launch(spec(uniqueName("layerdone"), layer("render", "1-2", 1)
        + typed("comp", "1", type) + layer("post", "1", 1), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("layerdonehost"), type);
    String render = layerId(id, "render");
    api.ok("/job.LayerInterface/CreateDependencyOnLayer", "{\"layer\":{\"id\":\""
        + layerId(id, "comp") + "\"},\"depend_on_layer\":{\"id\":\"" + render + "\"}}");
    api.ok("/job.LayerInterface/CreateDependencyOnFrame", "{\"layer\":{\"id\":\""
        + layerId(id, "post") + "\"},\"frame\":{\"id\":\""
        + api.frameId(id, "0002-render") + "\"}}");

    api.ok("/job.LayerInterface/MarkdoneFrames", "{\"layer\":{\"id\":\"" + render + "\"}}");

    assertThat(worker.take().get("name").asText()).isEqualTo("0001-comp");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING", "0001-comp RUNNING",
        "0001-post WAITING", "0002-render WAITING");
  }

  @Test
  void aDependencyWithoutItsOtherSideIsRefusedWith400NamingTheField() {
    String id = api.launch(spec(uniqueName("badonjob"), layer("render", "1", 1), ""));

    HttpResponse<String> noJob = gateway.post("/job.JobInterface/CreateDependencyOnJob",
        "{\"job\":{\"id\":\"" + id + "\"}}");
    HttpResponse<String> noLayer = gateway.post("/job.LayerInterface/CreateDependencyOnLayer",
        "{\"layer\":{\"id\":\"" + layerId(id, "render") + "\"}}");

    assertThat(noJob.statusCode()).isEqualTo(400);
    assertThat(message(noJob)).isEqualTo("on_job: give its id or name");
    assertThat(noLayer.statusCode()).isEqualTo(400);
    assertThat(message(noLayer)).isEqualTo("depend_on_layer: give its id");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING");
  }

  @Test
  void aDependencyOnItselfIsRefusedWith400AndOneOnAMissingFrameWith404() {
    String id = api.launch(spec(uniqueName("selfdep"), layer("render", "1", 1), ""));
    String render = layerId(id, "render");

    HttpResponse<String> self = gateway.post("/job.LayerInterface/CreateDependencyOnJob",
        "{\"layer\":{\"id\":\"" + render + "\"},\"job\":{\"id\":\"" + id + "\"}}");
    HttpResponse<String> missing = gateway.post("/job.JobInterface/CreateDependencyOnFrame",
        "{\"job\":{\"id\":\"" + id + "\"},\"frame\":{\"id\":\"no-such-frame\"}}");

    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(message(self)).startsWith("LAYER_ON_JOB: layer " + render);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(message(missing)).isEqualTo("frame no-such-frame does not exist");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING");
  }

  private String layerId(String jobId, String name) {
    for (JsonNode layer : api.layers(jobId)) {
      if (layer.get("name").asText().equals(name)) {
        return layer.get("id").asText();
      }
    }
    throw new AssertionError("no layer " + name);
  }

  private static String message(HttpResponse<String> response) {
    return FarmApi.parse(response.body()).get("message").asText();
  }

  /** A layer of one frame per chunk whose frames only workers of {@code taskType} take. */
  static String typed(String name, String range, String taskType) {
    return "<layer name=\"" + name + "\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>" + range
        + "</range><chunk>1</chunk><services><service>" + taskType
        + "</service></services></layer>";
  }
}

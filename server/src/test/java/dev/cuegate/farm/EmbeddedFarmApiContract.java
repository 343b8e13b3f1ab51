package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.depend;
import static dev.cuegate.farm.FarmSpecs.fullName;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded farm end to end: OpenCue's calls over HTTP, answered without a Cuebot. */
abstract class EmbeddedFarmApiContract extends FarmContract {
  EmbeddedFarmApiContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void launchSpecAnswersTheFullJobNames() {
    String name = uniqueName("launch");
    ObjectNode request = FarmApi.JSON.createObjectNode()
        .put("spec", spec(name, layer("render", "1-3", 1), ""));

    JsonNode answer = api.ok("/job.JobInterface/LaunchSpec", request.toString());

    assertThat(answer.toString()).isEqualTo("{\"names\":[\"" + fullName(name) + "\"]}");
  }

  @Test
  void getJobsAnswersTheJobWithItsStatsInOpenCuesJson() {
    String name = uniqueName("getjobs");
    String id = api.launch(spec(name, layer("render", "1-10", 2) + layer("comp", "1-3", 1), ""));

    JsonNode jobs = api.ok("/job.JobInterface/GetJobs",
        "{\"r\":{\"include_finished\":true,\"regex\":[\"^testing-sh01-jdoe_" + name + "$\"]}}")
        .get("jobs").get("jobs");

    assertThat(jobs).hasSize(1);
    JsonNode job = jobs.get(0);
    assertThat(job.get("id").asText()).isEqualTo(id);
    assertThat(job.get("state").asText()).isEqualTo("PENDING");
    assertThat(job.get("name").asText()).isEqualTo(fullName(name));
    assertThat(job.get("show").asText()).isEqualTo("testing");
    assertThat(job.get("shot").asText()).isEqualTo("sh01");
    assertThat(job.get("user").asText()).isEqualTo("jdoe");
    assertThat(job.get("group").asText()).isEqualTo("testing");
    assertThat(job.get("priority").asInt()).isEqualTo(1);
    assertThat(job.get("isPaused").asBoolean()).isFalse();
    assertThat(job.get("logDir").asText())
        .isEqualTo(gateway.dataDir().resolve("frame-logs").toAbsolutePath().normalize()
            + "/testing/sh01/logs/" + fullName(name) + "--" + id);
    assertThat(job.has("uid")).isFalse();
    JsonNode stats = job.get("jobStats");
    assertThat(stats.get("totalLayers").asInt()).isEqualTo(2);
    assertThat(stats.get("totalFrames").asInt()).isEqualTo(8);
    assertThat(stats.get("waitingFrames").asInt()).isEqualTo(8);
    assertThat(stats.get("pendingFrames").asInt()).isEqualTo(8);
    assertThat(stats.get("succeededFrames").asInt()).isZero();
    assertThat(stats.get("renderedFrameCount").isTextual()).isTrue();
    assertThat(stats.get("renderedFrameCount").asText()).isEqualTo("0");
  }

  @Test
  void getJobsFiltersByShowUserAndIds() {
    String id = api.launch(spec(uniqueName("filters"), layer("render", "1", 1), ""));

    JsonNode byId = api.ok("/job.JobInterface/GetJobs", "{\"r\":{\"ids\":[\"" + id + "\"]}}");
    JsonNode otherUser =
        api.ok("/job.JobInterface/GetJobs",
            "{\"r\":{\"ids\":[\"" + id + "\"],\"users\":[\"someone\"]}}");
    JsonNode otherShow =
        api.ok("/job.JobInterface/GetJobs",
            "{\"r\":{\"ids\":[\"" + id + "\"],\"shows\":[\"other\"]}}");

    assertThat(byId.get("jobs").get("jobs")).hasSize(1);
    assertThat(otherUser.get("jobs").get("jobs")).isEmpty();
    assertThat(otherShow.get("jobs").get("jobs")).isEmpty();
  }

  @Test
  void getLayersDescribesEachLayerOfTheSpec() {
    String id = api.launch(spec(uniqueName("layers"), layer("render", "1-10", 2), ""));

    JsonNode layers = api.layers(id);

    assertThat(layers).hasSize(1);
    JsonNode render = layers.get(0);
    assertThat(render.get("name").asText()).isEqualTo("render");
    assertThat(render.get("range").asText()).isEqualTo("1-10");
    assertThat(render.get("chunkSize").asInt()).isEqualTo(2);
    assertThat(render.get("minCores").numberValue().doubleValue()).isEqualTo(1.0);
    assertThat(render.get("minMemory").asText()).isEqualTo("4194304");
    assertThat(render.get("type").asText()).isEqualTo("RENDER");
    assertThat(render.get("services").toString()).isEqualTo("[\"default\"]");
    assertThat(render.get("command").asText()).isEqualTo("echo #IFRAME#");
    assertThat(render.get("parentId").asText()).isEqualTo(id);
    assertThat(render.get("layerStats").get("totalFrames").asInt()).isEqualTo(5);
  }

  @Test
  void getFramesAnswersChunkedFramesInDispatchOrder() {
    String id = api.launch(spec(uniqueName("frames"), layer("render", "1-10", 2), ""));

    JsonNode frames = api.frames(id,
        "{\"include_finished\":true,\"page\":1,\"limit\":500}");

    List<String> names = new ArrayList<>();
    frames.forEach(frame -> names.add(frame.get("name").asText()));
    assertThat(names).containsExactly(
        "0001-render", "0003-render", "0005-render", "0007-render", "0009-render");
    JsonNode first = frames.get(0);
    assertThat(first.get("layerName").asText()).isEqualTo("render");
    assertThat(first.get("number").asInt()).isEqualTo(1);
    assertThat(first.get("state").asText()).isEqualTo("WAITING");
    assertThat(first.get("retryCount").asInt()).isZero();
    assertThat(first.get("usedMemory").asText()).isEqualTo("0");
  }

  @Test
  void getFramesPagesAndFiltersByState() {
    String id = api.launch(spec(uniqueName("paging"), layer("render", "1-5", 1), ""));
    gateway.farm().startFrame(api.frameId(id, "0002-render"), "render-01");

    JsonNode secondPage = api.frames(id, "{\"page\":2,\"limit\":2}");
    JsonNode pastTheEnd = api.frames(id, "{\"page\":4,\"limit\":2}");
    JsonNode running = api.frames(id, "{\"states\":{\"frame_states\":[\"RUNNING\"]}}");
    JsonNode range = api.frames(id, "{\"frame_range\":\"4-5\"}");

    assertThat(secondPage).extracting(frame -> frame.get("name").asText())
        .containsExactly("0003-render", "0004-render");
    assertThat(pastTheEnd).isEmpty();
    assertThat(running).extracting(frame -> frame.get("name").asText())
        .containsExactly("0002-render");
    assertThat(range).extracting(frame -> frame.get("name").asText())
        .containsExactly("0004-render", "0005-render");
  }

  @Test
  void pauseAndResumeToggleIsPaused() {
    String id = api.launch(spec(uniqueName("pause"), layer("render", "1", 1), ""));

    api.jobAction("Pause", id, "");
    boolean paused = api.job(id).get("isPaused").asBoolean();
    api.jobAction("Resume", id, "");

    assertThat(paused).isTrue();
    assertThat(api.job(id).get("isPaused").asBoolean()).isFalse();
  }

  @Test
  void setPriorityChangesThePriority() {
    String id = api.launch(spec(uniqueName("priority"), layer("render", "1", 1), ""));

    api.jobAction("SetPriority", id, ",\"val\":250");

    assertThat(api.job(id).get("priority").asInt()).isEqualTo(250);
  }

  @Test
  void killFinishesTheJobWhichGetJobsThenOmitsUnlessFinishedAreIncluded() {
    String name = uniqueName("kill");
    String id = api.launch(spec(name, layer("render", "1-3", 1), ""));
    String frame = api.frameId(id, "0001-render");
    gateway.farm().startFrame(frame, "render-01");

    api.jobAction("Kill", id, ",\"reason\":\"test\"");

    JsonNode job = api.job(id);
    assertThat(job.get("state").asText()).isEqualTo("FINISHED");
    assertThat(job.get("stopTime").asInt()).isPositive();
    assertThat(api.frameStates(id)).containsExactly(
        "0001-render WAITING", "0002-render WAITING", "0003-render WAITING");
    String regex = "{\"r\":{\"regex\":[\"" + name + "$\"]";
    assertThat(api.ok("/job.JobInterface/GetJobs", regex + "}}").get("jobs").get("jobs"))
        .isEmpty();
    assertThat(api.ok("/job.JobInterface/GetJobs", regex + ",\"include_finished\":true}}")
        .get("jobs").get("jobs")).hasSize(1);
    assertThat(gateway.post("/job.JobInterface/FindJob",
        "{\"name\":\"" + fullName(name) + "\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void aFrameThatFailsMaxRetriesTimesIsDeadAndRetryMakesItWaitAgain() {
    String id = api.launch(spec(uniqueName("retry"), layer("render", "1-2", 1), ""));
    String frame = api.frameId(id, "0001-render");
    gateway.farm().startFrame(frame, "render-01");
    gateway.farm().finishFrame(frame, 3, "render-01");
    String dead = api.frameStates(id).get(0);
    JsonNode deadStats = api.job(id).get("jobStats");

    api.jobAction("RetryFrames", id, ",\"req\":{\"states\":{\"frame_states\":[\"DEAD\"]}}");

    assertThat(dead).isEqualTo("0001-render DEAD");
    assertThat(deadStats.get("deadFrames").asInt()).isEqualTo(1);
    assertThat(deadStats.get("waitingFrames").asInt()).isEqualTo(1);
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING", "0002-render WAITING");
    JsonNode retried = api.frames(id, "{}").get(0);
    assertThat(retried.get("retryCount").asInt()).isEqualTo(1);
  }

  @Test
  void theJobFinishesWhenEveryFrameSucceededOrWasEaten() {
    String id = api.launch(spec(uniqueName("finish"), layer("render", "1-3", 1), ""));
    for (String name : List.of("0001-render", "0002-render")) {
      String frame = api.frameId(id, name);
      succeed(frame);
    }
    String stateBeforeEating = api.job(id).get("state").asText();

    api.ok("/job.FrameInterface/Eat",
        "{\"frame\":{\"id\":\"" + api.frameId(id, "0003-render") + "\"}}");

    assertThat(stateBeforeEating).isEqualTo("PENDING");
    JsonNode job = api.job(id);
    assertThat(job.get("state").asText()).isEqualTo("FINISHED");
    assertThat(job.get("jobStats").get("succeededFrames").asInt()).isEqualTo(2);
    assertThat(job.get("jobStats").get("eatenFrames").asInt()).isEqualTo(1);
    assertThat(job.get("jobStats").get("pendingFrames").asInt()).isZero();
  }

  @Test
  void retryingAFrameOfAFinishedJobMakesItPendingAgain() {
    String id = api.launch(spec(uniqueName("reopen"), layer("render", "1", 1), ""));
    String frame = api.frameId(id, "0001-render");
    succeed(frame);
    String finished = api.job(id).get("state").asText();

    api.ok("/job.FrameInterface/Retry", "{\"frame\":{\"id\":\"" + frame + "\"}}");

    assertThat(finished).isEqualTo("FINISHED");
    assertThat(api.job(id).get("state").asText()).isEqualTo("PENDING");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING");
  }

  @Test
  void eatFramesOfAJobEatsTheSelectedFrames() {
    String id = api.launch(spec(uniqueName("eat"), layer("render", "1-3", 1), ""));

    api.jobAction("EatFrames", id, ",\"req\":{\"frames\":[\"0002-render\"]}");

    assertThat(api.frameStates(id)).containsExactly(
        "0001-render WAITING", "0002-render EATEN", "0003-render WAITING");
  }

  @Test
  void killFramesSendsRunningFramesBackToWaiting() {
    String id = api.launch(spec(uniqueName("killframes"), layer("render", "1-2", 1), ""));
    gateway.farm().startFrame(api.frameId(id, "0001-render"), "render-01");

    api.jobAction("KillFrames", id, ",\"req\":{}");

    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING", "0002-render WAITING");
    assertThat(api.job(id).get("state").asText()).isEqualTo("PENDING");
  }

  @Test
  void layerOnLayerHoldsTheLayerInDependUntilTheOtherLayerIsDone() {
    String name = uniqueName("lol");
    String id = api.launch(spec(name, layer("render", "1-2", 1) + layer("comp", "1-2", 1),
        depend("LAYER_ON_LAYER", name, "comp", "render")));
    List<String> atLaunch = api.frameStates(id);
    int dependAtLaunch = api.job(id).get("jobStats").get("dependFrames").asInt();

    String first = api.frameId(id, "0001-render");
    succeed(first);
    List<String> afterOne = api.frameStates(id);
    api.ok("/job.FrameInterface/Eat",
        "{\"frame\":{\"id\":\"" + api.frameId(id, "0002-render") + "\"}}");

    assertThat(atLaunch).containsExactly("0001-render WAITING", "0001-comp DEPEND",
        "0002-render WAITING", "0002-comp DEPEND");
    assertThat(dependAtLaunch).isEqualTo(2);
    assertThat(afterOne).containsExactly("0001-render SUCCEEDED", "0001-comp DEPEND",
        "0002-render WAITING", "0002-comp DEPEND");
    assertThat(api.frameStates(id)).containsExactly("0001-render SUCCEEDED",
        "0001-comp WAITING", "0002-render EATEN", "0002-comp WAITING");
  }

  @Test
  void frameByFrameReleasesEachFrameWhenItsOwnFrameSucceeds() {
    String name = uniqueName("fbf");
    String id = api.launch(spec(name, layer("render", "1-4", 2) + layer("comp", "1-4", 1),
        depend("FRAME_BY_FRAME", name, "comp", "render")));

    String render = api.frameId(id, "0001-render");
    succeed(render);

    // render 0001 renders frames 1 and 2, so comp 1 and 2 are released; 3 and 4 wait for 0003
    List<String> comp = api.frameStates(id).stream().filter(s -> s.contains("comp")).toList();
    assertThat(comp).containsExactly(
        "0001-comp WAITING", "0002-comp WAITING", "0003-comp DEPEND", "0004-comp DEPEND");
  }

  @Test
  void jobOnJobHoldsAJobOfALaterSpecUntilTheEarlierJobIsDone() {
    String before = uniqueName("jojfirst");
    String after = uniqueName("jojsecond");
    String first = api.launch(spec(before, layer("render", "1-2", 1), ""));
    String second = api.launch(spec(after, layer("comp", "1", 1),
        depend("JOB_ON_JOB", after, null, null, before, null, null)));
    List<String> atLaunch = api.frameStates(second);

    String one = api.frameId(first, "0001-render");
    succeed(one);
    List<String> afterOne = api.frameStates(second);
    api.ok("/job.FrameInterface/Eat",
        "{\"frame\":{\"id\":\"" + api.frameId(first, "0002-render") + "\"}}");

    assertThat(atLaunch).containsExactly("0001-comp DEPEND");
    assertThat(afterOne).containsExactly("0001-comp DEPEND");
    assertThat(api.frameStates(second)).containsExactly("0001-comp WAITING");
  }

  @Test
  void frameOnFrameHoldsOneFrameUntilTheOtherSucceeds() {
    String name = uniqueName("fof");
    String id = api.launch(spec(name, layer("render", "1-2", 1) + layer("comp", "1-2", 1),
        depend("FRAME_ON_FRAME", name, null, "2-comp", name, null, "1-render")));
    List<String> atLaunch = api.frameStates(id);

    String render = api.frameId(id, "0001-render");
    succeed(render);

    assertThat(atLaunch).containsExactly("0001-render WAITING", "0001-comp WAITING",
        "0002-render WAITING", "0002-comp DEPEND");
    assertThat(api.frameStates(id)).containsExactly("0001-render SUCCEEDED",
        "0001-comp WAITING", "0002-render WAITING", "0002-comp WAITING");
  }

  @Test
  void layerInterfaceListsAndEatsTheFramesOfOneLayer() {
    String name = uniqueName("layerapi");
    String id = api.launch(spec(name, layer("render", "1-2", 1) + layer("comp", "1", 1), ""));
    JsonNode comp = api.ok("/job.LayerInterface/FindLayer",
        "{\"job\":\"" + fullName(name) + "\",\"layer\":\"comp\"}").get("layer");
    String layerId = comp.get("id").asText();

    JsonNode got = api.ok("/job.LayerInterface/GetLayer", "{\"id\":\"" + layerId + "\"}");
    api.ok("/job.LayerInterface/EatFrames", "{\"layer\":{\"id\":\"" + layerId + "\"}}");
    JsonNode frames = api.ok("/job.LayerInterface/GetFrames",
        "{\"layer\":{\"id\":\"" + layerId + "\"},\"s\":{}}").get("frames").get("frames");
    api.ok("/job.LayerInterface/RetryFrames", "{\"layer\":{\"id\":\"" + layerId + "\"}}");

    assertThat(got.get("layer").get("name").asText()).isEqualTo("comp");
    assertThat(frames).extracting(frame -> frame.get("state").asText()).containsExactly("EATEN");
    assertThat(api.frameStates(id)).containsExactly(
        "0001-render WAITING", "0001-comp WAITING", "0002-render WAITING");
  }

  @Test
  void getFrameAnswersOneFrame() {
    String id = api.launch(spec(uniqueName("getframe"), layer("render", "7", 1), ""));
    String frame = api.frameId(id, "0007-render");

    JsonNode answer = api.ok("/job.FrameInterface/GetFrame", "{\"id\":\"" + frame + "\"}");

    assertThat(answer.get("frame").get("name").asText()).isEqualTo("0007-render");
    assertThat(answer.get("frame").get("number").asInt()).isEqualTo(7);
  }

  @Test
  void commentsAreAddedAndListed() {
    String id = api.launch(spec(uniqueName("comments"), layer("render", "1", 1), ""));

    api.jobAction("AddComment", id,
        ",\"new_comment\":{\"user\":\"jdoe\",\"subject\":\"note\",\"message\":\"hello\"}");

    JsonNode comments = api.jobAction("GetComments", id, "").get("comments").get("comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("user").asText()).isEqualTo("jdoe");
    assertThat(comments.get(0).get("subject").asText()).isEqualTo("note");
    assertThat(comments.get(0).get("message").asText()).isEqualTo("hello");
    assertThat(api.job(id).get("hasComment").asBoolean()).isTrue();
  }

  @Test
  void showsAreListedFoundAndCreatedWithARootGroup() {
    String name = uniqueName("show");

    JsonNode created = api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + name + "\"}");
    JsonNode active = api.ok("/show.ShowInterface/GetActiveShows", "{}");
    JsonNode root = api.ok("/show.ShowInterface/GetRootGroup",
        "{\"show\":{\"id\":\"" + created.get("show").get("id").asText() + "\"}}");
    JsonNode groups = api.ok("/show.ShowInterface/GetGroups", "{\"show\":{\"name\":\"" + name
        + "\"}}");

    assertThat(created.get("show").get("name").asText()).isEqualTo(name);
    assertThat(created.get("show").get("active").asBoolean()).isTrue();
    assertThat(active.get("shows").get("shows").findValuesAsText("name"))
        .contains("testing", name);
    assertThat(root.get("group").get("name").asText()).isEqualTo(name);
    assertThat(root.get("group").get("parentId").asText()).isEmpty();
    assertThat(groups.get("groups").get("groups")).hasSize(1);
    assertThat(gateway.post("/show.ShowInterface/CreateShow", "{\"name\":\"" + name + "\"}")
        .statusCode()).isEqualTo(409);
  }

  @Test
  void showStatsCountTheShowsJobsAndFrames() {
    String show = uniqueName("stats");
    api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + show + "\"}");
    api.launch(spec(show, "one", layer("render", "1-4", 1), ""));

    JsonNode stats = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"" + show + "\"}")
        .get("show").get("showStats");

    assertThat(stats.get("pendingJobs").asInt()).isEqualTo(1);
    assertThat(stats.get("pendingFrames").asInt()).isEqualTo(4);
    assertThat(stats.get("createdJobCount").asText()).isEqualTo("1");
    assertThat(stats.get("createdFrameCount").asText()).isEqualTo("4");
  }

  @Test
  void aBadSpecIsRefusedWith400NamingTheElement() {
    ObjectNode request = FarmApi.JSON.createObjectNode()
        .put("spec", spec(uniqueName("bad"), layer("render", "1-10x0", 1), ""));

    HttpResponse<String> response = gateway.post("/job.JobInterface/LaunchSpec",
        request.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = FarmApi.parse(response.body());
    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText()).contains("<range>", "1-10x0", "step of 0");
  }

  @Test
  void aSpecForAnUnknownShowIsRefused() {
    ObjectNode request = FarmApi.JSON.createObjectNode()
        .put("spec", spec("noshow", uniqueName("x"), layer("render", "1", 1), ""));

    HttpResponse<String> response = gateway.post("/job.JobInterface/LaunchSpec",
        request.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(FarmApi.parse(response.body()).get("message").asText()).isEqualTo(
        "show \"noshow\" does not exist; create it with show.ShowInterface/CreateShow");
  }

  @Test
  void anUnknownJobIsNotFound() {
    HttpResponse<String> response =
        gateway.post("/job.JobInterface/GetJob", "{\"id\":\"no-such-job\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(FarmApi.parse(response.body()).get("message").asText())
        .isEqualTo("job no-such-job does not exist");
  }

  @Test
  void methodsTheFarmDoesNotImplementAnswer501SayingACuebotIsNeeded() {
    HttpResponse<String> ofImplementedService =
        gateway.post("/job.JobInterface/AddRenderPartition", "{}");
    HttpResponse<String> ofOtherService =
        gateway.post("/facility.FacilityInterface/Get", "{}");

    assertThat(ofImplementedService.statusCode()).isEqualTo(501);
    assertThat(FarmApi.parse(ofImplementedService.body()).get("message").asText()).isEqualTo(
        "job.JobInterface/AddRenderPartition needs a Cuebot: CueGate's embedded farm does not"
            + " implement it (set CUEBOT_ENDPOINT to use OpenCue's Cuebot)");
    assertThat(ofOtherService.statusCode()).isEqualTo(501);
    assertThat(FarmApi.parse(ofOtherService.body()).get("message").asText())
        .startsWith("facility.FacilityInterface/Get needs a Cuebot");
  }

  @Test
  void hostsAndSystemStatsAnswerEmpty() {
    assertThat(api.ok("/host.HostInterface/GetHosts", "{}").toString())
        .isEqualTo("{\"hosts\":{\"hosts\":[]}}");
    assertThat(api.ok("/cue.CueInterface/GetSystemStats", "{}").get("stats")
        .get("dispatchThreads").asInt()).isZero();
  }

  @Test
  void configSaysTheEmbeddedFarmServesTheApi() {
    JsonNode config = FarmApi.parse(gateway.send(gateway.request("/config").GET().build())
        .body());

    assertThat(config.get("CUEBOT_ENDPOINT").asText()).isEqualTo("embedded");
    assertThat(config.get("BACKEND").asText()).startsWith("embedded farm");
    assertThat(config.get("DATABASE_URL").asText()).isEqualTo(gateway.databaseUrl());
  }
}

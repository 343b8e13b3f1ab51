package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CueWeb's host and proc actions on the embedded farm, whose hosts are the workers: comments,
 * tags (and the layer tags that decide which worker gets a frame), hardware state, restarts,
 * deleting, the allocation, and killing or unbooking procs.
 */
abstract class CueWebHostsContract extends FarmContract {
  CueWebHostsContract(GatewayExtension gateway) {
    super(gateway);
  }

  // Comments

  @Test
  void aHostCommentIsAddedListedEditedAndDeleted() {
    String host = uniqueName("commented");
    TestWorker.register(gateway, host, "exec");
    String hostId = hostId(host);

    api.ok("/host.HostInterface/AddComment", "{\"host\":{\"id\":\"" + hostId + "\"},"
        + "\"new_comment\":{\"user\":\"jdoe\",\"subject\":\"fan\",\"message\":\"noisy\"}}");
    JsonNode added = comments(hostId).get(0);
    String commentId = added.get("id").asText();
    api.ok("/comment.CommentInterface/Save", "{\"comment\":{\"id\":\"" + commentId + "\","
        + "\"subject\":\"fan\",\"message\":\"replaced\"}}");
    JsonNode saved = comments(hostId).get(0);
    api.ok("/comment.CommentInterface/Delete", "{\"comment\":{\"id\":\"" + commentId + "\"}}");

    assertThat(added.get("user").asText()).isEqualTo("jdoe");
    assertThat(added.get("subject").asText()).isEqualTo("fan");
    assertThat(added.get("message").asText()).isEqualTo("noisy");
    assertThat(added.get("timestamp").asLong()).isPositive();
    assertThat(saved.get("message").asText()).isEqualTo("replaced");
    assertThat(saved.get("user").asText()).isEqualTo("jdoe");
    assertThat(comments(hostId)).isEmpty();
  }

  @Test
  void aCommentThatIsNotThereIsNotFoundAndOneWithoutAnIdIs400() {
    HttpResponse<String> unknown = gateway.post("/comment.CommentInterface/Save",
        "{\"comment\":{\"id\":\"no-such-comment\",\"message\":\"x\"}}");
    HttpResponse<String> noId = gateway.post("/comment.CommentInterface/Delete",
        "{\"comment\":{}}");

    assertRefused(unknown, 404, "comment no-such-comment does not exist");
    assertRefused(noId, 400, "comment.id: give its id");
  }

  // Tags

  @Test
  void aNewHostHasItsAllocationsTagItsNameAndItsTaskTypes() {
    String host = uniqueName("tagged");
    TestWorker.register(gateway, host, "exec", "blender");

    assertThat(tags(hostId(host))).containsExactly("general", host, "exec", "blender");
  }

  @Test
  void tagsAreAddedRenamedAndRemovedButAHostsOwnTagsStay() {
    String host = uniqueName("retag");
    TestWorker.register(gateway, host, "exec");
    String hostId = hostId(host);

    api.ok("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"tags\":[\"fast\",\"gpu.a\",\"fast\"]}");
    List<String> added = tags(hostId);
    api.ok("/host.HostInterface/RenameTag",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"old_tag\":\"fast\",\"new_tag\":\"quick\"}");
    List<String> renamed = tags(hostId);
    api.ok("/host.HostInterface/RemoveTags",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"tags\":[\"quick\",\"general\",\"exec\"]}");

    assertThat(added).containsExactly("general", host, "exec", "fast", "gpu.a");
    assertThat(renamed).containsExactly("general", host, "exec", "gpu.a", "quick");
    assertThat(tags(hostId)).containsExactly("general", host, "exec", "gpu.a");
  }

  @Test
  void aBadTagIsRefusedWith400NamingTheFieldAndNothingIsAdded() {
    String host = uniqueName("badtag");
    TestWorker.register(gateway, host, "exec");
    String hostId = hostId(host);

    HttpResponse<String> bad = gateway.post("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"tags\":[\"good\",\"a b\"]}");
    HttpResponse<String> badRename = gateway.post("/host.HostInterface/RenameTag",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"old_tag\":\"good\",\"new_tag\":\"x\"}");
    HttpResponse<String> none = gateway.post("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"" + hostId + "\"}}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(message(bad))
        .isEqualTo("tags: \"a b\" is not a tag: at least 3 letters, digits, dots or underscores");
    assertThat(badRename.statusCode()).isEqualTo(400);
    assertThat(message(badRename)).startsWith("new_tag: \"x\" is not a tag");
    assertRefused(none, 400, "tags: give at least one tag");
    assertThat(tags(hostId)).containsExactly("general", host, "exec");
  }

  @Test
  void aLayersTagsDecideWhichWorkerGetsItsFrames() {
    String type = uniqueName("tagtype");
    String id = api.launch(spec(uniqueName("tagged"), layer(type), ""));
    TestWorker plain = TestWorker.register(gateway, uniqueName("plain"), type);
    String gpuHost = uniqueName("gpu");
    TestWorker gpu = TestWorker.register(gateway, gpuHost, type);
    api.ok("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"" + hostId(gpuHost) + "\"},\"tags\":[\"gpu\"]}");

    api.ok("/job.LayerInterface/SetTags",
        "{\"layer\":{\"id\":\"" + layerId(id) + "\"},\"tags\":[\"gpu | big.gpu\"]}");
    int plainFetch = plain.fetch().statusCode();
    String taken = gpu.take().get("name").asText();

    assertThat(api.layers(id).get(0).get("tags").toString()).isEqualTo("[\"gpu\",\"big.gpu\"]");
    assertThat(plainFetch).isEqualTo(204);
    assertThat(taken).isEqualTo("0001-render");
  }

  @Test
  void aLayerTaggedWithTheAllocationsTagRunsOnAnyWorker() {
    String type = uniqueName("generaltype");
    String id = api.launch(spec(uniqueName("general"), layer(type), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("anyhost"), type);

    api.ok("/job.LayerInterface/SetTags",
        "{\"layer\":{\"id\":\"" + layerId(id) + "\"},\"tags\":[\"general\"]}");

    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void layerTagsThatAreBadOrNoneAreRefusedWith400AndTheLayerKeepsItsTags() {
    String id = api.launch(spec(uniqueName("badlayertags"), layer("exec"), ""));
    String layerId = layerId(id);

    HttpResponse<String> bad = gateway.post("/job.LayerInterface/SetTags",
        "{\"layer\":{\"id\":\"" + layerId + "\"},\"tags\":[\"gpu\",\"no!\"]}");
    HttpResponse<String> none = gateway.post("/job.LayerInterface/SetTags",
        "{\"layer\":{\"id\":\"" + layerId + "\"},\"tags\":[]}");
    HttpResponse<String> missing = gateway.post("/job.LayerInterface/SetTags",
        "{\"layer\":{\"id\":\"no-such-layer\"},\"tags\":[\"gpu\"]}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(message(bad)).startsWith("tags: \"no!\" is not a tag");
    assertRefused(none, 400, "tags: a layer needs at least one tag");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(api.layers(id).get(0).get("tags").toString()).isEqualTo("[]");
  }

  // Hardware state, restarts, deleting, the allocation

  @Test
  void repairKeepsAWorkerFromNewFramesUntilItIsUpAgain() {
    String type = uniqueName("repairtype");
    api.launch(spec(uniqueName("repair"), layer(type), ""));
    String host = uniqueName("repaired");
    TestWorker worker = TestWorker.register(gateway, host, type);
    String hostId = hostId(host);

    setState(hostId, "REPAIR");
    String shown = host(hostId).get("state").asText();
    int held = worker.fetch().statusCode();
    setState(hostId, "UP");

    assertThat(shown).isEqualTo("REPAIR");
    assertThat(held).isEqualTo(204);
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
    assertThat(host(hostId).get("state").asText()).isEqualTo("UP");
  }

  @Test
  void aStateThatOnlyARestartSetsIsRefusedWith400NamingTheField() {
    String host = uniqueName("rebootstate");
    TestWorker.register(gateway, host, "exec");

    HttpResponse<String> refused = gateway.post("/host.HostInterface/SetHardwareState",
        "{\"host\":{\"id\":\"" + hostId(host) + "\"},\"state\":\"REBOOTING\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(message(refused)).startsWith("state: REBOOTING cannot be set");
  }

  @Test
  void rebootWhenIdleIsALazyShutdownRequestThatLetsTheTaskFinish() {
    String type = uniqueName("idletype");
    api.launch(spec(uniqueName("rebootidle"), layer(type), ""));
    String host = uniqueName("idlereboot");
    TestWorker worker = TestWorker.register(gateway, host, type);
    String taskId = worker.take().get("_id").asText();

    api.ok("/host.HostInterface/RebootWhenIdle", "{\"host\":{\"id\":\"" + hostId(host) + "\"}}");

    assertThat(FarmApi.parse(worker.mayRun(taskId).body()).get("may_keep_running").asBoolean())
        .isTrue();
    assertThat(host(hostId(host)).get("state").asText()).isEqualTo("REBOOT_WHEN_IDLE");
    HttpResponse<String> next = worker.fetch();
    assertThat(next.statusCode()).isEqualTo(423);
    assertThat(FarmApi.parse(next.body()).get("status_requested").asText()).isEqualTo("shutdown");
  }

  @Test
  void rebootStopsTheRunningTaskAtOnce() {
    String type = uniqueName("reboottype");
    api.launch(spec(uniqueName("reboot"), layer(type), ""));
    String host = uniqueName("rebooted");
    TestWorker worker = TestWorker.register(gateway, host, type);
    String taskId = worker.take().get("_id").asText();

    api.ok("/host.HostInterface/Reboot", "{\"host\":{\"id\":\"" + hostId(host) + "\"}}");

    JsonNode mayRun = FarmApi.parse(worker.mayRun(taskId).body());
    assertThat(mayRun.get("may_keep_running").asBoolean()).isFalse();
    assertThat(mayRun.get("status_requested").asText()).isEqualTo("shutdown");
    assertThat(host(hostId(host)).get("state").asText()).isEqualTo("REBOOTING");
  }

  @Test
  void deleteForgetsAnIdleWorkerAndRefusesOneThatRunsAFrame() {
    String type = uniqueName("deletetype");
    String id = api.launch(spec(uniqueName("delete"), layer(type), ""));
    String busy = uniqueName("busy");
    TestWorker running = TestWorker.register(gateway, busy, type);
    String idle = uniqueName("idle");
    TestWorker forgotten = TestWorker.register(gateway, idle, "exec");
    running.take();
    String idleId = hostId(idle);
    api.ok("/host.HostInterface/AddComment", "{\"host\":{\"id\":\"" + idleId + "\"},"
        + "\"new_comment\":{\"subject\":\"bye\",\"message\":\"retired\"}}");
    api.ok("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"" + idleId + "\"},\"tags\":[\"old\"]}");

    HttpResponse<String> refused = gateway.post("/host.HostInterface/Delete",
        "{\"host\":{\"id\":\"" + hostId(busy) + "\"}}");
    api.ok("/host.HostInterface/Delete", "{\"host\":{\"id\":\"" + idleId + "\"}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(message(refused)).startsWith("host " + busy + " is running 1 frame(s)");
    assertThat(gateway.post("/host.HostInterface/GetHost", "{\"id\":\"" + idleId + "\"}")
        .statusCode()).isEqualTo(404);
    assertThat(forgotten.fetch().statusCode()).isEqualTo(401);
    assertThat(api.frameStates(id)).containsExactly("0001-render RUNNING");
  }

  @Test
  void setAllocationAcceptsLocalGeneralAndNoOther() {
    String host = uniqueName("alloc");
    TestWorker.register(gateway, host, "exec");
    String hostId = hostId(host);

    api.ok("/host.HostInterface/SetAllocation", "{\"host\":{\"id\":\"" + hostId + "\"},"
        + "\"allocation_id\":\"00000000-0000-0000-0000-000000000000\"}");
    HttpResponse<String> other = gateway.post("/host.HostInterface/SetAllocation",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"allocation_id\":\"elsewhere\"}");
    HttpResponse<String> none = gateway.post("/host.HostInterface/SetAllocation",
        "{\"host\":{\"id\":\"" + hostId + "\"}}");

    assertThat(host(hostId).get("allocName").asText()).isEqualTo("local.general");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(message(other)).startsWith("allocation elsewhere does not exist")
        .contains("local.general");
    assertRefused(none, 400, "allocation_id: give the allocation's id");
  }

  @Test
  void hostActionsOnAHostThatIsNotThereAreNotFound() {
    HttpResponse<String> tags = gateway.post("/host.HostInterface/AddTags",
        "{\"host\":{\"id\":\"no-such-host\"},\"tags\":[\"gpu\"]}");
    HttpResponse<String> reboot = gateway.post("/host.HostInterface/Reboot",
        "{\"host\":{\"name\":\"no-such-host\"}}");
    HttpResponse<String> nameless = gateway.post("/host.HostInterface/Delete", "{\"host\":{}}");

    assertRefused(tags, 404, "host no-such-host does not exist");
    assertThat(reboot.statusCode()).isEqualTo(404);
    assertRefused(nameless, 400, "host: give its id or name");
  }

  @Test
  void redirectAndRenderPartitionsAndOwnershipNeedACuebot() {
    HttpResponse<String> redirect = gateway.post("/host.HostInterface/RedirectToJob", "{}");
    HttpResponse<String> partition = gateway.post("/job.JobInterface/AddRenderPartition", "{}");
    HttpResponse<String> ownership = gateway.post("/host.OwnerInterface/TakeOwnership", "{}");

    assertThat(List.of(redirect.statusCode(), partition.statusCode(), ownership.statusCode()))
        .containsOnly(501);
    assertThat(message(ownership)).startsWith("host.OwnerInterface/TakeOwnership needs a Cuebot");
  }

  // Procs

  @Test
  void killingAProcStopsItsTaskAndTheFrameWaitsWithoutUsingARetry() {
    String type = uniqueName("killtype");
    String id = api.launch(spec(uniqueName("prockill"), layer(type), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("killhost"), type);
    String taskId = worker.take().get("_id").asText();
    String procId = procs("{\"jobs\":[\"" + api.job(id).get("name").asText() + "\"]}")
        .get(0).get("id").asText();

    api.ok("/host.ProcInterface/Kill", "{\"proc\":{\"id\":\"" + procId + "\"}}");

    assertThat(FarmApi.parse(worker.mayRun(taskId).body()).get("may_keep_running").asBoolean())
        .isFalse();
    assertThat(api.frames(id, "{}").get(0).get("state").asText()).isEqualTo("WAITING");
    assertThat(api.frames(id, "{}").get(0).get("retryCount").asInt()).isZero();
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void unbookingWithoutKillLetsTheFrameRunAndWithKillSendsItBack() {
    String type = uniqueName("unbooktype");
    String id = api.launch(spec(uniqueName("unbook"), layer(type), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("unbookhost"), type);
    String taskId = worker.take().get("_id").asText();
    String procId = procs("{\"jobs\":[\"" + api.job(id).get("name").asText() + "\"]}")
        .get(0).get("id").asText();

    api.ok("/host.ProcInterface/Unbook", "{\"proc\":{\"id\":\"" + procId + "\"}}");
    String afterUnbook = api.frames(id, "{}").get(0).get("state").asText();
    api.ok("/host.ProcInterface/Unbook", "{\"proc\":{\"id\":\"" + procId + "\"},\"kill\":true}");

    assertThat(afterUnbook).isEqualTo("RUNNING");
    assertThat(api.frames(id, "{}").get(0).get("state").asText()).isEqualTo("WAITING");
    assertThat(FarmApi.parse(worker.mayRun(taskId).body()).get("may_keep_running").asBoolean())
        .isFalse();
  }

  @Test
  void unbookProcsKillsEveryMatchingProcAndCountsThem() {
    String type = uniqueName("manytype");
    String id = api.launch(spec(uniqueName("many"),
        "<layer name=\"render\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>1-3</range>"
            + "<chunk>1</chunk><services><service>" + type + "</service></services></layer>",
        ""));
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      TestWorker worker = TestWorker.register(gateway, uniqueName("manyhost"), type);
      worker.take();
      workers.add(worker);
    }
    String job = api.job(id).get("name").asText();

    JsonNode counted = api.ok("/host.ProcInterface/UnbookProcs",
        "{\"r\":{\"jobs\":[\"" + job + "\"]},\"kill\":false}");
    JsonNode killed = api.ok("/host.ProcInterface/UnbookProcs",
        "{\"r\":{\"jobs\":[\"" + job + "\"]},\"kill\":true}");

    assertThat(counted.get("numProcs").asInt()).isEqualTo(2);
    assertThat(killed.get("numProcs").asInt()).isEqualTo(2);
    assertThat(procs("{\"jobs\":[\"" + job + "\"]}")).isEmpty();
    assertThat(api.frameStates(id)).allMatch(frame -> frame.endsWith(" WAITING"));
  }

  @Test
  void aProcThatIsNotThereIsNotFound() {
    HttpResponse<String> kill = gateway.post("/host.ProcInterface/Kill",
        "{\"proc\":{\"id\":\"no-such-proc\"}}");
    HttpResponse<String> nameless = gateway.post("/host.ProcInterface/Unbook",
        "{\"proc\":{},\"kill\":true}");

    assertRefused(kill, 404, "proc no-such-proc does not exist: no frame runs as it");
    assertRefused(nameless, 400, "proc: give its id");
  }

  // Helpers

  /** One frame of a render layer whose service is {@code type}, the task type workers see. */
  private static String layer(String type) {
    return "<layer name=\"render\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>1</range>"
        + "<chunk>1</chunk><services><service>" + type + "</service></services></layer>";
  }

  private String hostId(String name) {
    return api.ok("/host.HostInterface/FindHost", "{\"name\":\"" + name + "\"}")
        .get("host").get("id").asText();
  }

  private JsonNode host(String hostId) {
    return api.ok("/host.HostInterface/GetHost", "{\"id\":\"" + hostId + "\"}").get("host");
  }

  private List<String> tags(String hostId) {
    List<String> tags = new ArrayList<>();
    host(hostId).get("tags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  private JsonNode comments(String hostId) {
    return api.ok("/host.HostInterface/GetComments", "{\"host\":{\"id\":\"" + hostId + "\"}}")
        .get("comments").get("comments");
  }

  private JsonNode procs(String criteria) {
    return api.ok("/host.ProcInterface/GetProcs", "{\"r\":" + criteria + "}")
        .get("procs").get("procs");
  }

  private void setState(String hostId, String state) {
    api.ok("/host.HostInterface/SetHardwareState",
        "{\"host\":{\"id\":\"" + hostId + "\"},\"state\":\"" + state + "\"}");
  }

  private String layerId(String jobId) {
    return api.layers(jobId).get(0).get("id").asText();
  }

  /** A refusal: {@code status}, with {@code message} as the answer's message. */
  private static void assertRefused(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(message(response)).isEqualTo(message);
  }

  private static String message(HttpResponse<String> response) {
    return FarmApi.parse(response.body()).get("message").asText();
  }
}

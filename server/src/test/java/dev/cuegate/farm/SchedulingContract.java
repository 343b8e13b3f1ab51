package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduling settings of jobs, layers and shows, through the HTTP API, and what workers are
 * given because of them. Each test's frames have a task type of their own, so only its workers
 * take them.
 */
abstract class SchedulingContract extends FarmContract {
  SchedulingContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void priorityDecidesWhichJobAWorkerGetsFirst() {
    String type = uniqueName("prio");
    String older = api.launch(spec(uniqueName("older"), layer(type, "1", ""), ""));
    String favoured = api.launch(spec(uniqueName("favoured"), layer(type, "1", ""), ""));

    api.jobAction("SetPriority", favoured, ",\"val\":10");
    TestWorker worker = TestWorker.register(gateway, uniqueName("priohost"), type);

    worker.take();

    assertThat(api.frameStates(favoured)).containsExactly("0001-" + type + " RUNNING");
    assertThat(api.frameStates(older)).containsExactly("0001-" + type + " WAITING");
  }

  @Test
  void maxCoresKeepsAJobFromTakingMoreCoresThanItsCap() {
    String type = uniqueName("maxcores");
    String id = api.launch(spec(uniqueName("capped"), layer(type, "1-3", ""), ""));

    api.jobAction("SetMaxCores", id, ",\"val\":2");
    List<Integer> answers = fetchWithNewWorkers(type, 3);

    assertThat(answers).containsExactly(200, 200, 204);
    assertThat(api.job(id).get("maxCores").asDouble()).isEqualTo(2.0);
    api.jobAction("SetMaxCores", id, ",\"val\":3");
    assertThat(fetchWithNewWorkers(type, 1)).containsExactly(200);
  }

  @Test
  void aJobUnderItsMinimumCoresGoesBeforeAJobOfHigherPriority() {
    String type = uniqueName("mincores");
    String high = api.launch(spec(uniqueName("high"), layer(type, "1-3", ""), ""));
    String low = api.launch(spec(uniqueName("low"), layer(type, "1-3", ""), ""));
    api.jobAction("SetPriority", high, ",\"val\":10");

    fetchWithNewWorkers(type, 2);
    api.jobAction("SetMinCores", high, ",\"val\":3");
    fetchWithNewWorkers(type, 1);

    assertThat(running(high)).isEqualTo(2);
    assertThat(running(low)).isEqualTo(1);
    assertThat(api.job(high).get("minCores").asDouble()).isEqualTo(3.0);
  }

  @Test
  void maxGpusKeepsAJobFromTakingMoreGpusThanItsCap() {
    String type = uniqueName("maxgpus");
    String id = api.launch(spec(uniqueName("gpujob"), layer(type, "1-2", "<gpus>1</gpus>"), ""));

    api.jobAction("SetMaxGpus", id, ",\"val\":1");
    api.jobAction("SetMinGpus", id, ",\"val\":1");

    assertThat(fetchWithNewWorkers(type, 2)).containsExactly(200, 204);
    assertThat(api.job(id).get("maxGpus").asDouble()).isEqualTo(1.0);
    assertThat(api.job(id).get("minGpus").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aNegativeCoreCountIsRefusedWith400NamingTheFieldAndChangesNothing() {
    String id = api.launch(spec(uniqueName("negcores"), layer("negtype", "1", ""), ""));
    api.jobAction("SetMaxCores", id, ",\"val\":4");

    var refused = gateway.post("/job.JobInterface/SetMaxCores",
        "{\"job\":{\"id\":\"" + id + "\"},\"val\":-1}");
    String layer = api.layers(id).get(0).get("id").asText();
    var layerRefused = gateway.post("/job.LayerInterface/SetMinCores",
        "{\"layer\":{\"id\":\"" + layer + "\"},\"cores\":-2}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(message(refused.body())).startsWith("val must be");
    assertThat(layerRefused.statusCode()).isEqualTo(400);
    assertThat(message(layerRefused.body())).startsWith("cores must be");
    assertThat(api.job(id).get("maxCores").asDouble()).isEqualTo(4.0);
    assertThat(api.layers(id).get(0).get("minCores").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aShowsDefaultCoresGoToItsNewJobs() {
    String show = newShow();
    String type = uniqueName("showcores");
    api.ok("/show.ShowInterface/SetDefaultMaxCores", showBody(show, ",\"max_cores\":1"));
    api.ok("/show.ShowInterface/SetDefaultMinCores", showBody(show, ",\"min_cores\":0.5"));

    String id = api.launch(spec(show, uniqueName("defaults"), layer(type, "1-2", ""), ""));

    assertThat(fetchWithNewWorkers(type, 2)).containsExactly(200, 204);
    assertThat(api.job(id).get("maxCores").asDouble()).isEqualTo(1.0);
    assertThat(api.job(id).get("minCores").asDouble()).isEqualTo(0.5);
    JsonNode found = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"" + show + "\"}")
        .get("show");
    assertThat(found.get("defaultMaxCores").asDouble()).isEqualTo(1.0);
    assertThat(found.get("defaultMinCores").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aShowWithDispatchingOrBookingOffGetsNoFramesDispatched() {
    String show = newShow();
    String type = uniqueName("showoff");
    api.launch(spec(show, uniqueName("held"), layer(type, "1-2", ""), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("showhost"), type);

    api.ok("/show.ShowInterface/EnableDispatching", showBody(show, ",\"enabled\":false"));
    int whileDispatchingOff = worker.fetch().statusCode();
    api.ok("/show.ShowInterface/EnableDispatching", showBody(show, ",\"enabled\":true"));
    api.ok("/show.ShowInterface/EnableBooking", showBody(show, ",\"enabled\":false"));
    int whileBookingOff = worker.fetch().statusCode();
    JsonNode off = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"" + show + "\"}")
        .get("show");
    api.ok("/show.ShowInterface/EnableBooking", showBody(show, ",\"enabled\":true"));

    assertThat(whileDispatchingOff).isEqualTo(204);
    assertThat(whileBookingOff).isEqualTo(204);
    assertThat(off.path("bookingEnabled").asBoolean()).isFalse();
    assertThat(off.path("dispatchEnabled").asBoolean()).isTrue();
    assertThat(worker.fetch().statusCode()).isEqualTo(200);
  }

  @Test
  void aWorkerIsGivenOnlyFramesThatFitItsDeclaredCoresAndMemory() {
    String type = uniqueName("capacity");
    String id = api.launch(spec(uniqueName("big"), layer(type, "1", ""), ""));
    String layer = api.layers(id).get(0).get("id").asText();
    TestWorker small = TestWorker.registerWith(gateway, uniqueName("small"), 2, 8192, type);

    layerAction("SetMinCores", layer, ",\"cores\":3");
    int tooManyCores = small.fetch().statusCode();
    layerAction("SetMinCores", layer, ",\"cores\":2");
    layerAction("SetMinMemory", layer, ",\"memory\":" + 16L * 1024 * 1024);
    int tooMuchMemory = small.fetch().statusCode();
    layerAction("SetMinMemory", layer, ",\"memory\":" + 8L * 1024 * 1024);

    assertThat(tooManyCores).isEqualTo(204);
    assertThat(tooMuchMemory).isEqualTo(204);
    assertThat(small.take().get("name").asText()).isEqualTo("0001-" + type);
  }

  @Test
  void layerSettingsAreStoredAndStartAfterHoldsFramesBack() {
    String type = uniqueName("layerset");
    String id = api.launch(spec(uniqueName("settings"), layer(type, "1", "<cores>2.0</cores>"),
        ""));
    String layer = api.layers(id).get(0).get("id").asText();
    TestWorker worker = TestWorker.register(gateway, uniqueName("sethost"), type);

    layerAction("SetThreadable", layer, ",\"threadable\":true");
    layerAction("SetMinGpuMemory", layer, ",\"gpu_memory\":1048576");
    layerAction("SetStartAfter", layer, ",\"start_after\":4102444800");
    JsonNode stored = api.layers(id).get(0);
    int beforeStart = worker.fetch().statusCode();
    layerAction("SetStartAfter", layer, ",\"start_after\":0");

    assertThat(stored.get("isThreadable").asBoolean()).isTrue();
    assertThat(stored.get("minGpuMemory").asLong()).isEqualTo(1048576L);
    assertThat(stored.get("startAfter").asLong()).isEqualTo(4102444800L);
    assertThat(beforeStart).isEqualTo(204);
    assertThat(worker.fetch().statusCode()).isEqualTo(200);
  }

  @Test
  void reorderFramesChangesWhichFrameIsDispatchedFirst() {
    String type = uniqueName("reorder");
    String id = api.launch(spec(uniqueName("reordered"), layer(type, "1-4", ""), ""));
    String layer = api.layers(id).get(0).get("id").asText();

    layerAction("ReorderFrames", layer, ",\"range\":\"1-2\",\"order\":\"LAST\"");
    List<String> afterLast = frameNames(id);
    api.jobAction("ReorderFrames", id, ",\"range\":\"4\",\"order\":\"FIRST\"");
    List<String> afterFirst = frameNames(id);
    layerAction("ReorderFrames", layer, ",\"range\":\"1-4\",\"order\":\"REVERSE\"");
    List<String> afterReverse = frameNames(id);
    layerAction("ReorderFrames", layer, ",\"range\":\"1-4\",\"order\":\"REVERSE\"");

    assertThat(afterLast).containsExactly("3", "4", "1", "2");
    assertThat(afterFirst).containsExactly("4", "3", "1", "2");
    assertThat(afterReverse).containsExactly("2", "1", "3", "4");
    TestWorker worker = TestWorker.register(gateway, uniqueName("reorderhost"), type);
    assertThat(worker.take().get("name").asText()).isEqualTo("0004-" + type);
  }

  @Test
  void staggerFramesSpreadsTheRangeByTheIncrement() {
    String type = uniqueName("stagger");
    String id = api.launch(spec(uniqueName("staggered"), layer(type, "1-10", ""), ""));
    String layer = api.layers(id).get(0).get("id").asText();

    layerAction("StaggerFrames", layer, ",\"range\":\"1-10\",\"stagger\":5");
    List<String> layerStaggered = frameNames(id);
    api.jobAction("StaggerFrames", id, ",\"range\":\"1-4\",\"stagger\":2");

    assertThat(layerStaggered).containsExactly("1", "6", "2", "4", "8", "10", "3", "5", "7",
        "9");
    assertThat(frameNames(id)).containsExactly("1", "6", "3", "2", "8", "10", "4", "5", "7",
        "9");
    TestWorker first = TestWorker.register(gateway, uniqueName("staggerhost"), type);
    TestWorker second = TestWorker.register(gateway, uniqueName("staggerhost"), type);
    assertThat(first.take().get("name").asText()).isEqualTo("0001-" + type);
    assertThat(second.take().get("name").asText()).isEqualTo("0006-" + type);
  }

  @Test
  void aBadRangeOrStaggerIsRefusedWith400AndTheOrderStays() {
    String id = api.launch(spec(uniqueName("badorder"), layer("badordertype", "1-3", ""), ""));

    var badRange = gateway.post("/job.JobInterface/ReorderFrames",
        "{\"job\":{\"id\":\"" + id + "\"},\"range\":\"1-x\",\"order\":\"LAST\"}");
    var badStagger = gateway.post("/job.JobInterface/StaggerFrames",
        "{\"job\":{\"id\":\"" + id + "\"},\"range\":\"1-3\",\"stagger\":0}");

    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(message(badRange.body())).startsWith("range: ");
    assertThat(badStagger.statusCode()).isEqualTo(400);
    assertThat(message(badStagger.body())).startsWith("stagger must be");
    assertThat(frameNames(id)).containsExactly("1", "2", "3");
  }

  /** {@code <layer>} of task type {@code type} (its service), with extra resource elements. */
  static String layer(String type, String range, String resources) {
    return "<layer name=\"" + type + "\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>" + range
        + "</range><chunk>1</chunk>" + resources + "<services><service>" + type
        + "</service></services></layer>";
  }

  /** Each of {@code count} new workers of {@code type} asks once; the status codes. */
  List<Integer> fetchWithNewWorkers(String type, int count) {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(TestWorker.register(gateway, uniqueName(type + "host"), type).fetch()
          .statusCode());
    }
    return answers;
  }

  int running(String jobId) {
    return (int) api.frameStates(jobId).stream().filter(state -> state.endsWith(" RUNNING"))
        .count();
  }

  /** The frame numbers of the job, in dispatch order. */
  List<String> frameNames(String jobId) {
    List<String> names = new ArrayList<>();
    api.frames(jobId, "{}").forEach(frame -> names.add(frame.get("number").asText()));
    return names;
  }

  JsonNode layerAction(String method, String layerId, String extra) {
    return api.ok("/job.LayerInterface/" + method,
        "{\"layer\":{\"id\":\"" + layerId + "\"}" + extra + "}");
  }

  String newShow() {
    String name = uniqueName("schedshow");
    api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + name + "\"}");
    return name;
  }

  String showBody(String show, String extra) {
    String id = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"" + show + "\"}")
        .get("show").get("id").asText();
    return "{\"show\":{\"id\":\"" + id + "\"}" + extra + "}";
  }

  static String message(String body) {
    return FarmApi.parse(body).get("message").asText();
  }
}

package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.depend;
import static dev.cuegate.farm.FarmSpecs.fullName;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The read calls of CueWeb's pages that the embedded farm answers from its own model (one
 * facility, one allocation, procs for running frames, dependencies), and the empty lists it
 * answers where it has none of a thing.
 */
abstract class CueWebPagesContract extends FarmContract {
  CueWebPagesContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void theOneAllocationLocalGeneralHoldsEveryWorkerHost() {
    TestWorker.register(gateway, uniqueName("alloc"), "exec");
    int hosts = api.ok("/host.HostInterface/GetHosts", "{}").get("hosts").get("hosts").size();

    JsonNode allocations = api.ok("/facility.AllocationInterface/GetAll", "{}")
        .get("allocations").get("allocations");

    assertThat(allocations).hasSize(1);
    JsonNode general = allocations.get(0);
    assertThat(general.get("name").asText()).isEqualTo("local.general");
    assertThat(general.get("facility").asText()).isEqualTo("local");
    assertThat(general.get("stats").get("hosts").asInt()).isEqualTo(hosts).isPositive();
  }

  @Test
  void eachShowIsSubscribedToLocalGeneral() {
    api.launch(spec(uniqueName("subs"), layer("render", "1", 1), ""));

    JsonNode subscriptions = api.ok("/show.ShowInterface/GetSubscriptions",
        "{\"show\":{\"name\":\"testing\"}}").get("subscriptions").get("subscriptions");

    assertThat(subscriptions).hasSize(1);
    assertThat(subscriptions.get(0).get("name").asText()).isEqualTo("local.general.testing");
    assertThat(subscriptions.get(0).get("showName").asText()).isEqualTo("testing");
    assertThat(subscriptions.get(0).get("allocationName").asText()).isEqualTo("local.general");
  }

  @Test
  void groupGetJobsListsThePendingJobsOfTheShowsGroup() {
    String id = api.launch(spec(uniqueName("group"), layer("render", "1", 1), ""));
    String groupId = api.ok("/show.ShowInterface/GetRootGroup",
        "{\"show\":{\"name\":\"testing\"}}").get("group").get("id").asText();

    JsonNode jobs = api.ok("/job.GroupInterface/GetJobs",
        "{\"group\":{\"id\":\"" + groupId + "\"}}").get("jobs").get("jobs");

    assertThat(jobs).extracting(job -> job.get("id").asText()).contains(id);
    assertThat(jobs).allSatisfy(job -> assertThat(job.get("show").asText()).isEqualTo("testing"));
  }

  @Test
  void aLayerOnLayerDependIsListedFromBothSidesAtEveryLevel() {
    String name = uniqueName("graph");
    String id = api.launch(spec(name, layer("render", "1-2", 1) + layer("comp", "1-2", 1),
        depend("LAYER_ON_LAYER", name, "comp", "render")));
    String comp = layerId(id, "comp");
    String render = layerId(id, "render");

    JsonNode ofJob = depends("/job.JobInterface/GetDepends", "{\"job\":{\"id\":\"" + id + "\"}}");
    JsonNode onJob = depends("/job.JobInterface/GetWhatDependsOnThis",
        "{\"job\":{\"id\":\"" + id + "\"}}");
    JsonNode ofComp = depends("/job.LayerInterface/GetWhatThisDependsOn",
        "{\"layer\":{\"id\":\"" + comp + "\"}}");
    JsonNode ofRender = depends("/job.LayerInterface/GetWhatThisDependsOn",
        "{\"layer\":{\"id\":\"" + render + "\"}}");
    JsonNode ofFrame = depends("/job.FrameInterface/GetWhatThisDependsOn",
        "{\"frame\":{\"id\":\"" + api.frameId(id, "0001-comp") + "\"}}");

    assertThat(ofJob).hasSize(1);
    JsonNode depend = ofJob.get(0);
    assertThat(depend.get("type").asText()).isEqualTo("LAYER_ON_LAYER");
    assertThat(depend.get("target").asText()).isEqualTo("INTERNAL");
    assertThat(depend.get("active").asBoolean()).isTrue();
    assertThat(depend.get("dependErJob").asText()).isEqualTo(fullName(name));
    assertThat(depend.get("dependErLayer").asText()).isEqualTo("comp");
    assertThat(depend.get("dependErFrame").asText()).isEmpty();
    assertThat(depend.get("dependOnJob").asText()).isEqualTo(fullName(name));
    assertThat(depend.get("dependOnLayer").asText()).isEqualTo("render");
    assertThat(onJob).isEqualTo(ofJob);
    assertThat(ofComp).isEqualTo(ofJob);
    assertThat(ofFrame).isEqualTo(ofJob);
    assertThat(ofRender).isEmpty();
  }

  @Test
  void aSatisfiedDependIsNoLongerListed() {
    String name = uniqueName("satisfied");
    String id = api.launch(spec(name, layer("render", "1", 1) + layer("comp", "1", 1),
        depend("LAYER_ON_LAYER", name, "comp", "render")));
    String render = api.frameId(id, "0001-render");
    succeed(render);

    assertThat(depends("/job.JobInterface/GetDepends", "{\"job\":{\"id\":\"" + id + "\"}}"))
        .isEmpty();
  }

  @Test
  void procsAreTheFramesRunningNowWithTheirHostJobAndFrame() {
    String type = uniqueName("proctype");
    String host = uniqueName("prochost");
    String name = uniqueName("procs");
    api.launch(spec(name, "<layer name=\"render\" type=\"Render\"><cmd>echo #IFRAME#</cmd>"
        + "<range>1</range><chunk>1</chunk><services><service>" + type + "</service></services>"
        + "</layer>", ""));
    TestWorker worker = TestWorker.register(gateway, host, type);
    worker.take();
    String hostId = api.ok("/host.HostInterface/FindHost", "{\"name\":\"" + host + "\"}")
        .get("host").get("id").asText();

    JsonNode procs = api.ok("/host.ProcInterface/GetProcs",
        "{\"r\":{\"hosts\":[\"" + host + "\"]}}").get("procs").get("procs");
    JsonNode ofHost = api.ok("/host.HostInterface/GetProcs",
        "{\"host\":{\"id\":\"" + hostId + "\"}}").get("procs").get("procs");
    JsonNode ofOtherHost = api.ok("/host.ProcInterface/GetProcs",
        "{\"r\":{\"hosts\":[\"" + host + "-other\"]}}").get("procs").get("procs");

    assertThat(procs).hasSize(1);
    JsonNode proc = procs.get(0);
    assertThat(proc.get("name").asText()).isEqualTo(host + "/1.00");
    assertThat(proc.get("jobName").asText()).isEqualTo(fullName(name));
    assertThat(proc.get("frameName").asText()).isEqualTo("0001-render");
    assertThat(proc.get("showName").asText()).isEqualTo("testing");
    assertThat(proc.get("services").toString()).isEqualTo("[\"" + type + "\"]");
    assertThat(proc.get("logPath").asText())
        .endsWith("/" + fullName(name) + ".0001-render.rqlog");
    assertThat(ofHost).isEqualTo(procs);
    assertThat(ofOtherHost).isEmpty();
  }

  @Test
  void aFramesLogIsAlsoWrittenWhereOpenCuesToolsReadIt() throws IOException {
    String type = uniqueName("logtype");
    String name = uniqueName("logs");
    String id = api.launch(spec(name, "<layer name=\"render\" type=\"Render\">"
        + "<cmd>echo #IFRAME#</cmd><range>1</range><chunk>1</chunk><services><service>" + type
        + "</service></services></layer>", ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("loghost"), type);
    String taskId = worker.take().get("_id").asText();

    HttpResponse<String> update = worker.update(taskId, "{\"log\":\"rendering frame 1\"}");

    String logDir = api.job(id).get("logDir").asText();
    Path rqlog = Path.of(logDir, fullName(name) + ".0001-render.rqlog");
    assertThat(update.statusCode()).isEqualTo(204);
    assertThat(Path.of(logDir))
        .startsWith(gateway.dataDir().resolve("frame-logs").toAbsolutePath().normalize());
    assertThat(Files.readString(rqlog)).isEqualTo("rendering frame 1\n");
  }

  @Test
  void theFarmAnswersEmptyListsWhereItHasNoneOfAThing() {
    String id = api.launch(spec(uniqueName("empty"), layer("render", "1", 1), ""));
    TestWorker.register(gateway, uniqueName("nocomment"), "exec");
    String hostId = api.ok("/host.HostInterface/GetHosts", "{}").get("hosts").get("hosts")
        .get(0).get("id").asText();
    String show = "{\"show\":{\"name\":\"testing\"}}";

    assertThat(api.ok("/limit.LimitInterface/GetAll", "{}").toString())
        .isEqualTo("{\"limits\":[]}");
    assertThat(api.ok("/show.ShowInterface/GetFilters", show).toString())
        .isEqualTo("{\"filters\":{\"filters\":[]}}");
    assertThat(api.ok("/show.ShowInterface/GetServiceOverrides", show).toString())
        .isEqualTo("{\"serviceOverrides\":{\"serviceOverrides\":[]}}");
    assertThat(api.ok("/department.DepartmentInterface/GetTasks",
        "{\"department\":{\"name\":\"Unknown\"}}").toString())
        .isEqualTo("{\"tasks\":{\"tasks\":[]}}");
    assertThat(api.ok("/job.LayerInterface/GetOutputPaths",
        "{\"layer\":{\"id\":\"" + layerId(id, "render") + "\"}}").toString())
        .isEqualTo("{\"outputPaths\":[]}");
    assertThat(api.ok("/host.HostInterface/GetComments",
        "{\"host\":{\"id\":\"" + hostId + "\"}}").toString())
        .isEqualTo("{\"comments\":{\"comments\":[]}}");
  }

  @Test
  void servicesAndDepartmentsAreTheOnesTheFarmKnows() {
    JsonNode services = api.ok("/service.ServiceInterface/GetDefaultServices", "{}")
        .get("services").get("services");
    JsonNode names = api.ok("/department.DepartmentInterface/GetDepartmentNames", "{}")
        .get("names");
    JsonNode departments = api.ok("/show.ShowInterface/GetDepartments",
        "{\"show\":{\"name\":\"testing\"}}").get("departments").get("departments");

    assertThat(services).hasSize(1);
    assertThat(services.get(0).get("name").asText()).isEqualTo("default");
    assertThat(services.get(0).get("minCores").asInt()).isEqualTo(100);
    assertThat(services.get(0).get("minMemory").asText()).isEqualTo("4194304");
    assertThat(names.toString()).isEqualTo("[\"Unknown\"]");
    assertThat(departments).hasSize(1);
    assertThat(departments.get(0).get("dept").asText()).isEqualTo("Unknown");
  }

  @Test
  void readsOfSomethingThatDoesNotExistAreNotFound() {
    HttpResponse<String> layer = gateway.post("/job.LayerInterface/GetWhatThisDependsOn",
        "{\"layer\":{\"id\":\"no-such-layer\"}}");
    HttpResponse<String> group = gateway.post("/job.GroupInterface/GetJobs",
        "{\"group\":{\"id\":\"no-such-group\"}}");

    assertThat(layer.statusCode()).isEqualTo(404);
    assertThat(FarmApi.parse(layer.body()).get("message").asText())
        .isEqualTo("layer no-such-layer does not exist");
    assertThat(group.statusCode()).isEqualTo(404);
  }

  private JsonNode depends(String path, String body) {
    return api.ok(path, body).get("depends").get("depends");
  }

  private String layerId(String jobId, String name) {
    for (JsonNode layer : api.layers(jobId)) {
      if (layer.get("name").asText().equals(name)) {
        return layer.get("id").asText();
      }
    }
    throw new AssertionError("no layer " + name);
  }
}

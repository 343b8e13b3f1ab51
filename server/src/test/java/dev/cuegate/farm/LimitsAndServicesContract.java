package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static dev.cuegate.farm.SchedulingContract.layer;
import static dev.cuegate.farm.SchedulingContract.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits and services through the HTTP API, and how they govern what workers are given: a
 * limit's seats cap the running frames of the layers naming it, a service gives a layer its
 * settings and its task type, and a show's override wins over the farm-wide service.
 */
abstract class LimitsAndServicesContract extends FarmContract {
  LimitsAndServicesContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void aLimitCapsTheRunningFramesOfTheLayersNamingIt() {
    String type = uniqueName("limited");
    String limit = uniqueName("licence");
    api.ok("/limit.LimitInterface/Create", "{\"name\":\"" + limit + "\",\"max_value\":1}");
    String limits = "<limits><limit>" + limit + "</limit></limits>";
    api.launch(spec(uniqueName("seats"), layer(type, "1-3", limits), ""));

    List<Integer> oneSeat = fetch(type, 2);
    api.ok("/limit.LimitInterface/SetMaxValue", "{\"name\":\"" + limit + "\",\"max_value\":2}");
    List<Integer> twoSeats = fetch(type, 2);
    JsonNode found = api.ok("/limit.LimitInterface/Find", "{\"name\":\"" + limit + "\"}")
        .get("limit");

    assertThat(oneSeat).containsExactly(200, 204);
    assertThat(twoSeats).containsExactly(200, 204);
    assertThat(found.get("maxValue").asInt()).isEqualTo(2);
    assertThat(found.get("currentRunning").asInt()).isEqualTo(2);
  }

  @Test
  void limitsAreCreatedListedRenamedAndDeletedWithTheLayersNamingThem() {
    String limit = uniqueName("lic");
    String renamed = uniqueName("renamed");
    String id = api.ok("/limit.LimitInterface/Create",
        "{\"name\":\"" + limit + "\",\"max_value\":3}").get("limit").get("id").asText();
    String job = api.launch(spec(uniqueName("limjob"), layer(uniqueName("limtype"), "1",
        "<limits><limit>" + limit + "</limit></limits>"), ""));
    String layer = api.layers(job).get(0).get("id").asText();

    api.ok("/limit.LimitInterface/Rename",
        "{\"old_name\":\"" + limit + "\",\"new_name\":\"" + renamed + "\"}");
    JsonNode got = api.ok("/limit.LimitInterface/Get", "{\"id\":\"" + id + "\"}").get("limit");
    List<String> all = names(api.ok("/limit.LimitInterface/GetAll", "{}").get("limits"));
    JsonNode layerLimits = api.ok("/job.LayerInterface/GetLimits",
        "{\"layer\":{\"id\":\"" + layer + "\"}}").get("limits");
    api.ok("/limit.LimitInterface/Delete", "{\"name\":\"" + renamed + "\"}");

    assertThat(got.get("name").asText()).isEqualTo(renamed);
    assertThat(all).contains(renamed).doesNotContain(limit);
    assertThat(names(layerLimits)).containsExactly(renamed);
    assertThat(api.layers(job).get(0).path("limits")).isEmpty();
    assertThat(gateway.post("/limit.LimitInterface/Find", "{\"name\":\"" + renamed + "\"}")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void addLimitAndDropLimitDecideWhetherALayerCountsAgainstIt() {
    String type = uniqueName("addlimit");
    String limitId = api.ok("/limit.LimitInterface/Create",
        "{\"name\":\"" + uniqueName("seat") + "\",\"max_value\":0}").get("limit").get("id")
        .asText();
    String job = api.launch(spec(uniqueName("addlim"), layer(type, "1", ""), ""));
    String layer = api.layers(job).get(0).get("id").asText();
    TestWorker worker = TestWorker.register(gateway, uniqueName("addhost"), type);

    api.ok("/job.LayerInterface/AddLimit",
        "{\"layer\":{\"id\":\"" + layer + "\"},\"limit_id\":\"" + limitId + "\"}");
    int whileLimited = worker.fetch().statusCode();
    api.ok("/job.LayerInterface/DropLimit",
        "{\"layer\":{\"id\":\"" + layer + "\"},\"limit_id\":\"" + limitId + "\"}");

    assertThat(whileLimited).isEqualTo(204);
    assertThat(worker.fetch().statusCode()).isEqualTo(200);
  }

  @Test
  void unknownOrBadLimitsAreRefusedNamingThemAndNothingIsLaunched() {
    String missing = uniqueName("nosuchlimit");
    String name = uniqueName("unknownlimit");
    HttpResponse<String> launch = gateway.post("/job.JobInterface/LaunchSpec",
        FarmApi.JSON.createObjectNode().put("spec", spec(name, layer("ultype", "1",
            "<limits><limit>" + missing + "</limit></limits>"), "")).toString());
    String job = api.launch(spec(uniqueName("badlimit"), layer("bltype", "1", ""), ""));
    String layer = api.layers(job).get(0).get("id").asText();
    HttpResponse<String> add = gateway.post("/job.LayerInterface/AddLimit",
        "{\"layer\":{\"id\":\"" + layer + "\"},\"limit_id\":\"" + missing + "\"}");
    HttpResponse<String> negative = gateway.post("/limit.LimitInterface/Create",
        "{\"name\":\"" + uniqueName("neg") + "\",\"max_value\":-1}");

    assertThat(launch.statusCode()).isEqualTo(400);
    assertThat(message(launch.body())).contains("limit \"" + missing + "\" does not exist");
    assertThat(gateway.post("/job.JobInterface/FindJob",
        "{\"name\":\"" + FarmSpecs.fullName(name) + "\"}").statusCode()).isEqualTo(404);
    assertThat(add.statusCode()).isEqualTo(404);
    assertThat(message(add.body())).contains(missing);
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(message(negative.body())).startsWith("max_value must be");
  }

  @Test
  void aServiceGivesALayerItsSettingsAndTaskType() {
    String type = uniqueName("svc");
    api.ok("/service.ServiceInterface/CreateService", "{\"data\":" + service(type, 200,
        2L * 1024 * 1024, true) + "}");
    String job = api.launch(spec(uniqueName("svcjob"), layer(type, "1", ""), ""));
    TestWorker oneCore = TestWorker.registerWith(gateway, uniqueName("onecore"), 1, 4096, type);
    TestWorker twoCores = TestWorker.registerWith(gateway, uniqueName("twocores"), 2, 4096,
        type);

    JsonNode layer = api.layers(job).get(0);
    int refused = oneCore.fetch().statusCode();
    JsonNode task = twoCores.take();

    assertThat(layer.get("minCores").asDouble()).isEqualTo(2.0);
    assertThat(layer.get("minMemory").asLong()).isEqualTo(2L * 1024 * 1024);
    assertThat(layer.get("isThreadable").asBoolean()).isTrue();
    assertThat(layer.get("tags").get(0).asText()).isEqualTo("general");
    assertThat(refused).isEqualTo(204);
    assertThat(task.get("task_type").asText()).isEqualTo(type);
  }

  @Test
  void aSpecsOwnSettingsWinOverItsService() {
    String type = uniqueName("svcspec");
    api.ok("/service.ServiceInterface/CreateService", "{\"data\":" + service(type, 400,
        1024 * 1024, false) + "}");

    String job = api.launch(spec(uniqueName("own"), layer(type, "1", "<cores>1.5</cores>"), ""));

    JsonNode layer = api.layers(job).get(0);
    assertThat(layer.get("minCores").asDouble()).isEqualTo(1.5);
    assertThat(layer.get("minMemory").asLong()).isEqualTo(1024 * 1024);
  }

  @Test
  void aShowsOverrideWinsOverTheFarmWideService() {
    String type = uniqueName("over");
    String show = uniqueName("overshow");
    String showId = api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + show + "\"}")
        .get("show").get("id").asText();
    api.ok("/service.ServiceInterface/CreateService", "{\"data\":" + service(type, 300,
        1024 * 1024, false) + "}");

    JsonNode override = api.ok("/show.ShowInterface/CreateServiceOverride",
        "{\"show\":{\"id\":\"" + showId + "\"},\"service\":" + service(type, 100, 1024 * 1024,
            false) + "}").get("serviceOverride");
    String inShow = api.launch(spec(show, uniqueName("overjob"), layer(type, "1", ""), ""));
    String elsewhere = api.launch(spec(uniqueName("plainjob"), layer(type, "1", ""), ""));
    JsonNode listed = api.ok("/show.ShowInterface/GetServiceOverrides",
        "{\"show\":{\"id\":\"" + showId + "\"}}").get("serviceOverrides")
        .get("serviceOverrides");

    assertThat(api.layers(inShow).get(0).get("minCores").asDouble()).isEqualTo(1.0);
    assertThat(api.layers(elsewhere).get(0).get("minCores").asDouble()).isEqualTo(3.0);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(override.get("id").asText());
    assertThat(listed.get(0).get("data").get("minCores").asInt()).isEqualTo(100);
  }

  @Test
  void overridesAreUpdatedAndDeleted() {
    String type = uniqueName("overedit");
    String showId = api.ok("/show.ShowInterface/CreateShow",
        "{\"name\":\"" + uniqueName("editshow") + "\"}").get("show").get("id").asText();
    api.ok("/service.ServiceInterface/CreateService", "{\"data\":" + service(type, 100,
        1024 * 1024, false) + "}");
    String id = api.ok("/show.ShowInterface/CreateServiceOverride",
        "{\"show\":{\"id\":\"" + showId + "\"},\"service\":" + service(type, 100, 1024 * 1024,
            false) + "}").get("serviceOverride").get("id").asText();

    ObjectNode edited = (ObjectNode) FarmApi.parse(service(type, 250, 1024 * 1024, false));
    edited.put("id", id);
    api.ok("/service.ServiceOverrideInterface/Update", "{\"service\":" + edited + "}");
    JsonNode updated = overrides(showId);
    api.ok("/service.ServiceOverrideInterface/Delete",
        "{\"service\":{\"id\":\"" + id + "\"}}");

    assertThat(updated.get(0).get("data").get("minCores").asInt()).isEqualTo(250);
    assertThat(overrides(showId)).isEmpty();
    assertThat(gateway.post("/service.ServiceOverrideInterface/Delete",
        "{\"service\":{\"id\":\"" + id + "\"}}").statusCode()).isEqualTo(404);
  }

  @Test
  void servicesAreListedFetchedUpdatedAndDeleted() {
    String type = uniqueName("svcedit");
    JsonNode created = api.ok("/service.ServiceInterface/CreateService",
        "{\"data\":" + service(type, 100, 1024 * 1024, false) + "}").get("service");

    ObjectNode edited = (ObjectNode) FarmApi.parse(service(type, 200, 1024 * 1024, false));
    edited.put("id", created.get("id").asText());
    api.ok("/service.ServiceInterface/Update", "{\"service\":" + edited + "}");
    JsonNode fetched = api.ok("/service.ServiceInterface/GetService",
        "{\"name\":\"" + type + "\"}").get("service");
    List<String> listed = names(api.ok("/service.ServiceInterface/GetDefaultServices", "{}")
        .get("services").get("services"));
    api.ok("/service.ServiceInterface/Delete",
        "{\"service\":{\"id\":\"" + created.get("id").asText() + "\"}}");

    assertThat(fetched.get("minCores").asInt()).isEqualTo(200);
    assertThat(fetched.get("tags").get(0).asText()).isEqualTo("general");
    assertThat(listed).contains("default", type);
    assertThat(gateway.post("/service.ServiceInterface/GetService",
        "{\"name\":\"" + type + "\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void badServicesAreRefusedWith400Or404NamingWhatIsWrong() {
    String type = uniqueName("svcbad");
    HttpResponse<String> negative = gateway.post("/service.ServiceInterface/CreateService",
        "{\"data\":" + service(type, -100, 1024, false) + "}");
    HttpResponse<String> unknown = gateway.post("/service.ServiceInterface/GetService",
        "{\"name\":\"" + type + "\"}");
    String showId = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}")
        .get("show").get("id").asText();
    HttpResponse<String> override = gateway.post("/show.ShowInterface/CreateServiceOverride",
        "{\"show\":{\"id\":\"" + showId + "\"},\"service\":" + service(type, 100, 1024, false)
            + "}");
    HttpResponse<String> deleteDefault = gateway.post("/service.ServiceInterface/Delete",
        "{\"service\":{\"name\":\"default\"}}");

    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(message(negative.body())).startsWith("service.min_cores must be");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(message(unknown.body())).contains(type);
    assertThat(override.statusCode()).isEqualTo(400);
    assertThat(message(override.body())).contains("service \"" + type + "\" does not exist");
    assertThat(deleteDefault.statusCode()).isEqualTo(400);
  }

  /** A service's JSON as CueWeb sends it. */
  static String service(String name, int minCores, long minMemoryKib, boolean threadable) {
    return "{\"name\":\"" + name + "\",\"threadable\":" + threadable + ",\"min_cores\":"
        + minCores + ",\"max_cores\":0,\"min_memory\":" + minMemoryKib
        + ",\"min_gpu_memory\":0,\"tags\":[\"general\"],\"timeout\":0,\"timeout_llu\":0}";
  }

  private JsonNode overrides(String showId) {
    return api.ok("/show.ShowInterface/GetServiceOverrides",
        "{\"show\":{\"id\":\"" + showId + "\"}}").get("serviceOverrides")
        .path("serviceOverrides");
  }

  private List<Integer> fetch(String type, int count) {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(TestWorker.register(gateway, uniqueName(type + "host"), type).fetch()
          .statusCode());
    }
    return answers;
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.isTextual() ? item.asText() : item.get("name").asText()));
    return names;
  }
}

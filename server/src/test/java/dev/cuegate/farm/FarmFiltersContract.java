package dev.cuegate.farm;

import static dev.cuegate.farm.FarmGroupsContract.message;
import static dev.cuegate.farm.FarmGroupsContract.names;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A show's filters, their matchers and actions, through the HTTP API; each test has a show. */
abstract class FarmFiltersContract extends FarmContract {
  FarmFiltersContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void aMatchingFilterSetsPriorityGroupPauseAndMaxCoresOfALaunchedJob() {
    String show = newShow();
    String group = api.ok("/job.GroupInterface/CreateSubGroup", "{\"group\":{\"id\":\""
        + rootGroup(show) + "\"},\"name\":\"lighting\"}").get("group").get("id").asText();
    String filter = createFilter(show, "lighting jobs");
    api.ok("/filter.FilterInterface/SetType",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"type\":\"MATCH_ALL\"}");
    matcher(filter, "JOB_NAME", "CONTAINS", "light");
    matcher(filter, "USER", "IS", "jdoe");
    action(filter, "{\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":50}");
    action(filter, "{\"type\":\"MOVE_JOB_TO_GROUP\",\"group_value\":\"" + group + "\"}");
    action(filter, "{\"type\":\"PAUSE_JOB\",\"boolean_value\":true}");
    action(filter, "{\"type\":\"SET_JOB_MAX_CORES\",\"float_value\":4}");

    JsonNode lit = api.job(api.launch(spec(show, uniqueName("Lighting"),
        layer("render", "1", 1), "")));
    JsonNode other = api.job(api.launch(spec(show, uniqueName("anim"),
        layer("render", "1", 1), "")));

    assertThat(lit.get("priority").asInt()).isEqualTo(50);
    assertThat(lit.get("group").asText()).isEqualTo("lighting");
    assertThat(lit.get("isPaused").asBoolean()).isTrue();
    assertThat(lit.get("maxCores").asDouble()).isEqualTo(4.0);
    assertThat(other.get("priority").asInt()).isEqualTo(1);
    assertThat(other.get("group").asText()).isEqualTo(show);
    assertThat(other.path("isPaused").asBoolean()).isFalse();
  }

  @Test
  void aJobAFilterPausesIsNotGivenToAWorkerUntilItIsResumed() {
    String show = newShow();
    String type = uniqueName("filtertype");
    String filter = createFilter(show, "pauses");
    matcher(filter, "SERVICE_NAME", "IS", type);
    action(filter, "{\"type\":\"PAUSE_JOB\",\"boolean_value\":true}");
    String job = api.launch(spec(show, uniqueName("paused"),
        FarmDependsContract.typed("render", "1", type), ""));
    TestWorker worker = TestWorker.register(gateway, uniqueName("filterhost"), type);

    int whilePaused = worker.fetch().statusCode();
    api.jobAction("Resume", job, "");

    assertThat(whilePaused).isEqualTo(204);
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void stopProcessingEndsTheFiltersAndADisabledFilterDoesNothing() {
    String show = newShow();
    String stops = createFilter(show, "stops");
    matcher(stops, "SHOW", "IS", show);
    action(stops, "{\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":10}");
    action(stops, "{\"type\":\"STOP_PROCESSING\"}");
    String after = createFilter(show, "after");
    matcher(after, "SHOT", "BEGINS_WITH", "sh");
    action(after, "{\"type\":\"PAUSE_JOB\",\"boolean_value\":true}");
    String disabled = createFilter(show, "disabled");
    matcher(disabled, "LAYER_NAME", "REGEX", "^rend");
    action(disabled, "{\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":99}");
    api.ok("/filter.FilterInterface/SetEnabled",
        "{\"filter\":{\"id\":\"" + disabled + "\"},\"enabled\":false}");
    api.ok("/filter.FilterInterface/OrderFirst", "{\"filter\":{\"id\":\"" + disabled + "\"}}");

    JsonNode job = api.job(api.launch(spec(show, uniqueName("stop"), layer("render", "1", 1),
        "")));

    assertThat(job.get("priority").asInt()).isEqualTo(10);
    assertThat(job.path("isPaused").asBoolean()).isFalse();
  }

  @Test
  void filtersAreListedInOrderAndReorderedByEveryOrderCall() {
    String show = newShow();
    String a = createFilter(show, "a");
    String b = createFilter(show, "b");
    String c = createFilter(show, "c");
    assertThat(filterNames(show)).containsExactly("a", "b", "c");

    api.ok("/filter.FilterInterface/LowerOrder", "{\"filter\":{\"id\":\"" + a + "\"}}");
    assertThat(filterNames(show)).containsExactly("b", "a", "c");
    api.ok("/filter.FilterInterface/RaiseOrder", "{\"filter\":{\"id\":\"" + c + "\"}}");
    assertThat(filterNames(show)).containsExactly("b", "c", "a");
    api.ok("/filter.FilterInterface/OrderLast", "{\"filter\":{\"id\":\"" + b + "\"}}");
    assertThat(filterNames(show)).containsExactly("c", "a", "b");
    api.ok("/filter.FilterInterface/SetOrder",
        "{\"filter\":{\"id\":\"" + b + "\"},\"order\":1}");
    assertThat(filterNames(show)).containsExactly("b", "c", "a");
    api.ok("/filter.FilterInterface/SetName",
        "{\"filter\":{\"id\":\"" + a + "\"},\"name\":\"renamed\"}");
    api.ok("/filter.FilterInterface/Delete", "{\"filter\":{\"id\":\"" + c + "\"}}");
    JsonNode filters = filters(show);
    assertThat(names(filters)).containsExactly("b", "renamed");
    assertThat(filters.get(1).get("order").asInt()).isEqualTo(2);
    assertThat(api.ok("/filter.FilterInterface/FindFilter",
        "{\"show\":\"" + show + "\",\"name\":\"renamed\"}").get("filter").get("id").asText())
        .isEqualTo(a);
  }

  @Test
  void matchersAndActionsAreListedEditedAndDeleted() {
    String show = newShow();
    String filter = createFilter(show, "edits");
    String matcher = matcher(filter, "SHOT", "IS", "sh01");
    String action = action(filter, "{\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":5}");
    String dropped = action(filter, "{\"type\":\"STOP_PROCESSING\"}");

    api.ok("/filter.MatcherInterface/Commit", "{\"matcher\":{\"id\":\"" + matcher
        + "\",\"subject\":\"USER\",\"type\":\"IS_NOT\",\"input\":\"root\"}}");
    api.ok("/filter.ActionInterface/Commit", "{\"action\":{\"id\":\"" + action
        + "\",\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":7}}");
    api.ok("/filter.ActionInterface/Delete", "{\"action\":{\"id\":\"" + dropped + "\"}}");
    JsonNode matchers = api.ok("/filter.FilterInterface/GetMatchers",
        "{\"filter\":{\"id\":\"" + filter + "\"}}").get("matchers").path("matchers");
    JsonNode actions = api.ok("/filter.FilterInterface/GetActions",
        "{\"filter\":{\"id\":\"" + filter + "\"}}").get("actions").path("actions");

    assertThat(matchers).hasSize(1);
    assertThat(matchers.get(0).get("subject").asText()).isEqualTo("USER");
    assertThat(matchers.get(0).get("type").asText()).isEqualTo("IS_NOT");
    assertThat(matchers.get(0).get("input").asText()).isEqualTo("root");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).get("integerValue").asInt()).isEqualTo(7);
    assertThat(actions.get(0).get("valueType").asText()).isEqualTo("INTEGER_TYPE");
    assertThat(api.ok("/filter.MatcherInterface/GetParentFilter", "{\"matcher\":{\"id\":\""
        + matcher + "\"}}").get("filter").get("name").asText()).isEqualTo("edits");
    assertThat(api.ok("/filter.ActionInterface/GetParentFilter", "{\"action\":{\"id\":\""
        + action + "\"}}").get("filter").get("name").asText()).isEqualTo("edits");
    api.ok("/filter.MatcherInterface/Delete", "{\"matcher\":{\"id\":\"" + matcher + "\"}}");
    assertThat(api.ok("/filter.FilterInterface/GetMatchers",
        "{\"filter\":{\"id\":\"" + filter + "\"}}").get("matchers").path("matchers")).isEmpty();
  }

  @Test
  void runFilterOnJobsAndOnGroupApplyItToExistingJobs() {
    String show = newShow();
    String first = api.launch(spec(show, uniqueName("existing"), layer("render", "1", 1), ""));
    String second = api.launch(spec(show, uniqueName("existing"), layer("render", "1", 1), ""));
    String filter = createFilter(show, "later");
    matcher(filter, "SERVICE_NAME", "IS", "default");
    action(filter, "{\"type\":\"SET_JOB_PRIORITY\",\"integer_value\":30}");

    api.ok("/filter.FilterInterface/RunFilterOnJobs", "{\"filter\":{\"id\":\"" + filter
        + "\"},\"jobs\":{\"jobs\":[{\"id\":\"" + first + "\"}]}}");
    int secondBefore = api.job(second).get("priority").asInt();
    api.ok("/filter.FilterInterface/RunFilterOnGroup", "{\"filter\":{\"id\":\"" + filter
        + "\"},\"group\":{\"id\":\"" + rootGroup(show) + "\"}}");

    assertThat(api.job(first).get("priority").asInt()).isEqualTo(30);
    assertThat(secondBefore).isEqualTo(1);
    assertThat(api.job(second).get("priority").asInt()).isEqualTo(30);
  }

  @Test
  void anActionTheFarmCannotCarryOutIsRefusedWith400NamingItAndNotStored() {
    String show = newShow();
    String filter = createFilter(show, "refused");

    HttpResponse<String> tags = gateway.post("/filter.FilterInterface/CreateAction",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"data\":{\"type\":\"SET_ALL_RENDER_LAYER_TAGS\","
            + "\"string_value\":\"gpu\"}}");
    HttpResponse<String> noGroup = gateway.post("/filter.FilterInterface/CreateAction",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"data\":{\"type\":\"MOVE_JOB_TO_GROUP\"}}");
    HttpResponse<String> negative = gateway.post("/filter.FilterInterface/CreateAction",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"data\":{\"type\":\"SET_JOB_PRIORITY\","
            + "\"integer_value\":-1}}");
    HttpResponse<String> badRegex = gateway.post("/filter.FilterInterface/CreateMatcher",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"data\":{\"subject\":\"JOB_NAME\","
            + "\"type\":\"REGEX\",\"input\":\"(\"}}");

    assertThat(tags.statusCode()).isEqualTo(400);
    assertThat(message(tags)).startsWith("data.type: SET_ALL_RENDER_LAYER_TAGS needs a Cuebot");
    assertThat(noGroup.statusCode()).isEqualTo(400);
    assertThat(message(noGroup)).startsWith("data.group_value:");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(message(negative)).startsWith("data.integer_value:");
    assertThat(badRegex.statusCode()).isEqualTo(400);
    assertThat(message(badRegex)).startsWith("data.input: not a regular expression");
    assertThat(api.ok("/filter.FilterInterface/GetActions",
        "{\"filter\":{\"id\":\"" + filter + "\"}}").get("actions").path("actions")).isEmpty();
  }

  @Test
  void aFilterNameIsNeededAndUniqueAndAGroupAFilterMovesJobsToStays() {
    String show = newShow();
    String group = api.ok("/job.GroupInterface/CreateSubGroup", "{\"group\":{\"id\":\""
        + rootGroup(show) + "\"},\"name\":\"target\"}").get("group").get("id").asText();
    String filter = createFilter(show, "mover");
    action(filter, "{\"type\":\"MOVE_JOB_TO_GROUP\",\"group_value\":\"" + group + "\"}");

    HttpResponse<String> taken = gateway.post("/show.ShowInterface/CreateFilter",
        "{\"show\":{\"name\":\"" + show + "\"},\"name\":\"mover\"}");
    HttpResponse<String> empty = gateway.post("/show.ShowInterface/CreateFilter",
        "{\"show\":{\"name\":\"" + show + "\"},\"name\":\"\"}");
    HttpResponse<String> deleteGroup = gateway.post("/job.GroupInterface/Delete",
        "{\"group\":{\"id\":\"" + group + "\"}}");

    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(message(empty)).isEqualTo("name: give the filter a name");
    assertThat(deleteGroup.statusCode()).isEqualTo(400);
    assertThat(message(deleteGroup)).contains("filter action");
    assertThat(filterNames(show)).containsExactly("mover");
  }

  private String newShow() {
    String show = uniqueName("filtershow");
    api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + show + "\"}");
    return show;
  }

  private String rootGroup(String show) {
    return api.ok("/show.ShowInterface/GetRootGroup", "{\"show\":{\"name\":\"" + show + "\"}}")
        .get("group").get("id").asText();
  }

  private String createFilter(String show, String name) {
    return api.ok("/show.ShowInterface/CreateFilter",
        "{\"show\":{\"name\":\"" + show + "\"},\"name\":\"" + name + "\"}")
        .get("filter").get("id").asText();
  }

  private String matcher(String filter, String subject, String type, String input) {
    return api.ok("/filter.FilterInterface/CreateMatcher", "{\"filter\":{\"id\":\"" + filter
        + "\"},\"data\":{\"subject\":\"" + subject + "\",\"type\":\"" + type
        + "\",\"input\":\"" + input + "\"}}").get("matcher").get("id").asText();
  }

  private String action(String filter, String data) {
    return api.ok("/filter.FilterInterface/CreateAction",
        "{\"filter\":{\"id\":\"" + filter + "\"},\"data\":" + data + "}")
        .get("action").get("id").asText();
  }

  private JsonNode filters(String show) {
    return api.ok("/show.ShowInterface/GetFilters", "{\"show\":{\"name\":\"" + show + "\"}}")
        .get("filters").path("filters");
  }

  private List<String> filterNames(String show) {
    return names(filters(show));
  }
}

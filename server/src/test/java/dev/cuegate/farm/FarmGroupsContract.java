package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A show's tree of groups, and comments edited and deleted, through the HTTP API. */
abstract class FarmGroupsContract extends FarmContract {
  FarmGroupsContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void subGroupsNestUnderTheirParentAndTheShowListsTheTree() {
    String show = newShow();
    String root = rootGroup(show);

    JsonNode lighting = createSubGroup(root, "lighting");
    JsonNode shots = createSubGroup(lighting.get("id").asText(), "shots");

    assertThat(lighting.get("level").asInt()).isEqualTo(1);
    assertThat(lighting.get("parentId").asText()).isEqualTo(root);
    assertThat(shots.get("level").asInt()).isEqualTo(2);
    assertThat(names(api.ok("/show.ShowInterface/GetGroups",
        "{\"show\":{\"name\":\"" + show + "\"}}").get("groups").get("groups")))
        .containsExactly(show, "lighting", "shots");
    assertThat(names(children(root))).containsExactly("lighting");
    assertThat(api.ok("/job.GroupInterface/GetGroup",
        "{\"id\":\"" + shots.get("id").asText() + "\"}").get("group").get("name").asText())
        .isEqualTo("shots");
  }

  @Test
  void reparentJobsMovesJobsAndEachGroupListsItsOwn() {
    String show = newShow();
    String root = rootGroup(show);
    String comp = createSubGroup(root, "comp").get("id").asText();
    String job = api.launch(spec(show, uniqueName("moved"), layer("render", "1", 1), ""));
    String stays = api.launch(spec(show, uniqueName("stays"), layer("render", "1", 1), ""));

    api.ok("/job.GroupInterface/ReparentJobs", "{\"group\":{\"id\":\"" + comp
        + "\"},\"jobs\":{\"jobs\":[{\"id\":\"" + job + "\"}]}}");

    assertThat(ids(groupJobs(comp))).containsExactly(job);
    assertThat(ids(groupJobs(root))).containsExactly(stays);
    assertThat(api.job(job).get("group").asText()).isEqualTo("comp");
    assertThat(api.ok("/job.GroupInterface/GetGroup", "{\"id\":\"" + comp + "\"}")
        .get("group").get("groupStats").get("pendingJobs").asInt()).isEqualTo(1);
  }

  @Test
  void reparentGroupsMovesASubtreeAndRefusesACycleWholly() {
    String show = newShow();
    String root = rootGroup(show);
    String a = createSubGroup(root, "a").get("id").asText();
    String b = createSubGroup(root, "b").get("id").asText();
    String c = createSubGroup(b, "c").get("id").asText();

    api.ok("/job.GroupInterface/ReparentGroups", "{\"group\":{\"id\":\"" + a
        + "\"},\"groups\":{\"groups\":[{\"id\":\"" + b + "\"}]}}");
    HttpResponse<String> cycle = gateway.post("/job.GroupInterface/ReparentGroups",
        "{\"group\":{\"id\":\"" + c + "\"},\"groups\":{\"groups\":[{\"id\":\"" + a + "\"}]}}");

    assertThat(group(b).get("level").asInt()).isEqualTo(2);
    assertThat(group(c).get("level").asInt()).isEqualTo(3);
    assertThat(names(children(a))).containsExactly("b");
    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(message(cycle)).isEqualTo("groups: a cannot move into c, which is in it");
    assertThat(group(a).get("parentId").asText()).isEqualTo(root);
  }

  @Test
  void deleteRefusesAGroupWithJobsOrGroupsAndTheRootButDeletesAnEmptyOne() {
    String show = newShow();
    String root = rootGroup(show);
    String parent = createSubGroup(root, "parent").get("id").asText();
    createSubGroup(parent, "child");
    String withJob = createSubGroup(root, "withjob").get("id").asText();
    String empty = createSubGroup(root, "empty").get("id").asText();
    String job = api.launch(spec(show, uniqueName("injob"), layer("render", "1", 1), ""));
    api.ok("/job.GroupInterface/ReparentJobs", "{\"group\":{\"id\":\"" + withJob
        + "\"},\"jobs\":{\"jobs\":[{\"id\":\"" + job + "\"}]}}");

    HttpResponse<String> hasChild = delete(parent);
    HttpResponse<String> hasJob = delete(withJob);
    HttpResponse<String> isRoot = delete(root);
    HttpResponse<String> deleted = delete(empty);

    assertThat(hasChild.statusCode()).isEqualTo(400);
    assertThat(message(hasChild)).startsWith("group parent still has groups in it");
    assertThat(hasJob.statusCode()).isEqualTo(400);
    assertThat(message(hasJob)).startsWith("group withjob still has jobs in it");
    assertThat(isRoot.statusCode()).isEqualTo(400);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(gateway.post("/job.GroupInterface/GetGroup", "{\"id\":\"" + empty + "\"}")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void aSubGroupNeedsANameNotUsedInItsShow() {
    String show = newShow();
    String root = rootGroup(show);
    createSubGroup(root, "fx");

    HttpResponse<String> noName = gateway.post("/job.GroupInterface/CreateSubGroup",
        "{\"group\":{\"id\":\"" + root + "\"},\"name\":\" \"}");
    HttpResponse<String> taken = gateway.post("/job.GroupInterface/CreateSubGroup",
        "{\"group\":{\"id\":\"" + root + "\"},\"name\":\"fx\"}");
    HttpResponse<String> noGroup = gateway.post("/job.GroupInterface/CreateSubGroup",
        "{\"name\":\"other\"}");

    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(message(noName)).isEqualTo("name: give the new group a name");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(noGroup.statusCode()).isEqualTo(400);
    assertThat(message(noGroup)).isEqualTo("group.id: give its id");
    assertThat(names(children(root))).containsExactly("fx");
  }

  @Test
  void aGroupsDefaultPriorityAndCoresReachAJobLaunchedIntoIt() {
    String show = newShow();
    String root = rootGroup(show);
    groupCall("SetDefaultJobPriority", root, "\"priority\":321");
    groupCall("SetDefaultJobMaxCores", root, "\"max_cores\":2.5");
    groupCall("SetMinCores", root, "\"min_cores\":1");
    groupCall("SetMaxGpus", root, "\"max_gpus\":3");

    String job = api.launch(spec(show, uniqueName("inherits"), layer("render", "1", 1), ""));

    assertThat(api.job(job).get("priority").asInt()).isEqualTo(321);
    assertThat(api.job(job).get("maxCores").asDouble()).isEqualTo(2.5);
    JsonNode group = group(root);
    assertThat(group.get("defaultJobPriority").asInt()).isEqualTo(321);
    assertThat(group.get("defaultJobMaxCores").asDouble()).isEqualTo(2.5);
    assertThat(group.get("defaultJobMinCores").asDouble()).isEqualTo(-1);
    assertThat(group.get("minCores").asDouble()).isEqualTo(1);
    assertThat(group.get("maxGpus").asDouble()).isEqualTo(3);
  }

  @Test
  void reparentingAJobGivesItTheGroupsDefaults() {
    String show = newShow();
    String fx = createSubGroup(rootGroup(show), "fx").get("id").asText();
    groupCall("SetDefaultJobPriority", fx, "\"priority\":77");
    String job = api.launch(spec(show, uniqueName("movedin"), layer("render", "1", 1), ""));

    api.ok("/job.GroupInterface/ReparentJobs", "{\"group\":{\"id\":\"" + fx
        + "\"},\"jobs\":{\"jobs\":[{\"id\":\"" + job + "\"}]}}");

    assertThat(api.job(job).get("priority").asInt()).isEqualTo(77);
  }

  @Test
  void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
    String show = newShow();
    String root = rootGroup(show);

    HttpResponse<String> priority = groupPost("SetDefaultJobPriority", root, "\"priority\":-5");
    HttpResponse<String> cores = groupPost("SetMaxCores", root, "\"max_cores\":-1");
    HttpResponse<String> gpus = groupPost("SetDefaultJobMinGpus", root, "\"min_gpus\":-2");
    HttpResponse<String> unknown = groupPost("SetDefaultJobPriority",
        "00000000-0000-0000-0000-000000000000", "\"priority\":5");

    assertThat(priority.statusCode()).isEqualTo(400);
    assertThat(message(priority)).startsWith("priority:");
    assertThat(cores.statusCode()).isEqualTo(400);
    assertThat(message(cores)).startsWith("max_cores");
    assertThat(gpus.statusCode()).isEqualTo(400);
    assertThat(message(gpus)).startsWith("min_gpus:");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(group(root).get("defaultJobPriority").asInt()).isEqualTo(-1);
    assertThat(group(root).get("maxCores").asDouble()).isEqualTo(-1);
  }

  @Test
  void setNameRenamesWithinTheShowButNotOntoAnotherGroupOrTheRoot() {
    String show = newShow();
    String root = rootGroup(show);
    String fx = createSubGroup(root, "fx").get("id").asText();
    createSubGroup(root, "comp");

    groupCall("SetName", fx, "\"name\":\"effects\"");
    HttpResponse<String> taken = groupPost("SetName", fx, "\"name\":\"comp\"");
    HttpResponse<String> empty = groupPost("SetName", fx, "\"name\":\" \"");
    HttpResponse<String> rootName = groupPost("SetName", root, "\"name\":\"other\"");

    assertThat(group(fx).get("name").asText()).isEqualTo("effects");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(message(empty)).startsWith("name:");
    assertThat(rootName.statusCode()).isEqualTo(400);
    assertThat(group(root).get("name").asText()).isEqualTo(show);
  }

  @Test
  void setDepartmentTakesOnlyUnknownAndSetGroupMovesTheGroup() {
    String show = newShow();
    String root = rootGroup(show);
    String a = createSubGroup(root, "a").get("id").asText();
    String b = createSubGroup(root, "b").get("id").asText();

    groupCall("SetDepartment", a, "\"dept\":\"Unknown\"");
    HttpResponse<String> otherDept = groupPost("SetDepartment", a, "\"dept\":\"Lighting\"");
    groupCall("SetGroup", b, "\"parent_group\":{\"id\":\"" + a + "\"}");
    HttpResponse<String> cycle = groupPost("SetGroup", a, "\"parent_group\":{\"id\":\"" + b
        + "\"}");

    assertThat(otherDept.statusCode()).isEqualTo(404);
    assertThat(message(otherDept)).contains("Lighting");
    assertThat(group(a).get("department").asText()).isEqualTo("Unknown");
    assertThat(group(b).get("parentId").asText()).isEqualTo(a);
    assertThat(group(b).get("level").asInt()).isEqualTo(2);
    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(group(a).get("parentId").asText()).isEqualTo(root);
  }

  private void groupCall(String method, String group, String fields) {
    api.ok("/job.GroupInterface/" + method, "{\"group\":{\"id\":\"" + group + "\"},"
        + fields + "}");
  }

  private HttpResponse<String> groupPost(String method, String group, String fields) {
    return gateway.post("/job.GroupInterface/" + method, "{\"group\":{\"id\":\"" + group
        + "\"}," + fields + "}");
  }

  @Test
  void aCommentIsEditedAndDeletedByItsId() {
    String job = api.launch(spec(uniqueName("commented"), layer("render", "1", 1), ""));
    api.jobAction("AddComment", job,
        ",\"new_comment\":{\"user\":\"jdoe\",\"subject\":\"first\",\"message\":\"hello\"}");
    api.jobAction("AddComment", job,
        ",\"new_comment\":{\"user\":\"jdoe\",\"subject\":\"second\",\"message\":\"bye\"}");
    JsonNode comments = comments(job);
    String first = comments.get(0).get("id").asText();
    String second = comments.get(1).get("id").asText();

    api.ok("/comment.CommentInterface/Save", "{\"comment\":{\"id\":\"" + first
        + "\",\"subject\":\"edited\",\"message\":\"new text\"}}");
    api.ok("/comment.CommentInterface/Delete", "{\"comment\":{\"id\":\"" + second + "\"}}");
    HttpResponse<String> again = gateway.post("/comment.CommentInterface/Delete",
        "{\"comment\":{\"id\":\"" + second + "\"}}");
    HttpResponse<String> noId = gateway.post("/comment.CommentInterface/Save",
        "{\"comment\":{\"subject\":\"x\"}}");

    assertThat(comments(job)).hasSize(1);
    assertThat(comments(job).get(0).get("subject").asText()).isEqualTo("edited");
    assertThat(comments(job).get(0).get("message").asText()).isEqualTo("new text");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(message(again)).isEqualTo("comment " + second + " does not exist");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(message(noId)).isEqualTo("comment.id: give its id");
  }

  private JsonNode comments(String job) {
    return api.jobAction("GetComments", job, "").get("comments").path("comments");
  }

  private String newShow() {
    String show = uniqueName("groupshow");
    api.ok("/show.ShowInterface/CreateShow", "{\"name\":\"" + show + "\"}");
    return show;
  }

  private String rootGroup(String show) {
    return api.ok("/show.ShowInterface/GetRootGroup", "{\"show\":{\"name\":\"" + show + "\"}}")
        .get("group").get("id").asText();
  }

  private JsonNode createSubGroup(String parent, String name) {
    return api.ok("/job.GroupInterface/CreateSubGroup",
        "{\"group\":{\"id\":\"" + parent + "\"},\"name\":\"" + name + "\"}").get("group");
  }

  private JsonNode group(String id) {
    return api.ok("/job.GroupInterface/GetGroup", "{\"id\":\"" + id + "\"}").get("group");
  }

  private JsonNode children(String id) {
    return api.ok("/job.GroupInterface/GetGroups", "{\"group\":{\"id\":\"" + id + "\"}}")
        .get("groups").path("groups");
  }

  private JsonNode groupJobs(String id) {
    return api.ok("/job.GroupInterface/GetJobs", "{\"group\":{\"id\":\"" + id + "\"}}")
        .get("jobs").path("jobs");
  }

  private HttpResponse<String> delete(String id) {
    return gateway.post("/job.GroupInterface/Delete", "{\"group\":{\"id\":\"" + id + "\"}}");
  }

  static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").asText()));
    return names;
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  static String message(HttpResponse<String> response) {
    return FarmApi.parse(response.body()).get("message").asText();
  }
}

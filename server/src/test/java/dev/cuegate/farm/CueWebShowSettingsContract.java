package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What CueWeb's show properties, subscription and task dialogs set on a show of the embedded
 * farm, with the bodies CueWeb sends: stored, and answered by the reads CueWeb then makes.
 */
abstract class CueWebShowSettingsContract extends FarmContract {
  private static final String LOCAL_GENERAL_ID = "00000000-0000-0000-0000-000000000000";

  CueWebShowSettingsContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void setCommentEmailIsAnsweredWithTheShow() {
    JsonNode show = newShow("email");

    api.ok("/show.ShowInterface/SetCommentEmail",
        "{\"show\":" + show + ",\"email\":\"lighting@example.com\"}");

    assertThat(findShow(show).get("commentEmail").asText()).isEqualTo("lighting@example.com");
    assertThat(api.ok("/show.ShowInterface/GetShows", "{}").get("shows").get("shows"))
        .filteredOn(s -> s.get("id").equals(show.get("id")))
        .extracting(s -> s.get("commentEmail").asText())
        .containsExactly("lighting@example.com");
  }

  @Test
  void setSizeAndSetBurstAreStoredAndAnsweredByGetSubscriptions() {
    JsonNode show = newShow("subsize");
    JsonNode subscription = subscriptions(show).get(0);

    api.ok("/subscription.SubscriptionInterface/SetSize",
        "{\"subscription\":" + subscription + ",\"new_size\":500}");
    api.ok("/subscription.SubscriptionInterface/SetBurst",
        "{\"subscription\":" + subscription + ",\"burst\":800}");

    JsonNode stored = subscriptions(show).get(0);
    assertThat(stored.get("id")).isEqualTo(subscription.get("id"));
    assertThat(stored.get("size").asInt()).isEqualTo(500);
    assertThat(stored.get("burst").asInt()).isEqualTo(800);
    assertThat(stored.get("allocationName").asText()).isEqualTo("local.general");
  }

  @Test
  void aNegativeSizeOrBurstIsRefusedWith400NamingTheFieldAndChangesNothing() {
    JsonNode show = newShow("subneg");
    JsonNode subscription = subscriptions(show).get(0);
    api.ok("/subscription.SubscriptionInterface/SetSize",
        "{\"subscription\":" + subscription + ",\"new_size\":300}");

    HttpResponse<String> size = gateway.post("/subscription.SubscriptionInterface/SetSize",
        "{\"subscription\":" + subscription + ",\"new_size\":-1}");
    HttpResponse<String> burst = gateway.post("/subscription.SubscriptionInterface/SetBurst",
        "{\"subscription\":" + subscription + ",\"burst\":-5}");

    assertThat(size.statusCode()).isEqualTo(400);
    assertThat(message(size)).isEqualTo("new_size must be 0 or more, got -1");
    assertThat(burst.statusCode()).isEqualTo(400);
    assertThat(message(burst)).isEqualTo("burst must be 0 or more, got -5");
    assertThat(subscriptions(show).get(0).get("size").asInt()).isEqualTo(300);
    assertThat(subscriptions(show).get(0).get("burst").asInt())
        .isEqualTo(subscription.get("burst").asInt());
  }

  @Test
  void aDeletedSubscriptionIsGoneUntilCreateSubscriptionMakesItAgain() {
    JsonNode show = newShow("subdel");
    JsonNode subscription = subscriptions(show).get(0);

    api.ok("/subscription.SubscriptionInterface/Delete",
        "{\"subscription\":" + subscription + "}");
    JsonNode afterDelete = subscriptions(show);
    HttpResponse<String> setSize = gateway.post("/subscription.SubscriptionInterface/SetSize",
        "{\"subscription\":" + subscription + ",\"new_size\":100}");
    JsonNode created = api.ok("/show.ShowInterface/CreateSubscription", "{\"show\":" + show
        + ",\"allocation_id\":\"" + LOCAL_GENERAL_ID + "\",\"size\":10,\"burst\":20}")
        .get("subscription");
    HttpResponse<String> again = gateway.post("/show.ShowInterface/CreateSubscription",
        "{\"show\":" + show + ",\"allocation_id\":\"" + LOCAL_GENERAL_ID
            + "\",\"size\":100,\"burst\":110}");

    assertThat(afterDelete).isEmpty();
    assertThat(setSize.statusCode()).isEqualTo(404);
    assertThat(created.get("size").asInt()).isEqualTo(1000);
    assertThat(created.get("burst").asInt()).isEqualTo(2000);
    assertThat(subscriptions(show)).hasSize(1);
    assertThat(subscriptions(show).get(0).get("size").asInt()).isEqualTo(1000);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void createSubscriptionOnAnotherAllocationOrWithNegativeCoresIs400NamingTheField() {
    JsonNode show = newShow("subbad");
    api.ok("/subscription.SubscriptionInterface/Delete",
        "{\"subscription\":" + subscriptions(show).get(0) + "}");

    HttpResponse<String> unknown = gateway.post("/show.ShowInterface/CreateSubscription",
        "{\"show\":" + show + ",\"allocation_id\":\"cloud.general\",\"size\":1,\"burst\":1}");
    HttpResponse<String> negative = gateway.post("/show.ShowInterface/CreateSubscription",
        "{\"show\":" + show + ",\"allocation_id\":\"" + LOCAL_GENERAL_ID
            + "\",\"size\":-1,\"burst\":1}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(message(unknown)).startsWith("allocation_id: \"cloud.general\" is not an"
        + " allocation of the embedded farm");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(message(negative)).isEqualTo("size must be 0 or more cores, got -1.0");
    assertThat(subscriptions(show)).isEmpty();
  }

  @Test
  void tasksAreAddedChangedAndDeletedAsCuebotDoesOnAnUnmanagedDepartment() {
    JsonNode department = department(newShow("tasks"));

    JsonNode added = api.ok("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh010\",\"min_cores\":2.5}").get("task");
    api.ok("/task.TaskInterface/SetMinCores",
        "{\"task\":" + added + ",\"new_min_cores\":4}");
    JsonNode task = tasks(department).get(0);

    assertThat(added.get("shot").asText()).isEqualTo("sh010");
    assertThat(added.get("minCores").asDouble()).isEqualTo(2.5);
    assertThat(task.get("id")).isEqualTo(added.get("id"));
    assertThat(task.get("name").asText()).isEqualTo("sh010.Unknown");
    assertThat(task.get("dept").asText()).isEqualTo("Unknown");
    assertThat(task.get("minCores").asDouble()).isEqualTo(4.0);
    assertThat(task.get("adjustCores").asDouble()).isZero();

    api.ok("/task.TaskInterface/Delete", "{\"task\":" + task + "}");
    assertThat(tasks(department)).isEmpty();
  }

  @Test
  void aManagedDepartmentsTaskIsAdjustedAndTheAdjustmentCleared() {
    JsonNode show = newShow("managed");
    JsonNode department = department(show);
    JsonNode task = api.ok("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh020\",\"min_cores\":4}").get("task");

    api.ok("/department.DepartmentInterface/EnableTiManaged",
        "{\"department\":" + department + ",\"ti_task\":\"lighting\",\"managed_cores\":10}");
    JsonNode managed = department(show);
    api.ok("/department.DepartmentInterface/SetManagedCores",
        "{\"department\":" + managed + ",\"managed_cores\":12.5}");
    api.ok("/task.TaskInterface/SetMinCores", "{\"task\":" + task + ",\"new_min_cores\":6}");
    JsonNode adjusted = tasks(department).get(0);
    api.ok("/task.TaskInterface/ClearAdjustments", "{\"task\":" + task + "}");
    JsonNode cleared = tasks(department).get(0);
    JsonNode withCores = department(show);
    api.ok("/department.DepartmentInterface/DisableTiManaged",
        "{\"department\":" + withCores + "}");
    JsonNode unmanaged = department(show);

    assertThat(managed.get("tiManaged").asBoolean()).isTrue();
    assertThat(managed.get("tiTask").asText()).isEqualTo("lighting");
    assertThat(managed.get("minCores").asDouble()).isEqualTo(10.0);
    assertThat(withCores.get("minCores").asDouble()).isEqualTo(12.5);
    assertThat(adjusted.get("minCores").asDouble()).isEqualTo(6.0);
    assertThat(adjusted.get("adjustCores").asDouble()).isEqualTo(2.0);
    assertThat(cleared.get("minCores").asDouble()).isEqualTo(4.0);
    assertThat(cleared.get("adjustCores").asDouble()).isZero();
    assertThat(unmanaged.get("tiManaged").asBoolean()).isFalse();
    assertThat(unmanaged.get("tiTask").asText()).isEmpty();
    assertThat(unmanaged.get("minCores").asDouble()).isZero();
  }

  @Test
  void badTaskInputIsRefusedNamingTheFieldAndChangesNothing() {
    JsonNode department = department(newShow("taskbad"));
    JsonNode task = api.ok("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh030\",\"min_cores\":1}").get("task");

    HttpResponse<String> negative = gateway.post("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh031\",\"min_cores\":-1}");
    HttpResponse<String> duplicate = gateway.post("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh030\",\"min_cores\":2}");
    HttpResponse<String> noTiTask = gateway.post(
        "/department.DepartmentInterface/EnableTiManaged",
        "{\"department\":" + department + ",\"ti_task\":\"\",\"managed_cores\":1}");
    HttpResponse<String> negativeMin = gateway.post("/task.TaskInterface/SetMinCores",
        "{\"task\":" + task + ",\"new_min_cores\":-2}");
    HttpResponse<String> unknown = gateway.post("/task.TaskInterface/Delete",
        "{\"task\":{\"id\":\"no-such-task\"}}");
    HttpResponse<String> unknownDepartment = gateway.post("/department.DepartmentInterface/AddTask",
        "{\"department\":{\"id\":\"no-such-department\"},\"shot\":\"sh032\",\"min_cores\":1}");

    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(message(negative)).isEqualTo("min_cores must be 0 or more cores, got -1.0");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(noTiTask.statusCode()).isEqualTo(400);
    assertThat(message(noTiTask)).startsWith("ti_task: ");
    assertThat(negativeMin.statusCode()).isEqualTo(400);
    assertThat(message(negativeMin)).isEqualTo("new_min_cores must be 0 or more cores, got -2.0");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknownDepartment.statusCode()).isEqualTo(404);
    assertThat(tasks(department)).hasSize(1);
    assertThat(tasks(department).get(0).get("minCores").asDouble()).isEqualTo(1.0);
    assertThat(department(department.get("name").asText().replace(".Unknown", ""))
        .get("tiManaged").asBoolean()).isFalse();
  }

  private JsonNode newShow(String prefix) {
    return api.ok("/show.ShowInterface/CreateShow",
        "{\"name\":\"" + uniqueName(prefix) + "\"}").get("show");
  }

  private JsonNode findShow(JsonNode show) {
    return api.ok("/show.ShowInterface/FindShow",
        "{\"name\":\"" + show.get("name").asText() + "\"}").get("show");
  }

  private JsonNode subscriptions(JsonNode show) {
    return api.ok("/show.ShowInterface/GetSubscriptions", "{\"show\":" + show + "}")
        .get("subscriptions").get("subscriptions");
  }

  private JsonNode department(JsonNode show) {
    return api.ok("/show.ShowInterface/GetDepartments", "{\"show\":{\"id\":\""
        + show.get("id").asText() + "\"}}").get("departments").get("departments").get(0);
  }

  private JsonNode department(String showName) {
    return api.ok("/show.ShowInterface/GetDepartments", "{\"show\":{\"name\":\""
        + showName + "\"}}").get("departments").get("departments").get(0);
  }

  private JsonNode tasks(JsonNode department) {
    return api.ok("/department.DepartmentInterface/GetTasks",
        "{\"department\":" + department + "}").get("tasks").get("tasks");
  }

  private static String message(HttpResponse<String> response) {
    return FarmApi.parse(response.body()).get("message").asText();
  }
}

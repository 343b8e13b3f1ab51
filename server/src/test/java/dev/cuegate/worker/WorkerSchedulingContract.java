package dev.cuegate.worker;

import static dev.cuegate.worker.FarmJobs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Frames become tasks: who gets which, and what completing, failing or leaving does. */
abstract class WorkerSchedulingContract {
  private final GatewayExtension gateway;
  private final FarmJobs farm;

  WorkerSchedulingContract(GatewayExtension gateway) {
    this.gateway = gateway;
    this.farm = new FarmJobs(gateway);
  }

  @Test
  void aCompletedTaskMakesItsFrameSucceededAndFinishesTheJob() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    assertThat(worker.signOn().statusCode()).isEqualTo(204);

    JsonNode task = worker.take();
    List<String> whileActive = farm.frames(job);
    assertThat(worker.update(task.get("_id").asText(),
        "{\"task_status\":\"active\",\"activity\":\"rendering\",\"log\":\"frame 1\"}")
        .statusCode()).isEqualTo(204);
    worker.finish(task.get("_id").asText(), "completed");

    assertThat(whileActive).containsExactly("0001-render RUNNING 0");
    assertThat(farm.frames(job)).containsExactly("0001-render SUCCEEDED 0");
    assertThat(farm.jobState(job)).isEqualTo("FINISHED");
    assertThat(worker.fetch().statusCode()).isEqualTo(204);
  }

  @Test
  void aFailedTaskUsesOpenCuesRetriesOnOtherWorkersThenDies() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 2);
    TestWorker first = TestWorker.register(gateway, unique("w"), type);
    TestWorker second = TestWorker.register(gateway, unique("w"), type);

    String taskId = first.take().get("_id").asText();
    first.finish(taskId, "failed");
    List<String> afterFirstFailure = farm.frames(job);
    int firstRetryForTheSameWorker = first.fetch().statusCode();
    JsonNode retried = second.take();
    second.finish(taskId, "failed");

    assertThat(afterFirstFailure).containsExactly("0001-render WAITING 1");
    assertThat(firstRetryForTheSameWorker).isEqualTo(204);
    assertThat(retried.get("_id").asText()).isEqualTo(taskId);
    assertThat(retried.get("failed_by_workers").toString())
        .isEqualTo("[{\"id\":\"" + first.id + "\",\"identifier\":\"" + first.nickname + "\"}]");
    assertThat(farm.frames(job)).containsExactly("0001-render DEAD 2");
  }

  @Test
  void aTaskFailsForGoodWhenNoEligibleWorkerRemains() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 5);
    TestWorker only = TestWorker.register(gateway, unique("w"), type);

    only.finish(only.take().get("_id").asText(), "failed");

    assertThat(farm.frames(job)).containsExactly("0001-render DEAD 1");
  }

  @Test
  void aTaskThatThreeWorkersFailedFailsForGood() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 10);
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(TestWorker.register(gateway, unique("w"), type));
    }

    List<String> states = new ArrayList<>();
    for (TestWorker worker : workers.subList(0, 3)) {
      worker.finish(worker.take().get("_id").asText(), "failed");
      states.add(farm.frames(job).get(0));
    }

    assertThat(states).containsExactly(
        "0001-render WAITING 1", "0001-render WAITING 2", "0001-render DEAD 3");
    assertThat(workers.get(3).fetch().statusCode()).isEqualTo(204);
  }

  @Test
  void aWorkerThatFailsThreeTasksOfAJobIsBlocklistedForThatJobOnly() {
    String type = unique("render");
    String job = farm.launch(type, "1-5", 50, 5);
    TestWorker failing = TestWorker.register(gateway, unique("w"), type);
    TestWorker healthy = TestWorker.register(gateway, unique("w"), type);

    for (int i = 0; i < 3; i++) {
      failing.finish(failing.take().get("_id").asText(), "failed");
    }
    List<String> afterFailures = farm.frames(job);
    int blocked = failing.fetch().statusCode();
    String otherJob = farm.launch(type, "1", 10, 5);
    JsonNode fromOtherJob = failing.take();
    JsonNode forHealthy = healthy.take();

    assertThat(afterFailures).containsExactly("0001-render WAITING 1",
        "0002-render WAITING 1", "0003-render WAITING 1", "0004-render WAITING 0",
        "0005-render WAITING 0");
    assertThat(blocked).isEqualTo(204);
    assertThat(farm.frames(otherJob)).containsExactly("0001-render RUNNING 0");
    assertThat(fromOtherJob.get("job").asText()).isNotEqualTo(forHealthy.get("job").asText());
    assertThat(forHealthy.get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void tasksGoByJobPriorityThenByAge() {
    String type = unique("render");
    String low = farm.launch(type, "1", 10, 1);
    String older = farm.launch(type, "1", 90, 1);
    String newer = farm.launch(type, "1", 90, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode task = worker.take();
      order.add(task.get("job_priority").asInt() + " " + task.get("priority").asInt());
      worker.finish(task.get("_id").asText(), "completed");
    }

    assertThat(order).containsExactly("90 90", "90 90", "10 10");
    assertThat(farm.jobState(older)).isEqualTo("FINISHED");
    assertThat(farm.jobState(newer)).isEqualTo("FINISHED");
    assertThat(farm.jobState(low)).isEqualTo("FINISHED");
  }

  @Test
  void fiftyWorkersFetchingAtOnceNeverShareATask() throws Exception {
    String type = unique("render");
    String job = farm.launch(type, "1-40", 50, 1);
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      workers.add(TestWorker.register(gateway, unique("w"), type));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (TestWorker worker : workers) {
        answers.add(pool.submit(() -> {
          start.await();
          return worker.fetch();
        }));
      }
      start.countDown();
      List<String> taskIds = new ArrayList<>();
      int nothing = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 200) {
          taskIds.add(TestWorker.parse(response.body()).get("_id").asText());
        } else if (response.statusCode() == 204) {
          nothing++;
        }
      }

      assertThat(taskIds).hasSize(40).doesNotHaveDuplicates();
      assertThat(nothing).isEqualTo(10);
      assertThat(farm.frames(job)).allMatch(frame -> frame.endsWith("RUNNING 0"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signingOffPutsTheWorkersTaskBackInTheQueue() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker leaving = TestWorker.register(gateway, unique("w"), type);
    TestWorker staying = TestWorker.register(gateway, unique("w"), type);
    String taskId = leaving.take().get("_id").asText();

    assertThat(leaving.post("/sign-off", "").statusCode()).isEqualTo(204);
    List<String> afterSignOff = farm.frames(job);

    assertThat(afterSignOff).containsExactly("0001-render WAITING 0");
    assertThat(staying.take().get("_id").asText()).isEqualTo(taskId);
    assertThat(leaving.update(taskId, "{\"task_status\":\"completed\"}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void returningATaskPutsItBackWithoutUsingARetry() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();

    assertThat(worker.post("/tasks/" + taskId + "/return", "").statusCode()).isEqualTo(204);
    List<String> afterReturn = farm.frames(job);

    assertThat(afterReturn).containsExactly("0001-render WAITING 0");
    assertThat(worker.take().get("_id").asText()).isEqualTo(taskId);
  }

  @Test
  void aRestartedWorkerResumesItsActiveTask() {
    String type = unique("render");
    farm.launch(type, "1-2", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();

    assertThat(worker.signOn().statusCode()).isEqualTo(204);
    JsonNode resumed = worker.take();

    assertThat(resumed.get("_id").asText()).isEqualTo(taskId);
    assertThat(resumed.get("status").asText()).isEqualTo("active");
  }

  @Test
  void killingTheJobTellsTheWorkerToStopAndIgnoresItsLateCompletion() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();
    JsonNode before = TestWorker.parse(worker.mayRun(taskId).body());

    farm.ok("/job.JobInterface/Kill", "{\"job\":{\"id\":\"" + job + "\"}}");
    HttpResponse<String> after = worker.mayRun(taskId);
    worker.finish(taskId, "completed");

    assertThat(before.toString()).isEqualTo("{\"may_keep_running\":true}");
    assertThat(after.statusCode()).isEqualTo(200);
    JsonNode answer = TestWorker.parse(after.body());
    assertThat(answer.get("may_keep_running").asBoolean()).isFalse();
    assertThat(answer.get("reason").asText()).contains("canceled");
    assertThat(farm.frames(job)).containsExactly("0001-render WAITING 0");
  }

  @Test
  void aPausedJobGivesNoTasksUntilResumed() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    farm.ok("/job.JobInterface/Pause", "{\"job\":{\"id\":\"" + job + "\"}}");

    int whilePaused = worker.fetch().statusCode();
    farm.ok("/job.JobInterface/Resume", "{\"job\":{\"id\":\"" + job + "\"}}");

    assertThat(whilePaused).isEqualTo(204);
    assertThat(worker.take().get("name").asText()).isEqualTo("0001-render");
  }

  @Test
  void aWorkerOnlyGetsTasksOfTypesItSupports() {
    String type = unique("render");
    farm.launch(type, "1", 50, 1);
    TestWorker other = TestWorker.register(gateway, unique("w"), unique("other"));

    Set<Integer> codes = new HashSet<>();
    codes.add(other.fetch().statusCode());

    assertThat(codes).containsExactly(204);
  }
}

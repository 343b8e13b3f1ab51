package dev.cuegate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import dev.cuegate.testing.LogCapture;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerAgentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STARTED = Pattern.compile("started (\\d+)");
  private static final String TASK_ID = "0000000000000000000000aa";
  private static final AgentTimings FAST = new AgentTimings(
      Duration.ofSeconds(5),
      Duration.ofMillis(20), Duration.ofMillis(50),
      Duration.ofMillis(20), Duration.ofMillis(100),
      Duration.ofMillis(50),
      Duration.ofMillis(20),
      Duration.ofMillis(100),
      Duration.ofSeconds(2));

  @TempDir Path stateDir;

  private FakeManager manager = new FakeManager();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<WorkerAgent> agents = new ArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (WorkerAgent agent : agents) {
      agent.shutdown(Duration.ofSeconds(10));
    }
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    manager.close();
  }

  @Test
  void registrationIsPersistedForItsOwnerOnlyAndReusedNextTime() throws Exception {
    // given a worker that registered and signed on once
    WorkerAgent first = agent(Optional.empty());
    Future<WorkerAgent.Exit> firstRun = start(first);
    FakeManager.Request signOn = manager.await("POST", "/sign-on");
    first.shutdown(Duration.ofSeconds(10));
    assertThat(firstRun.get(10, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.STOPPED);
    manager.await("POST", "/sign-off");

    JsonNode registration = manager.requests("POST", "/register-worker").get(0).body();
    assertThat(registration.path("secret").asText()).matches("[0-9a-f]{64}");
    assertThat(registration.path("platform").asText()).isEqualTo("linux");
    assertThat(registration.path("nickname").asText()).isEqualTo("tester");
    assertThat(registration.path("supported_task_types").toString()).isEqualTo("[\"exec\",\"echo\"]");
    assertThat(registration.path("cores").asInt()).isEqualTo(4);
    assertThat(registration.path("memory_mb").asLong()).isEqualTo(2048);
    Path stored = stateDir.resolve(CredentialStore.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(stored)).contains(signOn.workerId());

    // when the worker starts again
    int before = manager.requests().size();
    start(agent(Optional.empty()));
    FakeManager.Request again = manager.await(before, request -> request.is("POST", "/sign-on"));

    // then it signs on with the same credentials, without registering again
    assertThat(again.authorization()).isEqualTo(signOn.authorization());
    assertThat(manager.requests("POST", "/register-worker")).hasSize(1);
  }

  @Test
  void aSecondAgentOnTheSameStateDirectoryStopsAtOnceNamingTheOption() throws Exception {
    // given an agent running with the state directory
    WorkerAgent first = agent(Optional.empty());
    Future<WorkerAgent.Exit> firstRun = start(first);
    manager.await("POST", "/sign-on");

    // when a second agent starts with the same directory
    WorkerAgent second = agent(Optional.empty());

    // then it stops before talking to the manager, and says which option to change
    assertThatThrownBy(() -> start(second).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(StateDirectory.InUse.class)
        .hasMessageContaining(stateDir.toString())
        .hasMessageContaining("--state-dir");
    assertThat(manager.requests("POST", "/register-worker")).hasSize(1);
    assertThat(manager.requests("POST", "/sign-on")).hasSize(1);

    // and once the first has stopped, the directory is free again
    first.shutdown(Duration.ofSeconds(10));
    assertThat(firstRun.get(10, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.STOPPED);
    int before = manager.requests().size();
    start(agent(Optional.empty()));
    manager.await(before, request -> request.is("POST", "/sign-on"));
  }

  @Test
  void theManagersWarningAtSignOnIsPrintedByTheAgent() throws Exception {
    manager.on("POST /sign-on", request -> Optional.of(HttpResponse.of(
        ResponseHeaders.of(HttpStatus.NO_CONTENT, "x-cuegate-warning", "no frames for you"))));

    try (LogCapture log = LogCapture.info(DefaultWorkerAgent.class.getName())) {
      start(agent(Optional.empty()));
      manager.await("POST", "/sign-on");

      String line;
      do {
        line = log.next(Duration.ofSeconds(10));
      } while (line != null && !line.contains("warns"));
      assertThat(line).isEqualTo("the manager warns: no frames for you");
    }
  }

  @Test
  void aRegistrationTheManagerForgotIsReplacedOnA401AtSignOn() throws Exception {
    // given stored credentials this manager does not know
    new CredentialStore(stateDir).save(new Credentials("ffffffffffffffffffffffff", "old"));

    // when the worker starts
    start(agent(Optional.empty()));

    // then it registers again, signs on as the new worker and keeps the new credentials
    FakeManager.Request accepted = manager.await(request ->
        request.is("POST", "/sign-on") && !request.workerId().startsWith("ffff"));
    assertThat(manager.requests("POST", "/sign-on").get(0).workerId())
        .isEqualTo("ffffffffffffffffffffffff");
    assertThat(manager.requests("POST", "/register-worker")).hasSize(1);
    assertThat(new CredentialStore(stateDir).load()).get()
        .extracting(Credentials::id).isEqualTo(accepted.workerId());
  }

  @Test
  void aGuardedManagerGetsTheRegistrationToken() throws Exception {
    start(agent(Optional.of(() -> "minted-token")));

    FakeManager.Request registration = manager.await("POST", "/register-worker");

    assertThat(registration.authorization()).isEqualTo("Bearer minted-token");
  }

  @Test
  void anExecTaskStreamsItsOutputAndCompletes() throws Exception {
    // given a task of an echo and two processes, one with its own environment
    manager.tasks.add(task(
        command("echo", Map.of("message", "from the echo command")),
        command("exec", Map.of("cmd", "/bin/sh -c 'echo hello; echo oops >&2; exit 0'")),
        command("exec", Map.of(
            "cmd", "/bin/sh -c",
            "args", List.of("echo \"greeting=$GREETING\""),
            "env", Map.of("GREETING", "hi there")))));

    // when the worker runs it
    start(agent(Optional.empty()));
    manager.await(request -> isUpdate(request) && status(request).equals("completed"));

    // then the manager saw it active, every line of output, and the end
    List<FakeManager.Request> updates = manager.requests("POST", "/tasks/" + TASK_ID + "/update");
    assertThat(status(updates.get(0))).isEqualTo("active");
    FakeManager.Request last = updates.get(updates.size() - 1);
    assertThat(last.body().path("task_progress_percentage").asInt()).isEqualTo(100);
    assertThat(last.body().path("current_command_idx").asInt()).isEqualTo(2);
    assertThat(manager.log(TASK_ID).lines())
        .containsSubsequence("from the echo command", "hello", "oops", "greeting=hi there");
    assertThat(updates).map(update -> update.body().path("current_command_idx").asInt(-1))
        .filteredOn(index -> index >= 0)
        .isSorted();
  }

  @Test
  void aFailingCommandReportsFailedWithItsExitCodeAndRunsNothingMore() throws Exception {
    manager.tasks.add(task(
        command("exec", Map.of("cmd", "/bin/sh -c 'echo before; exit 3'")),
        command("echo", Map.of("message", "never printed"))));

    start(agent(Optional.empty()));
    FakeManager.Request failed =
        manager.await(request -> isUpdate(request) && status(request).equals("failed"));

    assertThat(failed.body().path("activity").asText()).contains("exited with code 3");
    assertThat(manager.log(TASK_ID)).contains("before").doesNotContain("never printed");
    assertThat(manager.requests("POST", "/tasks/" + TASK_ID + "/update"))
        .noneMatch(update -> status(update).equals("completed"));
  }

  @Test
  void fileCommandsCopyAndRemoveRelativeToTheStateDirectory() throws Exception {
    Files.writeString(stateDir.resolve("input.txt"), "frame data");
    manager.tasks.add(task(
        command("copy_file", Map.of("src", "input.txt", "dest", "out/copy.txt")),
        command("remove_file", Map.of("path", "input.txt")),
        command("sleep", Map.of("duration_in_seconds", 0))));

    start(agent(Optional.empty()));
    manager.await(request -> isUpdate(request) && status(request).equals("completed"));

    assertThat(stateDir.resolve("out/copy.txt")).hasContent("frame data");
    assertThat(stateDir.resolve("input.txt")).doesNotExist();
  }

  @Test
  void whenTheManagerSaysStopTheProcessTreeIsKilledAndNothingMoreReported() throws Exception {
    // given a task whose shell runs a long sleep in a child process
    manager.tasks.add(task(
        command("exec", Map.of("cmd", "/bin/sh -c 'echo started $$; sleep 30; echo never'"))));
    start(agent(Optional.empty()));
    awaitStarted();
    List<ProcessHandle> tree = processTree();

    // when may-i-run says no
    int before = manager.requests().size();
    manager.mayKeepRunning = false;

    // then the worker is back to fetching tasks once the whole tree is gone
    manager.await(before, request -> request.is("POST", "/task"));
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(manager.requests("POST", "/tasks/" + TASK_ID + "/update"))
        .allMatch(update -> status(update).isEmpty() || status(update).equals("active"));
  }

  @Test
  void shutdownStopsTheTaskReturnsItAndSignsOff() throws Exception {
    manager.tasks.add(task(
        command("exec", Map.of("cmd", "/bin/sh -c 'echo started $$; sleep 30'"))));
    WorkerAgent agent = agent(Optional.empty());
    Future<WorkerAgent.Exit> run = start(agent);
    awaitStarted();
    List<ProcessHandle> tree = processTree();

    agent.shutdown(Duration.ofSeconds(10));

    assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.STOPPED);
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    List<String> ends = manager.requests().stream()
        .filter(request -> request.path().endsWith("/return") || request.path().equals("/sign-off"))
        .map(FakeManager.Request::path)
        .toList();
    assertThat(ends).containsExactly("/tasks/" + TASK_ID + "/return", "/sign-off");
  }

  @Test
  void shutdownLetsAnUpdateOnItsWayReachTheManagerBeforeReturningTheTask() throws Exception {
    // given a manager that takes longer to answer a task update than the task takes to stop
    Duration slow = Duration.ofSeconds(3);
    AtomicReference<Instant> lastUpdateAnswered = new AtomicReference<>(Instant.MIN);
    AtomicReference<Instant> returned = new AtomicReference<>();
    manager.on("POST /tasks/" + TASK_ID + "/update", request -> {
      lastUpdateAnswered.set(Instant.now().plus(slow));
      return Optional.of(HttpResponse.delayed(HttpResponse.of(HttpStatus.NO_CONTENT), slow));
    });
    manager.on("POST /tasks/" + TASK_ID + "/return", request -> {
      returned.set(Instant.now());
      return Optional.empty();
    });
    manager.tasks.add(task(
        command("exec", Map.of("cmd", "/bin/sh -c 'echo started $$; sleep 30'"))));
    WorkerAgent agent = agent(Optional.empty());
    Future<WorkerAgent.Exit> run = start(agent);
    awaitStarted();

    // when the worker shuts down while an update is on its way
    manager.await("POST", "/tasks/" + TASK_ID + "/update");
    Instant owed = lastUpdateAnswered.get();
    agent.shutdown(Duration.ofSeconds(10));

    // then the task went back only after the manager had answered that update
    assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.STOPPED);
    assertThat(returned.get()).isNotNull();
    assertThat(returned.get()).isAfterOrEqualTo(owed);
  }

  @Test
  void anAsleepWorkerPollsForStatusChangesInsteadOfTasksUntilWoken() throws Exception {
    // given a manager that sends the worker to sleep and wakes it on the fourth poll
    AtomicInteger fetches = new AtomicInteger();
    manager.on("POST /task", request -> fetches.getAndIncrement() == 0
        ? Optional.of(FakeManager.json(HttpStatus.LOCKED, "{\"status_requested\":\"asleep\"}"))
        : Optional.empty());
    AtomicInteger polls = new AtomicInteger();
    manager.on("GET /status-change", request -> polls.incrementAndGet() < 4
        ? Optional.empty()
        : Optional.of(FakeManager.json(HttpStatus.OK, "{\"status_requested\":\"awake\"}")));

    // when the worker runs
    start(agent(Optional.empty()));
    FakeManager.Request woken = manager.await("POST", "/ack-status-change/awake");
    manager.await(manager.requests().indexOf(woken), request -> request.is("POST", "/task"));

    // then between going to sleep and waking it only asked for status changes
    List<String> paths = manager.requests().stream()
        .map(request -> request.method() + " " + request.path()).toList();
    int asleep = paths.indexOf("POST /ack-status-change/asleep");
    int awake = paths.indexOf("POST /ack-status-change/awake");
    assertThat(asleep).isPositive();
    assertThat(paths.subList(asleep + 1, awake)).containsOnly("GET /status-change").hasSize(4);
  }

  @Test
  void aShutdownRequestIsAcknowledgedAndEndsTheWorker() throws Exception {
    manager.on("POST /task", request ->
        Optional.of(FakeManager.json(HttpStatus.LOCKED, "{\"status_requested\":\"shutdown\"}")));

    Future<WorkerAgent.Exit> run = start(agent(Optional.empty()));

    assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.STOPPED);
    List<String> paths = manager.requests().stream().map(FakeManager.Request::path).toList();
    assertThat(paths).endsWith("/ack-status-change/shutdown", "/sign-off");
  }

  @Test
  void aManagerWithNoTaskTypesForTheWorkerEndsItAsRefused() throws Exception {
    manager.on("POST /task", request -> Optional.of(HttpResponse.of(HttpStatus.NOT_ACCEPTABLE)));

    Future<WorkerAgent.Exit> run = start(agent(Optional.empty()));

    assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(WorkerAgent.Exit.REFUSED);
  }

  @Test
  void updatesThatFailAreRetriedInOrderUntilTheManagerTakesThem() throws Exception {
    // given a manager that fails every other update
    AtomicInteger updates = new AtomicInteger();
    manager.on("POST /tasks/", request -> updates.incrementAndGet() % 2 == 1
        ? Optional.of(HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE))
        : Optional.empty());
    manager.tasks.add(task(
        command("echo", Map.of("message", "one")),
        command("echo", Map.of("message", "two")),
        command("echo", Map.of("message", "three"))));

    // when the worker runs the task (and the manager has taken its end)
    start(agent(Optional.empty()));
    FakeManager.Request refused =
        manager.await(request -> isUpdate(request) && status(request).equals("completed"));
    manager.await(manager.requests().indexOf(refused) + 1,
        request -> isUpdate(request) && status(request).equals("completed"));

    // then every update was sent twice, the accepted ones in the order they were made
    List<JsonNode> sent = manager.requests("POST", "/tasks/" + TASK_ID + "/update").stream()
        .map(FakeManager.Request::body).toList();
    List<JsonNode> accepted = new ArrayList<>();
    for (int i = 0; i < sent.size(); i += 2) {
      assertThat(sent.get(i + 1)).isEqualTo(sent.get(i));
      accepted.add(sent.get(i));
    }
    assertThat(accepted.get(0).path("task_status").asText()).isEqualTo("active");
    assertThat(accepted.get(accepted.size() - 1).path("task_status").asText())
        .isEqualTo("completed");
    assertThat(String.join("\n", accepted.stream()
        .map(update -> update.path("log").asText()).toList()))
        .containsSubsequence("one", "two", "three");
  }

  @Test
  void aRestartedManagerIsSignedOnToAgain() throws Exception {
    // given a worker signed on to a manager
    start(agent(Optional.empty()));
    FakeManager.Request signOn = manager.await("POST", "/sign-on");
    manager.await("POST", "/task");
    Map<String, String> known = Map.copyOf(manager.workers);

    // when the manager goes away and comes back on the same port
    int port = manager.port();
    manager.stopAndWait();
    manager = new FakeManager(port);
    manager.workers.putAll(known);

    // then the worker signs on again with the same credentials and fetches tasks
    FakeManager.Request again = manager.await("POST", "/sign-on");
    assertThat(again.authorization()).isEqualTo(signOn.authorization());
    manager.await(manager.requests().indexOf(again), request -> request.is("POST", "/task"));
  }

  private void awaitStarted() throws InterruptedException {
    manager.await(request -> isUpdate(request) && STARTED.matcher(request.body().path("log")
        .asText()).find());
  }

  /** The shell that printed "started PID" and its children, all still running. */
  private List<ProcessHandle> processTree() {
    Matcher started = STARTED.matcher(manager.log(TASK_ID));
    assertThat(started.find()).isTrue();
    ProcessHandle shell = ProcessHandle.of(Long.parseLong(started.group(1))).orElseThrow();
    List<ProcessHandle> tree = new ArrayList<>(List.of(shell));
    shell.descendants().forEach(tree::add);
    assertThat(tree).hasSizeGreaterThan(1).allMatch(ProcessHandle::isAlive);
    return tree;
  }

  private WorkerAgent agent(Optional<Supplier<String>> token) {
    AgentSettings settings = new AgentSettings(manager.uri(), "tester", List.of("exec", "echo"),
        stateDir, 4, 2048, token, FAST);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    WorkerAgent agent = WorkerAgent.create(settings, http, Sleeper.system());
    agents.add(agent);
    return agent;
  }

  private Future<WorkerAgent.Exit> start(WorkerAgent agent) {
    return threads.submit(agent::run);
  }

  private static boolean isUpdate(FakeManager.Request request) {
    return request.is("POST", "/tasks/" + TASK_ID + "/update");
  }

  private static String status(FakeManager.Request update) {
    return update.body().path("task_status").asText("");
  }

  private static JsonNode task(ObjectNode... commands) {
    ObjectNode task = JSON.createObjectNode()
        .put("_id", TASK_ID)
        .put("job", "0000000000000000000000bb")
        .put("name", "frame-0001")
        .put("status", "active")
        .put("task_type", "exec");
    task.putArray("commands").addAll(List.of(commands));
    return task;
  }

  private static ObjectNode command(String name, Map<String, Object> settings) {
    ObjectNode command = JSON.createObjectNode().put("name", name);
    command.set("settings", JSON.valueToTree(settings));
    return command;
  }
}

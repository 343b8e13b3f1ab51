package dev.cuegate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's main loop, on the thread that calls {@link #run()}. {@link #shutdown} interrupts
 * that thread: every wait in the loop (HTTP calls, back-off, a running process) ends with an
 * {@link InterruptedException}, which the loop answers by cleaning up and returning.
 */
final class DefaultWorkerAgent implements WorkerAgent {
  private static final Logger log = LoggerFactory.getLogger(DefaultWorkerAgent.class);
  /**
   * How long a task's last updates may take to reach the manager at shutdown, well within the
   * 3 s a manager answers in and the worker command's own shutdown limit.
   */
  private static final Duration UPDATE_GRACE = Duration.ofSeconds(5);

  private final AgentSettings settings;
  private final ManagerClient manager;
  private final CredentialStore store;
  private final Sleeper sleeper;
  private final SecureRandom random;
  private final Backoff idle;
  private final Backoff retry;
  private final Backoff network;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Thread loopThread;
  private volatile boolean stopping;
  /** Set by a network error: the manager may have restarted, so sign on again before fetching. */
  private volatile boolean lostContact;

  DefaultWorkerAgent(AgentSettings settings, HttpClient http, Sleeper sleeper,
      SecureRandom random) {
    this.settings = settings;
    this.manager = new ManagerClient(settings, http);
    this.store = new CredentialStore(settings.stateDir());
    this.sleeper = sleeper;
    this.random = random;
    AgentTimings timings = settings.timings();
    this.idle = new Backoff(timings.idleMin(), timings.idleMax(), sleeper);
    this.retry = new Backoff(timings.retryMin(), timings.retryMax(), sleeper);
    this.network = new Backoff(timings.retryMin(), timings.retryMax(), sleeper);
  }

  @Override
  public Exit run() throws IOException, InterruptedException {
    loopThread = Thread.currentThread();
    try {
      if (stopping) {
        return Exit.STOPPED;
      }
      try (StateDirectory held = StateDirectory.lock(settings.stateDir())) {
        return runHolding();
      }
    } finally {
      // A thread that ran an agent goes on to other work: a later shutdown must not interrupt it.
      loopThread = null;
      finished.countDown();
    }
  }

  /** Everything the agent does with its registration, while it holds its state directory. */
  private Exit runHolding() throws IOException, InterruptedException {
    try {
      Optional<Credentials> stored = store.load();
      if (stored.isPresent()) {
        manager.use(stored.get());
        log.info("reusing registration {} from {}", stored.get().id(), settings.stateDir());
      } else {
        register();
      }
      signOn();
      return fetchAndRun();
    } catch (Refused e) {
      log.error("the manager refused this worker: {}", e.getMessage());
      return Exit.REFUSED;
    } catch (InterruptedException e) {
      if (!stopping) {
        throw e;
      }
      signOff();
      return Exit.STOPPED;
    }
  }

  @Override
  public void shutdown(Duration timeout) throws InterruptedException {
    stopping = true;
    Thread loop = loopThread;
    if (loop != null) {
      loop.interrupt();
    }
    if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn("the worker did not stop within {}", timeout);
    }
  }

  private Exit fetchAndRun() throws IOException, InterruptedException, Refused {
    while (true) {
      if (stopping) {
        throw new InterruptedException("shutting down");
      }
      if (lostContact) {
        signOn();
      }
      ManagerClient.Reply reply = call(() -> manager.post("task"));
      switch (reply.status()) {
        case 200 -> {
          idle.reset();
          runTask(reply.body());
        }
        case 204 -> idle.pause();
        case 423 -> {
          if (changeStatus(reply.body().path("status_requested").asText(""))) {
            return Exit.STOPPED;
          }
        }
        case 406 -> {
          signOff();
          throw new Refused("it supports none of the manager's task types "
              + settings.taskTypes());
        }
        case 401 -> {
          register();
          signOn();
        }
        default -> {
          log.warn("the manager answered {} when asked for a task: {}", reply.status(),
              reply.body());
          retry.pause();
        }
      }
    }
  }

  /** Obeys a requested status; true when the worker must exit. */
  private boolean changeStatus(String status)
      throws IOException, InterruptedException, Refused {
    log.info("the manager asks this worker to be {}", status);
    acknowledge(status);
    switch (status) {
      case "shutdown" -> {
        signOff();
        return true;
      }
      case "asleep" -> {
        return sleepUntilWoken();
      }
      case "awake" -> {
        return false;
      }
      default -> {
        log.warn("unknown status \"{}\" requested; carrying on", status);
        retry.pause();
        return false;
      }
    }
  }

  /** Asks for a status change every poll interval instead of fetching tasks. */
  private boolean sleepUntilWoken() throws IOException, InterruptedException, Refused {
    while (true) {
      sleeper.sleep(settings.timings().statusPollInterval());
      ManagerClient.Reply reply = call(() -> manager.get("status-change"));
      if (reply.status() == 200) {
        String status = reply.body().path("status_requested").asText("");
        if (!status.equals("asleep")) {
          return changeStatus(status);
        }
      } else if (reply.status() == 401) {
        register();
        signOn();
        return false;
      } else if (reply.status() != 204) {
        log.warn("the manager answered {} to a status-change poll", reply.status());
      }
    }
  }

  private void acknowledge(String status) throws InterruptedException {
    ManagerClient.Reply reply = call(() -> manager.post("ack-status-change/" + status));
    if (!reply.isSuccess()) {
      log.warn("the manager answered {} to the acknowledgement of {}", reply.status(), status);
    }
  }

  private void runTask(JsonNode document) throws InterruptedException {
    AgentTask task;
    try {
      task = AgentTask.parse(document);
    } catch (IllegalArgumentException e) {
      log.warn("ignoring a task the agent cannot read: {}", e.getMessage());
      retry.pause();
      return;
    }
    log.info("running task {} ({}), {} commands", task.id(), task.name(), task.commands().size());
    AtomicReference<TaskRun> running = new AtomicReference<>();
    TaskReporter reporter = new TaskReporter(manager, task.id(), settings.timings(), sleeper,
        () -> running.get().stop());
    TaskRun run = new TaskRun(task, reporter, settings.stateDir(), settings.timings().killGrace());
    running.set(run);
    Thread watchdog = new Thread(() -> watch(task, run), "cuegate-worker-may-i-run");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      TaskRun.Outcome outcome = run.run();
      if (outcome == TaskRun.Outcome.STOPPED) {
        reporter.abandon();
      } else {
        reporter.finish();
      }
      log.info("task {}: {}", task.id(), outcome);
    } catch (InterruptedException e) {
      run.stop();
      reporter.abandonAfter(UPDATE_GRACE);
      returnTask(task);
      throw e;
    } finally {
      watchdog.interrupt();
      watchdog.join();
    }
  }

  /** Stops the task when the manager no longer wants it run; network errors change nothing. */
  private void watch(AgentTask task, TaskRun run) {
    try {
      while (!run.isStopped()) {
        sleeper.sleep(settings.timings().mayIRunInterval());
        ManagerClient.Reply reply;
        try {
          reply = manager.get("may-i-run/" + task.id());
        } catch (IOException e) {
          log.debug("may-i-run for {} failed: {}", task.id(), e.toString());
          continue;
        }
        if (reply.status() == 200 && !reply.body().path("may_keep_running").asBoolean(true)) {
          log.info("the manager stopped task {}: {}", task.id(),
              reply.body().path("reason").asText("no reason given"));
          run.stop();
        }
      }
    } catch (InterruptedException e) {
      // The task is over; runTask interrupts this thread to end it.
      Thread.currentThread().interrupt();
    }
  }

  private void register() throws IOException, InterruptedException, Refused {
    ObjectNode registration = ManagerClient.JSON.createObjectNode();
    String secret = Credentials.newSecret(random);
    registration.put("secret", secret);
    registration.put("platform", platform(System.getProperty("os.name", "")));
    registration.set("supported_task_types", taskTypes());
    registration.put("nickname", settings.nickname());
    registration.put("cores", settings.cores());
    registration.put("memory_mb", settings.memoryMb());
    retry.reset();
    while (true) {
      ManagerClient.Reply reply = call(() -> manager.register(registration,
          settings.registrationToken().map(mint -> mint.get())));
      String id = reply.body().path("_id").asText("");
      reply.warning().ifPresent(warning -> log.warn("the manager warns: {}", warning));
      if (reply.isSuccess() && !id.isEmpty()) {
        Credentials credentials = new Credentials(id, secret);
        store.save(credentials);
        manager.use(credentials);
        log.info("registered as worker {} ({})", id, settings.nickname());
        return;
      }
      if (reply.status() == 401 || reply.status() == 403) {
        throw new Refused("registration answered " + reply.status() + ": " + reply.body()
            + " (check the registration secret)");
      }
      log.warn("registration answered {}: {}; retrying", reply.status(), reply.body());
      retry.pause();
    }
  }

  private void signOn() throws IOException, InterruptedException, Refused {
    ObjectNode signOn = ManagerClient.JSON.createObjectNode();
    signOn.put("nickname", settings.nickname());
    signOn.set("supported_task_types", taskTypes());
    signOn.put("cores", settings.cores());
    signOn.put("memory_mb", settings.memoryMb());
    retry.reset();
    while (true) {
      ManagerClient.Reply reply = call(() -> manager.post("sign-on", signOn));
      reply.warning().ifPresent(warning -> log.warn("the manager warns: {}", warning));
      if (reply.isSuccess()) {
        lostContact = false;
        log.info("signed on to {} as {}", settings.manager(), manager.credentials().id());
        return;
      }
      if (reply.status() == 401) {
        log.info("the manager does not know worker {}; registering again",
            manager.credentials().id());
        register();
        continue;
      }
      log.warn("sign-on answered {}: {}; retrying", reply.status(), reply.body());
      retry.pause();
    }
  }

  /**
   * One attempt: the manager may be gone, and an exiting worker does not wait for it. The
   * shutdown's interrupt may still be pending when the loop gets here, and would fail the request
   * before it is sent, so it is set aside for the call and restored after.
   */
  private void signOff() {
    boolean interrupted = Thread.interrupted();
    try {
      ManagerClient.Reply reply = manager.post("sign-off");
      log.info("signed off ({})", reply.status());
    } catch (IOException e) {
      log.warn("could not sign off: {}", e.toString());
    } catch (InterruptedException e) {
      log.warn("interrupted while signing off");
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void returnTask(AgentTask task) {
    try {
      ManagerClient.Reply reply = manager.post("tasks/" + task.id() + "/return");
      log.info("returned task {} to the manager ({})", task.id(), reply.status());
    } catch (IOException e) {
      log.warn("could not return task {}: {}", task.id(), e.toString());
    } catch (InterruptedException e) {
      log.warn("interrupted while returning task {}", task.id());
      Thread.currentThread().interrupt();
    }
  }

  /** Sends until the manager answers at all, waiting longer after each network error. */
  private ManagerClient.Reply call(Call request) throws InterruptedException {
    network.reset();
    while (true) {
      try {
        return request.send();
      } catch (IOException e) {
        lostContact = true;
        log.warn("cannot reach the manager at {}: {}; retrying", settings.manager(),
            e.toString());
        network.pause();
      }
    }
  }

  private ArrayNode taskTypes() {
    ArrayNode types = ManagerClient.JSON.createArrayNode();
    settings.taskTypes().forEach(types::add);
    return types;
  }

  /** Flamenco's platform names. */
  static String platform(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    return "linux";
  }

  @FunctionalInterface
  private interface Call {
    ManagerClient.Reply send() throws IOException, InterruptedException;
  }

  /** The manager will not have this worker; retrying cannot help. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }
}

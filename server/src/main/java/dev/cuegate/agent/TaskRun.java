package dev.cuegate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task's commands in order and reports them: {@code active} at the start, the command
 * being run, then {@code completed} or {@code failed} with the reason. A task that is stopped
 * (the manager said so, or the agent is shutting down) reports nothing more.
 */
final class TaskRun {
  /** How a run ended. */
  enum Outcome { COMPLETED, FAILED, STOPPED }

  private final AgentTask task;
  private final TaskReporter reporter;
  private final Path workDir;
  private final Duration killGrace;
  private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

  TaskRun(AgentTask task, TaskReporter reporter, Path workDir, Duration killGrace) {
    this.task = task;
    this.reporter = reporter;
    this.workDir = workDir;
    this.killGrace = killGrace;
  }

  Outcome run() throws InterruptedException {
    int count = task.commands().size();
    reporter.report(update()
        .put("task_status", "active")
        .put("activity", "Starting")
        .put("current_command_idx", 0)
        .put("task_progress_percentage", 0)
        .put("command_progress_percentage", 0));
    for (int index = 0; index < count; index++) {
      AgentTask.Command command = task.commands().get(index);
      if (isStopped()) {
        return Outcome.STOPPED;
      }
      reporter.report(update()
          .put("activity", "Running command " + (index + 1) + "/" + count + ": " + command.name())
          .put("current_command_idx", index)
          .put("task_progress_percentage", 100 * index / count)
          .put("command_progress_percentage", 0));
      try {
        execute(command);
      } catch (CommandFailed e) {
        if (isStopped()) {
          return Outcome.STOPPED;
        }
        reporter.log(e.getMessage());
        reporter.report(update()
            .put("task_status", "failed")
            .put("activity", e.getMessage())
            .put("current_command_idx", index));
        return Outcome.FAILED;
      }
    }
    if (isStopped()) {
      return Outcome.STOPPED;
    }
    reporter.report(update()
        .put("task_status", "completed")
        .put("activity", "Completed")
        .put("current_command_idx", Math.max(0, count - 1))
        .put("task_progress_percentage", 100)
        .put("command_progress_percentage", 100));
    return Outcome.COMPLETED;
  }

  /**
   * Asks the task to stop without waiting: the thread running it stops the process tree (so that
   * the tree is gone when {@link #run()} returns) and skips the remaining commands.
   */
  void stop() {
    stopRequested.complete(null);
  }

  boolean isStopped() {
    return stopRequested.isDone();
  }

  private void execute(AgentTask.Command command) throws CommandFailed, InterruptedException {
    JsonNode settings = command.settings();
    switch (command.name()) {
      case "exec" -> exec(settings);
      case "echo" -> reporter.log(text(settings, "message"));
      case "sleep" -> sleep(settings);
      case "copy_file" -> copy(settings);
      case "remove_file" -> remove(settings);
      default -> throw new CommandFailed("unknown command \"" + command.name() + "\"");
    }
  }

  private void exec(JsonNode settings) throws CommandFailed, InterruptedException {
    List<String> argv = argv(settings);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile())
        .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    settings.path("env").fields()
        .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
    reporter.log("exec " + String.join(" ", argv));
    if (isStopped()) {
      return;
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CommandFailed("cannot start " + argv.get(0) + ": " + e.getMessage());
    }
    Thread pump = new Thread(() -> pump(process), "cuegate-worker-output-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    try {
      CompletableFuture.anyOf(process.onExit(), stopRequested).get();
    } catch (InterruptedException e) {
      ProcessTree.stop(process.toHandle(), killGrace);
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for process " + process.pid(), e);
    }
    if (process.isAlive()) {
      ProcessTree.stop(process.toHandle(), killGrace);
    }
    int exit = process.waitFor();
    pump.join(killGrace.toMillis());
    if (pump.isAlive()) {
      // A grandchild that escaped still holds the pipe; the task is over regardless.
      closeQuietly(process);
    }
    if (exit != 0) {
      throw new CommandFailed("command exec exited with code " + exit);
    }
  }

  private void pump(Process process) {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        reporter.log(line);
      }
    } catch (IOException e) {
      reporter.log("output of process " + process.pid() + " ended: " + e.getMessage());
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getInputStream().close();
    } catch (IOException e) {
      // The pump thread notices the closed stream; there is nothing else to release.
    }
  }

  /** {@code cmd} split like a shell, followed by the {@code args} list if there is one. */
  private static List<String> argv(JsonNode settings) throws CommandFailed {
    List<String> argv = new ArrayList<>();
    JsonNode cmd = settings.path("cmd");
    if (cmd.isTextual()) {
      try {
        argv.addAll(ShellWords.split(cmd.asText()));
      } catch (IllegalArgumentException e) {
        throw new CommandFailed("command exec: cannot split cmd: " + e.getMessage());
      }
    } else if (cmd.isArray()) {
      cmd.forEach(word -> argv.add(word.asText()));
    }
    settings.path("args").forEach(word -> argv.add(word.asText()));
    if (argv.isEmpty()) {
      throw new CommandFailed("command exec: settings name no command (cmd or args)");
    }
    return argv;
  }

  private void sleep(JsonNode settings) throws CommandFailed, InterruptedException {
    JsonNode seconds = settings.path("duration_in_seconds");
    if (!seconds.isNumber() || seconds.asDouble() < 0) {
      throw new CommandFailed("command sleep: duration_in_seconds must be a number >= 0");
    }
    reporter.log("sleeping " + seconds.asText() + " s");
    try {
      stopRequested.get((long) (seconds.asDouble() * 1000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Slept the whole duration: the command is done.
    } catch (ExecutionException e) {
      throw new IllegalStateException("the stop signal never fails", e);
    }
  }

  private void copy(JsonNode settings) throws CommandFailed {
    Path source = path(settings, "src");
    Path target = path(settings, "dest");
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      reporter.log("copied " + source + " to " + target);
    } catch (IOException e) {
      throw new CommandFailed("command copy_file: " + e);
    }
  }

  private void remove(JsonNode settings) throws CommandFailed {
    Path target = path(settings, "path");
    try {
      reporter.log((Files.deleteIfExists(target) ? "removed " : "already absent: ") + target);
    } catch (IOException e) {
      throw new CommandFailed("command remove_file: " + e);
    }
  }

  private Path path(JsonNode settings, String name) throws CommandFailed {
    return workDir.resolve(text(settings, name));
  }

  private static ObjectNode update() {
    return ManagerClient.JSON.createObjectNode();
  }

  private static String text(JsonNode settings, String name) throws CommandFailed {
    JsonNode value = settings.path(name);
    if (!value.isTextual()) {
      throw new CommandFailed("setting \"" + name + "\" is missing or not a string");
    }
    return value.asText();
  }

  /** A command that could not do its job; the message says why, for the task's activity. */
  private static final class CommandFailed extends Exception {
    CommandFailed(String message) {
      super(message);
    }
  }
}

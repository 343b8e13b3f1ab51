package dev.cuegate.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cuegate.worker.Protocol.FailedBy;
import dev.cuegate.worker.Protocol.MayRun;
import dev.cuegate.worker.Protocol.Registration;
import dev.cuegate.worker.Protocol.SignOn;
import dev.cuegate.worker.Protocol.StatusRequest;
import dev.cuegate.worker.Protocol.Task;
import dev.cuegate.worker.Protocol.TaskUpdate;
import dev.cuegate.worker.Protocol.Worker;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The protocol's JSON documents with exactly the keys docs/WORKERS.md lists (the Python worker
 * rejects extra keys in some of them). Unknown input fields are ignored; a wrong type is a 400.
 */
final class Documents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PLATFORMS = Set.of("linux", "windows", "darwin");
  /** The statuses an operator may ask a worker to take, as Flamenco's manager allows. */
  private static final Set<WorkerStatus> REQUESTABLE = Set.of(
      WorkerStatus.ASLEEP, WorkerStatus.AWAKE, WorkerStatus.SHUTDOWN, WorkerStatus.OFFLINE);
  /** A task's job type: what kind of job the task belongs to. */
  static final String JOB_TYPE = "opencue";

  private Documents() {}

  // Out

  static byte[] worker(Worker worker) {
    return bytes(workerNode(worker));
  }

  /** {@code {"workers": [Worker, …]}}, what operators list. */
  static byte[] workers(List<Worker> workers,
      Function<List<String>, Optional<String>> warning) {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode list = doc.putArray("workers");
    for (Worker worker : workers) {
      ObjectNode node = workerNode(worker);
      warning.apply(worker.taskTypes()).ifPresent(text -> node.put("warning", text));
      list.add(node);
    }
    return bytes(doc);
  }

  private static ObjectNode workerNode(Worker worker) {
    ObjectNode doc = JSON.createObjectNode()
        .put("_id", worker.id())
        .put("nickname", worker.nickname())
        .put("address", worker.address())
        .put("status", worker.status().wire())
        .put("platform", worker.platform());
    worker.taskTypes().forEach(doc.putArray("supported_task_types")::add);
    doc.put("software", worker.software())
        .put("status_requested", worker.statusRequested().map(WorkerStatus::wire).orElse(""))
        .put("lazy_status_request", worker.lazyStatusRequest())
        .put("time_cost", 0);
    doc.putObject("sleep_schedule")
        .put("schedule_active", false)
        .put("days_of_week", "")
        .put("time_start", "")
        .put("time_end", "");
    worker.currentTask().ifPresent(task -> doc.put("current_task", task));
    if (worker.lastActivity() > 0) {
      doc.put("last_activity", timestamp(worker.lastActivity()));
    }
    return doc;
  }

  /**
   * The {@code Task} document; {@code setting} rewrites each top-level string of each command's
   * settings (where Flamenco replaces its variables), nested values stay as they are.
   */
  static byte[] task(Task task, UnaryOperator<String> setting) {
    ObjectNode doc = JSON.createObjectNode()
        .put("_id", task.id())
        .put("job", task.job())
        .put("manager", "")
        .put("project", "")
        .put("user", "")
        .put("name", task.name())
        .put("status", task.status())
        .put("priority", task.priority())
        .put("job_priority", task.priority())
        .put("job_type", JOB_TYPE)
        .put("task_type", task.taskType());
    ObjectNode exec = doc.putArray("commands").addObject().put("name", "exec");
    ObjectNode settings = exec.putObject("settings").put("cmd", task.command());
    ObjectNode env = settings.putObject("env");
    task.environment().forEach(env::put);
    settings.fields().forEachRemaining(entry -> {
      if (entry.getValue().isTextual()) {
        entry.setValue(TextNode.valueOf(setting.apply(entry.getValue().asText())));
      }
    });
    if (!task.activity().isEmpty()) {
      doc.put("activity", task.activity());
    }
    doc.putArray("parents");
    if (!task.worker().isEmpty()) {
      doc.put("worker", task.worker());
    }
    ArrayNode failedBy = doc.putArray("failed_by_workers");
    for (FailedBy worker : task.failedBy()) {
      failedBy.addObject().put("id", worker.id()).put("identifier", worker.identifier());
    }
    return bytes(doc);
  }

  /** {@code WorkerStatus}: nothing but the requested status. */
  static byte[] workerStatus(WorkerStatus status) {
    return bytes(JSON.createObjectNode().put("status_requested", status.wire()));
  }

  /** {@code MayKeepRunningResponse}: empty reason and status are left out. */
  static byte[] mayRun(MayRun answer) {
    ObjectNode doc = JSON.createObjectNode().put("may_keep_running", answer.mayKeepRunning());
    if (!answer.reason().isEmpty()) {
      doc.put("reason", answer.reason());
    }
    answer.statusRequested().ifPresent(status -> doc.put("status_requested", status.wire()));
    return bytes(doc);
  }

  static String timestamp(long epochMillis) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
  }

  // In

  static Registration registration(byte[] body) {
    JsonNode doc = object(body);
    String secret = text(doc, "secret").orElse("");
    if (secret.isEmpty()) {
      throw badRequest("secret: a non-empty string is required");
    }
    String platform = text(doc, "platform").orElse("");
    if (!PLATFORMS.contains(platform)) {
      throw badRequest("platform: expected linux, windows or darwin, got \"" + platform + "\"");
    }
    return new Registration(secret, platform,
        stringList(doc, "supported_task_types").orElse(List.of()),
        text(doc, "nickname").orElse(""), (int) number(doc, "cores", Integer.MAX_VALUE),
        number(doc, "memory_mb", Long.MAX_VALUE));
  }

  static SignOn signOn(byte[] body) {
    JsonNode doc = object(body);
    return new SignOn(stringList(doc, "supported_task_types"), text(doc, "nickname"),
        (int) number(doc, "cores", Integer.MAX_VALUE), number(doc, "memory_mb", Long.MAX_VALUE));
  }

  static TaskUpdate taskUpdate(byte[] body) {
    JsonNode doc = object(body);
    JsonNode progress = doc.path("task_progress_percentage");
    if (!progress.isMissingNode() && !progress.isNull() && !progress.isNumber()) {
      throw badRequest("task_progress_percentage: expected a number");
    }
    return new TaskUpdate(text(doc, "task_status").filter(status -> !status.isEmpty()),
        text(doc, "activity"),
        progress.isNumber() ? OptionalInt.of(progress.asInt()) : OptionalInt.empty(),
        log(doc.path("log")));
  }

  /**
   * An operator's status request, {@code {"status": …, "lazy": …}}; {@code lazy} is false
   * when left out.
   */
  static StatusRequest statusRequest(byte[] body) {
    JsonNode doc = object(body);
    String text = text(doc, "status").orElse("");
    WorkerStatus status = WorkerStatus.parse(text).filter(REQUESTABLE::contains)
        .orElseThrow(() -> badRequest(
            "status: expected asleep, awake, shutdown or offline, got \"" + text + "\""));
    JsonNode lazy = doc.path("lazy");
    if (!lazy.isMissingNode() && !lazy.isNull() && !lazy.isBoolean()) {
      throw badRequest("lazy: expected true or false");
    }
    return new StatusRequest(status, lazy.asBoolean(false));
  }

  /** {@code FileProduced}'s paths; empty when none are given. */
  static List<String> paths(byte[] body) {
    return stringList(object(body), "paths").orElse(List.of());
  }

  /** The log to append: Flamenco sends one string of lines; a list of lines is taken too. */
  private static String log(JsonNode log) {
    if (log.isMissingNode() || log.isNull()) {
      return "";
    }
    if (log.isTextual()) {
      return log.asText();
    }
    if (log.isArray()) {
      StringBuilder lines = new StringBuilder();
      for (JsonNode line : log) {
        if (!line.isTextual()) {
          throw badRequest("log: expected a string or a list of strings");
        }
        lines.append(line.asText()).append('\n');
      }
      return lines.toString();
    }
    throw badRequest("log: expected a string or a list of strings");
  }

  private static JsonNode object(byte[] body) {
    JsonNode doc;
    try {
      doc = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException parse
          ? parse.getOriginalMessage()
          : e.getMessage();
      throw badRequest("the body is not valid JSON: " + reason);
    }
    if (doc == null || !doc.isObject()) {
      throw badRequest("expected a JSON object");
    }
    return doc;
  }

  private static Optional<String> text(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw badRequest(field + ": expected a string");
    }
    return Optional.of(value.asText());
  }

  private static Optional<List<String>> stringList(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw badRequest(field + ": expected a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw badRequest(field + ": expected a list of strings");
      }
      items.add(item.asText());
    }
    return Optional.of(List.copyOf(items));
  }

  private static long number(JsonNode doc, String field, long max) {
    JsonNode value = doc.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > max) {
      throw badRequest(field + ": expected a whole number from 0 to " + max);
    }
    return value.asLong();
  }

  private static byte[] bytes(JsonNode doc) {
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static WorkerException badRequest(String message) {
    return new WorkerException(WorkerException.Kind.MALFORMED, message);
  }
}

package dev.cuegate.worker;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.AuthException;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.StoreException;
import dev.cuegate.worker.Protocol.Assigned;
import dev.cuegate.worker.Protocol.Fetch;
import dev.cuegate.worker.Protocol.MayRun;
import dev.cuegate.worker.Protocol.NoTaskTypes;
import dev.cuegate.worker.Protocol.Registration;
import dev.cuegate.worker.Protocol.StatusRequest;
import dev.cuegate.worker.Protocol.StatusRequested;
import dev.cuegate.worker.Protocol.TaskUpdate;
import dev.cuegate.worker.Protocol.Visit;
import dev.cuegate.worker.Protocol.Worker;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker endpoints of DESIGN §3.1 on the API port. Every request is handled off the event
 * loop (password hashing and database transactions block) and answers at once: nothing waits
 * for work to appear.
 */
final class WorkerRoutes {
  private static final Logger log = LoggerFactory.getLogger(WorkerRoutes.class);
  private static final String BASIC_CHALLENGE = "Basic realm=\"cuegate\"";
  /** CueGate's warning to a worker about itself (docs/WORKERS.md); not part of Flamenco's API. */
  static final String WARNING_HEADER = "x-cuegate-warning";
  private static final String BEARER_CHALLENGE = "Bearer realm=\"cuegate\"";

  /** One endpoint's work; {@code workerId} is null on routes without worker authentication. */
  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest req, String workerId,
        Visit visit);
  }

  private final WorkerStore store;
  private final WorkerAuthenticator authenticator;
  private final RegistrationGuard registration;
  private final SecretHash secrets;
  private final TaskLogs logs;
  private final LatestOutputs outputs;
  private final TokenVerifier users;
  private final WorkerVariables variables;
  private final TaskTypeAdvice advice;

  WorkerRoutes(WorkerStore store, WorkerAuthenticator authenticator,
      RegistrationGuard registration, SecretHash secrets, TaskLogs logs, LatestOutputs outputs,
      TokenVerifier users, WorkerVariables variables, TaskTypeAdvice advice) {
    this.store = store;
    this.authenticator = authenticator;
    this.registration = registration;
    this.secrets = secrets;
    this.logs = logs;
    this.outputs = outputs;
    this.users = users;
    this.variables = variables;
    this.advice = advice;
  }

  void mountOn(ServerBuilder sb) {
    sb.route().post("/register-worker").build(open(this::register));
    sb.route().post("/sign-on").build(worker(this::signOn));
    sb.route().post("/sign-off").build(worker(this::signOff));
    // The seed says GET; Flamenco's Python worker sends POST.
    sb.route().path("/task").methods(HttpMethod.GET, HttpMethod.POST).build(worker(this::task));
    sb.route().post("/tasks/{id}/update").build(worker(this::update));
    sb.route().post("/tasks/{id}/return").build(worker(this::returnTask));
    sb.route().get("/may-i-run/{id}").build(worker(this::mayRun));
    sb.route().get("/status-change").build(worker(this::statusChange));
    sb.route().post("/ack-status-change/{status}").build(worker(this::acknowledge));
    sb.route().post("/output-produced").build(worker(this::outputProduced));
    sb.route().get("/logfile/{job}/{task}").build(forUsers(this::logfile));
    sb.route().get("/api/workers").build(forUsers(this::listWorkers));
    sb.route().post("/api/workers/{id}/status-request").build(forUsers(this::requestStatus));
  }

  // Endpoints

  private HttpResponse register(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String unused, Visit visit) {
    registration.check(req.headers().get(HttpHeaderNames.AUTHORIZATION));
    Registration doc = Documents.registration(req.content().array());
    Worker worker = store.register(doc, secrets.hash(doc.secret()), visit);
    authenticator.remember(worker.id(), doc.secret());
    log.info("worker {} registered as \"{}\" from {} ({}, task types {})", worker.id(),
        worker.nickname(), visit.address(), worker.platform(), worker.taskTypes());
    return warned(worker, json(HttpStatus.OK, Documents.worker(worker)));
  }

  private HttpResponse signOn(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    store.signOn(workerId, Documents.signOn(req.content().array()), visit);
    return warned(store.worker(workerId), HttpResponse.of(HttpStatus.NO_CONTENT));
  }

  /**
   * The answer with the worker's task-type warning, if any, in a header that Flamenco's workers
   * ignore and the {@code cuegate worker} agent prints; the warning is logged here too.
   */
  private HttpResponse warned(Worker worker, HttpResponse response) {
    Optional<String> warning = advice.about(worker.taskTypes());
    if (warning.isEmpty()) {
      return response;
    }
    log.warn("worker {} (\"{}\"): {}", worker.id(), worker.nickname(), warning.get());
    String header = warning.get().replaceAll("[^\\x20-\\x7e]", "?");
    return response.mapHeaders(headers -> headers.toBuilder().add(WARNING_HEADER, header).build());
  }

  private HttpResponse signOff(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    store.signOff(workerId);
    log.info("worker {} signed off; its tasks went back to the queue", workerId);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse task(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    Fetch fetch = store.fetch(workerId, visit);
    if (fetch instanceof StatusRequested requested) {
      return json(HttpStatus.LOCKED, Documents.workerStatus(requested.status()));
    }
    if (fetch instanceof NoTaskTypes) {
      return text(HttpStatus.NOT_ACCEPTABLE, "the worker supports no task types");
    }
    if (fetch instanceof Assigned assigned) {
      if (assigned.fresh()) {
        logs.rotate(assigned.task().job(), assigned.task().id());
      }
      return json(HttpStatus.OK, Documents.task(assigned.task(), forPlatformOf(workerId)));
    }
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  /** The worker's platform is read only when there are variables to choose values by. */
  private UnaryOperator<String> forPlatformOf(String workerId) {
    if (variables.isEmpty()) {
      return UnaryOperator.identity();
    }
    String platform = store.worker(workerId).platform();
    return text -> variables.expand(text, platform);
  }

  private HttpResponse update(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    String taskId = id(ctx, "id", "task");
    TaskUpdate update = Documents.taskUpdate(req.content().array());
    WorkerStore.LogTarget target = store.update(workerId, taskId, update, visit);
    logs.append(target.jobId(), taskId, update.log());
    target.frameLog().ifPresent(file -> logs.appendIfWritable(file, update.log()));
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse returnTask(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    store.returnTask(workerId, id(ctx, "id", "task"), visit);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse mayRun(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    String taskId = ctx.pathParam("id");
    // Even this 404 is a MayKeepRunningResponse: anything else stops the worker's watchdog.
    if (!Ids.valid(taskId)) {
      return json(HttpStatus.NOT_FOUND, Documents.mayRun(
          new MayRun(false, "\"" + taskId + "\" is not a task id", "")));
    }
    return json(HttpStatus.OK, Documents.mayRun(store.mayRun(workerId, taskId, visit)));
  }

  private HttpResponse statusChange(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    return store.statusChange(workerId, visit)
        .map(status -> json(HttpStatus.OK, Documents.workerStatus(status)))
        .orElseGet(() -> HttpResponse.of(HttpStatus.NO_CONTENT));
  }

  private HttpResponse acknowledge(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    String status = ctx.pathParam("status");
    if (!Protocol.WORKER_STATUSES.contains(status)) {
      throw new WorkerException(400, "\"" + status + "\" is not a worker status");
    }
    store.acknowledge(workerId, status);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse outputProduced(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String workerId, Visit visit) {
    List<String> paths = Documents.paths(req.content().array());
    if (paths.isEmpty()) {
      throw new WorkerException(422, "paths: at least one image path is required");
    }
    outputs.offer(workerId, paths);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  /** A task's log, whole for command-line clients. */
  private HttpResponse logfile(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String unused, Visit visit) {
    String jobId = id(ctx, "job", "job");
    String taskId = id(ctx, "task", "task");
    if (!store.hasTask(jobId, taskId)) {
      throw new WorkerException(404, "job " + jobId + " has no task " + taskId);
    }
    Optional<String> text = logs.read(jobId, taskId, wantsWholeFile(visit.software()));
    return text
        .map(log -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, log))
        .orElseGet(() -> text(HttpStatus.NOT_FOUND, "task " + taskId + " has no log yet"));
  }

  /** For operators: the registered workers. */
  private HttpResponse listWorkers(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String unused, Visit visit) {
    return json(HttpStatus.OK, Documents.workers(store.workers(), advice::about));
  }

  /** For operators: ask a worker to sleep, wake up, shut down or go offline. */
  private HttpResponse requestStatus(ServiceRequestContext ctx, AggregatedHttpRequest req,
      String unused, Visit visit) {
    String workerId = id(ctx, "id", "worker");
    StatusRequest request = Documents.statusRequest(req.content().array());
    store.requestStatus(workerId, request.status(), request.lazy());
    log.info("worker {} asked to go {} ({})", workerId, request.status(),
        request.lazy() ? "once its task is done" : "now");
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private Optional<HttpResponse> refuseWithoutUserToken(AggregatedHttpRequest req) {
    try {
      users.verify(req.headers().get(HttpHeaderNames.AUTHORIZATION));
      return Optional.empty();
    } catch (AuthException e) {
      return Optional.of(unauthorized(BEARER_CHALLENGE, e.getMessage()));
    }
  }

  /** Command-line downloads get the whole file; browsers get head and tail of a large one. */
  private static boolean wantsWholeFile(String userAgent) {
    String agent = userAgent.toLowerCase(Locale.ROOT);
    return agent.startsWith("curl/") || agent.startsWith("wget/");
  }

  // Plumbing

  private HttpService open(Handler handler) {
    return serve(handler, false);
  }

  private HttpService worker(Handler handler) {
    return serve(handler, true);
  }

  /** For people, not workers: a user's bearer token, as on the API. */
  private HttpService forUsers(Handler handler) {
    return open((ctx, req, unused, visit) -> refuseWithoutUserToken(req)
        .orElseGet(() -> handler.handle(ctx, req, unused, visit)));
  }

  private HttpService serve(Handler handler, boolean authenticated) {
    return (ctx, req) -> HttpResponse.of(req.aggregate().thenApplyAsync(
        aggregated -> respond(ctx, aggregated, handler, authenticated),
        ctx.blockingTaskExecutor()));
  }

  private HttpResponse respond(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Handler handler, boolean authenticated) {
    String software = Optional.ofNullable(req.headers().get(HttpHeaderNames.USER_AGENT))
        .orElse("");
    Visit visit = new Visit(ctx.clientAddress().getHostAddress(), software);
    try {
      String workerId = authenticated
          ? authenticator.authenticate(req.headers().get(HttpHeaderNames.AUTHORIZATION))
          : null;
      return handler.handle(ctx, req, workerId, visit);
    } catch (WorkerException e) {
      if (e.status() == 401) {
        return unauthorized(BASIC_CHALLENGE, e.getMessage());
      }
      return text(HttpStatus.valueOf(e.status()), e.getMessage());
    } catch (FarmException e) {
      // A frame changed under the worker (an operator's kill or retry) between two checks.
      return text(e.kind() == FarmException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
          : HttpStatus.CONFLICT, e.getMessage());
    } catch (StoreException | UncheckedIOException e) {
      log.error("worker request {} failed", req.path(), e);
      return text(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
    }
  }

  /** A path id; a malformed one names nothing, so it is a 404 like an unknown one. */
  private static String id(ServiceRequestContext ctx, String param, String what) {
    String id = ctx.pathParam(param);
    if (!Ids.valid(id)) {
      throw new WorkerException(404, "\"" + id + "\" is not a " + what + " id");
    }
    return id;
  }

  private static HttpResponse unauthorized(String challenge, String message) {
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.UNAUTHORIZED)
            .set(HttpHeaderNames.WWW_AUTHENTICATE, challenge)
            .contentType(MediaType.PLAIN_TEXT_UTF_8)
            .build(),
        HttpData.ofUtf8(message + "\n"));
  }

  private static HttpResponse json(HttpStatus status, byte[] body) {
    return HttpResponse.of(status, MediaType.JSON_UTF_8, body);
  }

  private static HttpResponse text(HttpStatus status, String message) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8,
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}

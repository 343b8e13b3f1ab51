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
import dev.cuegate.auth.Principal;
import dev.cuegate.db.StoreException;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.rest.RequestAttributes;
import dev.cuegate.worker.Protocol.MayRun;
import dev.cuegate.worker.Protocol.Registration;
import dev.cuegate.worker.Protocol.StatusRequest;
import dev.cuegate.worker.Protocol.Task;
import dev.cuegate.worker.Protocol.TaskUpdate;
import dev.cuegate.worker.Protocol.Visit;
import dev.cuegate.worker.Protocol.Worker;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker endpoints on the API port (docs/WORKERS.md). Workers prove who they are with HTTP
 * Basic ({@link WorkerAuthDecorator}); the routes people call are guarded by whatever the server
 * guards its API with. Every request is handled off the event loop (password hashing and
 * database transactions block) and answers at once: nothing waits for work to appear. Refusals
 * become HTTP statuses in one place, {@link #refusal}.
 */
final class WorkerRoutes {
  private static final Logger log = LoggerFactory.getLogger(WorkerRoutes.class);
  private static final String BASIC_CHALLENGE = "Basic realm=\"cuegate\"";
  /** CueGate's warning to a worker about itself (docs/WORKERS.md); not part of Flamenco's API. */
  static final String WARNING_HEADER = "x-cuegate-warning";

  /** One endpoint's work. */
  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest req, Visit visit);
  }

  private final WorkerOperations operations;
  private final WorkerAuthDecorator workers;
  private final RegistrationGuard registration;
  private final WorkerAuthenticator authenticator;
  private final SecretHash secrets;
  private final TaskLogs logs;
  private final LatestOutputs outputs;
  private final WorkerVariables variables;
  private final TaskTypeAdvice advice;

  WorkerRoutes(WorkerOperations operations, WorkerAuthenticator authenticator,
      RegistrationGuard registration, SecretHash secrets, TaskLogs logs, LatestOutputs outputs,
      WorkerVariables variables, TaskTypeAdvice advice) {
    this.operations = operations;
    this.authenticator = authenticator;
    this.workers = new WorkerAuthDecorator(authenticator);
    this.registration = registration;
    this.secrets = secrets;
    this.logs = logs;
    this.outputs = outputs;
    this.variables = variables;
    this.advice = advice;
  }

  /** Mounts the routes; {@code guard} wraps those a person calls, not the workers' own. */
  void mountOn(ServerBuilder sb, Function<? super HttpService, ? extends HttpService> guard) {
    sb.route().post("/register-worker").build(serve(this::register));
    sb.route().post("/sign-on").build(worker(this::signOn));
    sb.route().post("/sign-off").build(worker(this::signOff));
    // Flamenco's manager documents GET; its Python worker sends POST.
    sb.route().path("/task").methods(HttpMethod.GET, HttpMethod.POST).build(worker(this::task));
    sb.route().post("/tasks/{id}/update").build(worker(this::update));
    sb.route().post("/tasks/{id}/return").build(worker(this::returnTask));
    sb.route().get("/may-i-run/{id}").build(worker(this::mayRun));
    sb.route().get("/status-change").build(worker(this::statusChange));
    sb.route().post("/ack-status-change/{status}").build(worker(this::acknowledge));
    sb.route().post("/output-produced").build(worker(this::outputProduced));
    sb.route().get("/logfile/{job}/{task}").build(guard.apply(serve(this::logfile)));
    sb.route().get("/api/workers").build(guard.apply(serve(this::listWorkers)));
    sb.route().post("/api/workers/{id}/status-request")
        .build(guard.apply(serve(this::requestStatus)));
  }

  // Endpoints

  private HttpResponse register(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    registration.check(req.headers().get(HttpHeaderNames.AUTHORIZATION));
    Registration doc = Documents.registration(req.content().array());
    Worker worker = operations.register(doc, secrets.hash(doc.secret()), visit);
    authenticator.remember(worker.id(), doc.secret());
    log.info("worker {} registered as \"{}\" from {} ({}, task types {})", worker.id(),
        worker.nickname(), visit.address(), worker.platform(), worker.taskTypes());
    return warned(worker, json(HttpStatus.OK, Documents.worker(worker)));
  }

  private HttpResponse signOn(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    operations.signOn(workerId, Documents.signOn(req.content().array()), visit);
    return warned(operations.worker(workerId), HttpResponse.of(HttpStatus.NO_CONTENT));
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
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    operations.signOff(workerId);
    log.info("worker {} signed off; its tasks went back to the queue", workerId);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse task(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    return operations.fetch(workerId, visit).answer(new Protocol.Answers<>() {
      @Override
      public HttpResponse statusRequested(WorkerStatus status) {
        return json(HttpStatus.LOCKED, Documents.workerStatus(status));
      }

      @Override
      public HttpResponse noTaskTypes() {
        return text(HttpStatus.NOT_ACCEPTABLE, "the worker supports no task types");
      }

      @Override
      public HttpResponse nothingToDo() {
        return HttpResponse.of(HttpStatus.NO_CONTENT);
      }

      @Override
      public HttpResponse assigned(Task task, boolean fresh) {
        if (fresh) {
          logs.rotate(task.job(), task.id());
        }
        return json(HttpStatus.OK, Documents.task(task, forPlatformOf(workerId)));
      }
    });
  }

  /** The worker's platform is read only when there are variables to choose values by. */
  private UnaryOperator<String> forPlatformOf(String workerId) {
    if (variables.isEmpty()) {
      return UnaryOperator.identity();
    }
    String platform = operations.worker(workerId).platform();
    return text -> variables.expand(text, platform);
  }

  private HttpResponse update(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    String taskId = id(ctx, "id", "task");
    TaskUpdate update = Documents.taskUpdate(req.content().array());
    WorkerOperations.LogTarget target = operations.update(workerId, taskId, update, visit);
    logs.append(target.jobId(), taskId, update.log());
    target.frameLog().ifPresent(file -> logs.appendIfWritable(file, update.log()));
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse returnTask(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    operations.returnTask(workerId, id(ctx, "id", "task"), visit);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse mayRun(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    String taskId = ctx.pathParam("id");
    // Even this 404 is a MayKeepRunningResponse: anything else stops the worker's watchdog.
    if (!Ids.valid(taskId)) {
      return json(HttpStatus.NOT_FOUND, Documents.mayRun(
          new MayRun(false, "\"" + taskId + "\" is not a task id", Optional.empty())));
    }
    return json(HttpStatus.OK, Documents.mayRun(operations.mayRun(workerId, taskId, visit)));
  }

  private HttpResponse statusChange(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    return operations.statusChange(workerId, visit)
        .map(status -> json(HttpStatus.OK, Documents.workerStatus(status)))
        .orElseGet(() -> HttpResponse.of(HttpStatus.NO_CONTENT));
  }

  private HttpResponse acknowledge(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    String text = ctx.pathParam("status");
    WorkerStatus status = WorkerStatus.parse(text).orElseThrow(() -> new WorkerException(
        WorkerException.Kind.MALFORMED, "\"" + text + "\" is not a worker status"));
    operations.acknowledge(workerId, status);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse outputProduced(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = WorkerAuthDecorator.workerId(ctx);
    List<String> paths = Documents.paths(req.content().array());
    if (paths.isEmpty()) {
      throw new WorkerException(WorkerException.Kind.INVALID,
          "paths: at least one image path is required");
    }
    outputs.offer(workerId, paths);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  /** A task's log, whole for command-line clients. */
  private HttpResponse logfile(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String jobId = id(ctx, "job", "job");
    String taskId = id(ctx, "task", "task");
    if (!operations.hasTask(jobId, taskId)) {
      throw new WorkerException(WorkerException.Kind.NOT_FOUND,
          "job " + jobId + " has no task " + taskId);
    }
    Optional<String> text = logs.read(jobId, taskId, wantsWholeFile(visit.software()));
    return text
        .map(log -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, log))
        .orElseGet(() -> text(HttpStatus.NOT_FOUND, "task " + taskId + " has no log yet"));
  }

  /** For operators: the registered workers. */
  private HttpResponse listWorkers(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    return json(HttpStatus.OK, Documents.workers(operations.workers(), advice::about));
  }

  /** For operators: ask a worker to sleep, wake up, shut down or go offline. */
  private HttpResponse requestStatus(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Visit visit) {
    String workerId = id(ctx, "id", "worker");
    StatusRequest request = Documents.statusRequest(req.content().array());
    operations.requestStatus(workerId, request.status(), request.lazy());
    // The guard in front of this route stored who asked, when it checked a bearer token.
    String asker = Optional.ofNullable(ctx.attr(RequestAttributes.PRINCIPAL))
        .map(Principal::subject).orElse("an operator");
    log.info("worker {} asked by {} to go {} ({})", workerId, asker, request.status().wire(),
        request.lazy() ? "once its task is done" : "now");
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  /** Command-line downloads get the whole file; browsers get head and tail of a large one. */
  private static boolean wantsWholeFile(String userAgent) {
    String agent = userAgent.toLowerCase(Locale.ROOT);
    return agent.startsWith("curl/") || agent.startsWith("wget/");
  }

  // Plumbing

  /** A worker's route: its Basic credentials first. */
  private HttpService worker(Handler handler) {
    return serve(handler).decorate(workers);
  }

  private HttpService serve(Handler handler) {
    return (ctx, req) -> HttpResponse.of(req.aggregate().thenApplyAsync(
        aggregated -> respond(ctx, aggregated, handler), ctx.blockingTaskExecutor()));
  }

  private static HttpResponse respond(ServiceRequestContext ctx, AggregatedHttpRequest req,
      Handler handler) {
    String software = Optional.ofNullable(req.headers().get(HttpHeaderNames.USER_AGENT))
        .orElse("");
    Visit visit = new Visit(ctx.clientAddress().getHostAddress(), software);
    try {
      return handler.handle(ctx, req, visit);
    } catch (WorkerException e) {
      return refusal(e);
    } catch (FarmException e) {
      // A frame changed under the worker (an operator's kill or retry) between two checks.
      return text(e.kind() == FarmException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
          : HttpStatus.CONFLICT, e.getMessage());
    } catch (StoreException | UncheckedIOException e) {
      log.error("worker request {} failed", req.path(), e);
      return text(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
    }
  }

  /** The answer to a refused request: the one place refusals become HTTP statuses. */
  static HttpResponse refusal(WorkerException e) {
    return switch (e.kind()) {
      case UNAUTHENTICATED -> unauthorized(BASIC_CHALLENGE, e.getMessage());
      case FORBIDDEN -> text(HttpStatus.FORBIDDEN, e.getMessage());
      case MALFORMED -> text(HttpStatus.BAD_REQUEST, e.getMessage());
      case INVALID -> text(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
      case NOT_FOUND -> text(HttpStatus.NOT_FOUND, e.getMessage());
      case CONFLICT -> text(HttpStatus.CONFLICT, e.getMessage());
    };
  }

  /** A path id; a malformed one names nothing, so it is a 404 like an unknown one. */
  private static String id(ServiceRequestContext ctx, String param, String what) {
    String id = ctx.pathParam(param);
    if (!Ids.valid(id)) {
      throw new WorkerException(WorkerException.Kind.NOT_FOUND,
          "\"" + id + "\" is not a " + what + " id");
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

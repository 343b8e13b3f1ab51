package dev.cuegate.server;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.contract.Operation;
import dev.cuegate.rest.RequestOperation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the routes people call outside the RPC API (the worker routes for operators) as
 * operations of a service {@value #SERVICE}, so that the authorization policy and the audit log
 * treat them as they treat RPCs (docs/SECURITY.md, "Worker routes").
 */
final class PersonRoutes implements RequestOperation {
  static final String SERVICE = "cuegate.WorkerInterface";
  /** {@code GET /api/workers}: reads, like {@code host.HostInterface/GetHosts}. */
  static final Operation GET_WORKERS = Operation.named(SERVICE, "GetWorkers");
  /** {@code GET /logfile/{job}/{task}}: reads a task's log. */
  static final Operation GET_TASK_LOG = Operation.named(SERVICE, "GetTaskLog");
  /**
   * {@code POST /api/workers/{id}/status-request}: changes a worker's state, like
   * {@code host.HostInterface/Lock}, so it is audited and a read-only role may not call it.
   */
  static final Operation REQUEST_STATUS = Operation.named(SERVICE, "RequestStatus");

  private static final Pattern STATUS_REQUEST = Pattern.compile("/api/workers/[^/]+/status-request");

  @Override
  public Optional<Operation> of(ServiceRequestContext ctx) {
    String path = ctx.path();
    HttpMethod method = ctx.method();
    if (method == HttpMethod.GET && path.equals("/api/workers")) {
      return Optional.of(GET_WORKERS);
    }
    if (method == HttpMethod.GET && path.startsWith("/logfile/")) {
      return Optional.of(GET_TASK_LOG);
    }
    if (method == HttpMethod.POST && STATUS_REQUEST.matcher(path).matches()) {
      return Optional.of(REQUEST_STATUS);
    }
    // A person route without a name here would pass the policy unchecked: refuse to serve it.
    throw new IllegalStateException(
        "the route " + method + " " + path + " has no operation name in " + getClass().getName());
  }
}

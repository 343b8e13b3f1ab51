package dev.cuegate.contract;

/**
 * Something a caller asks CueGate to do, named as an RPC ({@code service/method}) so that the
 * authorization policy and the audit log treat RPCs and the other routes people call alike.
 */
public interface Operation {

  /** {@code job.JobInterface} */
  String serviceName();

  /** {@code GetJobs} */
  String methodName();

  /** {@code job.JobInterface/GetJobs}: the gRPC method name and the HTTP path without its slash. */
  default String fullName() {
    return serviceName() + "/" + methodName();
  }

  /** True for operations that only read: {@code Get*}, {@code Find*}, {@code Is*}. */
  default boolean isReadOnly() {
    String name = methodName();
    return name.startsWith("Get") || name.startsWith("Find") || name.startsWith("Is");
  }

  /** An operation that is not an RPC of OpenCue's contract, such as a worker route. */
  static Operation named(String serviceName, String methodName) {
    return new Named(serviceName, methodName);
  }

  /** An operation known only by its name. */
  record Named(String serviceName, String methodName) implements Operation {}
}

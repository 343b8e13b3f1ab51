package dev.cuegate.contract;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;

/** One RPC that the gateway serves as {@code POST /<package>.<Service>/<Method>}. */
public record ApiMethod(MethodDescriptor descriptor) {

  /** {@code job.JobInterface} */
  public String serviceName() {
    return descriptor.getService().getFullName();
  }

  /** {@code GetJobs} */
  public String methodName() {
    return descriptor.getName();
  }

  /** {@code job.JobInterface/GetJobs}: the gRPC method name and the HTTP path without its slash. */
  public String fullName() {
    return serviceName() + "/" + methodName();
  }

  public Descriptor inputType() {
    return descriptor.getInputType();
  }

  public Descriptor outputType() {
    return descriptor.getOutputType();
  }

  /** True for methods that only read: {@code Get*}, {@code Find*}, {@code Is*}. */
  public boolean isReadOnly() {
    String name = methodName();
    return name.startsWith("Get") || name.startsWith("Find") || name.startsWith("Is");
  }
}

package dev.cuegate.contract;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;

/** One RPC that the gateway serves as {@code POST /<package>.<Service>/<Method>}. */
public record ApiMethod(MethodDescriptor descriptor) implements Operation {

  @Override
  public String serviceName() {
    return descriptor.getService().getFullName();
  }

  @Override
  public String methodName() {
    return descriptor.getName();
  }

  public Descriptor inputType() {
    return descriptor.getInputType();
  }

  public Descriptor outputType() {
    return descriptor.getOutputType();
  }
}

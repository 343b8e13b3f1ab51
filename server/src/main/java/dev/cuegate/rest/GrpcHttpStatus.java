package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpStatus;
import io.grpc.Status;

/** The HTTP status that grpc-gateway v2 answers for each gRPC status code. */
final class GrpcHttpStatus {
  private GrpcHttpStatus() {}

  static HttpStatus of(Status.Code code) {
    switch (code) {
      case OK:
        return HttpStatus.OK;
      case CANCELLED:
        return HttpStatus.valueOf(499);
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
      case OUT_OF_RANGE:
        return HttpStatus.BAD_REQUEST;
      case DEADLINE_EXCEEDED:
        return HttpStatus.GATEWAY_TIMEOUT;
      case NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case ALREADY_EXISTS:
      case ABORTED:
        return HttpStatus.CONFLICT;
      case PERMISSION_DENIED:
        return HttpStatus.FORBIDDEN;
      case RESOURCE_EXHAUSTED:
        return HttpStatus.TOO_MANY_REQUESTS;
      case UNIMPLEMENTED:
        return HttpStatus.NOT_IMPLEMENTED;
      case UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      case UNAUTHENTICATED:
        return HttpStatus.UNAUTHORIZED;
      case UNKNOWN:
      case INTERNAL:
      case DATA_LOSS:
      default:
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
  }
}

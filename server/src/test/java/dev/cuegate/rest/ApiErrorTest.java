package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @ParameterizedTest
  @CsvSource({
    "OK,200,OK",
    "CANCELLED,499,Canceled",
    "UNKNOWN,500,Unknown",
    "INVALID_ARGUMENT,400,InvalidArgument",
    "DEADLINE_EXCEEDED,504,DeadlineExceeded",
    "NOT_FOUND,404,NotFound",
    "ALREADY_EXISTS,409,AlreadyExists",
    "PERMISSION_DENIED,403,PermissionDenied",
    "RESOURCE_EXHAUSTED,429,ResourceExhausted",
    "FAILED_PRECONDITION,400,FailedPrecondition",
    "ABORTED,409,Aborted",
    "OUT_OF_RANGE,400,OutOfRange",
    "UNIMPLEMENTED,501,Unimplemented",
    "INTERNAL,500,Internal",
    "UNAVAILABLE,503,Unavailable",
    "DATA_LOSS,500,DataLoss",
    "UNAUTHENTICATED,401,Unauthenticated"
  })
  void everyGrpcCodeMapsToGrpcGatewaysHttpStatusAndGoName(String code, int http, String goName)
      throws IOException {
    ApiError error = ApiError.fromStatus(Status.fromCode(Status.Code.valueOf(code)).withDescription("boom"));

    JsonNode body = new ObjectMapper().readTree(error.toJson());

    assertThat(error.httpStatus().code()).isEqualTo(http);
    assertThat(body.get("code").asInt()).isEqualTo(Status.Code.valueOf(code).value());
    assertThat(body.get("message").asText()).isEqualTo("boom");
    assertThat(body.get("details").isArray()).isTrue();
    assertThat(body.get("error").asText()).isEqualTo("rpc error: code = " + goName + " desc = boom");
  }

  @Test
  void messageIsEscapedAndAMissingDescriptionIsEmpty() throws IOException {
    JsonNode quoted =
        new ObjectMapper().readTree(ApiError.of(Status.Code.NOT_FOUND, "no \"x\"\n").toJson());
    JsonNode empty = new ObjectMapper().readTree(ApiError.fromStatus(Status.NOT_FOUND).toJson());

    assertThat(quoted.get("message").asText()).isEqualTo("no \"x\"\n");
    assertThat(empty.get("message").asText()).isEmpty();
    assertThat(new ObjectMapper().readTree(ApiError.fromStatus(Status.NOT_FOUND).toJson()).fieldNames())
        .toIterable()
        .containsExactly("code", "message", "details", "error");
  }
}

package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.RequestHeaders;
import dev.cuegate.config.FieldValidation;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {
  private static final Duration MAX = Duration.ofSeconds(30);

  @ParameterizedTest
  @CsvSource({"5S,PT5S", "500m,PT0.5S", "2M,PT2M", "1H,PT1H", "250u,PT0.00025S", "7n,PT0.000000007S"})
  void grpcTimeoutUnitsFollowTheGrpcWireSyntax(String header, String expected) {
    assertThat(RequestOptions.parseGrpcTimeout(header)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "S", "5", "5s", "-1S", "123456789S", "abcS"})
  void malformedGrpcTimeoutIsRejected(String header) {
    assertThatThrownBy(() -> RequestOptions.parseGrpcTimeout(header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Grpc-Timeout");
  }

  @Test
  void clientTimeoutNeverExceedsTheConfiguredMaximum() {
    assertThat(RequestOptions.timeout(headers("grpc-timeout", "2M"), MAX)).isEqualTo(MAX);
    assertThat(RequestOptions.timeout(headers("grpc-timeout", "3S"), MAX))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(RequestOptions.timeout(headers(null, null), MAX)).isEqualTo(MAX);
  }

  @Test
  void fieldValidationComesFromQueryThenHeaderThenDefault() {
    assertThat(
            RequestOptions.fieldValidation(
                headers("x-field-validation", "Ignore"),
                QueryParams.of("fieldValidation", "Strict"),
                FieldValidation.WARN))
        .isEqualTo(FieldValidation.STRICT);
    assertThat(
            RequestOptions.fieldValidation(
                headers("x-field-validation", "ignore"), QueryParams.of(), FieldValidation.WARN))
        .isEqualTo(FieldValidation.IGNORE);
    assertThat(RequestOptions.fieldValidation(headers(null, null), QueryParams.of(), FieldValidation.WARN))
        .isEqualTo(FieldValidation.WARN);
  }

  @Test
  void unknownFieldValidationValueIsRejected() {
    assertThatThrownBy(
            () ->
                RequestOptions.fieldValidation(
                    headers(null, null), QueryParams.of("fieldValidation", "Loose"), FieldValidation.WARN))
        .hasMessageContaining("fieldValidation")
        .hasMessageContaining("Loose");
  }

  private static RequestHeaders headers(String name, String value) {
    RequestHeaders headers = RequestHeaders.of(HttpMethod.POST, "/x.Y/Z");
    return name == null ? headers : headers.toBuilder().add(name, value).build();
  }
}

package dev.cuegate.farm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.db.StoreException;
import dev.cuegate.farm.spec.SpecException;
import dev.cuegate.farm.store.FarmException;
import io.grpc.Status;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a service throws becomes one status, the same for the farm's services and the bridge's. */
class ExceptionStatusInterceptorTest {
  private static final String METHOD = "job.JobInterface/GetJob";

  @Test
  void eachRefusalOfTheFarmHasItsCode() {
    for (FarmException.Kind kind : FarmException.Kind.values()) {
      Status status = status(new FarmException(kind, "refused: " + kind));

      assertThat(status.getCode().name()).isEqualTo(kind.name());
      assertThat(status.getDescription()).isEqualTo("refused: " + kind);
    }
  }

  @Test
  void aBadSpecIsAnInvalidArgumentAndAFailedDatabaseInternal() {
    assertThat(status(new SpecException("line 3: no layers")).getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status(new StoreException("disk full", new SQLException("disk full")))
        .getCode()).isEqualTo(Status.Code.INTERNAL);
  }

  @Test
  void aStatusThrownAsSuchIsKept() {
    Status status = status(Status.UNAVAILABLE.withDescription("no worker is free")
        .asRuntimeException());

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).isEqualTo("no worker is free");
  }

  @Test
  void anythingElseIsABugAndGoesOn() {
    assertThatThrownBy(() -> status(new IllegalStateException("bug")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static Status status(RuntimeException e) {
    return ExceptionStatusInterceptor.status(METHOD, e);
  }
}

package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tasks of a request's end run once its log is complete, in order, each on its own. */
class RequestEndTest {
  private final ServiceRequestContext ctx =
      ServiceRequestContext.of(HttpRequest.of(HttpMethod.POST, "/show.ShowInterface/GetShows"));
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @Test
  void tasksRunOnceTheLogIsCompleteInTheOrderAsked() {
    RequestEnd.whenComplete(ctx, log -> ran.add("access log"));
    RequestEnd.whenComplete(ctx, log -> ran.add("metrics"));
    RequestEnd.whenComplete(ctx, log -> ran.add("in flight"));
    assertThat(ran).isEmpty();

    complete();

    await().untilAsserted(() -> assertThat(ran).hasSize(3));
    assertThat(ran).containsExactly("access log", "metrics", "in flight");
  }

  @Test
  void aFailingTaskKeepsNoneOfTheOthersFromRunning() {
    RequestEnd.whenComplete(ctx, log -> {
      throw new IllegalStateException("broken");
    });
    RequestEnd.whenComplete(ctx, log -> ran.add("metrics"));
    RequestEnd.whenComplete(ctx, log -> ran.add("access log"));

    complete();

    await().untilAsserted(() -> assertThat(ran).hasSize(2));
    assertThat(ran).containsExactly("metrics", "access log");
  }

  @Test
  void aTaskAskedForAfterTheEndRunsAtOnce() {
    RequestEnd.whenComplete(ctx, log -> ran.add("access log"));
    complete();
    await().untilAsserted(() -> assertThat(ran).containsExactly("access log"));

    RequestEnd.whenComplete(ctx, log -> ran.add("audit " + log.isComplete()));

    assertThat(ran).containsExactly("access log", "audit true");
  }

  /** Ends the request and the response; the log completes on the context's event loop. */
  private void complete() {
    ctx.logBuilder().endRequest();
    ctx.logBuilder().endResponse();
  }
}

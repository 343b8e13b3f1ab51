package dev.cuegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GatewayMetrics metrics = GatewayMetrics.create(registry);

  @Test
  void rateLimitedRequestsAreCounted() {
    metrics.rateLimited();
    metrics.rateLimited();

    assertThat(registry.get("cuegate.rate.limited").counter().count()).isEqualTo(2);
  }

  @Test
  void anUpstreamCallIsRecordedUnderItsServiceMethodAndCode() {
    metrics.upstreamCall("job.JobInterface/GetJobs", Status.Code.DEADLINE_EXCEEDED, 3_000_000);

    assertThat(
            registry
                .get("cuegate.upstream.duration")
                .tags("service", "job.JobInterface", "method", "GetJobs", "code",
                    "DEADLINE_EXCEEDED")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(3);
  }

  @Test
  void inFlightRequestsRiseAndFall() {
    metrics.requestStarted();
    metrics.requestStarted();
    metrics.requestFinished("show.ShowInterface", "GetShows", 200, 1_000, 2, 40);

    assertThat(registry.get("cuegate.requests.active").gauge().value()).isEqualTo(1);
  }

  @Test
  void repeatedCallsCountIntoOneMeterPerStatusAndCode() {
    metrics.upstreamCall("job.JobInterface/GetJobs", Status.Code.OK, 1_000_000);
    metrics.upstreamCall("job.JobInterface/GetJobs", Status.Code.OK, 1_000_000);
    metrics.upstreamCall("job.JobInterface/GetJobs", Status.Code.NOT_FOUND, 1_000_000);
    for (int status : new int[] {200, 200, 404}) {
      metrics.requestStarted();
      metrics.requestFinished("job.JobInterface", "GetJobs", status, 1_000, 2, 40);
    }

    assertThat(registry.get("cuegate.upstream.duration").tag("code", "OK").timer().count())
        .isEqualTo(2);
    assertThat(registry.get("cuegate.upstream.duration").tag("code", "NOT_FOUND").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("cuegate.requests").tag("status", "200").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("cuegate.requests").tag("status", "404").counter().count())
        .isEqualTo(1);
  }

  @Test
  void logLinesTheWriterCouldNotTakeAreAMeter() {
    assertThat(registry.get("cuegate.log.lines.dropped").functionCounter().count()).isZero();
  }
}

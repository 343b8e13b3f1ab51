package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.events.EventType;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code cuegate job wait NAME}: exit 0 all succeeded, 1 dead frames, built on the stream. */
class JobWaitCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void exits0WhenTheJobFinishesWithEveryFrameSucceeded() throws Exception {
    Job job = pendingJob();
    int before = gateway.gate().events().subscriberCount();
    CompletableFuture<CliRun> run = waitFor(job.getName());
    awaitSubscribersAbove(before);

    finish(job, 0);

    CliRun done = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(done.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(done.err()).contains(job.getName() + ": ").contains("frames succeeded")
        .contains("FINISHED");
  }

  @Test
  void exits1WhenTheJobFinishesWithDeadFrames() throws Exception {
    Job job = pendingJob();
    int before = gateway.gate().events().subscriberCount();
    CompletableFuture<CliRun> run = waitFor(job.getName());
    awaitSubscribersAbove(before);

    finish(job, 3);

    CliRun done = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(done.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(done.err()).contains("with 3 dead frames");
  }

  @Test
  void aJobThatAlreadyFinishedIsAnsweredAtOnce() {
    Job job = pendingJob();
    gateway.cuebot().farm().killJob(job.getId());
    int dead = gateway.cuebot().farm().job(job.getId()).getJobStats().getDeadFrames();

    CliRun done = CliRun.run(Map.of(), "job", "wait", job.getName(), "--url", url(),
        "--token", Tokens.valid());

    assertThat(done.exitCode()).isEqualTo(dead == 0 ? ExitCodes.OK : ExitCodes.FAILED);
    assertThat(done.err()).contains("FINISHED");
  }

  @Test
  void anUnknownJobExits2() {
    CliRun done = CliRun.run(Map.of(), "job", "wait", "no-such-job", "--url", url(),
        "--token", Tokens.valid());

    assertThat(done.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(done.err()).contains("no job named no-such-job");
  }

  private static Job pendingJob() {
    return gateway.cuebot().farm().jobs().stream()
        .filter(job -> job.getState() == JobState.PENDING)
        .findFirst().orElseThrow();
  }

  private static CompletableFuture<CliRun> waitFor(String name) {
    return CompletableFuture.supplyAsync(() -> CliRun.run(Map.of(), "job", "wait", name,
        "--url", url(), "--token", Tokens.valid()));
  }

  private static void finish(Job job, int deadFrames) {
    gateway.gate().events().publish(EventType.JOB_FINISHED, job.getShow(), job.getName(),
        Map.of("deadFrames", deadFrames, "succeeded", deadFrames == 0));
  }

  /** Readers of earlier tests may still be counted: a new one is one more. */
  private static void awaitSubscribersAbove(int count) {
    Awaitility.await("a new reader of the stream").atMost(WAIT)
        .until(() -> gateway.gate().events().subscriberCount() > count);
  }

  private static String url() {
    return gateway.uri("").toString();
  }
}

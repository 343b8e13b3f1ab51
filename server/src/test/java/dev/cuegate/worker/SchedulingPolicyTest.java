package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.worker.SchedulingPolicy.AfterFailure;
import dev.cuegate.worker.SchedulingPolicy.Capacity;
import dev.cuegate.worker.SchedulingPolicy.Candidate;
import dev.cuegate.worker.SchedulingPolicy.Eligibility;
import dev.cuegate.worker.SchedulingPolicy.JobType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flamenco's scheduling and failure rules on plain values: no HTTP, no database. */
class SchedulingPolicyTest {

  @Test
  void aWorkerMayTakeAFrameOfATaskTypeItRuns() {
    Eligibility worker = new Eligibility(List.of("blender", "ffmpeg"), Set.of(), Set.of());

    assertThat(worker.allows("frame-1", "job-1", "blender")).isTrue();
    assertThat(worker.allows("frame-1", "job-1", "nuke")).isFalse();
  }

  @Test
  void aWorkerDoesNotGetAgainAFrameItFailed() {
    Eligibility worker = new Eligibility(List.of("blender"), Set.of("frame-1"), Set.of());

    assertThat(worker.allows("frame-1", "job-1", "blender")).isFalse();
    assertThat(worker.allows("frame-2", "job-1", "blender")).isTrue();
  }

  @Test
  void aBlocklistedWorkerGetsNoMoreOfThatJobsTaskType() {
    Eligibility worker = new Eligibility(List.of("blender", "ffmpeg"), Set.of(),
        Set.of(new JobType("job-1", "blender")));

    assertThat(worker.allows("frame-1", "job-1", "blender")).isFalse();
    assertThat(worker.allows("frame-2", "job-1", "ffmpeg")).isTrue();
    assertThat(worker.allows("frame-3", "job-2", "blender")).isTrue();
  }

  @Test
  void theThirdFailureOfAJobsTaskTypeBlocklistsOnce() {
    assertThat(SchedulingPolicy.blocklists(2, false)).isFalse();
    assertThat(SchedulingPolicy.blocklists(3, false)).isTrue();
    assertThat(SchedulingPolicy.blocklists(4, true)).isFalse();
  }

  @Test
  void aFailedTaskIsSoftFailedWhileAnotherWorkerMayTryIt() {
    assertThat(after(Set.of("a"), Set.of(), worker("a", "blender"), worker("b", "blender")))
        .isEqualTo(AfterFailure.SOFT_FAILED);
  }

  @Test
  void aFailedTaskGivesUpWhenNoOtherWorkerRunsItsType() {
    assertThat(after(Set.of("a"), Set.of(), worker("a", "blender"), worker("b", "ffmpeg")))
        .isEqualTo(AfterFailure.GIVE_UP);
  }

  @Test
  void blocklistedWorkersDoNotCountAsLeft() {
    assertThat(after(Set.of("a"), Set.of("b"), worker("a", "blender"), worker("b", "blender")))
        .isEqualTo(AfterFailure.GIVE_UP);
  }

  @Test
  void aTaskThatThreeWorkersFailedGivesUpEvenWithWorkersLeft() {
    Candidate[] workers = {worker("a", "blender"), worker("b", "blender"),
        worker("c", "blender"), worker("d", "blender")};

    assertThat(after(Set.of("a", "b"), Set.of(), workers)).isEqualTo(AfterFailure.SOFT_FAILED);
    assertThat(after(Set.of("a", "b", "c"), Set.of(), workers)).isEqualTo(AfterFailure.GIVE_UP);
  }

  private static Candidate worker(String id, String taskType) {
    return new Candidate(id, List.of(taskType));
  }

  /** What follows a failure of a blender task. */
  private static AfterFailure after(Set<String> failedBy, Set<String> blocklisted,
      Candidate... workers) {
    return SchedulingPolicy.afterRetriableFailure("blender", failedBy, blocklisted,
        List.of(workers));
  }

  @Test
  void aFrameFitsAWorkerWhoseDeclaredCoresAndMemoryHoldItsLayersReservation() {
    Capacity worker = new Capacity(2, 4096);

    assertThat(worker.fits(200, 4096L * 1024)).isTrue();
    assertThat(worker.fits(201, 1024)).isFalse();
    assertThat(worker.fits(100, 4096L * 1024 + 1)).isFalse();
  }

  @Test
  void aWorkerThatDeclaredNoCapacityIsNotChecked() {
    assertThat(new Capacity(0, 0).fits(6400, 64L * 1024 * 1024)).isTrue();
  }
}

package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import org.junit.jupiter.api.Test;

/** A task shows its frame's OpenCue state in Flamenco's terms. */
class TaskStatusesTest {

  @Test
  void aRunningFrameIsActiveOnlyForTheTaskThatRunsIt() {
    assertThat(pending("active", FrameState.RUNNING)).isEqualTo("active");
    assertThat(pending("queued", FrameState.RUNNING)).isEqualTo("queued");
  }

  @Test
  void endedFramesShowHowTheyEnded() {
    assertThat(pending("active", FrameState.SUCCEEDED)).isEqualTo("completed");
    assertThat(pending("active", FrameState.DEAD)).isEqualTo("failed");
    assertThat(pending("active", FrameState.EATEN)).isEqualTo("canceled");
  }

  @Test
  void aWaitingFrameFollowsItsJobThenItsLastFailure() {
    String soft = TaskStatuses.SOFT_FAILED;

    assertThat(TaskStatuses.shown(soft, FrameState.WAITING, JobState.FINISHED, false))
        .isEqualTo("canceled");
    assertThat(TaskStatuses.shown(soft, FrameState.WAITING, JobState.PENDING, true))
        .isEqualTo("paused");
    assertThat(pending(soft, FrameState.WAITING)).isEqualTo("soft-failed");
    assertThat(pending("active", FrameState.WAITING)).isEqualTo("queued");
  }

  @Test
  void aTaskRunsWhileActiveAndItsFrameRuns() {
    assertThat(TaskStatuses.running("active", FrameState.RUNNING)).isTrue();
    assertThat(TaskStatuses.running("active", FrameState.WAITING)).isFalse();
    assertThat(TaskStatuses.running("queued", FrameState.RUNNING)).isFalse();
  }

  /** The status shown for a task of a pending job that is not paused. */
  private static String pending(String stored, FrameState frame) {
    return TaskStatuses.shown(stored, frame, JobState.PENDING, false);
  }
}

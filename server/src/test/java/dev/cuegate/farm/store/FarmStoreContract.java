package dev.cuegate.farm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.farm.spec.JobSpecParser;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The farm store's behaviour, which must be the same on every database it runs on. */
abstract class FarmStoreContract {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000),
      ZoneOffset.UTC);
  private static final JobQuery ALL_JOBS = new JobQuery(List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), true);

  private final TestDatabase database;
  private final List<FarmStore> opened = new ArrayList<>();
  private String url;

  FarmStoreContract(TestDatabase database) {
    this.database = database;
  }

  @BeforeEach
  void createDatabase(@TempDir Path dir) {
    url = database.freshUrl(dir);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(FarmStore::close);
  }

  /** Opens the test's database, as the farm does at start-up. */
  FarmStore open() {
    FarmStore store = FarmStore.open(url, CLOCK);
    opened.add(store);
    return store;
  }

  @Test
  void jobsLayersAndFramesSurviveReopeningTheDatabase() {
    // given
    FarmStore first = open();
    String id = first.launch(JobSpecParser.parse(
        FarmSpecs.spec("kept", FarmSpecs.layer("render", "1-10", 2), ""))).get(0);

    // when
    FarmStore reopened = open();

    // then
    JobRow job = reopened.job(id);
    assertThat(job.name()).isEqualTo(FarmSpecs.fullName("kept"));
    assertThat(job.startTime()).isEqualTo(1_700_000_000L);
    assertThat(reopened.jobFrames(id, FrameQuery.ALL))
        .extracting(FrameRow::name)
        .containsExactly("0001-render", "0003-render", "0005-render", "0007-render",
            "0009-render");
    assertThat(reopened.findShow("testing").createdJobCount()).isEqualTo(1);
  }

  @Test
  void aSpecThatFailsHalfwayStoresNothing() {
    // given: two jobs are written before the bad depend at the end is reached
    FarmStore store = open();
    String spec = "<spec><show>testing</show><shot>sh01</shot><user>jdoe</user>"
        + "<job name=\"first\"><layers>" + FarmSpecs.layer("render", "1-3", 1) + "</layers></job>"
        + "<job name=\"second\"><layers>" + FarmSpecs.layer("render", "1-3", 1)
        + "</layers></job><depends>"
        + FarmSpecs.depend("LAYER_ON_LAYER", "second", "render", "missing")
        + "</depends></spec>";

    // when
    assertThatThrownBy(() -> store.launch(JobSpecParser.parse(spec)))
        .isInstanceOf(FarmException.class)
        .hasMessage("depend: job testing-sh01-jdoe_second has no layer missing");

    // then
    FarmStore reopened = open();
    assertThat(reopened.jobs(ALL_JOBS)).isEmpty();
    assertThat(reopened.findShow("testing").createdJobCount()).isZero();
    assertThat(reopened.findShow("testing").createdFrameCount()).isZero();
  }

  @Test
  void aPendingJobNameCannotBeLaunchedTwice() {
    // given
    FarmStore store = open();
    String spec = FarmSpecs.spec("twice", FarmSpecs.layer("render", "1", 1), "");
    store.launch(JobSpecParser.parse(spec));

    // when / then
    assertThatThrownBy(() -> store.launch(JobSpecParser.parse(spec)))
        .isInstanceOf(FarmException.class)
        .hasMessage("the job testing-sh01-jdoe_twice is already pending")
        .extracting(e -> ((FarmException) e).kind())
        .isEqualTo(FarmException.Kind.ALREADY_EXISTS);
    assertThat(store.jobs(ALL_JOBS)).hasSize(1);
  }

  @Test
  void aFailedFrameIsRetriedUntilMaxRetriesThenDead() {
    // given: maxretries 2
    FarmStore store = open();
    String spec = FarmSpecs.spec("retries", FarmSpecs.layer("render", "1", 1), "")
        .replace("<layers>", "<maxretries>2</maxretries><layers>");
    String job = store.launch(JobSpecParser.parse(spec)).get(0);
    String frame = store.jobFrames(job, FrameQuery.ALL).get(0).id();

    // when
    store.startFrame(frame);
    store.finishFrame(frame, 1);
    FrameRow afterOne = store.frame(frame);
    store.startFrame(frame);
    store.finishFrame(frame, 1);

    // then
    assertThat(afterOne.state()).isEqualTo(FrameState.WAITING);
    assertThat(afterOne.retryCount()).isEqualTo(1);
    assertThat(store.frame(frame).state()).isEqualTo(FrameState.DEAD);
    assertThat(store.frame(frame).exitStatus()).isEqualTo(1);
  }
}

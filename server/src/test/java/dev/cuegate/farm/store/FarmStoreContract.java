package dev.cuegate.farm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.farm.spec.JobSpecParser;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void theUrlForLogsHidesThePassword() {
    // given: a password parameter, which SQLite ignores and the test PostgreSQL does not check
    url = url + (url.contains("?") ? "&" : "?") + "password=hunter2";

    // when
    String forLogs = open().url();

    // then
    assertThat(forLogs).doesNotContain("hunter2").endsWith("password=[redacted]");
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
    store.startFrame(frame, "render-01");
    store.finishFrame(frame, 1, "render-01");
    FrameRow afterOne = store.frame(frame);
    store.startFrame(frame, "render-01");
    store.finishFrame(frame, 1, "render-01");

    // then
    assertThat(afterOne.state()).isEqualTo(FrameState.WAITING);
    assertThat(afterOne.retryCount()).isEqualTo(1);
    assertThat(store.frame(frame).state()).isEqualTo(FrameState.DEAD);
    assertThat(store.frame(frame).exitStatus()).isEqualTo(1);
  }

  // Dependencies

  /** Two layers of two frames each: 0001-render, 0002-render, 0001-comp, 0002-comp. */
  private static final String LAYERS =
      FarmSpecs.layer("render", "1-2", 1) + FarmSpecs.layer("comp", "1-2", 1);

  /** A spec of the jobs {@code first} and {@code second}, with {@code depends}. */
  private static String twoJobs(String depends) {
    return "<spec><show>testing</show><shot>sh01</shot><user>jdoe</user>"
        + "<job name=\"first\"><layers>" + LAYERS + "</layers></job>"
        + "<job name=\"second\"><layers>" + LAYERS + "</layers></job>"
        + "<depends>" + depends + "</depends></spec>";
  }

  /** Frame name → state, in dispatch order. */
  private static List<String> states(FarmStore store, String job) {
    return store.jobFrames(job, FrameQuery.ALL).stream()
        .map(frame -> frame.name() + " " + frame.state())
        .toList();
  }

  private static void succeed(FarmStore store, String job, String frameName) {
    String frame = store.jobFrames(job, FrameQuery.ALL).stream()
        .filter(row -> row.name().equals(frameName))
        .findFirst().orElseThrow().id();
    store.startFrame(frame, "render-01");
    store.finishFrame(frame, 0, "render-01");
  }

  /** The frames of {@code second}, DEPEND where {@code held} names them and WAITING elsewhere. */
  private static List<String> expected(String held, boolean released) {
    List<String> heldFrames = Arrays.asList(held.split(" "));
    return List.of("0001-render", "0001-comp", "0002-render", "0002-comp").stream()
        .map(name -> name + " " + (heldFrames.contains(name) && !released ? "DEPEND" : "WAITING"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "JOB_ON_JOB     |      |           |        |            | 0001-render 0002-render 0001-comp 0002-comp | 0001-render 0002-render 0001-comp 0002-comp",
      "JOB_ON_LAYER   |      |           | render |            | 0001-render 0002-render 0001-comp 0002-comp | 0001-render 0002-render",
      "JOB_ON_FRAME   |      |           |        | 0002-render | 0001-render 0002-render 0001-comp 0002-comp | 0002-render",
      "LAYER_ON_JOB   | comp |           |        |            | 0001-comp 0002-comp | 0001-render 0002-render 0001-comp 0002-comp",
      "LAYER_ON_LAYER | comp |           | render |            | 0001-comp 0002-comp | 0001-render 0002-render",
      "LAYER_ON_FRAME | comp |           |        | 1-render   | 0001-comp 0002-comp | 0001-render",
      "FRAME_ON_JOB   |      | 0002-comp |        |            | 0002-comp | 0001-render 0002-render 0001-comp 0002-comp",
      "FRAME_ON_LAYER |      | 0002-comp | render |            | 0002-comp | 0001-render 0002-render",
      "FRAME_ON_FRAME |      | 0002-comp |        | 0001-render | 0002-comp | 0001-render",
  })
  void aDependencyHoldsItsFramesInDependUntilEveryFrameOfItsTargetSucceeded(String type,
      String layer, String frame, String onLayer, String onFrame, String held, String target) {
    // given
    FarmStore store = open();
    List<String> ids = store.launch(JobSpecParser.parse(twoJobs(
        FarmSpecs.depend(type, "second", layer, frame, "first", onLayer, onFrame))));
    String first = ids.get(0);
    String second = ids.get(1);
    List<String> atLaunch = states(store, second);
    List<String> targetFrames = Arrays.asList(target.split(" "));

    // when: every frame of the target but the last succeeds
    targetFrames.subList(0, targetFrames.size() - 1).forEach(name -> succeed(store, first, name));
    List<String> beforeTheLast = states(store, second);
    succeed(store, first, targetFrames.get(targetFrames.size() - 1));

    // then
    assertThat(atLaunch).isEqualTo(expected(held, false));
    assertThat(beforeTheLast).isEqualTo(expected(held, false));
    assertThat(states(store, second)).isEqualTo(expected(held, true));
  }

  @Test
  void eatenFramesCountAsDoneForAJobOnJobDependency() {
    // given
    FarmStore store = open();
    List<String> ids = store.launch(JobSpecParser.parse(twoJobs(
        FarmSpecs.depend("JOB_ON_JOB", "second", null, null, "first", null, null))));

    // when
    succeed(store, ids.get(0), "0001-render");
    store.changeJobFrames(ids.get(0), FrameQuery.ALL, FrameChange.EAT);

    // then
    assertThat(states(store, ids.get(1))).isEqualTo(expected("", true));
  }

  @Test
  void anyFrameReleasesALayerOnLayerDependencyWhenTheFirstFrameIsDone() {
    // given
    FarmStore store = open();
    String depend = FarmSpecs.depend("LAYER_ON_LAYER", "second", "comp", null, "first", "render",
        null).replace("type=", "anyframe=\"True\" type=");
    List<String> ids = store.launch(JobSpecParser.parse(twoJobs(depend)));
    List<String> atLaunch = states(store, ids.get(1));

    // when
    succeed(store, ids.get(0), "0002-render");

    // then
    assertThat(atLaunch).isEqualTo(expected("0001-comp 0002-comp", false));
    assertThat(states(store, ids.get(1))).isEqualTo(expected("", true));
  }

  @Test
  void killingAJobReleasesWhatDependsOnIt() {
    // given
    FarmStore store = open();
    List<String> ids = store.launch(JobSpecParser.parse(twoJobs(
        FarmSpecs.depend("LAYER_ON_FRAME", "second", "comp", null, "first", null, "0001-render")
            + FarmSpecs.depend("JOB_ON_JOB", "second", null, null, "first", null, null))));
    List<String> atLaunch = states(store, ids.get(1));

    // when
    store.kill(ids.get(0));

    // then
    assertThat(atLaunch).isEqualTo(expected("0001-render 0002-render 0001-comp 0002-comp", false));
    assertThat(states(store, ids.get(1))).isEqualTo(expected("", true));
  }

  @Test
  void aDependencyOnAPendingJobOfAnEarlierSpecWhoseTargetIsDoneHoldsNothing() {
    // given: the layer depended on is done before the spec depending on it arrives
    FarmStore store = open();
    String first = store.launch(JobSpecParser.parse(
        FarmSpecs.spec("first", LAYERS, ""))).get(0);
    succeed(store, first, "0001-render");
    succeed(store, first, "0002-render");

    // when
    String second = store.launch(JobSpecParser.parse(FarmSpecs.spec("second", LAYERS,
        FarmSpecs.depend("JOB_ON_LAYER", "second", null, null, "first", "render", null)
            + FarmSpecs.depend("FRAME_ON_FRAME", "second", null, "0001-comp", "first", null,
                "0001-comp")))).get(0);

    // then: only the frame whose target is not done waits
    assertThat(states(store, second)).isEqualTo(expected("0001-comp", false));
    succeed(store, first, "0001-comp");
    assertThat(states(store, second)).isEqualTo(expected("", true));
  }

  @Test
  void aJobCannotDependOnALayerOfItsOwn() {
    // given
    FarmStore store = open();
    String spec = FarmSpecs.spec("self", LAYERS,
        FarmSpecs.depend("JOB_ON_LAYER", "self", null, null, "self", "render", null));

    // when / then
    assertThatThrownBy(() -> store.launch(JobSpecParser.parse(spec)))
        .isInstanceOf(FarmException.class)
        .hasMessage("depend: job testing-sh01-jdoe_self cannot depend on layer render of job"
            + " testing-sh01-jdoe_self, which it is part of or contains");
    assertThat(store.jobs(ALL_JOBS)).isEmpty();
  }

  @Test
  void previousFrameDependenciesAreRefusedAsNeedingACuebot() {
    // given
    FarmStore store = open();
    String spec = FarmSpecs.spec("previous", LAYERS,
        FarmSpecs.depend("PREVIOUS_FRAME", "previous", "comp", null, "previous", "render", null));

    // when / then
    assertThatThrownBy(() -> store.launch(JobSpecParser.parse(spec)))
        .isInstanceOf(FarmException.class)
        .hasMessageStartingWith("depend type PREVIOUS_FRAME needs a Cuebot");
  }

  @Test
  void aLayerOnLayerDependencyStoredBeforeJobDependenciesExistedStillHoldsAndReleases()
      throws SQLException {
    // given: a database at the second migration, with a job whose comp frame waits on render
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/farm", "classpath:db/worker", "classpath:db/bridge")
        .target("2")
        .load().migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement statement = c.createStatement()) {
      statement.executeUpdate("INSERT INTO job (id, show_id, folder_id, name, shot, owner_name,"
          + " facility, os, uid, priority, max_retries, max_cores, auto_eat, paused, killed,"
          + " state, log_dir, environment, start_time, stop_time) VALUES ('j', "
          + "'00000000-0000-0000-0000-000000000000', 'A0000000-0000-0000-0000-000000000000',"
          + " 'testing-sh01-jdoe_old', 'sh01', 'jdoe', '', '', NULL, 1, 1, NULL, FALSE, FALSE,"
          + " FALSE, 'PENDING', '/tmp', '{}', 0, 0)");
      for (String layer : List.of("render", "comp")) {
        statement.executeUpdate("INSERT INTO layer (id, job_id, name, layer_type, command,"
            + " frame_range, chunk_size, cores, threadable, memory_kib, gpus, gpu_memory_kib,"
            + " timeout_minutes, timeout_llu_minutes, tags, services, limits, environment,"
            + " dispatch_order) VALUES ('" + layer + "', 'j', '" + layer + "', 'Render', 'echo',"
            + " '1', 1, 100, FALSE, 0, 0, 0, 0, 0, '[]', '[]', '[]', '{}', "
            + (layer.equals("comp") ? 1 : 0) + ")");
        statement.executeUpdate("INSERT INTO frame (id, job_id, layer_id, name, number,"
            + " chunk_end, frame_spec, state, depend_count, retry_count, exit_status,"
            + " dispatch_order, start_time, stop_time) VALUES ('" + layer + "-1', 'j', '"
            + layer + "', '0001-" + layer + "', 1, 1, '1', '"
            + (layer.equals("comp") ? "DEPEND', 1" : "WAITING', 0") + ", 0, 0, 0, 0, 0)");
      }
      statement.executeUpdate("INSERT INTO depend (id, depend_type, active, er_layer_id,"
          + " er_frame_id, on_layer_id, on_frame_id)"
          + " VALUES ('d', 'LAYER_ON_LAYER', TRUE, 'comp', NULL, 'render', NULL)");
    }

    // when: the farm migrates the database and the render frame succeeds
    FarmStore store = open();
    List<String> afterMigration = states(store, "j");
    succeed(store, "j", "0001-render");

    // then
    assertThat(afterMigration).containsExactly("0001-render WAITING", "0001-comp DEPEND");
    assertThat(states(store, "j")).containsExactly("0001-render SUCCEEDED", "0001-comp WAITING");
  }
}

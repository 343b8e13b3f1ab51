package dev.cuegate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {
  private static final List<String> DEFAULT_HIDDEN = List.of("rqd.*", "report.RqdReportInterface");
  private final MethodRegistry registry = MethodRegistry.opencue(DEFAULT_HIDDEN);

  @Test
  void exposesEveryCuebotServiceAndNoHostInterface() {
    Set<String> services =
        registry.methods().stream().map(ApiMethod::serviceName).collect(Collectors.toSet());

    assertThat(services).hasSize(25);
    assertThat(registry.methods()).hasSize(282);
    assertThat(services)
        .contains("show.ShowInterface", "job.JobInterface", "host.HostInterface")
        .doesNotContain("rqd.RqdInterface", "rqd.RunningFrame", "report.RqdReportInterface");
  }

  @Test
  void resolvesTheRealServiceName() {
    assertThat(registry.resolve("job.JobInterface", "GetJobs"))
        .hasValueSatisfying(m -> assertThat(m.fullName()).isEqualTo("job.JobInterface/GetJobs"));
  }

  @Test
  void resolvesTheDocumentedWrongPackagesToTheUniqueService() {
    assertThat(registry.resolve("frame.FrameInterface", "GetFrame"))
        .hasValueSatisfying(m -> assertThat(m.fullName()).isEqualTo("job.FrameInterface/GetFrame"));
    assertThat(registry.resolve("layer.LayerInterface", "GetLayer"))
        .hasValueSatisfying(m -> assertThat(m.serviceName()).isEqualTo("job.LayerInterface"));
    assertThat(registry.resolve("group.GroupInterface", "FindGroup"))
        .hasValueSatisfying(m -> assertThat(m.serviceName()).isEqualTo("job.GroupInterface"));
    assertThat(registry.resolve("owner.OwnerInterface", "GetOwner"))
        .hasValueSatisfying(m -> assertThat(m.serviceName()).isEqualTo("host.OwnerInterface"));
    assertThat(registry.resolve("proc.ProcInterface", "GetProcs"))
        .hasValueSatisfying(m -> assertThat(m.serviceName()).isEqualTo("host.ProcInterface"));
    assertThat(registry.resolve("deed.DeedInterface", "GetHost"))
        .hasValueSatisfying(m -> assertThat(m.serviceName()).isEqualTo("host.DeedInterface"));
  }

  @Test
  void documentedMethodsThatDoNotExistAreNotFound() {
    assertThat(registry.resolve("job.LayerInterface", "Kill")).isEmpty();
    assertThat(registry.resolve("host.OwnerInterface", "SetMaxCores")).isEmpty();
    assertThat(registry.resolve("host.ProcInterface", "GetProc")).isEmpty();
  }

  @Test
  void hiddenServicesAreNotReachableEvenByAlias() {
    assertThat(registry.resolve("rqd.RqdInterface", "LaunchFrame")).isEmpty();
    assertThat(registry.resolve("x.RqdInterface", "LaunchFrame")).isEmpty();
    assertThat(registry.resolve("report.RqdReportInterface", "ReportStatus")).isEmpty();
  }

  @Test
  void hidingNothingExposesTheWholeContract() {
    MethodRegistry all = MethodRegistry.opencue(List.of());

    assertThat(all.methods()).hasSize(304);
    assertThat(all.resolve("rqd.RqdInterface", "LaunchFrame")).isPresent();
  }

  @Test
  void unknownServicesAndMethodsAreNotFound() {
    assertThat(registry.resolve("show.ShowInterface", "Bogus")).isEmpty();
    assertThat(registry.resolve("nope.Nothing", "GetShows")).isEmpty();
    assertThat(registry.resolve("", "")).isEmpty();
  }

  @Test
  void readOnlyMethodsAreTheGettersFindersAndPredicates() {
    assertThat(registry.resolve("job.JobInterface", "GetFrames").orElseThrow().isReadOnly()).isTrue();
    assertThat(registry.resolve("show.ShowInterface", "FindShow").orElseThrow().isReadOnly()).isTrue();
    assertThat(registry.resolve("job.JobInterface", "IsJobPending").orElseThrow().isReadOnly())
        .isTrue();
    assertThat(registry.resolve("job.JobInterface", "Kill").orElseThrow().isReadOnly()).isFalse();
  }
}

package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.worker.Protocol.Worker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostTagsTest {
  private static final Worker RENDERER = new Worker("0123456789abcdef01234567", "w1", "",
      WorkerStatus.AWAKE, "linux", List.of("blender", "exec"), "", Optional.empty(), false,
      Optional.empty(), 0, 4, 8192, 0);

  @Test
  void aWorkersOwnTagsComeFirstThenTheAddedOnesWithoutRepeats() {
    assertThat(HostTags.of(RENDERER, List.of("gpu", "exec")))
        .containsExactly("general", "w1", "blender", "exec", "gpu");
  }

  @Test
  void onlyTheAllocationsTagTheNameAndTheTaskTypesAreTheWorkersOwn() {
    assertThat(HostTags.isOwn(RENDERER, "general")).isTrue();
    assertThat(HostTags.isOwn(RENDERER, "w1")).isTrue();
    assertThat(HostTags.isOwn(RENDERER, "blender")).isTrue();
    assertThat(HostTags.isOwn(RENDERER, "gpu")).isFalse();
  }

  @Test
  void aLayerWithTagsNeedsAHostWithAnyOfThemAndOneWithoutRunsAnywhere() {
    List<String> host = List.of("general", "w1", "gpu");

    assertThat(HostTags.admits(host, List.of("desktop", "gpu"))).isTrue();
    assertThat(HostTags.admits(host, List.of("desktop"))).isFalse();
    assertThat(HostTags.admits(host, List.of())).isTrue();
  }
}

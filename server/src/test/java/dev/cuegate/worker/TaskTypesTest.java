package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskTypesTest {

  @Test
  void theLayersFirstServiceIsTheTaskType() {
    TaskTypes types = new TaskTypes(Map.of());

    assertThat(types.of(List.of("Blender", "shell"), "RENDER")).isEqualTo("Blender");
  }

  @Test
  void aLayerWithoutServicesGivesItsTypeInLowerCase() {
    TaskTypes types = new TaskTypes(Map.of());

    assertThat(types.of(List.of(), "UTIL")).isEqualTo("util");
  }

  @Test
  void theMappingRenamesByLowerCaseNameAndStarCatchesTheRest() {
    TaskTypes types = new TaskTypes(Map.of("blender", "blender-render", "*", "exec"));

    assertThat(types.of(List.of("Blender"), "RENDER")).isEqualTo("blender-render");
    assertThat(types.of(List.of("maya"), "RENDER")).isEqualTo("exec");
    assertThat(types.of(List.of(), "POST")).isEqualTo("exec");
  }
}

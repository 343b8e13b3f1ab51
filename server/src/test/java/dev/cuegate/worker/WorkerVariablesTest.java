package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerVariablesTest {
  private final WorkerVariables variables = new WorkerVariables(Map.of(
      "blender", Map.of("linux", "/usr/bin/blender", "windows", "C:\\Blender\\blender.exe",
          "all", "blender"),
      "renders", Map.of("darwin", "/Volumes/renders")));

  @Test
  void aPlaceholderTakesTheValueOfTheWorkersPlatform() {
    assertThat(variables.expand("{blender} -b scene.blend", "linux"))
        .isEqualTo("/usr/bin/blender -b scene.blend");
    assertThat(variables.expand("{blender} -b scene.blend", "windows"))
        .isEqualTo("C:\\Blender\\blender.exe -b scene.blend");
  }

  @Test
  void aPlatformWithoutItsOwnValueTakesTheValueForAll() {
    assertThat(variables.expand("{blender}", "darwin")).isEqualTo("blender");
  }

  @Test
  void unknownPlaceholdersAndPlaceholdersWithoutAValueStayAsTheyAre() {
    assertThat(variables.expand("{renders}/{shot}/{blender}", "linux"))
        .isEqualTo("{renders}/{shot}//usr/bin/blender");
    assertThat(variables.expand("{renders}/out.$F", "darwin")).isEqualTo("/Volumes/renders/out.$F");
  }

  @Test
  void valuesAreInsertedLiterallyEvenWithDollarsAndBackslashes() {
    WorkerVariables odd = new WorkerVariables(Map.of("x", Map.of("all", "$1\\n")));

    assertThat(odd.expand("a{x}b", "linux")).isEqualTo("a$1\\nb");
  }
}

package dev.cuegate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @TempDir Path dir;

  @Test
  void theDefaultFollowsXdgStateHome() {
    Path path = StateDirectory.defaultPath(
        Map.of("XDG_STATE_HOME", "/srv/state", "HOME", "/home/render"));

    assertThat(path).isEqualTo(Path.of("/srv/state/cuegate/worker"));
  }

  @Test
  void withoutXdgStateHomeTheDefaultFollowsHomeNotJavasUserHome() {
    Path path = StateDirectory.defaultPath(Map.of("HOME", "/home/render", "XDG_STATE_HOME", ""));

    assertThat(path).isEqualTo(Path.of("/home/render/.local/state/cuegate/worker"));
  }

  @Test
  void withNeitherVariableTheDefaultIsUnderJavasUserHome() {
    Path path = StateDirectory.defaultPath(Map.of());

    assertThat(path).isEqualTo(
        Path.of(System.getProperty("user.home"), ".local", "state", "cuegate", "worker"));
  }

  @Test
  void aHeldDirectoryCannotBeLockedAgainUntilReleased() throws Exception {
    Path state = dir.resolve("new").resolve("worker");
    try (StateDirectory held = StateDirectory.lock(state)) {
      assertThatThrownBy(() -> StateDirectory.lock(state))
          .isInstanceOf(StateDirectory.InUse.class)
          .hasMessageContaining("--state-dir");
    }

    try (StateDirectory again = StateDirectory.lock(state)) {
      assertThat(state.resolve(StateDirectory.LOCK_FILE)).exists();
    }
  }
}

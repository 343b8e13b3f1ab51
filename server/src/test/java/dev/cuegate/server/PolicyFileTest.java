package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {

  @Test
  void aValidPolicyFileIsRead(@TempDir Path dir) throws IOException {
    Path policy = Files.writeString(
        dir.resolve("p.json"), "{\"claim\":\"scope\",\"roles\":{\"v\":[\"read-only\"]}}");

    assertThat(PolicyFile.read(policy).claim()).isEqualTo("scope");
  }

  @Test
  void aBadPolicyFileFailsStartNamingTheVariableAndTheProblem(@TempDir Path dir)
      throws IOException {
    Path policy = Files.writeString(dir.resolve("p.json"), "{\"roles\":{\"v\":[\"GetJobs\"]}}");

    assertThatThrownBy(() -> PolicyFile.read(policy))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AUTHZ_POLICY_FILE: ")
        .hasMessageContaining("roles.v[0]");
  }

  @Test
  void aMissingPolicyFileFailsStart(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicyFile.read(dir.resolve("none.json")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AUTHZ_POLICY_FILE: ");
  }
}

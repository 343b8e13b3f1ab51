package dev.cuegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTargetsTest {

  @Test
  void idsAndNamesAtTheTopAndOneObjectDownAreFound() {
    Map<String, String> targets =
        targets("{\"job\":{\"id\":\"j-1\",\"name\":\"testing-sh01-jo_comp\"},\"name\":\"x\","
            + "\"req\":{\"include_finished\":true}}");

    assertThat(targets)
        .containsExactly(
            entry("job.id", "j-1"), entry("job.name", "testing-sh01-jo_comp"), entry("name", "x"));
  }

  @Test
  void deeperObjectsAndArraysAreSkipped() {
    assertThat(targets("{\"a\":{\"b\":{\"id\":\"deep\"}},\"ids\":[{\"id\":\"in-array\"}]}"))
        .isEmpty();
  }

  @Test
  void malformedOrEmptyBodiesGiveWhatWasFoundSoFar() {
    assertThat(targets("")).isEmpty();
    assertThat(targets("[1,2]")).isEmpty();
    assertThat(targets("{\"id\":\"a\",\"name\":")).containsExactly(entry("id", "a"));
  }

  @Test
  void countAndLengthAreBounded() {
    StringBuilder json = new StringBuilder("{\"id\":\"" + "x".repeat(1000) + "\"");
    for (int i = 0; i < 100; i++) {
      json.append(",\"o").append(i).append("\":{\"id\":\"").append(i).append("\"}");
    }
    Map<String, String> targets = targets(json.append("}").toString());

    assertThat(targets).hasSize(AuditTargets.MAX_TARGETS);
    assertThat(targets.get("id")).hasSize(AuditTargets.MAX_VALUE_CHARS + 1);
  }

  @Test
  void theLineIsJsonSoCallerChosenValuesCannotForgeFields() {
    String line =
        AuditLog.format(
            new AuditLog.Entry(
                Instant.parse("2026-01-02T03:04:05Z"),
                "req-1",
                "alice",
                "10.0.0.1",
                "job.JobInterface/Kill",
                Map.of("job.name", "evil\",\"subject\":\"root\"\n"),
                200,
                0,
                "OK"));

    assertThat(line)
        .isEqualTo(
            "{\"time\":\"2026-01-02T03:04:05Z\",\"request_id\":\"req-1\",\"subject\":\"alice\","
                + "\"client\":\"10.0.0.1\",\"method\":\"job.JobInterface/Kill\","
                + "\"targets\":{\"job.name\":\"evil\\\",\\\"subject\\\":\\\"root\\\"\\n\"},"
                + "\"status\":200,\"code\":0,\"code_name\":\"OK\"}");
  }

  private static Map<String, String> targets(String json) {
    return AuditTargets.of(json.getBytes(StandardCharsets.UTF_8));
  }
}

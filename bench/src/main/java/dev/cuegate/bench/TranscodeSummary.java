package dev.cuegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.transcode.Transcoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns TranscodeBenchmark's JMH result file into one line per answer and direction: the
 * throughput ratio, the allocation ratio, and the figures behind them, MB/s derived from the size
 * of the answer's JSON.
 */
public final class TranscodeSummary {
  private static final String ALLOC = "gc.alloc.rate.norm";

  private TranscodeSummary() {}

  /** Usage: {@code TranscodeSummary <jmh-result.json>}. */
  public static void main(String[] args) throws IOException {
    JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Figures> byKey = new HashMap<>();
    for (JsonNode run : runs) {
      String method = run.get("benchmark").asText().replaceFirst(".*\\.", "");
      String answer = run.get("params").get("answer").asText();
      JsonNode alloc = run.path("secondaryMetrics").path(ALLOC).path("score");
      byKey.put(
          answer + "/" + method,
          new Figures(run.get("primaryMetric").get("score").asDouble(), alloc.asDouble(Double.NaN)));
    }
    for (Answer answer : Answer.values()) {
      long jsonBytes = jsonSize(answer);
      for (String direction : new String[] {"ToJson", "ToProto"}) {
        Figures ours = byKey.get(answer.label() + "/cuegate" + direction);
        Figures theirs = byKey.get(answer.label() + "/jsonformat" + direction);
        if (ours == null || theirs == null) {
          continue;
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "transcode %s %s: cuegate/jsonformat = %.1fx (alloc %.2fx)"
                    + " | cuegate %s, jsonformat %s, JSON %s",
                answer.label(),
                direction.equals("ToJson") ? "to-json" : "to-proto",
                ours.opsPerSecond() / theirs.opsPerSecond(),
                ours.bytesPerOp() / theirs.bytesPerOp(),
                ours.describe(jsonBytes),
                theirs.describe(jsonBytes),
                Units.bytes(jsonBytes)));
      }
    }
  }

  private static long jsonSize(Answer answer) throws IOException {
    var message = answer.message();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    Transcoder.create().codec(message.getDescriptorForType()).toJson(message.toByteArray(), json);
    return json.size();
  }

  private record Figures(double opsPerSecond, double bytesPerOp) {
    String describe(long jsonBytes) {
      return String.format(
          Locale.ROOT,
          "%s ops/s %.0f MB/s %s/op",
          Units.count(opsPerSecond),
          opsPerSecond * jsonBytes / 1e6,
          Units.bytes((long) bytesPerOp));
    }
  }
}

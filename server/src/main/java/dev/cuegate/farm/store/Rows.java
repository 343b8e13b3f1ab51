package dev.cuegate.farm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.spec.LayerType;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Result-set rows to records, one place per table. */
final class Rows {
  static final String JOB_SELECT =
      "SELECT j.*, s.name AS show_name, g.name AS folder_name,"
          + " (SELECT COUNT(*) FROM layer l WHERE l.job_id = j.id) AS layer_count,"
          + " (SELECT COUNT(*) FROM job_comment c WHERE c.job_id = j.id) AS comment_count"
          + " FROM job j JOIN show s ON s.id = j.show_id JOIN folder g ON g.id = j.folder_id";
  static final String FRAME_SELECT =
      "SELECT f.*, l.name AS layer_name, l.memory_kib, l.gpu_memory_kib, l.dispatch_order"
          + " AS layer_order FROM frame f JOIN layer l ON l.id = f.layer_id";
  static final String FRAME_ORDER = " ORDER BY f.dispatch_order, l.dispatch_order";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Rows() {}

  static JobRow job(ResultSet row, FrameCounts counts) throws SQLException {
    return new JobRow(
        row.getString("id"),
        row.getString("show_name"),
        row.getString("folder_name"),
        row.getString("name"),
        row.getString("shot"),
        row.getString("owner_name"),
        row.getString("facility"),
        row.getString("os"),
        optionalInt(row, "uid"),
        row.getInt("priority"),
        row.getInt("max_retries"),
        optionalInt(row, "max_cores"),
        row.getBoolean("auto_eat"),
        row.getBoolean("paused"),
        JobState.valueOf(row.getString("state")),
        row.getString("log_dir"),
        row.getLong("start_time"),
        row.getLong("stop_time"),
        row.getInt("comment_count") > 0,
        row.getInt("layer_count"),
        counts,
        row.getInt("min_cores"),
        row.getInt("min_gpus"),
        optionalInt(row, "max_gpus"));
  }

  static LayerRow layer(ResultSet row, FrameCounts counts) throws SQLException {
    return new LayerRow(
        row.getString("id"),
        row.getString("job_id"),
        row.getString("name"),
        LayerType.valueOf(row.getString("layer_type")),
        row.getString("command"),
        row.getString("frame_range"),
        row.getInt("chunk_size"),
        row.getInt("cores"),
        row.getBoolean("threadable"),
        row.getLong("memory_kib"),
        row.getInt("gpus"),
        row.getLong("gpu_memory_kib"),
        row.getInt("timeout_minutes"),
        row.getInt("timeout_llu_minutes"),
        split(row.getString("tags")),
        split(row.getString("services")),
        split(row.getString("limits")),
        row.getInt("dispatch_order"),
        counts,
        row.getLong("start_after"));
  }

  static FrameRow frame(ResultSet row) throws SQLException {
    return new FrameRow(
        row.getString("id"),
        row.getString("job_id"),
        row.getString("layer_id"),
        row.getString("layer_name"),
        row.getString("name"),
        row.getInt("number"),
        row.getInt("chunk_end"),
        row.getString("frame_spec"),
        FrameState.valueOf(row.getString("state")),
        row.getInt("depend_count"),
        row.getInt("retry_count"),
        row.getInt("exit_status"),
        row.getInt("dispatch_order"),
        row.getLong("start_time"),
        row.getLong("stop_time"),
        row.getLong("memory_kib"),
        row.getLong("gpu_memory_kib"));
  }

  static CommentRow comment(ResultSet row) throws SQLException {
    return new CommentRow(
        row.getString("id"),
        row.getLong("created"),
        row.getString("author"),
        row.getString("subject"),
        row.getString("message"));
  }

  /** Lists and maps are stored as JSON text, which holds any value the spec allows. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not storable as JSON: " + value, e);
    }
  }

  static List<String> split(String json) throws SQLException {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt list column: " + json, e);
    }
  }

  /** An environment column: names to values, in the order the spec gave them. */
  static Map<String, String> map(String json) throws SQLException {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt map column: " + json, e);
    }
  }

  private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }
}

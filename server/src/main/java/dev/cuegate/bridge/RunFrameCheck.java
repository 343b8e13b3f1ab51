package dev.cuegate.bridge;

import dev.cuegate.proto.rqd.RunFrame;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which fields of a {@code RunFrame} the bridge cannot do without. Cuebot always sends them; a
 * launch without one is refused, because the frame is stored under these ids (an empty layer id
 * would put frames of different jobs in one layer). Every other field may be empty: an empty
 * {@code log_dir} means no {@code .rqlog} file, an unnumbered {@code frame_name} is frame 0 of a
 * layer of that name, an empty show, shot, user, command or environment is stored as given, and
 * a {@code start_time} of 0 is replaced by the launch time in reports.
 */
final class RunFrameCheck {
  private static final List<Map.Entry<String, Function<RunFrame, String>>> REQUIRED = List.of(
      Map.entry("frame_id", RunFrame::getFrameId),
      Map.entry("job_id", RunFrame::getJobId),
      Map.entry("layer_id", RunFrame::getLayerId),
      Map.entry("frame_name", RunFrame::getFrameName));

  private RunFrameCheck() {}

  /**
   * Answers {@code frame} when it can be launched.
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming the first empty required field
   */
  static RunFrame launchable(RunFrame frame) {
    for (Map.Entry<String, Function<RunFrame, String>> field : REQUIRED) {
      if (field.getValue().apply(frame).isBlank()) {
        throw Status.INVALID_ARGUMENT.withDescription("run_frame." + field.getKey() + " is empty")
            .asRuntimeException();
      }
    }
    return frame;
  }
}

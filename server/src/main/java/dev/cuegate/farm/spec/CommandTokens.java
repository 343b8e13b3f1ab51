package dev.cuegate.farm.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces OpenCue's command tokens ({@code #IFRAME#}, {@code #ZFRAME#}, {@code #FRAMESPEC#}, …)
 * in a layer's command with the values of one frame.
 */
public final class CommandTokens {
  private static final Pattern TOKEN =
      Pattern.compile(
          "#(IFRAME|FRAME_START|FRAME_END|FRAME_CHUNK|ZFRAME|LAYER|JOB|FRAME|FRAMESPEC)#");

  private CommandTokens() {}

  /**
   * The layer's command for this frame. Tokens are replaced in one pass, so a value that happens
   * to contain a token is not replaced again; unknown {@code #WORDS#} are left as they are.
   */
  public static String apply(FrameDispatch dispatch) {
    Matcher matcher = TOKEN.matcher(dispatch.layer().command());
    return matcher.replaceAll(token -> Matcher.quoteReplacement(value(token.group(1), dispatch)));
  }

  private static String value(String token, FrameDispatch dispatch) {
    PlannedFrame frame = dispatch.frame();
    return switch (token) {
      case "IFRAME", "FRAME_START" -> String.valueOf(frame.number());
      case "FRAME_END" -> String.valueOf(frame.lastNumber());
      case "FRAME_CHUNK" -> String.valueOf(dispatch.layer().chunk());
      case "ZFRAME" -> Names.zeroPadded(frame.number());
      case "LAYER" -> dispatch.layer().name();
      case "JOB" -> dispatch.jobName();
      case "FRAME" -> frame.name();
      case "FRAMESPEC" -> frame.frameSpec();
      default -> throw new IllegalStateException("the pattern matched an unknown token " + token);
    };
  }
}

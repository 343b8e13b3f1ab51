package dev.cuegate.farm.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OpenCue's names for jobs, layers, frames and frame logs, including the way Cuebot conforms the
 * names a spec gives (lower case, dashes to underscores).
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]{3,}");
  private static final Pattern FRAME = Pattern.compile("(-?\\d+)-(.+)");

  private Names() {}

  /**
   * The full job name {@code <show>-<shot>-<user>_<name>}, lower case. As in Cuebot, a name that
   * already starts with that prefix is not prefixed twice, dashes in the name become underscores
   * and runs of underscores collapse.
   *
   * @throws IllegalArgumentException when the name is not at least 3 letters, digits, dots or
   *     underscores
   */
  public static String job(String show, String shot, String user, String name) {
    String prefix = show + "-" + shot + "-" + user;
    String suffix = name;
    if (suffix.toLowerCase(Locale.ROOT).startsWith((prefix + "_").toLowerCase(Locale.ROOT))) {
      suffix = suffix.substring(prefix.length() + 1);
    }
    suffix = suffix.toLowerCase(Locale.ROOT).replace('-', '_').replaceAll("_{2,}", "_");
    if (!NAME.matcher(suffix).matches()) {
      throw new IllegalArgumentException(
          "job name \"" + name + "\" must be at least 3 letters, digits, dots or underscores");
    }
    return (prefix + "_" + suffix.replaceAll("^_+", "")).toLowerCase(Locale.ROOT);
  }

  /**
   * A layer or shot name as Cuebot stores it: lower case, dashes as underscores.
   *
   * @throws IllegalArgumentException when the result is not at least 3 letters, digits, dots or
   *     underscores
   */
  public static String conform(String kind, String name) {
    String conformed = name.toLowerCase(Locale.ROOT).replace('-', '_');
    if (!NAME.matcher(conformed).matches()) {
      throw new IllegalArgumentException(
          kind + " name \"" + name + "\" must be at least 3 letters, digits, dots or underscores");
    }
    return conformed;
  }

  /**
   * The frame name {@code <number>-<layer>}, the number zero-padded to 4 digits as Java's {@code
   * %04d} pads it: {@code 0001-render}, {@code 12345-render}, and for negative numbers the sign
   * takes one of the four places: {@code -001-render}.
   */
  public static String frame(int number, String layer) {
    return zeroPadded(number) + "-" + layer;
  }

  /** The frame number padded to 4 places, as in frame names and the {@code #ZFRAME#} token. */
  public static String zeroPadded(int number) {
    return String.format(Locale.ROOT, "%04d", number);
  }

  /**
   * A frame name as written in a dependency ({@code 1-render}, {@code 0001-Render}) conformed to
   * the name the frame has.
   *
   * @throws IllegalArgumentException when it is not {@code <number>-<layer>}
   */
  public static String conformFrame(String name) {
    var matcher = FRAME.matcher(name);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "frame name \"" + name + "\" is not <number>-<layer name>");
    }
    int number;
    try {
      number = Integer.parseInt(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("frame name \"" + name + "\" has too large a number", e);
    }
    return frame(number, conform("layer", matcher.group(2)));
  }

  /** OpenCue's frame log directory: {@code /shots/<show>/<shot>/logs/<job name>--<job id>}. */
  public static String logDirectory(String show, String shot, String jobName, String jobId) {
    return logDirectory("/shots", show, shot, jobName, jobId);
  }

  /** The frame log directory under {@code root}: {@code <root>/<show>/<shot>/logs/<job>--<id>}. */
  public static String logDirectory(String root, String show, String shot, String jobName,
      String jobId) {
    return root + "/" + show + "/" + shot + "/logs/" + jobName + "--" + jobId;
  }

  /** Where a frame's log is written: {@code <log dir>/<job name>.<frame name>.rqlog}. */
  public static String logFile(String logDirectory, String jobName, String frameName) {
    return logDirectory + "/" + jobName + "." + frameName + ".rqlog";
  }
}

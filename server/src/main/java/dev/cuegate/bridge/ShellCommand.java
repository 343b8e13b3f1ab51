package dev.cuegate.bridge;

/**
 * Cuebot sends a shell command line (it may use {@code $CUE_*} variables, pipes, quotes), and
 * workers split a command into words without a shell: so the line is handed to {@code /bin/sh -c}
 * as one single-quoted word.
 */
final class ShellCommand {
  private ShellCommand() {}

  static String of(String commandLine) {
    return "/bin/sh -c " + quoted(commandLine);
  }

  /** Single quotes keep every character but the quote itself, which is written as '\''. */
  static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

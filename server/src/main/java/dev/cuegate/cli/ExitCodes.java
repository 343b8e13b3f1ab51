package dev.cuegate.cli;

/** Exit codes that scripts can rely on. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The command ran and failed (an API error, an unreachable gateway). */
  public static final int FAILED = 1;
  /** Bad command line or bad configuration. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}

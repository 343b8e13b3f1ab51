package dev.cuegate.farm;

import java.util.concurrent.atomic.AtomicInteger;

/** Job specs for farm tests; every job gets a fresh name so tests share a farm safely. */
public final class FarmSpecs {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private FarmSpecs() {}

  /** A job name not used by any other test of this run. */
  public static String uniqueName(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  /** {@code <layer>} with a command echoing the frame. */
  public static String layer(String name, String range, int chunk) {
    return "<layer name=\"" + name + "\" type=\"Render\"><cmd>echo #IFRAME#</cmd>"
        + "<range>" + range + "</range><chunk>" + chunk + "</chunk></layer>";
  }

  /** A spec of one job of the show {@code testing}, shot sh01, user jdoe. */
  public static String spec(String job, String layers, String depends) {
    return spec("testing", job, layers, depends);
  }

  public static String spec(String show, String job, String layers, String depends) {
    return "<?xml version=\"1.0\"?>"
        + "<!DOCTYPE spec PUBLIC \"SPI Cue Specification Language\""
        + " \"http://localhost:8080/spcue/dtd/cjsl-1.12.dtd\">"
        + "<spec><show>" + show + "</show><shot>sh01</shot><user>jdoe</user>"
        + "<job name=\"" + job + "\"><layers>" + layers + "</layers></job>"
        + (depends.isEmpty() ? "" : "<depends>" + depends + "</depends>")
        + "</spec>";
  }

  /** The full name OpenCue gives {@code job} of {@link #spec(String, String, String)}. */
  public static String fullName(String job) {
    return "testing-sh01-jdoe_" + job;
  }

  /** {@code <depend>} of {@code type} between two layers of one job. */
  public static String depend(String type, String job, String layer, String onLayer) {
    String full = fullName(job);
    return "<depend type=\"" + type + "\"><depjob>" + full + "</depjob><deplayer>" + layer
        + "</deplayer><onjob>" + full + "</onjob><onlayer>" + onLayer + "</onlayer></depend>";
  }

  /**
   * {@code <depend>} of {@code type}: the job {@code job} (its layer {@code layer} or frame
   * {@code frame}) waits on the job {@code onJob} (its layer or frame); null parts are left out.
   */
  public static String depend(String type, String job, String layer, String frame, String onJob,
      String onLayer, String onFrame) {
    return "<depend type=\"" + type + "\">" + part("depjob", fullName(job))
        + part("deplayer", layer) + part("depframe", frame) + part("onjob", fullName(onJob))
        + part("onlayer", onLayer) + part("onframe", onFrame) + "</depend>";
  }

  private static String part(String element, String value) {
    return value == null ? "" : "<" + element + ">" + value + "</" + element + ">";
  }
}

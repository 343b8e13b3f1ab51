package dev.cuegate.farm.spec;

/** Small job specs for tests, with the part under test dropped into a minimal valid frame. */
final class Specs {
  static final String LAYER =
      "<layer name=\"render\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>1-3</range>"
          + "<chunk>1</chunk></layer>";

  private Specs() {}

  /** A spec whose root holds {@code body} after show, shot and user. */
  static String withHeader(String header, String body) {
    return "<spec>" + header + body + "</spec>";
  }

  /** A spec of one job {@code comp} whose children are {@code jobBody}. */
  static String withJob(String jobBody) {
    return withHeader(header(), "<job name=\"comp\">" + jobBody + "</job>");
  }

  /** A spec of one job with one layer {@code render} whose children are {@code layerBody}. */
  static String withLayer(String layerBody) {
    return withJob(
        "<layers><layer name=\"render\" type=\"Render\">" + layerBody + "</layer></layers>");
  }

  /** A layer's cmd, range and chunk followed by {@code rest}. */
  static String layerBody(String rest) {
    return "<cmd>echo</cmd><range>1-3</range><chunk>1</chunk>" + rest;
  }

  /** A spec with a valid job and {@code depends} after it. */
  static String withDepends(String depends) {
    String job = "<job name=\"comp\"><layers>" + LAYER + "</layers></job>";
    return withHeader(header(), job + depends);
  }

  static String header() {
    return "<show>testing</show><shot>sh01</shot><user>jdoe</user>";
  }
}

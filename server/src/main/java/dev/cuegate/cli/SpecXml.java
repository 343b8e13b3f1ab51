package dev.cuegate.cli;

import java.util.List;

/** Writes the OpenCue job spec that {@code cuegate job submit} sends, from its flags. */
final class SpecXml {

  /** One {@code --layer} with its command, range and chunk size. */
  record Layer(String name, String command, String range, int chunk) {}

  private SpecXml() {}

  static String of(String show, String shot, String user, String job, List<Layer> layers) {
    StringBuilder xml = new StringBuilder()
        .append("<?xml version=\"1.0\"?>\n")
        .append("<!DOCTYPE spec PUBLIC \"SPI Cue Specification Language\"")
        .append(" \"http://localhost:8080/spcue/dtd/cjsl-1.12.dtd\">\n")
        .append("<spec>\n")
        .append("  <show>").append(escape(show)).append("</show>\n")
        .append("  <shot>").append(escape(shot)).append("</shot>\n")
        .append("  <user>").append(escape(user)).append("</user>\n")
        .append("  <job name=\"").append(escape(job)).append("\">\n")
        .append("    <layers>\n");
    for (Layer layer : layers) {
      xml.append("      <layer name=\"").append(escape(layer.name()))
          .append("\" type=\"Render\">\n")
          .append("        <cmd>").append(escape(layer.command())).append("</cmd>\n")
          .append("        <range>").append(escape(layer.range())).append("</range>\n")
          .append("        <chunk>").append(layer.chunk()).append("</chunk>\n")
          .append("      </layer>\n");
    }
    return xml.append("    </layers>\n  </job>\n</spec>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }
}

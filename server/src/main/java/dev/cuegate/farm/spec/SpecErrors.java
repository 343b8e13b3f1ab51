package dev.cuegate.farm.spec;

/** Builds the messages of {@link SpecException}: where in the spec, what, and the line. */
final class SpecErrors {
  private SpecErrors() {}

  static SpecException at(XmlElement element, String context, String problem) {
    return new SpecException(context + ": " + problem + " (" + element.location() + ")");
  }

  static SpecException at(XmlElement element, String context, String problem, Throwable cause) {
    return new SpecException(context + ": " + problem + " (" + element.location() + ")", cause);
  }
}

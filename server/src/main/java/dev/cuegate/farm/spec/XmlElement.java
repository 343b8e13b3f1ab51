package dev.cuegate.farm.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An element of a parsed spec with where it starts, small enough to walk without a DOM. */
final class XmlElement {
  private final String name;
  private final Map<String, String> attributes;
  private final int line;
  private final int column;
  private final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  XmlElement(String name, Map<String, String> attributes, int line, int column) {
    this.name = name;
    this.attributes = new LinkedHashMap<>(attributes);
    this.line = line;
    this.column = column;
  }

  String name() {
    return name;
  }

  Map<String, String> attributes() {
    return attributes;
  }

  List<XmlElement> children() {
    return children;
  }

  /** The element's own text (not its children's), untrimmed. */
  String text() {
    return text.toString();
  }

  /** Where the element is: {@code line 3, column 9} (StAX reports the end of the start tag). */
  String location() {
    return "line " + line + ", column " + column;
  }

  void add(XmlElement child) {
    children.add(child);
  }

  void append(String characters) {
    text.append(characters);
  }
}

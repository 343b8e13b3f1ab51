package dev.cuegate.farm.spec;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a spec into {@link XmlElement}s without ever loading a DTD or an entity: the DOCTYPE is
 * checked as text, an internal DTD subset (where entities would be declared) is refused, and, as
 * the reader supports no DTD, any entity reference other than the five predefined ones fails as
 * undeclared. Nothing is fetched
 * from the network or read from the file system, whatever the document says.
 */
final class SafeXml {
  /** OpenCue's spec DTDs are cjsl-1.N.dtd; the highest version the facts name is 1.15. */
  static final int MAX_DTD_VERSION = 15;

  private static final Pattern DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE\\s+(\\S+?)(?:\\s+(?:PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')|SYSTEM))?"
              + "(?:\\s+(?:\"([^\"]*)\"|'([^']*)'))?\\s*>",
          Pattern.DOTALL);
  private static final Pattern DTD_NAME = Pattern.compile("(?:.*/)?cjsl-1\\.(\\d{1,3})\\.dtd");

  private SafeXml() {}

  /** The root element of {@code xml}, with root name {@code root}. */
  static XmlElement parse(String xml, String root) {
    Optional<String> doctype = doctype(xml);
    doctype.ifPresent(declaration -> checkDoctype(declaration, root));
    XMLStreamReader reader = open(xml);
    Deque<XmlElement> open = new ArrayDeque<>();
    XmlElement top = null;
    try {
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.DTD -> {
            if (doctype.isEmpty()) {
              throw new SpecException("the DOCTYPE is not where a DOCTYPE belongs");
            }
          }
          case XMLStreamConstants.START_ELEMENT -> {
            XmlElement element = startElement(reader);
            if (open.isEmpty()) {
              top = element;
            } else {
              open.peek().add(element);
            }
            open.push(element);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) {
              open.peek().append(reader.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new SpecException(
                  "the entity &" + reader.getLocalName() + "; is not allowed ("
                      + where(reader.getLocation()) + ")");
          default -> {
            // comments, processing instructions and the document's start and end carry nothing
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new SpecException("the spec is not well-formed XML: " + reason(e), e);
    }
    if (top == null) {
      throw new SpecException("the spec has no root element");
    }
    if (!top.name().equals(root)) {
      throw new SpecException(
          "the root element is <" + top.name() + ">, not <" + root + "> (" + top.location() + ")");
    }
    return top;
  }

  private static XMLStreamReader open(String xml) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource " + systemId + " is not loaded");
        });
    try {
      return factory.createXMLStreamReader(new StringReader(xml));
    } catch (XMLStreamException e) {
      throw new SpecException("the spec is not well-formed XML: " + reason(e), e);
    }
  }

  /**
   * The DOCTYPE declaration of the prolog, read from the text itself: the JDK's StAX reader hands
   * out a garbled copy of long declarations.
   */
  private static Optional<String> doctype(String xml) {
    int at = xml.startsWith("\uFEFF") ? 1 : 0;
    while (true) {
      while (at < xml.length() && Character.isWhitespace(xml.charAt(at))) {
        at++;
      }
      if (xml.startsWith("<?", at)) {
        at = after(xml, "?>", at);
      } else if (xml.startsWith("<!--", at)) {
        at = after(xml, "-->", at);
      } else if (xml.startsWith("<!DOCTYPE", at)) {
        return Optional.of(declaration(xml, at));
      } else {
        return Optional.empty();
      }
    }
  }

  private static int after(String xml, String end, int from) {
    int at = xml.indexOf(end, from);
    return at < 0 ? xml.length() : at + end.length();
  }

  /** The declaration from {@code <!DOCTYPE} to its closing {@code >}, quotes respected. */
  private static String declaration(String xml, int start) {
    char quote = 0;
    for (int at = start; at < xml.length(); at++) {
      char c = xml.charAt(at);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        throw new SpecException(
            "the DOCTYPE has an internal subset; entity and other declarations are not accepted");
      } else if (c == '>') {
        return xml.substring(start, at + 1);
      }
    }
    throw new SpecException("the DOCTYPE is not closed");
  }

  private static void checkDoctype(String doctype, String root) {
    Matcher matcher = DOCTYPE.matcher(doctype.strip());
    if (!matcher.matches()) {
      throw new SpecException("the DOCTYPE is not understood: " + doctype);
    }
    if (!matcher.group(1).equals(root)) {
      throw new SpecException("the DOCTYPE names <" + matcher.group(1) + ">, not <" + root + ">");
    }
    String systemId = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    if (systemId == null) {
      return;
    }
    Matcher dtd = DTD_NAME.matcher(systemId);
    if (!dtd.matches() || Integer.parseInt(dtd.group(1)) > MAX_DTD_VERSION) {
      throw new SpecException(
          "the DOCTYPE names \"" + systemId + "\"; a spec names cjsl-1.N.dtd with N up to "
              + MAX_DTD_VERSION);
    }
  }

  private static XmlElement startElement(XMLStreamReader reader) {
    if (reader.getPrefix() != null && !reader.getPrefix().isEmpty()
        || reader.getNamespaceURI() != null && !reader.getNamespaceURI().isEmpty()) {
      throw new SpecException(
          "<" + reader.getName() + "> is in a namespace; spec elements are not ("
              + where(reader.getLocation()) + ")");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    Location location = reader.getLocation();
    return new XmlElement(
        reader.getLocalName(), attributes, location.getLineNumber(), location.getColumnNumber());
  }

  private static String reason(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("Message: ");
    String reason = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    Location location = e.getLocation();
    return location == null ? reason : reason + " (" + where(location) + ")";
  }

  private static String where(Location location) {
    return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }
}

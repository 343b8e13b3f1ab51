package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an element's children and attributes against what OpenCue's spec DTD allows, in code,
 * because the DTD itself is never loaded.
 */
final class ContentModel {
  private static final int UNBOUNDED = Integer.MAX_VALUE;

  /** One place in a sequence of children: a name and how often it may occur there. */
  record Slot(String name, int min, int max) {}

  private ContentModel() {}

  static Slot one(String name) {
    return new Slot(name, 1, 1);
  }

  static Slot optional(String name) {
    return new Slot(name, 0, 1);
  }

  static Slot any(String name) {
    return new Slot(name, 0, UNBOUNDED);
  }

  static Slot some(String name) {
    return new Slot(name, 1, UNBOUNDED);
  }

  /**
   * Checks that the children of {@code element} follow {@code slots} in order, each within its
   * bounds, and that the element holds no text of its own besides whitespace.
   */
  static void children(XmlElement element, String context, Slot... slots) {
    if (!element.text().isBlank()) {
      throw SpecErrors.at(element, context, "<" + element.name() + "> holds text; only elements");
    }
    List<Slot> sequence = List.of(slots);
    int slot = 0;
    int seen = 0;
    for (XmlElement child : element.children()) {
      if (!holds(sequence.subList(slot, sequence.size()), child.name())) {
        throw SpecErrors.at(child, context, unexpected(element, child, sequence));
      }
      while (!sequence.get(slot).name().equals(child.name())) {
        Slot skipped = sequence.get(slot);
        if (seen < skipped.min() && holds(element, skipped.name())) {
          throw SpecErrors.at(child, context, outOfOrder(element, child, sequence));
        }
        requireMinimum(element, context, skipped, seen);
        slot++;
        seen = 0;
      }
      seen++;
      if (seen > sequence.get(slot).max()) {
        throw SpecErrors.at(
            child, context, "<" + element.name() + "> has more than one <" + child.name() + ">");
      }
    }
    for (; slot < sequence.size(); slot++, seen = 0) {
      requireMinimum(element, context, sequence.get(slot), seen);
    }
  }

  /** Checks that {@code element} has no children and returns its text without outer whitespace. */
  static String text(XmlElement element, String context) {
    if (!element.children().isEmpty()) {
      XmlElement child = element.children().get(0);
      throw SpecErrors.at(
          child, context, "<" + element.name() + "> holds text only, not <" + child.name() + ">");
    }
    return element.text().strip();
  }

  /** Checks that every attribute is known and every required one is there. */
  static void attributes(
      XmlElement element, String context, Set<String> required, Set<String> optional) {
    for (String name : element.attributes().keySet()) {
      if (!required.contains(name) && !optional.contains(name)) {
        throw SpecErrors.at(
            element, context, "<" + element.name() + "> has no attribute \"" + name + "\"");
      }
    }
    for (String name : required) {
      if (!element.attributes().containsKey(name)) {
        throw SpecErrors.at(
            element, context, "<" + element.name() + "> needs the attribute \"" + name + "\"");
      }
    }
  }

  private static void requireMinimum(XmlElement element, String context, Slot slot, int seen) {
    if (seen < slot.min()) {
      throw SpecErrors.at(
          element, context, "<" + element.name() + "> needs <" + slot.name() + ">");
    }
  }

  private static boolean holds(List<Slot> slots, String name) {
    return slots.stream().anyMatch(slot -> slot.name().equals(name));
  }

  private static boolean holds(XmlElement element, String name) {
    return element.children().stream().anyMatch(child -> child.name().equals(name));
  }

  private static String unexpected(XmlElement parent, XmlElement child, List<Slot> sequence) {
    if (sequence.isEmpty()) {
      return "<" + parent.name() + "> holds text only, not <" + child.name() + ">";
    }
    if (holds(sequence, child.name())) {
      return outOfOrder(parent, child, sequence);
    }
    return "<" + parent.name() + "> cannot hold <" + child.name() + ">; it holds "
        + order(sequence);
  }

  private static String outOfOrder(XmlElement parent, XmlElement child, List<Slot> sequence) {
    return "<" + child.name() + "> is out of order in <" + parent.name() + ">; the order is "
        + order(sequence);
  }

  private static String order(List<Slot> sequence) {
    return sequence.stream().map(slot -> "<" + slot.name() + ">")
        .collect(Collectors.joining(", "));
  }
}

package dev.cuegate.bench;

import com.google.protobuf.Message;
import dev.cuegate.transcode.MessageCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, once before measuring, that both contenders do the same work: each side's JSON reads
 * back, through either parser, as the very message it was printed from.
 *
 * <p>The texts differ in spelling only (JsonFormat writes {@code 1.0} where §2.2 wants {@code 1},
 * and omits unset messages where §2.2 writes {@code null}); the exact §2.2 text is proven by the
 * transcoder's own property tests against the same oracle.
 */
final class Equivalence {
  private Equivalence() {}

  /** Returns CueGate's JSON for {@code message}, or throws if the two sides disagree. */
  static byte[] check(Message message, MessageCodec cuegate, JsonFormatBaseline jsonFormat)
      throws IOException {
    byte[] wire = message.toByteArray();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    cuegate.toJson(wire, ours);
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    jsonFormat.toJson(wire, theirs);

    expectSame(message, jsonFormat.parse(jsonFormat.toProto(ours.toByteArray())),
        "JsonFormat reading CueGate's JSON");
    expectSame(message, jsonFormat.parse(cuegateToProto(cuegate, ours.toByteArray())),
        "CueGate reading its own JSON");
    expectSame(message, jsonFormat.parse(cuegateToProto(cuegate, theirs.toByteArray())),
        "CueGate reading JsonFormat's JSON");
    return ours.toByteArray();
  }

  private static byte[] cuegateToProto(MessageCodec cuegate, byte[] json) {
    List<String> unknownFields = new ArrayList<>();
    byte[] wire = cuegate.toProto(new ByteArrayInputStream(json), unknownFields);
    if (!unknownFields.isEmpty()) {
      throw new IllegalStateException("unexpected unknown fields " + unknownFields);
    }
    return wire;
  }

  private static void expectSame(Message expected, Message actual, String what) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          what + " gives a different " + expected.getDescriptorForType().getFullName());
    }
  }
}

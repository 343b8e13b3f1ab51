package dev.cuegate.transcode;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * Converts messages between protobuf's binary wire form and the JSON that grpc-gateway v2 emits
 * by default (docs/ARCHITECTURE.md, "JSON mapping"), driven only by descriptors.
 *
 * <p>Implementations precompute whatever they need per message type; {@link #codec} is cheap
 * and thread-safe, so callers may look a codec up on every request.
 */
public interface Transcoder {

  /** The codec for one message type. */
  MessageCodec codec(Descriptor type);

  /** The streaming, table-driven transcoder used in production. */
  static Transcoder create() {
    return new StreamingTranscoder();
  }
}

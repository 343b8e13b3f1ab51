package dev.cuegate.transcode;

import com.google.protobuf.Descriptors.Descriptor;

/** Placeholder until the streaming implementation lands. */
final class StreamingTranscoder implements Transcoder {
  @Override
  public MessageCodec codec(Descriptor type) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

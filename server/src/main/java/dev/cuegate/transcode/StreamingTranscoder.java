package dev.cuegate.transcode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.google.protobuf.Descriptors.Descriptor;
import java.util.concurrent.ConcurrentHashMap;

/** The table-driven transcoder: Jackson's streaming parser and generator on either side. */
final class StreamingTranscoder implements Transcoder {
  private final SchemaRegistry registry = new SchemaRegistry();
  private final ConcurrentHashMap<Descriptor, MessageCodec> codecs = new ConcurrentHashMap<>();
  private final JsonFactory json =
      JsonFactory.builder()
          // Go's protojson writes \u001f, not \u001F.
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          // The caller owns the streams.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build()
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          // A failure half-way must not be disguised as a complete document.
          .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);

  @Override
  public MessageCodec codec(Descriptor type) {
    MessageCodec codec = codecs.get(type);
    return codec != null
        ? codec
        : codecs.computeIfAbsent(type, t -> new StreamingCodec(registry.message(t), json));
  }
}

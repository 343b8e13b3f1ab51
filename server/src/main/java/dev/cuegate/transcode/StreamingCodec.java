package dev.cuegate.transcode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The codec of one message type; each call gets its own reader or writer state. */
final class StreamingCodec implements MessageCodec {
  private final MessageSchema schema;
  private final JsonFactory json;

  StreamingCodec(MessageSchema schema, JsonFactory json) {
    this.schema = schema;
    this.json = json;
  }

  @Override
  public byte[] toProto(InputStream body, List<String> unknownFields) {
    try (JsonParser parser = json.createParser(body)) {
      return new JsonToWire(parser, unknownFields).read(schema);
    } catch (IOException e) {
      // Malformed JSON is reported by JsonToWire; what is left is the body stream failing.
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void toJson(byte[] proto, OutputStream out) throws IOException {
    try (JsonGenerator generator = json.createGenerator(out)) {
      new WireToJson(generator).write(schema, proto);
    }
  }
}

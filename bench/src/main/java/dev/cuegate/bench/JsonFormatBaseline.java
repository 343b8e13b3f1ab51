package dev.cuegate.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * protobuf-java's JsonFormat set as close to the mapping of docs/ARCHITECTURE.md as it goes (unpopulated fields printed,
 * compact, unknown input fields ignored), doing the gateway's two jobs from and to wire bytes.
 *
 * <p>It parses with the generated message class, which is faster than the {@code DynamicMessage} a
 * descriptor-driven gateway would need: the comparison favours the baseline.
 */
final class JsonFormatBaseline {
  private final Message prototype;
  private final JsonFormat.Printer printer =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
  private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();

  JsonFormatBaseline(Message prototype) {
    this.prototype = prototype.getDefaultInstanceForType();
  }

  void toJson(byte[] wire, OutputStream out) throws IOException {
    Message message = prototype.getParserForType().parseFrom(wire);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    printer.appendTo(message, writer);
    writer.flush();
  }

  byte[] toProto(byte[] json) throws IOException {
    Message.Builder builder = prototype.newBuilderForType();
    parser.merge(
        new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8), builder);
    return builder.build().toByteArray();
  }

  Message parse(byte[] wire) throws InvalidProtocolBufferException {
    return prototype.getParserForType().parseFrom(wire);
  }
}

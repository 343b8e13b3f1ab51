package dev.cuegate.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** JSON ⇄ protobuf wire bytes for one message type. Thread-safe. */
public interface MessageCodec {

  /**
   * Parses a JSON document (UTF-8) into the wire bytes of this message type.
   *
   * <p>An empty input means {@code {}}. Field names are accepted in lowerCamelCase and as
   * declared in the .proto; integers as numbers or strings; enums as names or numbers.
   *
   * @param unknownFields receives the JSON path of every input field the message does not have
   *     (e.g. {@code "cores"}, {@code "r.show"}); those fields are skipped, never an error here
   * @throws TranscodeException for malformed JSON or a value of the wrong type, naming the path
   */
  byte[] toProto(InputStream json, List<String> unknownFields) throws TranscodeException;

  /**
   * Writes the JSON form of a message given as wire bytes.
   *
   * <p>Writes straight to {@code out} as it goes, so a large message never exists as a whole
   * JSON text in memory.
   *
   * @throws TranscodeException when the wire bytes are not a valid encoding of this type
   */
  void toJson(byte[] proto, OutputStream out) throws IOException;
}

package dev.cuegate.upstream;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Passes messages through gRPC as the wire bytes the transcoder produced and consumes. */
public enum ByteArrayMarshaller implements Marshaller<byte[]> {
  INSTANCE;

  @Override
  public InputStream stream(byte[] value) {
    return new Bytes(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      if (stream instanceof KnownLength) {
        // grpc-java knows the message's size: one exact copy. readNBytes(int) and readAllBytes
        // would read into 8 KiB chunks first and then copy them: a large answer's size again
        // in garbage, enough to fill the young generation and promote the answer.
        byte[] message = new byte[stream.available()];
        int read = stream.readNBytes(message, 0, message.length);
        if (read != message.length) {
          throw new IOException("message ended after " + read + " of " + message.length + " bytes");
        }
        return message;
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets grpc-java size the frame up front and copy the bytes once. */
  private static final class Bytes extends ByteArrayInputStream implements KnownLength, Drainable {
    Bytes(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}

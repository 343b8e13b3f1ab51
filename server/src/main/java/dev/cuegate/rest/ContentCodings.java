package dev.cuegate.rest;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The request {@code Content-Encoding}s the server decodes: gzip, deflate (zlib-wrapped, or raw
 * as some clients send it) and br (when the Brotli library loads on this platform). Each decoder
 * is a stream over the compressed bytes that throws on corrupt input and, unlike a lenient
 * decoder, on input that ends before the compressed stream does.
 */
final class ContentCodings {
  /** The codings that need no decoding. */
  private static final String IDENTITY = "identity";

  private ContentCodings() {}

  /** What {@code Accept-Encoding} names in a 415: the codings this server decodes. */
  static String supported() {
    return Brotli4jLoader.isAvailable() ? "gzip, deflate, br" : "gzip, deflate";
  }

  /**
   * The codings of a {@code Content-Encoding} header in the order they were applied, without
   * {@code identity}; empty when the body is not encoded.
   */
  static List<String> parse(String header) {
    List<String> codings = new ArrayList<>();
    for (String part : header.split(",")) {
      String coding = part.trim().toLowerCase(Locale.ROOT);
      if (!coding.isEmpty() && !coding.equals(IDENTITY)) {
        codings.add(coding);
      }
    }
    return codings;
  }

  /** Whether this server can decode {@code coding}. */
  static boolean isSupported(String coding) {
    return switch (coding) {
      case "gzip", "x-gzip", "deflate" -> true;
      case "br" -> Brotli4jLoader.isAvailable();
      default -> false;
    };
  }

  /** A stream of the decoded bytes of {@code encoded}; {@code coding} must be supported. */
  static InputStream decoding(String coding, InputStream encoded) throws IOException {
    return switch (coding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(encoded);
      case "deflate" -> deflate(encoded);
      case "br" -> new BrotliInputStream(encoded);
      default -> throw new IllegalArgumentException("unsupported coding " + coding);
    };
  }

  /**
   * HTTP's deflate is zlib-wrapped (RFC 9110), but some clients send a raw deflate stream; the
   * first two bytes tell them apart, as a zlib header is a multiple of 31 with method 8.
   */
  private static InputStream deflate(InputStream encoded) throws IOException {
    PushbackInputStream in = new PushbackInputStream(encoded, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean zlib =
        head.length == 2
            && (head[0] & 0x0f) == 8
            && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
    return new InflaterInputStream(in, new Inflater(!zlib)) {
      @Override
      public void close() throws IOException {
        super.close();
        inf.end();
      }
    };
  }

  /** The first coding of {@code codings} that this server cannot decode, if any. */
  static Optional<String> firstUnsupported(List<String> codings) {
    return codings.stream().filter(coding -> !isSupported(coding)).findFirst();
  }
}

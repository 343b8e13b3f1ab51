package dev.cuegate.rest;

import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.netty.util.AsciiString;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * grpc-gateway's header conventions: {@code Grpc-Metadata-<key>} request headers become gRPC
 * metadata, and response metadata comes back as {@code Grpc-Metadata-<key>} headers.
 *
 * <p>Nothing else crosses, in particular never the client's {@code Authorization}: the token is
 * for the gateway, and Cuebot must not see a credential it did not ask for.
 */
final class MetadataForwarding {
  private static final String PREFIX = "grpc-metadata-";

  private MetadataForwarding() {}

  static Metadata toUpstream(RequestHeaders headers, ServiceRequestContext ctx) {
    Metadata metadata = new Metadata();
    for (Map.Entry<AsciiString, String> header : headers) {
      String name = header.getKey().toString().toLowerCase(Locale.ROOT);
      if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
        continue;
      }
      String key = name.substring(PREFIX.length());
      if (isReserved(key)) {
        continue;
      }
      try {
        if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          metadata.put(
              Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER),
              Base64.getDecoder().decode(header.getValue()));
        } else {
          metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), header.getValue());
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("header " + header.getKey() + " cannot be forwarded", e);
      }
    }
    metadata.put(
        Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER),
        ctx.clientAddress().getHostAddress());
    return metadata;
  }

  private static boolean isReserved(String key) {
    return key.equals("authorization")
        || key.startsWith("grpc-")
        || key.equals("te")
        || key.equals("content-type")
        || key.equals("user-agent")
        || key.startsWith(":");
  }

  static void toResponseHeaders(Metadata metadata, ResponseHeadersBuilder headers) {
    for (String key : metadata.keys()) {
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] value :
            metadata.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
          headers.add("Grpc-Metadata-" + key, Base64.getEncoder().encodeToString(value));
        }
      } else {
        for (String value :
            metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))) {
          headers.add("Grpc-Metadata-" + key, value);
        }
      }
    }
  }
}

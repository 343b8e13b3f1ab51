package dev.cuegate.upstream;

import io.grpc.Metadata;
import java.util.Arrays;
import java.util.Base64;
import java.util.TreeMap;

/**
 * What makes two reads the same question: the method, the request's wire bytes, the metadata the
 * client asked to forward, and the caller's authorization scope. Who asked (the client's address)
 * is not part of the question.
 */
record ReadKey(String method, String scope, String metadata, byte[] request) {
  /** Added by the gateway for every call; it names the asker, not the question. */
  private static final String FORWARDED_FOR = "x-forwarded-for";

  static ReadKey of(String method, byte[] request, Metadata headers, String scope) {
    TreeMap<String, String> forwarded = new TreeMap<>();
    for (String name : headers.keys()) {
      if (name.equals(FORWARDED_FOR)) {
        continue;
      }
      StringBuilder values = new StringBuilder();
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] value :
            headers.getAll(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER))) {
          values.append(Base64.getEncoder().encodeToString(value)).append('\n');
        }
      } else {
        for (String value :
            headers.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER))) {
          values.append(value).append('\n');
        }
      }
      forwarded.put(name, values.toString());
    }
    return new ReadKey(method, scope, forwarded.toString(), request);
  }

  /** Approximate bytes the key holds, for the cache's bound. */
  long size() {
    return request.length + metadata.length() + method.length() + scope.length();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReadKey key
        && method.equals(key.method)
        && scope.equals(key.scope)
        && metadata.equals(key.metadata)
        && Arrays.equals(request, key.request);
  }

  @Override
  public int hashCode() {
    return ((method.hashCode() * 31 + scope.hashCode()) * 31 + metadata.hashCode()) * 31
        + Arrays.hashCode(request);
  }

  @Override
  public String toString() {
    return method + " (" + request.length + " bytes, scope '" + scope + "')";
  }
}

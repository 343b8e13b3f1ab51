package dev.cuegate.upstream;

import io.grpc.Metadata;

/** A successful unary answer: the response message as wire bytes and the response headers. */
public record UpstreamReply(byte[] body, Metadata headers) {}

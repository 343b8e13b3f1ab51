/**
 * Where API calls go once they are protobuf: Cuebot over gRPC (a connection per event loop,
 * failover, TLS) or the embedded farm in-process, behind one {@link dev.cuegate.upstream.Backend}.
 */
package dev.cuegate.upstream;

/**
 * JSON to protobuf wire bytes and back, as grpc-gateway v2 maps them, driven by descriptors only:
 * the hot path of every API call.
 */
package dev.cuegate.transcode;

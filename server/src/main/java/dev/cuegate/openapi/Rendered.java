package dev.cuegate.openapi;

/** An {@link OpenApiSpec} rendered once, at start-up. */
record Rendered(byte[] json, byte[] yaml) implements OpenApiSpec {}

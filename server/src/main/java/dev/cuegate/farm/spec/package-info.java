/**
 * OpenCue job specs: safe XML parsing, validation, frame ranges, chunks, names, command tokens and
 * the frames' environment.
 */
package dev.cuegate.farm.spec;

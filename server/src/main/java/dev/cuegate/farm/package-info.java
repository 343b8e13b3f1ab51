/**
 * The embedded farm: OpenCue's job model on an embedded database, served through OpenCue's gRPC
 * services, so that clients cannot tell it from a Cuebot for the calls it supports.
 */
package dev.cuegate.farm;

/**
 * CueGate: one service that puts a render farm on HTTP. {@code Main} hands the command line to
 * {@link dev.cuegate.cli}; docs/ARCHITECTURE.md maps the packages.
 */
package dev.cuegate;

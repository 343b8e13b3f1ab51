/**
 * The {@code cuegate} command line: {@code serve}, and client commands for tokens, calls, jobs,
 * workers, the OpenAPI document and Shaman's garbage collection.
 */
package dev.cuegate.cli;

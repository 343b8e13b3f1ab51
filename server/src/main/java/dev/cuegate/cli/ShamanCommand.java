package dev.cuegate.cli;

import picocli.CommandLine.Command;

/** {@code cuegate shaman}: maintenance of the Shaman file store. */
@Command(
    name = "shaman",
    mixinStandardHelpOptions = true,
    description = "Maintain the Shaman file store (SHAMAN_* and DATA_DIR settings apply).",
    subcommands = {ShamanGcCommand.class})
final class ShamanCommand {}

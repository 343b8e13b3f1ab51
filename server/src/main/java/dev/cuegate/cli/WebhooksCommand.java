package dev.cuegate.cli;

import picocli.CommandLine.Command;

/** {@code cuegate webhooks}: checks the endpoints {@code WEBHOOKS_FILE} lists. */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = "Check the webhook endpoints that WEBHOOKS_FILE lists.",
    subcommands = {WebhooksTestCommand.class})
final class WebhooksCommand {}

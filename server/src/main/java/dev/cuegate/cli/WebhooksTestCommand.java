package dev.cuegate.cli;

import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.server.WebhooksFile;
import dev.cuegate.webhooks.Delivery;
import dev.cuegate.webhooks.WebhookEndpoint;
import dev.cuegate.webhooks.WebhookSender;
import dev.cuegate.webhooks.WebhookSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cuegate webhooks test NAME}: sends one signed test event to an endpoint, once. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Send one signed event of type " + Delivery.TEST_TYPE + " (id 0) to the endpoint NAME of",
      "WEBHOOKS_FILE, without retrying, and print the receiver's answer.",
      "Exit 0 when it answered 2xx, 1 when not, 2 when the file or the name is wrong."
    })
final class WebhooksTestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The endpoint's name in WEBHOOKS_FILE.")
  private String name;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CliEnvironment environment =
        ((CueGateCommand) spec.parent().parent().userObject()).environment();
    List<WebhookEndpoint> endpoints;
    try {
      endpoints = WebhooksFile.read(EnvConfigLoader.webhooksFile(environment.variables()));
    } catch (ConfigException e) {
      err.println("cuegate webhooks test: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<WebhookEndpoint> endpoint =
        endpoints.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
    if (endpoint.isEmpty()) {
      err.println("cuegate webhooks test: no endpoint named \"" + name + "\" in WEBHOOKS_FILE"
          + (endpoints.isEmpty() ? " (it lists none)" : "; it lists "
              + String.join(", ", endpoints.stream().map(WebhookEndpoint::name).toList())));
      return ExitCodes.USAGE;
    }
    WebhookSender sender =
        new WebhookSender(environment.clock(), WebhookSettings.defaults().timeout());
    WebhookSender.Outcome outcome =
        sender.send(endpoint.get(), Delivery.test(name, environment.clock().instant()));
    if (outcome.acknowledged()) {
      out.println(name + ": delivered to " + endpoint.get().url() + " (" + outcome + ")");
      out.flush();
      return ExitCodes.OK;
    }
    err.println(name + ": not delivered to " + endpoint.get().url() + " (" + outcome + ")");
    err.flush();
    return ExitCodes.FAILED;
  }
}

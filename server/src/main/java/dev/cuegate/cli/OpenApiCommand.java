package dev.cuegate.cli;

import dev.cuegate.config.ConfigException;
import dev.cuegate.openapi.OpenApiSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate openapi}: writes the OpenAPI description that the gateway serves. */
@Command(
    name = "openapi",
    mixinStandardHelpOptions = true,
    description = {
      "Write the OpenAPI 3.1 description of the API (what GET /openapi.json serves),",
      "for the services HIDDEN_SERVICES leaves exposed."
    })
final class OpenApiCommand implements Callable<Integer> {
  @ParentCommand private CueGateCommand parent;
  @Spec private CommandSpec spec;

  @Option(names = "--yaml", description = "Write YAML instead of JSON.")
  private boolean yaml;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout.")
  private Path output;

  @Override
  public Integer call() throws IOException {
    OpenApiSpec openApi;
    try {
      openApi =
          OpenApiSpec.generate(
              RegistryOptions.registry(parent.environment()), OpenApiSpec.buildVersion());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("cuegate openapi: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    byte[] document = yaml ? openApi.yaml() : openApi.json();
    if (output != null) {
      Files.write(output, document);
      return ExitCodes.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new String(document, StandardCharsets.UTF_8));
    out.flush();
    return ExitCodes.OK;
  }
}

package dev.cuegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cuegate job submit}: builds a job spec from flags and launches it. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Build an OpenCue job spec from flags and submit it with job.JobInterface/LaunchSpec.",
      "Prints the names of the jobs created. The token comes from --token, CUEGATE_TOKEN,",
      "or is minted from JWT_SECRET / JWT_SECRET_FILE."
    })
final class JobSubmitCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://localhost:8448",
      description = "CueGate's API (default: ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--show", required = true, description = "The show, e.g. testing")
  String show;

  @Option(names = "--shot", required = true, description = "The shot")
  String shot;

  @Option(names = "--user", description = "Who submits (default: $USER)")
  String user;

  @Option(names = "--name", required = true, description = "The job's name within the shot")
  String name;

  @Option(names = "--token", description = "A bearer token (default: $CUEGATE_TOKEN)")
  String token;

  @ArgGroup(exclusive = false, multiplicity = "1..*")
  List<LayerOptions> layers = new ArrayList<>();

  /** One repeatable {@code --layer NAME --cmd ... --range ... --chunk ...} group. */
  static final class LayerOptions {
    @Option(names = "--layer", required = true, description = "Layer name")
    String name;

    @Option(names = "--cmd", required = true,
        description = "Command; tokens such as #IFRAME# are replaced per frame")
    String command;

    @Option(names = "--range", required = true, description = "Frame range, e.g. 1-100")
    String range;

    @Option(names = "--chunk", defaultValue = "1", description = "Frames per task (default 1)")
    int chunk;
  }

  private final Map<String, String> env;
  /** Long enough for one call, short enough to be worthless if it leaks. */
  private static final Duration MINTED_LIFETIME = Duration.ofMinutes(5);

  private final Clock clock;

  JobSubmitCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  JobSubmitCommand(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String submitter = Optional.ofNullable(user).or(() -> setting("USER")).orElse("");
    if (submitter.isEmpty()) {
      err.println("cuegate job submit: give --user (USER is not set)");
      return ExitCodes.USAGE;
    }
    Optional<String> bearer;
    try {
      bearer = bearer(submitter);
    } catch (ConfigException e) {
      err.println("cuegate job submit: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (bearer.isEmpty()) {
      err.println("cuegate job submit: no token: give --token or set CUEGATE_TOKEN,"
          + " JWT_SECRET or JWT_SECRET_FILE");
      return ExitCodes.USAGE;
    }
    List<SpecXml.Layer> specLayers = layers.stream()
        .map(layer -> new SpecXml.Layer(layer.name, layer.command, layer.range, layer.chunk))
        .toList();
    String body = JSON.createObjectNode()
        .put("spec", SpecXml.of(show, shot, submitter, name, specLayers))
        .toString();
    HttpResponse<String> response;
    try {
      response = send(bearer.get(), body);
    } catch (IOException e) {
      err.println("cuegate job submit: cannot reach " + url + ": " + e.getMessage());
      return ExitCodes.FAILED;
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() != 200) {
      String message = answer.path("message").asText(response.body());
      err.println("cuegate job submit: " + response.statusCode() + ": " + message);
      return ExitCodes.FAILED;
    }
    answer.path("names").forEach(jobName -> out.println(jobName.asText()));
    out.flush();
    return ExitCodes.OK;
  }

  private HttpResponse<String> send(String bearer, String body)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(url.replaceAll("/+$", "") + "/job.JobInterface/LaunchSpec"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Optional<String> bearer(String subject) {
    Optional<String> given = Optional.ofNullable(token).or(() -> setting("CUEGATE_TOKEN"));
    if (given.isPresent()) {
      return given;
    }
    if (setting("JWT_SECRET").isEmpty() && setting("JWT_SECRET_FILE").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TokenMinter(EnvConfigLoader.secret(env), clock)
            .mint(subject, MINTED_LIFETIME, Optional.empty(), JWSAlgorithm.HS256));
  }

  private Optional<String> setting(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}

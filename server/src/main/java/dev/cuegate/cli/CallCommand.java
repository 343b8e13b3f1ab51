package dev.cuegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate call}: calls one method of a running gateway and pretty-prints the answer. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Call a method of a running gateway: cuegate call show.ShowInterface/GetShows '{}'",
      "The answer is pretty-printed on stdout (exit 0); an error answer goes to stderr (exit 1).",
      "The token is --token, else $CUEGATE_TOKEN, else one minted from JWT_SECRET/JWT_SECRET_FILE."
    })
final class CallCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand private CueGateCommand parent;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE/METHOD", description = "e.g. job.JobInterface/GetJobs")
  private String method;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "The request body (default {}).")
  private String inlineBody;

  @Option(
      names = {"-d", "--data"},
      paramLabel = "BODY",
      description = "The request body: JSON, @FILE to read a file, or - to read stdin.")
  private String data;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8448",
      description = "The gateway (default: ${DEFAULT-VALUE}).")
  private URI url;

  @Option(names = "--token", description = "The bearer token to send.")
  private String token;

  @Override
  public Integer call() throws IOException {
    String body = body();
    String bearer = ApiToken.resolve(token, parent.environment(), spec.commandLine());
    HttpRequest request =
        HttpRequest.newBuilder(target())
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      spec.commandLine().getErr().println("cuegate call: cannot connect to " + url);
      return ExitCodes.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILED;
    }
    PrintWriter err = spec.commandLine().getErr();
    answer.headers().allValues("warning").forEach(warning -> err.println("warning: " + warning));
    boolean ok = answer.statusCode() / 100 == 2;
    PrintWriter out = ok ? spec.commandLine().getOut() : err;
    out.println(pretty(answer.body()));
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private URI target() {
    String path = method.startsWith("/") ? method : "/" + method;
    if (path.indexOf('/', 1) < 0) {
      throw new ParameterException(
          spec.commandLine(), "expected SERVICE/METHOD such as show.ShowInterface/GetShows, got " + method);
    }
    String base = url.toString().replaceAll("/+$", "");
    return URI.create(base + path);
  }

  private String body() throws IOException {
    if (inlineBody != null && data != null) {
      throw new ParameterException(spec.commandLine(), "give the body either as JSON or with -d, not both");
    }
    String given = data != null ? data : inlineBody;
    if (given == null) {
      return "{}";
    }
    if (given.equals("-")) {
      return new String(parent.environment().stdin().readAllBytes(), StandardCharsets.UTF_8);
    }
    if (given.startsWith("@")) {
      Path file = Path.of(given.substring(1));
      try {
        return Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
    }
    return given;
  }

  /** Indented JSON; anything else (a proxy's HTML page, say) as it came. */
  private static String pretty(String body) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return body;
    }
  }
}

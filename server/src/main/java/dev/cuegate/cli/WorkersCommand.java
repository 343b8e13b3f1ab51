package dev.cuegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cuegate workers}: lists a CueGate's HTTP workers and asks them to change status. */
@Command(
    name = "workers",
    mixinStandardHelpOptions = true,
    description = {
      "The HTTP workers of a CueGate's embedded farm: list them, or ask one to sleep, wake up",
      "or shut down. The token is --token, else $CUEGATE_TOKEN, else one minted from",
      "JWT_SECRET/JWT_SECRET_FILE. Exit code 1 on an API error or an unknown worker."
    },
    subcommands = {
      WorkersCommand.ListWorkers.class,
      WorkersCommand.Sleep.class,
      WorkersCommand.Wake.class,
      WorkersCommand.Shutdown.class
    })
final class WorkersCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The gateway and the token, shared by the subcommands. */
  static final class Connection {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8448",
        description = "The CueGate (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", description = "The bearer token to send.")
    String token;

    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> send(String path, HttpRequest.Builder request)
        throws IOException, InterruptedException {
      CliEnvironment environment =
          ((CueGateCommand) spec.parent().parent().userObject()).environment();
      String bearer = ApiToken.resolve(token, environment, spec.commandLine());
      URI target = URI.create(url.toString().replaceAll("/+$", "") + path);
      return client.send(request.uri(target)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + bearer)
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The registered workers, or null after printing why there are none to show. */
    JsonNode workers() throws IOException, InterruptedException {
      HttpResponse<String> answer = send("/api/workers", HttpRequest.newBuilder().GET());
      if (answer.statusCode() != 200) {
        failed(answer);
        return null;
      }
      return JSON.readTree(answer.body()).path("workers");
    }

    void failed(HttpResponse<String> answer) {
      spec.commandLine().getErr().println("cuegate workers: " + url + " answered "
          + answer.statusCode() + ": " + answer.body().strip());
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  /** {@code cuegate workers list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the registered workers, one a line.")
  static final class ListWorkers implements Callable<Integer> {
    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      JsonNode workers;
      try {
        workers = connection.workers();
      } catch (ConnectException e) {
        connection.err().println("cuegate workers: cannot connect to " + connection.url);
        return ExitCodes.FAILED;
      } catch (IOException e) {
        connection.err().println("cuegate workers: " + e.getMessage());
        return ExitCodes.FAILED;
      }
      if (workers == null) {
        return ExitCodes.FAILED;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ID", "NICKNAME", "STATUS", "REQUESTED", "PLATFORM", "TASK TYPES",
          "CURRENT TASK", "LAST SEEN"});
      List<String> warnings = new ArrayList<>();
      for (JsonNode worker : workers) {
        if (worker.hasNonNull("warning")) {
          warnings.add("warning: " + worker.path("nickname").asText() + " ("
              + worker.path("_id").asText() + "): " + worker.path("warning").asText());
        }
        String requested = worker.path("status_requested").asText("");
        List<String> types = new ArrayList<>();
        worker.path("supported_task_types").forEach(type -> types.add(type.asText()));
        rows.add(new String[] {
          worker.path("_id").asText(),
          worker.path("nickname").asText(),
          worker.path("status").asText(),
          requested.isEmpty() ? "-"
              : requested + (worker.path("lazy_status_request").asBoolean() ? " (lazy)" : ""),
          worker.path("platform").asText(),
          types.isEmpty() ? "-" : String.join(",", types),
          worker.path("current_task").asText("-"),
          worker.path("last_activity").asText("-")
        });
      }
      PrintWriter out = spec.commandLine().getOut();
      print(rows, out);
      warnings.forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    }

    /** Columns as wide as their widest cell, so the table reads in a terminal. */
    private static void print(List<String[]> rows, PrintWriter out) {
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(i == row.length - 1 ? row[i]
              : String.format("%-" + widths[i] + "s  ", row[i]));
        }
        out.println(line.toString().stripTrailing());
      }
      out.flush();
    }
  }

  /** What {@code sleep}, {@code wake} and {@code shutdown} share: find the worker, ask it. */
  abstract static class Request implements Callable<Integer> {
    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKER", description = "The worker's id or nickname.")
    String worker;

    @Option(names = "--lazy",
        description = "Only once the worker's current task is done (default: at once).")
    boolean lazy;

    abstract String status();

    @Override
    public Integer call() throws InterruptedException {
      try {
        JsonNode workers = connection.workers();
        if (workers == null) {
          return ExitCodes.FAILED;
        }
        List<JsonNode> named = new ArrayList<>();
        for (JsonNode candidate : workers) {
          if (candidate.path("_id").asText().equals(worker)
              || candidate.path("nickname").asText().equals(worker)) {
            named.add(candidate);
          }
        }
        if (named.size() != 1) {
          connection.err().println("cuegate workers: " + (named.isEmpty()
              ? "no worker has the id or nickname \"" + worker + "\""
              : named.size() + " workers are called \"" + worker + "\"; give the id"));
          return ExitCodes.FAILED;
        }
        JsonNode target = named.get(0);
        String body = JSON.createObjectNode().put("status", status()).put("lazy", lazy)
            .toString();
        HttpResponse<String> answer = connection.send(
            "/api/workers/" + target.path("_id").asText() + "/status-request",
            HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() / 100 != 2) {
          connection.failed(answer);
          return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().printf("asked %s (%s) to go %s %s%n",
            target.path("nickname").asText(), target.path("_id").asText(), status(),
            lazy ? "once its task is done" : "now");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      } catch (ConnectException e) {
        connection.err().println("cuegate workers: cannot connect to " + connection.url);
        return ExitCodes.FAILED;
      } catch (IOException e) {
        connection.err().println("cuegate workers: " + e.getMessage());
        return ExitCodes.FAILED;
      }
    }
  }

  /** {@code cuegate workers sleep}. */
  @Command(name = "sleep", mixinStandardHelpOptions = true,
      description = "Ask a worker to fall asleep: it takes no tasks until woken.")
  static final class Sleep extends Request {
    @Override
    String status() {
      return "asleep";
    }
  }

  /** {@code cuegate workers wake}. */
  @Command(name = "wake", mixinStandardHelpOptions = true,
      description = "Ask a sleeping worker to wake up and take tasks again.")
  static final class Wake extends Request {
    @Override
    String status() {
      return "awake";
    }
  }

  /** {@code cuegate workers shutdown}. */
  @Command(name = "shutdown", mixinStandardHelpOptions = true,
      description = "Ask a worker to sign off and exit.")
  static final class Shutdown extends Request {
    @Override
    String status() {
      return "shutdown";
    }
  }
}

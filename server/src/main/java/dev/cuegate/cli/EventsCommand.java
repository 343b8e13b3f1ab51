package dev.cuegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate events}: the farm's live events in the terminal, one line each. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Print the farm's events as they happen (GET /events), one line each, until interrupted.",
      "Reconnects and resumes where it stopped when the connection drops."
    })
final class EventsCommand implements Callable<Integer> {
  /** Printed first on each line; the rest of the event follows as name=value. */
  private static final Set<String> LEADING = Set.of("id", "time", "type", "show", "job");

  @ParentCommand private CueGateCommand parent;
  @Spec private CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://localhost:8448",
      description = "The gateway (default: ${DEFAULT-VALUE}).")
  private URI url;

  @Option(names = "--token", description = "The bearer token to send.")
  private String token;

  @Option(names = "--show", description = "Only events of this show (comma-separated for several).")
  private String show;

  @Option(names = "--job", description = "Only events of this job (comma-separated for several).")
  private String job;

  @Option(names = "--types", description = "Only these event types, e.g. frame.dead,job.finished.")
  private String types;

  @Option(names = "--json", description = "Print each event as its JSON line.")
  private boolean json;

  @Override
  public Integer call() throws InterruptedException {
    String bearer = ApiToken.resolve(token, parent.environment(), spec.commandLine());
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("show", show);
    filters.put("job", job);
    filters.put("types", types);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      new EventStreamReader(url, filters, bearer).read(new EventStreamReader.Handler() {
        @Override
        public void opened() {
          err.println("cuegate events: following " + url + " (Ctrl-C to stop)");
          err.flush();
        }

        @Override
        public EventStreamReader.Next event(JsonNode event) {
          out.println(json ? event.toString() : line(event));
          out.flush();
          return EventStreamReader.Next.CONTINUE;
        }

        @Override
        public void gap(JsonNode gap) {
          err.println("cuegate events: " + gap.path("message").asText("events were lost"));
        }
      });
    } catch (ConnectException e) {
      err.println("cuegate events: cannot connect to " + url);
      return ExitCodes.FAILED;
    } catch (IOException e) {
      err.println("cuegate events: " + e.getMessage());
      return ExitCodes.FAILED;
    } catch (EventStreamReader.StreamRefused e) {
      err.println("cuegate events: " + e.status + ": " + e.getMessage());
      return e.status == 400 ? ExitCodes.USAGE : ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  /** {@code 2026-…Z frame.dead testing/testing-sh01-alice_comp frame=0001-render exitStatus=1}. */
  static String line(JsonNode event) {
    StringBuilder line = new StringBuilder()
        .append(event.path("time").asText()).append(' ')
        .append(event.path("type").asText());
    if (event.has("job")) {
      line.append(' ').append(event.path("show").asText()).append('/')
          .append(event.path("job").asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!LEADING.contains(field.getKey()) && !field.getKey().endsWith("Id")) {
        line.append(' ').append(field.getKey()).append('=').append(field.getValue().asText());
      }
    }
    return line.toString();
  }
}

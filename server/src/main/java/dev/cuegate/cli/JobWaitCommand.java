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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cuegate job wait NAME}: blocks until the job finishes, for pipelines. Listens to the
 * event stream rather than polling; asks the job's state once when the stream is open (so a job
 * that finished before is answered at once) and, at most once a second while frames change, for
 * the progress line.
 */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Wait until the job finishes. Exit 0: every frame succeeded (or was eaten);",
      "1: it finished with dead frames; 2: no such job or a bad command line;",
      "3: the gateway could not be asked. Progress goes to stderr."
    })
final class JobWaitCommand implements Callable<Integer> {
  /** The gateway could not be asked; distinct from 1, which is a verdict on the job. */
  static final int UNREACHABLE = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  @ParentCommand private JobCommand parent;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The job's full name.")
  private String name;

  @Option(names = "--url", defaultValue = "http://localhost:8448",
      description = "The gateway (default: ${DEFAULT-VALUE}).")
  private URI url;

  @Option(names = "--token", description = "The bearer token to send.")
  private String token;

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  /** The finished job's verdict, once known. */
  private Integer result;
  private Instant lastProgress = Instant.MIN;

  @Override
  public Integer call() throws InterruptedException {
    CliEnvironment environment = parent.environment();
    String bearer = ApiToken.resolve(token, environment, spec.commandLine());
    Clock clock = environment.clock();
    PrintWriter err = spec.commandLine().getErr();
    try {
      new EventStreamReader(url, Map.of("job", name), bearer).read(
          new EventStreamReader.Handler() {
            @Override
            public void opened() throws IOException, InterruptedException {
              JsonNode job = job(bearer);
              progress(job, err);
              lastProgress = clock.instant();
              if ("FINISHED".equals(job.path("state").asText())) {
                result = verdict(job.path("jobStats").path("deadFrames").asInt(), err);
              }
            }

            @Override
            public EventStreamReader.Next event(JsonNode event)
                throws IOException, InterruptedException {
              if (result != null) {
                return EventStreamReader.Next.STOP;
              }
              if ("job.finished".equals(event.path("type").asText())) {
                result = verdict(event.path("deadFrames").asInt(), err);
                return EventStreamReader.Next.STOP;
              }
              if (Duration.between(lastProgress, clock.instant()).compareTo(PROGRESS_INTERVAL)
                  >= 0) {
                progress(job(bearer), err);
                lastProgress = clock.instant();
              }
              return EventStreamReader.Next.CONTINUE;
            }

            @Override
            public void gap(JsonNode gap) {
              err.println("cuegate job wait: events were lost; asking for the job's state");
            }
          }, () -> result != null);
    } catch (NoSuchJob e) {
      err.println("cuegate job wait: no job named " + name);
      return ExitCodes.USAGE;
    } catch (ConnectException e) {
      err.println("cuegate job wait: cannot connect to " + url);
      return UNREACHABLE;
    } catch (IOException e) {
      err.println("cuegate job wait: " + e.getMessage());
      return UNREACHABLE;
    } catch (EventStreamReader.StreamRefused e) {
      err.println("cuegate job wait: " + e.status + ": " + e.getMessage());
      return e.status == 400 ? ExitCodes.USAGE : UNREACHABLE;
    }
    return result;
  }

  private int verdict(int deadFrames, PrintWriter err) {
    err.println(name + ": FINISHED" + (deadFrames == 0 ? "" : " with " + deadFrames
        + " dead frame" + (deadFrames == 1 ? "" : "s")));
    err.flush();
    return deadFrames == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void progress(JsonNode job, PrintWriter err) {
    JsonNode stats = job.path("jobStats");
    err.printf("%s: %d/%d frames succeeded, %d running, %d dead%n", name,
        stats.path("succeededFrames").asInt() + stats.path("eatenFrames").asInt(),
        stats.path("totalFrames").asInt(), stats.path("runningFrames").asInt(),
        stats.path("deadFrames").asInt());
    err.flush();
  }

  /** The job named {@code name}: the pending one, else the last that finished. */
  private JsonNode job(String bearer) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().set("r", JSON.createObjectNode()
        .put("include_finished", true)
        .set("jobs", JSON.createArrayNode().add(name))).toString();
    HttpResponse<String> answer = client.send(
        HttpRequest.newBuilder(URI.create(
                url.toString().replaceAll("/+$", "") + "/job.JobInterface/GetJobs"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("GetJobs answered " + answer.statusCode() + ": " + answer.body());
    }
    JsonNode found = null;
    for (JsonNode job : JSON.readTree(answer.body()).path("jobs").path("jobs")) {
      if (found == null || !"FINISHED".equals(job.path("state").asText())) {
        found = job;
      }
    }
    if (found == null) {
      throw new NoSuchJob();
    }
    return found;
  }

  /** The job does not exist, pending or finished. */
  private static final class NoSuchJob extends IOException {}
}

package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Repository;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code ```bash} block with {@code curl} in README.md and docs/*.md, as written,
 * against a real gateway and the fake Cuebot: an example that stops working fails the build.
 */
class DocsExamplesTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /** The embedded farm's guide submits jobs, which only the embedded farm accepts. */
  @RegisterExtension static final GatewayExtension farm = new GatewayExtension().embedded();

  private static final String FARM_GUIDE = "docs/EMBEDDED-FARM.md";

  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
  /** A walk-through whose blocks depend on each other; ShamanWalkthroughTest runs it whole. */
  private static final String SHAMAN_WALKTHROUGH = "SHAMAN.md";
  /**
   * Every call must answer 2xx even where an example forgets {@code -f}, and must draw no
   * unknown-field warning (a documented body with a wrong field name is a broken example).
   */
  private static final String CURL_CHECKS =
      "curl() { command curl --fail -D \"$(mktemp -p \"$DOC_HEADERS\")\" \"$@\"; }\n";

  @TempDir Path headers;

  /** One example: where it is and its script. */
  record Example(String where, String script) {
    @Override
    public String toString() {
      return where;
    }
  }

  static List<Example> examples() throws IOException {
    Path root = Repository.root();
    List<Path> documents = new ArrayList<>();
    documents.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(path -> path.getFileName().toString().endsWith(".md"))
          .filter(path -> !path.getFileName().toString().equals(SHAMAN_WALKTHROUGH))
          .sorted()
          .forEach(documents::add);
    }
    List<Example> examples = new ArrayList<>();
    for (Path document : documents) {
      String markdown = Files.readString(document);
      Matcher block = BASH_BLOCK.matcher(markdown);
      while (block.find()) {
        if (block.group(1).contains("curl ")) {
          int line = markdown.substring(0, block.start()).split("\n", -1).length;
          examples.add(new Example(root.relativize(document) + ":" + line, block.group(1)));
        }
      }
    }
    return examples;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void documentedExampleAnswers2xxWithoutWarnings(Example example) throws Exception {
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", CURL_CHECKS + example.script())
            .redirectErrorStream(true);
    GatewayExtension target = example.where().startsWith(FARM_GUIDE) ? farm : gateway;
    bash.environment().put("CUEGATE_URL", target.uri("").toString());
    bash.environment().put("TOKEN", Tokens.valid());
    bash.environment().put("DOC_HEADERS", headers.toString());

    Process process = bash.start();
    process.getOutputStream().close();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("example finished").isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(process.exitValue()).as("exit code of %s; output:%n%s", example, output).isZero();
    List<String> answers = answerHeaders();
    assertThat(answers).as("answers of %s", example).isNotEmpty();
    assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 2"));
    assertThat(answers).noneMatch(answer -> answer.toLowerCase().contains("\nwarning:"));
  }

  @Test
  void apiGuideCoversTheCommonTasks() throws IOException {
    String examples =
        examples().stream()
            .filter(example -> example.where().startsWith("docs/API.md"))
            .map(Example::script)
            .reduce("", String::concat);

    assertThat(examples)
        .contains(
            "/show.ShowInterface/GetShows",
            "/show.ShowInterface/FindShow",
            "/job.JobInterface/GetJobs",
            "/job.JobInterface/FindJob",
            "/job.JobInterface/GetLayers",
            "/job.JobInterface/GetFrames",
            "/job.JobInterface/Kill",
            "/job.JobInterface/Pause",
            "/job.JobInterface/Resume",
            "/job.JobInterface/RetryFrames",
            "/job.JobInterface/EatFrames",
            "/host.HostInterface/Lock",
            "/host.HostInterface/Unlock",
            "/job.GroupInterface/SetMinCores");
  }

  private List<String> answerHeaders() throws IOException {
    try (Stream<Path> files = Files.list(headers)) {
      List<String> answers = new ArrayList<>();
      for (Path file : files.toList()) {
        answers.add(Files.readString(file).replace("\r", ""));
      }
      return answers;
    }
  }
}

package dev.cuegate.shaman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the curl walk-through of docs/SHAMAN.md, exactly as written, against a real server. */
class ShamanWalkthroughTest {
  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dataDir;
  @TempDir Path workDir;
  private ShamanTestServer shaman;

  @BeforeEach
  void startServer() throws IOException {
    shaman = new ShamanTestServer(dataDir);
  }

  @AfterEach
  void stopServer() {
    shaman.close();
  }

  @Test
  void documentedCurlWalkthroughUploadsAJobAndCreatesItsCheckout() throws Exception {
    assumeTrue(onPath("bash") && onPath("curl"), "the walk-through needs bash and curl");
    String script = String.join("\n", bashBlocks(Files.readString(findDoc())));

    Process process = environment(new ProcessBuilder("bash", "-euo", "pipefail", "-c", script))
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("file-unknown scene.blend\n")
        .contains("file-unknown textures/wood.png\n")
        .doesNotContain("file-unknown textures/same-bytes-as-scene.blend")
        .contains("204 scene.blend\n", "204 textures/wood.png\n", "all files stored\n")
        .endsWith("01/my_job_0001\n");
    Path checkout = shaman.config.checkoutPath().resolve("01/my_job_0001");
    for (String file : List.of("scene.blend", "textures/wood.png",
        "textures/same-bytes-as-scene.blend")) {
      assertThat(Files.isSymbolicLink(checkout.resolve(file))).as(file).isTrue();
      assertThat(Files.readAllBytes(checkout.resolve(file)))
          .isEqualTo(Files.readAllBytes(workDir.resolve("job").resolve(file)));
    }
  }

  private ProcessBuilder environment(ProcessBuilder builder) {
    builder.environment().put("SHAMAN", "http://127.0.0.1:" + shaman.uri("/").getPort());
    builder.environment().put("TOKEN", ShamanTestServer.TOKEN);
    return builder;
  }

  private static List<String> bashBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BASH_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).as("bash blocks in docs/SHAMAN.md").isNotEmpty();
    return blocks;
  }

  private static Path findDoc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/SHAMAN.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new AssertionError("docs/SHAMAN.md not found above " + Path.of("").toAbsolutePath());
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

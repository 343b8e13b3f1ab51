package dev.cuegate.shaman;

import static dev.cuegate.shaman.ShamanTestServer.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckoutEndpointTest {
  private static final byte[] SCENE = "scene".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TEXTURE = "texture".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MISSING = "missing".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
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
  void requirementsListUnknownFilesOncePerPairAndSkipStoredOnes() {
    shaman.upload(SCENE);
    String definition = line(SCENE, "scene.blend") + line(MISSING, "a/one.png")
        + "\n" + line(MISSING, "b/same-content.png") + line(TEXTURE, "tex.png");

    HttpResponse<String> response = shaman.postText("/checkout/requirements", definition);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("text/plain");
    assertThat(response.body()).isEqualTo("file-unknown a/one.png\nfile-unknown tex.png\n");
  }

  @Test
  void requirementsTouchStoredBlobs() throws IOException {
    shaman.upload(SCENE);
    shaman.clock.advance(Duration.ofDays(10));

    shaman.postText("/checkout/requirements", line(SCENE, "scene.blend"));

    assertThat(Files.getLastModifiedTime(shaman.blobPath(SCENE)).toInstant())
        .isEqualTo(shaman.clock.instant());
  }

  @Test
  void requirementsAcceptGzippedDefinitions() throws IOException {
    HttpResponse<String> response = shaman.send(shaman.request("/checkout/requirements")
        .header("Content-Type", "text/plain")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(FilesEndpointTest.gzip(
            line(MISSING, "x.png").getBytes(StandardCharsets.UTF_8)))).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("file-unknown x.png\n");
  }

  @Test
  void invalidDefinitionAnswers400NamingTheLine() {
    HttpResponse<String> response = shaman.postText("/checkout/requirements",
        line(SCENE, "ok.blend") + "\n" + line(SCENE, "../escape.blend"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("ERROR invalid line 3: path must not contain \"..\"\n");
  }

  @Test
  void createMakesAbsoluteSymlinksToBlobsAndAnswersTheRelativePath() throws IOException {
    shaman.upload(SCENE);
    shaman.upload(TEXTURE);
    shaman.clock.advance(Duration.ofDays(3));

    HttpResponse<String> response = shaman.postText("/checkout/create/job_42",
        line(SCENE, "scene.blend") + line(TEXTURE, "textures/wood.png"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("42/job_42");
    Path folder = shaman.config.checkoutPath().resolve("42/job_42");
    Path link = folder.resolve("textures/wood.png");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isAbsolute().isEqualTo(shaman.blobPath(TEXTURE));
    assertThat(Files.readAllBytes(folder.resolve("scene.blend"))).isEqualTo(SCENE);
    assertThat(Files.getLastModifiedTime(shaman.blobPath(SCENE)).toInstant())
        .isEqualTo(shaman.clock.instant());
  }

  @Test
  void createOfExistingCheckoutAnswers409AndChangesNothing() throws IOException {
    shaman.upload(SCENE);
    shaman.postText("/checkout/create/shot_010", line(SCENE, "scene.blend"));

    HttpResponse<String> again = shaman.postText("/checkout/create/shot_010",
        line(SCENE, "other.blend"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(shaman.config.checkoutPath().resolve("10/shot_010/other.blend")).doesNotExist();
  }

  @Test
  void createWithUnstoredFilesAnswers400ListingThemAndCreatesNothing() {
    shaman.upload(SCENE);

    HttpResponse<String> response = shaman.postText("/checkout/create/shot_020",
        line(SCENE, "scene.blend") + line(MISSING, "a.png") + line(TEXTURE, "b.png"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("file-unknown a.png\nfile-unknown b.png\n");
    assertThat(shaman.config.checkoutPath().resolve("20/shot_020")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "a-b", "a.b", "%2e%2e", "..%2Fescape", "%C3%A9t%C3%A9"})
  void invalidCheckoutIdAnswers400(String id) {
    HttpResponse<String> response = shaman.postText("/checkout/create/" + id, "");

    assertThat(response.statusCode()).isIn(400, 404);
    assertThat(shaman.config.checkoutPath()).isEmptyDirectory();
  }

  @Test
  void duplicatePathIsRefusedBeforeAnyLinkIsMade() {
    shaman.upload(SCENE);
    shaman.upload(TEXTURE);

    HttpResponse<String> response = shaman.postText("/checkout/create/dup_01",
        line(SCENE, "a.blend") + line(TEXTURE, "a.blend"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("line 2").contains("duplicate path");
    assertThat(shaman.config.checkoutPath()).isEmptyDirectory();
  }

  @Test
  void failureHalfWayRemovesTheWholeCheckoutFolder() throws IOException {
    shaman.upload(SCENE);
    shaman.upload(TEXTURE);
    AtomicInteger links = new AtomicInteger();
    shaman.hooks.onBeforeLink = (key, link, total) -> {
      if (links.incrementAndGet() == 3) {
        throw new IOException("disk full");
      }
    };

    HttpResponse<String> response = shaman.postText("/checkout/create/roll_back",
        line(SCENE, "a/scene.blend") + line(TEXTURE, "b/tex.png") + line(SCENE, "c/copy.blend"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(links).hasValue(3);
    assertThat(shaman.config.checkoutPath().resolve("ck/roll_back")).doesNotExist();
    assertThat(shaman.blobPath(SCENE)).exists();
    assertThat(shaman.blobPath(TEXTURE)).exists();
  }

  @Test
  void checkoutCanBeCreatedAgainAfterARollback() {
    shaman.upload(SCENE);
    shaman.hooks.onBeforeLink = (key, link, total) -> {
      throw new IOException("disk full");
    };
    shaman.postText("/checkout/create/retry_me", line(SCENE, "scene.blend"));
    shaman.hooks.onBeforeLink = (key, link, total) -> {};

    HttpResponse<String> response =
        shaman.postText("/checkout/create/retry_me", line(SCENE, "scene.blend"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("me/retry_me");
  }
}

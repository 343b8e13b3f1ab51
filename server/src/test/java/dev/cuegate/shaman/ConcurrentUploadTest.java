package dev.cuegate.shaman;

import static dev.cuegate.shaman.ShamanTestServer.filesPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConcurrentUploadTest {
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

  @ParameterizedTest(name = "{0} uploads")
  @ValueSource(ints = {2, 20})
  void concurrentUploadsOfOnePairEndWithOneBlobAndOthersGet208(int uploads) throws Exception {
    byte[] content = randomBytes(200_000, uploads);
    CountDownLatch allReceiving = new CountDownLatch(uploads);
    shaman.hooks.onWritten = (key, temp, total) -> {
      if (total <= 64 * 1024) {
        allReceiving.countDown();
        awaitQuietly(allReceiving);
      }
    };

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < uploads; i++) {
      responses.add(shaman.client.sendAsync(shaman.request(filesPath(content))
          .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
    }

    assertThat(statuses).containsOnly(204, 208);
    assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
    assertThat(shaman.filesUnder("stored")).containsExactly(shaman.blobPath(content));
    assertThat(Files.readAllBytes(shaman.blobPath(content))).isEqualTo(content);
    assertThat(shaman.hooks.finished).hasSize(uploads);
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void whileOneUploadRunsOptionsAnswers420AndDeferrableUploadAnswers208() throws Exception {
    byte[] content = randomBytes(1000, 7);
    CountDownLatch receiving = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    shaman.hooks.onWritten = (key, temp, total) -> {
      receiving.countDown();
      awaitQuietly(release);
    };
    CompletableFuture<HttpResponse<String>> first = shaman.client.sendAsync(
        shaman.request(filesPath(content))
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(receiving.await(30, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> options = shaman.options(filesPath(content));
    HttpResponse<String> deferred = shaman.send(shaman.request(filesPath(content))
        .header("X-Shaman-Can-Defer-Upload", "true")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    HttpResponse<String> requirements =
        shaman.postText("/checkout/requirements", ShamanTestServer.line(content, "scene.blend"));
    release.countDown();

    assertThat(options.statusCode()).isEqualTo(420);
    assertThat(deferred.statusCode()).isEqualTo(208);
    assertThat(requirements.body()).isEqualTo("already-uploading scene.blend\n");
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    assertThat(shaman.options(filesPath(content)).statusCode()).isEqualTo(200);
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}

package dev.cuegate.shaman;

import static dev.cuegate.shaman.ShamanTestServer.filesPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFailureTest {
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
  void clientDisconnectingMidUploadLeavesNoTempFileAndNoBlob() throws Exception {
    byte[] content = ConcurrentUploadTest.randomBytes(1 << 20, 3);
    CountDownLatch receiving = new CountDownLatch(1);
    shaman.hooks.onWritten = (key, temp, total) -> receiving.countDown();

    try (Socket socket = new Socket("127.0.0.1", shaman.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + filesPath(content) + " HTTP/1.1\r\n"
          + "Host: localhost\r\n"
          + "Authorization: Bearer " + ShamanTestServer.TOKEN + "\r\n"
          + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(content, 0, 100_000);
      out.flush();
      assertThat(receiving.await(30, TimeUnit.SECONDS)).isTrue();
    }
    UploadOutcome outcome = shaman.hooks.finished.poll(30, TimeUnit.SECONDS);

    assertThat(outcome).isEqualTo(UploadOutcome.ABORTED);
    assertThat(shaman.filesUnder("uploading")).isEmpty();
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.options(filesPath(content)).statusCode()).isEqualTo(404);
  }

  @Test
  void crashBetweenHashingAndPublishingLeavesNoBlob() throws IOException {
    byte[] content = ConcurrentUploadTest.randomBytes(300_000, 4);
    AtomicBoolean blobVisibleAtCrash = new AtomicBoolean(true);
    shaman.hooks.onBeforePublish = (key, temp, total) -> {
      blobVisibleAtCrash.set(Files.exists(shaman.blobPath(content)));
      throw new IOException("simulated crash");
    };

    HttpResponse<String> crashed = shaman.upload(content);

    assertThat(crashed.statusCode()).isEqualTo(500);
    assertThat(blobVisibleAtCrash).isFalse();
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
    assertThat(shaman.options(filesPath(content)).statusCode()).isEqualTo(404);
  }

  @Test
  void unexpectedErrorBeforePublishingAlsoRemovesTheTempFile() throws IOException {
    byte[] content = ConcurrentUploadTest.randomBytes(10, 5);
    shaman.hooks.onBeforePublish = (key, temp, total) -> {
      throw new IllegalStateException("bug");
    };

    HttpResponse<String> crashed = shaman.upload(content);

    assertThat(crashed.statusCode()).isEqualTo(500);
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void uploadAfterACrashSucceeds() throws IOException {
    byte[] content = ConcurrentUploadTest.randomBytes(1000, 6);
    shaman.hooks.onBeforePublish = (key, temp, total) -> {
      throw new IOException("simulated crash");
    };
    shaman.upload(content);
    shaman.hooks.onBeforePublish = (key, temp, total) -> {};

    HttpResponse<String> retried = shaman.upload(content);

    assertThat(retried.statusCode()).isEqualTo(204);
    assertThat(Files.readAllBytes(shaman.blobPath(content))).isEqualTo(content);
  }

  @Test
  void leftoverTempFilesFromADeadProcessAreRemovedAtStart() throws IOException {
    Path leftover = shaman.storeRoot().resolve("uploading/ab/" + "c".repeat(62) + "/5-123.tmp");
    Files.createDirectories(leftover.getParent());
    Files.write(leftover, new byte[] {1, 2});
    shaman.close();

    shaman = new ShamanTestServer(dataDir);

    assertThat(shaman.filesUnder("uploading")).isEmpty();
    assertThat(shaman.storeRoot().resolve("uploading")).isEmptyDirectory();
  }
}

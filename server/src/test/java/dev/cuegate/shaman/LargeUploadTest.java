package dev.cuegate.shaman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("large")
class LargeUploadTest {
  private static final long SIZE = 300L << 20;
  private static final long CHECKPOINT = 200L << 20;
  /** Socket buffers and one chunk in flight are far below this; the whole file is not. */
  private static final long MAX_IN_FLIGHT = 64L << 20;

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
  void severalHundredMegabytesAreStreamedToDiskNotBuffered() throws Exception {
    String checksum = sha256(new GeneratedStream(SIZE, () -> {}));
    AtomicLong onDiskAtCheckpoint = new AtomicLong(-1);
    GeneratedStream body = new GeneratedStream(SIZE,
        () -> onDiskAtCheckpoint.set(bytesUnder(shaman.storeRoot().resolve("uploading"))));

    HttpResponse<String> response = shaman.send(
        shaman.request("/files/" + checksum + "/" + SIZE)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(onDiskAtCheckpoint.get())
        .as("bytes in the temporary file when the client had produced %d", CHECKPOINT)
        .isGreaterThanOrEqualTo(CHECKPOINT - MAX_IN_FLIGHT);
    Path blob = shaman.storeRoot().resolve("stored").resolve(checksum.substring(0, 2))
        .resolve(checksum.substring(2)).resolve(SIZE + ".blob");
    assertThat(Files.size(blob)).isEqualTo(SIZE);
    assertThat(sha256(Files.newInputStream(blob))).isEqualTo(checksum);
  }

  private static long bytesUnder(Path folder) {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Deterministic pseudo-random bytes of a given length, produced on demand. */
  private static final class GeneratedStream extends InputStream {
    private static final byte[] PATTERN = new byte[(1 << 20) + 7];

    static {
      new Random(42).nextBytes(PATTERN);
    }

    private final long size;
    private final Runnable atCheckpoint;
    private long position;

    GeneratedStream(long size, Runnable atCheckpoint) {
      this.size = size;
      this.atCheckpoint = atCheckpoint;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      if (position < CHECKPOINT && position + length >= CHECKPOINT) {
        atCheckpoint.run();
      }
      int from = (int) (position % PATTERN.length);
      int n = (int) Math.min(Math.min(length, PATTERN.length - from), size - position);
      System.arraycopy(PATTERN, from, buffer, offset, n);
      position += n;
      return n;
    }
  }
}

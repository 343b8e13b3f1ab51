package dev.cuegate.shaman;

import com.linecorp.armeria.common.ContentTooLargeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one request body into the store: written to a temporary file and hashed chunk by
 * chunk, verified (size first, then SHA-256), then published atomically. Runs on a blocking
 * thread; never holds more than one chunk in memory.
 */
final class Uploader {
  private static final Logger log = LoggerFactory.getLogger(Uploader.class);
  private static final int CHUNK = 64 * 1024;

  private final FileStore store;
  private final ShamanMetrics metrics;
  private final ShamanHooks hooks;

  Uploader(FileStore store, ShamanMetrics metrics, ShamanHooks hooks) {
    this.store = store;
    this.metrics = metrics;
    this.hooks = hooks;
  }

  /**
   * Consumes (or abandons) {@code body} and says how the upload ended. The body is always
   * closed, which tells the server to stop receiving a body that is no longer wanted.
   */
  UploadOutcome upload(BlobKey key, InputStream body, boolean gzipped, String originalName) {
    UploadOutcome outcome;
    try (InputStream raw = body) {
      outcome = receive(key, raw, gzipped);
    } catch (IOException e) {
      log.warn("Upload of {} ({}) failed", key, originalName, e);
      outcome = UploadOutcome.FAILED;
    }
    log.debug("Upload of {} ({}): {}", key, originalName, outcome);
    metrics.uploadEnded(key, outcome);
    hooks.finished(key, outcome);
    return outcome;
  }

  private UploadOutcome receive(BlobKey key, InputStream raw, boolean gzipped) throws IOException {
    try (FileStore.Upload upload = store.beginUpload(key)) {
      UploadOutcome copied = copyAndVerify(key, raw, gzipped, upload);
      if (copied != UploadOutcome.STORED) {
        return copied;
      }
      hooks.beforePublish(key, upload.tempFile());
      return upload.publish() ? UploadOutcome.STORED : UploadOutcome.SUPERSEDED;
    }
  }

  private UploadOutcome copyAndVerify(
      BlobKey key, InputStream raw, boolean gzipped, FileStore.Upload upload) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[CHUNK];
    long written = 0;
    try (FileChannel out = FileChannel.open(upload.tempFile(), StandardOpenOption.WRITE)) {
      InputStream in;
      try {
        in = gzipped ? new GZIPInputStream(raw, CHUNK) : raw;
      } catch (ZipException | EOFException e) {
        return UploadOutcome.BAD_BODY;
      } catch (IOException e) {
        return readFailure(e);
      }
      while (true) {
        if (upload.superseded()) {
          return UploadOutcome.SUPERSEDED;
        }
        // One byte more than the declared size is enough to know the body is too long.
        int want = (int) Math.min(buffer.length, key.size() - written + 1);
        int n;
        try {
          n = in.read(buffer, 0, want);
        } catch (ZipException | EOFException e) {
          return UploadOutcome.BAD_BODY;
        } catch (IOException e) {
          return readFailure(e);
        }
        if (n < 0) {
          break;
        }
        written += n;
        if (written > key.size()) {
          return UploadOutcome.SIZE_MISMATCH;
        }
        sha256.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        hooks.written(key, upload.tempFile(), written);
      }
      if (written != key.size()) {
        return UploadOutcome.SIZE_MISMATCH;
      }
      // The blob must be durable before the rename makes it visible.
      out.force(true);
    }
    if (!HexFormat.of().formatHex(sha256.digest()).equals(key.checksum())) {
      return UploadOutcome.CHECKSUM_MISMATCH;
    }
    return UploadOutcome.STORED;
  }

  private static UploadOutcome readFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ContentTooLargeException) {
        return UploadOutcome.TOO_LARGE;
      }
    }
    return UploadOutcome.ABORTED;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}

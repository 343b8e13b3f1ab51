package dev.cuegate.shaman;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Hooks whose behaviour each test sets; every finished upload is queued for the test to await. */
final class TestHooks implements ShamanHooks {
  /** A hook body that may throw, as a crash would. */
  interface Step {
    void run(BlobKey key, Path path, long total) throws IOException;
  }

  volatile Step onWritten = (k, p, t) -> {};
  volatile Step onBeforePublish = (k, p, t) -> {};
  volatile Step onBeforeLink = (k, p, t) -> {};
  final BlockingQueue<UploadOutcome> finished = new LinkedBlockingQueue<>();

  @Override
  public void written(BlobKey key, Path tempFile, long total) {
    try {
      onWritten.run(key, tempFile, total);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void beforePublish(BlobKey key, Path tempFile) throws IOException {
    onBeforePublish.run(key, tempFile, -1);
  }

  @Override
  public void finished(BlobKey key, UploadOutcome outcome) {
    finished.add(outcome);
  }

  @Override
  public void beforeLink(Path link) throws IOException {
    onBeforeLink.run(null, link, -1);
  }
}

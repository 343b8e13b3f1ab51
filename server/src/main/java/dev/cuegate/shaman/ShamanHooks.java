package dev.cuegate.shaman;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Points inside uploads and checkouts where tests observe progress or inject a failure (a crash
 * between hashing and publishing, a link that cannot be made). Production uses {@link #NONE}.
 */
interface ShamanHooks {
  ShamanHooks NONE = new ShamanHooks() {};

  /** After each chunk of an upload reached its temporary file. */
  default void written(BlobKey key, Path tempFile, long total) {}

  /** After an upload's content was verified, just before it is published. */
  default void beforePublish(BlobKey key, Path tempFile) throws IOException {}

  /** After an upload's temporary file is gone and its outcome is final. */
  default void finished(BlobKey key, UploadOutcome outcome) {}

  /** Before each symlink of a checkout is created. */
  default void beforeLink(Path link) throws IOException {}
}

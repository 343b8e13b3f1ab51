package dev.cuegate.shaman;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The content-addressed blob folders: {@code stored/<2 hex>/<rest>/<size>.blob} and, while an
 * upload runs, {@code uploading/<2 hex>/<rest>/<size>-<random>.tmp}.
 *
 * <p>Whether a pair is being uploaded is known from this process's own uploads, not from the
 * {@code uploading/} folder, so a temporary file left by a crash never blocks a pair forever.
 * Creating and removing a checksum's folders, publishing a blob and deleting it all happen under
 * a lock striped by checksum, so garbage collection and uploads never remove each other's
 * folders.
 */
final class FileStore {
  /** What the store knows about a pair. */
  enum Status { STORED, UPLOADING, UNKNOWN }

  private static final Pattern BLOB_NAME = Pattern.compile("([0-9]{1,19})\\.blob");
  private static final int LOCK_STRIPES = 64;

  private final Path storedRoot;
  private final Path uploadingRoot;
  private final Clock clock;
  private final Map<BlobKey, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[LOCK_STRIPES];

  private FileStore(Path root, Clock clock) {
    this.storedRoot = root.resolve("stored");
    this.uploadingRoot = root.resolve("uploading");
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Opens the store under {@code root}, creating its folders when missing. */
  static FileStore open(Path root, Clock clock) throws IOException {
    FileStore store = new FileStore(root.toAbsolutePath().normalize(), clock);
    Files.createDirectories(store.storedRoot);
    Files.createDirectories(store.uploadingRoot);
    return store;
  }

  Path storedRoot() {
    return storedRoot;
  }

  Path uploadingRoot() {
    return uploadingRoot;
  }

  /** The absolute path a stored blob has (whether or not it exists). */
  Path blobPath(BlobKey key) {
    return storedRoot.resolve(key.folder()).resolve(key.size() + ".blob");
  }

  Status status(BlobKey key) {
    if (Files.isRegularFile(blobPath(key))) {
      return Status.STORED;
    }
    return inFlight.containsKey(key) ? Status.UPLOADING : Status.UNKNOWN;
  }

  /** Marks a stored blob as used now; false when it is not stored. */
  boolean touch(BlobKey key) throws IOException {
    try {
      Files.setLastModifiedTime(blobPath(key), FileTime.from(clock.instant()));
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Registers an upload of {@code key} and creates its temporary file. */
  Upload beginUpload(BlobKey key) throws IOException {
    InFlight pair = inFlight.compute(key, (k, existing) -> {
      InFlight p = existing == null ? new InFlight() : existing;
      p.uploads++;
      return p;
    });
    try {
      Path dir = uploadingRoot.resolve(key.folder());
      Path temp;
      synchronized (lockFor(key)) {
        Files.createDirectories(dir);
        temp = Files.createTempFile(dir, key.size() + "-", ".tmp");
      }
      return new Upload(key, pair, temp);
    } catch (IOException | RuntimeException e) {
      release(key);
      throw e;
    }
  }

  /**
   * Every stored blob with its attributes. Files that do not follow the layout are skipped: the
   * store only ever deletes what it could have written.
   */
  void forEachBlob(BiConsumer<BlobKey, BasicFileAttributes> action) throws IOException {
    Files.walkFileTree(storedRoot, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          keyOf(file).ifPresent(key -> action.accept(key, attrs));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Deletes a blob unless it was used at or after {@code threshold}; the time is read again
   * here, under the lock, because a checkout may have touched it since the caller looked.
   *
   * @return the size of the deleted blob, or empty when it was kept or already gone
   */
  OptionalLong deleteIfUnusedSince(BlobKey key, Instant threshold) throws IOException {
    Path blob = blobPath(key);
    synchronized (lockFor(key)) {
      try {
        if (!Files.getLastModifiedTime(blob).toInstant().isBefore(threshold)) {
          return OptionalLong.empty();
        }
        Files.delete(blob);
      } catch (NoSuchFileException e) {
        return OptionalLong.empty();
      }
      deleteIfEmpty(blob.getParent());
    }
    return OptionalLong.of(key.size());
  }

  private Optional<BlobKey> keyOf(Path file) {
    Path relative = storedRoot.relativize(file);
    if (relative.getNameCount() != 3) {
      return Optional.empty();
    }
    var name = BLOB_NAME.matcher(relative.getName(2).toString());
    String checksum = relative.getName(0).toString() + relative.getName(1);
    if (!name.matches() || !BlobKey.isSha256(checksum)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BlobKey(checksum, BlobKey.parseSize(name.group(1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Object lockFor(BlobKey key) {
    return locks[Math.floorMod(key.checksum().hashCode(), LOCK_STRIPES)];
  }

  private void release(BlobKey key) {
    inFlight.computeIfPresent(key, (k, p) -> --p.uploads == 0 ? null : p);
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // Another size of the same checksum still lives here.
    }
  }

  /** The uploads of one pair that are running in this process. */
  private static final class InFlight {
    int uploads;
    volatile boolean stored;
  }

  /** One running upload; closing it removes its temporary file whatever happened. */
  final class Upload implements Closeable {
    private final BlobKey key;
    private final InFlight pair;
    private final Path tempFile;

    private Upload(BlobKey key, InFlight pair, Path tempFile) {
      this.key = key;
      this.pair = pair;
      this.tempFile = tempFile;
    }

    Path tempFile() {
      return tempFile;
    }

    /** True once another upload of the same pair has been published. */
    boolean superseded() {
      return pair.stored;
    }

    /**
     * Atomically moves the verified temporary file to its blob path.
     *
     * @return false when the blob already existed (the temporary file is then discarded)
     */
    boolean publish() throws IOException {
      Path blob = blobPath(key);
      synchronized (lockFor(key)) {
        if (Files.exists(blob)) {
          pair.stored = true;
          return false;
        }
        Files.createDirectories(blob.getParent());
        Files.setLastModifiedTime(tempFile, FileTime.from(clock.instant()));
        Files.move(tempFile, blob, StandardCopyOption.ATOMIC_MOVE);
        pair.stored = true;
        return true;
      }
    }

    @Override
    public void close() throws IOException {
      try {
        synchronized (lockFor(key)) {
          Files.deleteIfExists(tempFile);
          deleteIfEmpty(tempFile.getParent());
        }
      } finally {
        release(key);
      }
    }
  }
}

package dev.cuegate.shaman;

import dev.cuegate.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes stored blobs that no checkout links to and nobody used for {@code maxAge}.
 *
 * <p>A blob counts as used when its modification time is recent: uploads, requirements checks
 * and checkouts all touch it. Only {@code stored/} is ever looked at; uploads in progress are
 * never touched.
 */
public final class ShamanGarbageCollector {
  private static final Logger log = LoggerFactory.getLogger(ShamanGarbageCollector.class);

  /** What a run removed, or with {@link #dryRun} would remove. */
  public record Report(List<Path> blobs, long bytes) {
    public Report {
      blobs = List.copyOf(blobs);
    }
  }

  private final FileStore store;
  private final List<Path> checkoutRoots;
  private final Duration maxAge;
  private final Clock clock;
  private final ShamanMetrics metrics;

  ShamanGarbageCollector(
      FileStore store, List<Path> checkoutRoots, Duration maxAge, Clock clock,
      ShamanMetrics metrics) {
    this.store = store;
    this.checkoutRoots = checkoutRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.maxAge = maxAge;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A collector for the store and checkout roots that {@code config} names. */
  public static ShamanGarbageCollector create(
      GatewayConfig.Shaman config, Clock clock, MeterRegistry registry) throws IOException {
    return new ShamanGarbageCollector(FileStore.open(config.storePath(), clock),
        config.checkoutRoots(), config.gcMaxAge(), clock, new ShamanMetrics(registry));
  }

  /** Deletes every blob that is old enough and not linked from a checkout. */
  public Report collect() throws IOException {
    Instant threshold = clock.instant().minus(maxAge);
    List<Path> removed = new ArrayList<>();
    long bytes = 0;
    for (BlobKey key : candidates(threshold)) {
      OptionalLong size = store.deleteIfUnusedSince(key, threshold);
      if (size.isPresent()) {
        removed.add(store.blobPath(key));
        bytes += size.getAsLong();
      }
    }
    metrics.gcRan(removed.size(), bytes);
    log.info("Shaman garbage collection removed {} blobs, {} bytes", removed.size(), bytes);
    return new Report(removed, bytes);
  }

  /** What {@link #collect} would delete now, without deleting anything. */
  public Report dryRun() throws IOException {
    List<BlobKey> candidates = candidates(clock.instant().minus(maxAge));
    return new Report(candidates.stream().map(store::blobPath).toList(),
        candidates.stream().mapToLong(BlobKey::size).sum());
  }

  private List<BlobKey> candidates(Instant threshold) throws IOException {
    List<BlobKey> old = new ArrayList<>();
    store.forEachBlob((key, attrs) -> {
      if (attrs.lastModifiedTime().toInstant().isBefore(threshold)) {
        old.add(key);
      }
    });
    if (old.isEmpty()) {
      return old;
    }
    Set<Path> linked = linkedBlobs();
    old.removeIf(key -> linked.contains(store.blobPath(key)));
    return old;
  }

  /** The absolute targets of every symlink under the checkout roots. */
  private Set<Path> linkedBlobs() throws IOException {
    Set<Path> targets = new HashSet<>();
    for (Path root : checkoutRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isSymbolicLink()) {
            try {
              Path target = Files.readSymbolicLink(file);
              targets.add(file.getParent().resolve(target).toAbsolutePath().normalize());
            } catch (NoSuchFileException e) {
              // Removed while we walked: it protects nothing any more.
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          // Keeping a blob wrongly is cheap; deleting one a checkout needs is not.
          throw e;
        }
      });
    }
    return targets;
  }
}

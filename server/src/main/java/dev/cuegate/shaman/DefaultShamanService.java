package dev.cuegate.shaman;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.schedule.Periodic;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enabled Shaman: one store, its routes behind the token check, and the GC schedule. */
final class DefaultShamanService implements ShamanService {
  private static final Logger log = LoggerFactory.getLogger(DefaultShamanService.class);

  private final GatewayConfig.Shaman config;
  private final FilesService files;
  private final Checkouts checkouts;
  private final ShamanAuthDecorator auth;
  private final ShamanGarbageCollector gc;
  private Periodic schedule;

  private DefaultShamanService(
      GatewayConfig.Shaman config, FilesService files, Checkouts checkouts, ShamanAuthDecorator auth,
      ShamanGarbageCollector gc) {
    this.config = config;
    this.files = files;
    this.checkouts = checkouts;
    this.auth = auth;
    this.gc = gc;
  }

  static DefaultShamanService open(
      GatewayConfig.Shaman config, TokenVerifier verifier, MeterRegistry registry, Clock clock,
      ShamanHooks hooks) throws IOException {
    FileStore store = FileStore.open(config.storePath(), clock);
    removeLeftoverUploads(store.uploadingRoot());
    ShamanMetrics metrics = new ShamanMetrics(registry);
    AtomicLong blobs = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    store.forEachBlob((key, attrs) -> {
      blobs.incrementAndGet();
      bytes.addAndGet(key.size());
    });
    metrics.initialContents(blobs.get(), bytes.get());
    Uploader uploader = new Uploader(store, metrics, hooks);
    FilesService files = new FilesService(store, uploader, metrics, config.maxUploadBytes());
    Checkouts checkouts = Checkouts.open(store, config.checkoutPath(), hooks);
    for (Path root : config.extraCheckoutRoots()) {
      Files.createDirectories(root);
    }
    ShamanGarbageCollector gc = new ShamanGarbageCollector(
        store, config.checkoutRoots(), config.gcMaxAge(), clock, metrics);
    return new DefaultShamanService(
        config, files, checkouts, new ShamanAuthDecorator(verifier), gc);
  }

  ShamanGarbageCollector garbageCollector() {
    return gc;
  }

  @Override
  public void mountOn(ServerBuilder sb) {
    Function<HttpService, HttpService> authenticated = service -> service.decorate(auth);
    sb.route()
        .path("/files/{checksum}/{size}")
        .methods(HttpMethod.OPTIONS, HttpMethod.GET, HttpMethod.POST)
        // Large uploads legitimately take long; the body's own limit bounds them instead.
        .requestTimeout(Duration.ZERO)
        .maxRequestLength(uploadBodyLimit(config.maxUploadBytes()))
        .decorator(authenticated)
        .build(files);
    sb.route()
        .post("/checkout/requirements")
        .maxRequestLength(CheckoutService.MAX_DEFINITION_BYTES)
        .decorator(authenticated)
        .build(CheckoutService.requirements(checkouts));
    sb.route()
        .post("/checkout/create/{checkoutID}")
        .maxRequestLength(CheckoutService.MAX_DEFINITION_BYTES)
        .decorator(authenticated)
        .build(CheckoutService.create(checkouts));
  }

  @Override
  public synchronized void start() {
    if (schedule != null || config.gcPeriod().isZero()) {
      return;
    }
    schedule = Periodic.start("shaman-gc", config.gcPeriod(), this::collectQuietly);
  }

  @Override
  public synchronized void close() {
    if (schedule == null) {
      return;
    }
    if (!schedule.stop(Duration.ofSeconds(30))) {
      log.warn("Shaman garbage collection did not stop within 30 s");
    }
    schedule = null;
  }

  private void collectQuietly() {
    try {
      gc.collect();
    } catch (IOException e) {
      // The next run retries; a failed run must not cancel the schedule.
      log.warn("Shaman garbage collection failed", e);
    }
  }

  /**
   * The limit on the bytes received, which may be gzip-compressed: the largest allowed file plus
   * what gzip adds at worst to incompressible data.
   */
  static long uploadBodyLimit(long maxUploadBytes) {
    long overhead = maxUploadBytes / 64 + (1 << 20);
    return maxUploadBytes > Long.MAX_VALUE - overhead ? 0 : maxUploadBytes + overhead;
  }

  /** A temporary file outlives its request only if the process died; nothing can finish it. */
  private static void removeLeftoverUploads(Path uploadingRoot) throws IOException {
    Files.walkFileTree(uploadingRoot, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        log.info("Removing leftover upload {}", file);
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        if (!dir.equals(uploadingRoot)) {
          Files.delete(dir);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

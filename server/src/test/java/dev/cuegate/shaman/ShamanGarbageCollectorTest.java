package dev.cuegate.shaman;

import static dev.cuegate.shaman.ShamanTestServer.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShamanGarbageCollectorTest {
  private static final byte[] LINKED = "linked".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RECENT = "recent".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STALE = "stale".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EXTRA = "extra".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ShamanTestServer shaman;
  private Path extraRoot;

  @BeforeEach
  void startServer() throws IOException {
    extraRoot = dataDir.resolve("old-checkouts");
    shaman = new ShamanTestServer(dataDir.resolve("data"),
        Map.of("SHAMAN_EXTRA_CHECKOUT_ROOTS", extraRoot.toString()));
    for (byte[] content : new byte[][] {LINKED, RECENT, STALE, EXTRA}) {
      shaman.upload(content);
    }
    shaman.postText("/checkout/create/job_1", line(LINKED, "scene.blend"));
    Files.createSymbolicLink(extraRoot.resolve("extra.png"), shaman.blobPath(EXTRA));
  }

  @AfterEach
  void stopServer() {
    shaman.close();
  }

  @Test
  void keepsLinkedAndRecentlyTouchedBlobsAndRemovesTheRest() throws IOException {
    shaman.clock.advance(Duration.ofDays(30));
    shaman.postText("/checkout/requirements", line(RECENT, "r.png"));
    shaman.clock.advance(Duration.ofDays(2));

    ShamanGarbageCollector.Report report = shaman.service.garbageCollector().collect();

    assertThat(report.blobs()).containsExactly(shaman.blobPath(STALE));
    assertThat(report.bytes()).isEqualTo(STALE.length);
    assertThat(shaman.blobPath(STALE)).doesNotExist();
    assertThat(shaman.blobPath(STALE).getParent()).doesNotExist();
    assertThat(shaman.blobPath(LINKED)).exists();
    assertThat(shaman.blobPath(RECENT)).exists();
    assertThat(shaman.blobPath(EXTRA)).exists();
    assertThat(shaman.registry.get("shaman.gc.runs").counter().count()).isEqualTo(1.0);
    assertThat(shaman.registry.get("shaman.gc.removed.blobs").counter().count()).isEqualTo(1.0);
    assertThat(shaman.registry.get("shaman.blobs").gauge().value()).isEqualTo(3.0);
  }

  @Test
  void nothingIsRemovedBeforeMaxAge() throws IOException {
    shaman.clock.advance(Duration.ofDays(31).minusSeconds(1));

    ShamanGarbageCollector.Report report = shaman.service.garbageCollector().collect();

    assertThat(report.blobs()).isEmpty();
    assertThat(shaman.blobPath(STALE)).exists();
  }

  @Test
  void dryRunReportsWithoutDeleting() throws IOException {
    shaman.clock.advance(Duration.ofDays(32));

    ShamanGarbageCollector.Report report = shaman.service.garbageCollector().dryRun();

    assertThat(report.blobs()).containsExactlyInAnyOrder(
        shaman.blobPath(STALE), shaman.blobPath(RECENT));
    assertThat(shaman.blobPath(STALE)).exists();
    assertThat(shaman.blobPath(RECENT)).exists();
    assertThat(shaman.registry.get("shaman.gc.runs").counter().count()).isZero();
  }

  @Test
  void blobTouchedAfterSelectionIsKeptBecauseTimeIsCheckedAgain() throws IOException {
    FileStore store = FileStore.open(shaman.config.storePath(), shaman.clock);
    BlobKey key = new BlobKey(ShamanTestServer.sha256(STALE), STALE.length);
    shaman.clock.advance(Duration.ofDays(32));
    store.touch(key);

    assertThat(store.deleteIfUnusedSince(key, shaman.clock.instant().minus(Duration.ofDays(31))))
        .isEmpty();
    assertThat(shaman.blobPath(STALE)).exists();
  }

  @Test
  void uploadsInProgressAreNeverTouched() throws IOException {
    Path temp = shaman.storeRoot().resolve("uploading/ab/" + "c".repeat(62) + "/5-1.tmp");
    Files.createDirectories(temp.getParent());
    Files.write(temp, new byte[5]);
    Files.setLastModifiedTime(temp, FileTime.from(shaman.clock.instant()));
    shaman.clock.advance(Duration.ofDays(365));

    shaman.service.garbageCollector().collect();

    assertThat(temp).exists();
  }

  @Test
  void relativeSymlinksAlsoProtectTheirBlob() throws IOException {
    Path link = extraRoot.resolve("relative.blend");
    Files.createSymbolicLink(link, link.getParent().relativize(shaman.blobPath(STALE)));
    shaman.clock.advance(Duration.ofDays(32));

    shaman.service.garbageCollector().collect();

    assertThat(shaman.blobPath(STALE)).exists();
  }
}

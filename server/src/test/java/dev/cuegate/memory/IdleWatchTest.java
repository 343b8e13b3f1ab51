package dev.cuegate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleWatchTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void releasesOnceAfterWorkThenQuiet() {
    IdleWatch watch = new IdleWatch(3, MIB);
    assertThat(watch.tick(10, 50 * MIB)).isFalse();
    assertThat(watch.tick(14, 40 * MIB)).as("collections: work").isFalse();
    assertThat(watch.tick(14, 40 * MIB)).isFalse();
    assertThat(watch.tick(14, 40 * MIB)).isFalse();
    assertThat(watch.tick(14, 40 * MIB)).as("third quiet tick").isTrue();
    assertThat(watch.tick(14, 40 * MIB)).as("nothing new to give back").isFalse();
    assertThat(watch.tick(14, 40 * MIB)).isFalse();
    assertThat(watch.tick(14, 40 * MIB)).isFalse();
  }

  @Test
  void heapGrowthWithoutCollectionIsWork() {
    IdleWatch watch = new IdleWatch(2, MIB);
    watch.tick(5, 10 * MIB);
    assertThat(watch.tick(5, 20 * MIB)).isFalse();
    assertThat(watch.tick(5, 20 * MIB)).isFalse();
    assertThat(watch.tick(5, 20 * MIB + 1000)).as("a few bytes: still quiet").isTrue();
  }

  @Test
  void workDuringTheQuietCountStartsItAgain() {
    IdleWatch watch = new IdleWatch(3, MIB);
    watch.tick(1, 0);
    watch.tick(2, 0);
    watch.tick(2, 0);
    watch.tick(2, 0);
    assertThat(watch.tick(3, 0)).as("a collection just before the third quiet tick").isFalse();
    assertThat(watch.tick(3, 0)).isFalse();
    assertThat(watch.tick(3, 0)).isFalse();
    assertThat(watch.tick(3, 0)).isTrue();
  }

  @Test
  void theReleaseItselfIsNotWork() {
    IdleWatch watch = new IdleWatch(1, MIB);
    watch.tick(1, 100 * MIB);
    watch.tick(2, 100 * MIB);
    assertThat(watch.tick(2, 100 * MIB)).isTrue();
    watch.rebase(3, 20 * MIB);
    assertThat(watch.tick(3, 20 * MIB)).as("own full collection, freed heap").isFalse();
    assertThat(watch.tick(3, 20 * MIB)).isFalse();
  }

  @Test
  void aProcessThatNeverWorkedIsNeverReleased() {
    IdleWatch watch = new IdleWatch(1, MIB);
    for (int i = 0; i < 10; i++) {
      assertThat(watch.tick(7, 30 * MIB)).isFalse();
    }
  }
}

package dev.cuegate.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link FakeCuebot} for JUnit 5 tests via {@code @RegisterExtension}.
 *
 * <p>In a static field the fake starts once per class and is {@link FakeCuebot#reset() reset}
 * before each test (fast); in an instance field every test gets a fresh fake.
 */
public final class FakeCuebotExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private FakeCuebot fake;
  private boolean perClass;

  /** The running fake; valid inside tests and their lifecycle methods. */
  public FakeCuebot fake() {
    if (fake == null) {
      throw new IllegalStateException("the fake Cuebot runs only while a test runs");
    }
    return fake;
  }

  /** Shortcut for {@code fake().target()}. */
  public String target() {
    return fake().target();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    fake = FakeCuebot.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      fake.reset();
      if (!fake.isRunning()) {
        fake.restart();
      }
    } else {
      fake = FakeCuebot.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      closeFake();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeFake();
  }

  private void closeFake() {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }
}

package dev.cuegate.shaman;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckoutPathProperties {
  private static final Path CHECKOUT = Path.of("/srv/checkout/ab/job_ab");
  private static final String[] TRICKY_NAMES = {
    "..", ".", "", "a", "b.txt", "...", "~", "a..b", "\u0000", "\\", "C:"
  };
  private static final String NAME_CHARS = "ab./\\\u0000 ";

  @Test
  void everyAcceptedPathStaysStrictlyInsideTheCheckoutFolder() {
    forAll(
        5000,
        random -> {
          String path = path(random);
          if (CheckoutDefinition.pathProblem(path) == null) {
            Path resolved = CHECKOUT.resolve(path).normalize();

            assertThat(resolved.startsWith(CHECKOUT)).as(path).isTrue();
            assertThat(resolved).as(path).isNotEqualTo(CHECKOUT);
            assertThat(CHECKOUT.relativize(resolved).toString()).isEqualTo(path);
          }
        });
  }

  /** 1–6 names joined by slashes, sometimes with a leading or trailing slash. */
  private static String path(Random random) {
    List<String> parts = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      parts.add(random.nextBoolean() ? TRICKY_NAMES[random.nextInt(TRICKY_NAMES.length)] : name(random));
    }
    String path = String.join("/", parts);
    switch (random.nextInt(3)) {
      case 0:
        return "/" + path;
      case 1:
        return path + "/";
      default:
        return path;
    }
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder();
    int length = 1 + random.nextInt(4);
    for (int i = 0; i < length; i++) {
      name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return name.toString();
  }
}

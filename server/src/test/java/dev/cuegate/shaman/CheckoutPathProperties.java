package dev.cuegate.shaman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CheckoutPathProperties {
  private static final Path CHECKOUT = Path.of("/srv/checkout/ab/job_ab");

  @Property(tries = 2000)
  void everyAcceptedPathStaysStrictlyInsideTheCheckoutFolder(@ForAll("paths") String path) {
    if (CheckoutDefinition.pathProblem(path) == null) {
      Path resolved = CHECKOUT.resolve(path).normalize();

      assertThat(resolved.startsWith(CHECKOUT)).isTrue();
      assertThat(resolved).isNotEqualTo(CHECKOUT);
      assertThat(CHECKOUT.relativize(resolved).toString()).isEqualTo(path);
    }
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> names = Arbitraries.oneOf(
        Arbitraries.of("..", ".", "", "a", "b.txt", "...", "~", "a..b", "\u0000", "\\", "C:"),
        Arbitraries.strings().withChars("ab./\\\u0000 ").ofMinLength(1).ofMaxLength(4));
    return names.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("/", parts))
        .flatMap(p -> Arbitraries.of(p, "/" + p, p + "/"));
  }
}

package dev.cuegate.shaman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckoutDefinitionTest {
  private static final String SUM = "a".repeat(64);

  @Test
  void linesBecomeEntriesWithTheirLineNumbersAndKeys() throws Exception {
    CheckoutDefinition definition = CheckoutDefinition.parse(
        SUM + " 12 scene.blend\n\n" + SUM + " 3 textures/wood grain.png\r\n");

    assertThat(definition.entries()).extracting(CheckoutDefinition.Entry::line)
        .containsExactly(1, 3);
    assertThat(definition.entries()).extracting(CheckoutDefinition.Entry::path)
        .containsExactly("scene.blend", "textures/wood grain.png");
    assertThat(definition.entries().get(0).key()).contains(new BlobKey(SUM, 12));
  }

  @Test
  void alphanumericChecksumThatIsNoSha256IsAcceptedWithoutKey() throws Exception {
    CheckoutDefinition definition = CheckoutDefinition.parse("ABCDEF0123456789 5 x.txt\n");

    assertThat(definition.entries().get(0).key()).isEmpty();
  }

  @Test
  void blankLinesAreCountedInLineNumbers() {
    assertThatThrownBy(() -> CheckoutDefinition.parse("\n\n   \n" + SUM + " x a.txt"))
        .hasMessage("ERROR invalid line 4: size must be a non-negative integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../etc/passwd", "a/../b", "a/..", "..", "/etc/passwd", "./x", "a/./b", "a//b", "a/",
      "x\u0000y", "C:\\x", "a\\..\\b", ".", "tab\tname"})
  void unsafePathsAreRefusedWithTheLineNumber(String path) {
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " 1 ok.txt\n" + SUM + " 1 " + path))
        .isInstanceOf(CheckoutDefinition.InvalidLineException.class)
        .hasMessageStartingWith("ERROR invalid line 2: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "short", "0123456789abcde", "a-b-c-d-e-f-g-h-i", "../../../../etc"})
  void checksumsThatAreNotAlphanumericOf16OrMoreAreRefused(String checksum) {
    assertThatThrownBy(() -> CheckoutDefinition.parse(checksum + " 1 a.txt"))
        .hasMessage("ERROR invalid line 1: checksum must be at least 16 letters or digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", "1.5", "9223372036854775808", ""})
  void sizesThatAreNotNonNegativeInt64AreRefused(String size) {
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " " + size + " a.txt"))
        .hasMessageStartingWith("ERROR invalid line 1: size");
  }

  @Test
  void lineWithoutPathIsRefused() {
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " 1"))
        .hasMessage("ERROR invalid line 1: expected \"<checksum> <size> <path>\"");
  }

  @Test
  void veryLongLineIsRefused() {
    String line = SUM + " 1 " + "d/".repeat(3000) + "f";

    assertThatThrownBy(() -> CheckoutDefinition.parse(line))
        .hasMessage("ERROR invalid line 1: line longer than 4096 characters");
  }

  @Test
  void overlongFileNameIsRefused() {
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " 1 " + "n".repeat(256)))
        .hasMessage("ERROR invalid line 1: path component longer than 255 bytes");
  }

  @Test
  void duplicatePathIsRefusedNamingBothLines() {
    assertThatThrownBy(() -> CheckoutDefinition.parse(
        SUM + " 1 a.txt\n" + SUM + " 2 b.txt\n" + "b".repeat(64) + " 1 a.txt\n"))
        .hasMessage("ERROR invalid line 3: duplicate path \"a.txt\" (first on line 1)");
  }

  @Test
  void fileThatAnotherLineNeedsAsFolderIsRefused() {
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " 1 a\n" + SUM + " 1 a/b.txt\n"))
        .hasMessage("ERROR invalid line 2: folder \"a\" is the file on line 1");
    assertThatThrownBy(() -> CheckoutDefinition.parse(SUM + " 1 a/b.txt\n" + SUM + " 1 a\n"))
        .hasMessage("ERROR invalid line 2: path \"a\" is a folder of the file on line 1");
  }

  @Test
  void pathsMayShareFolders() throws Exception {
    CheckoutDefinition definition = CheckoutDefinition.parse(
        SUM + " 1 tex/a.png\n" + SUM + " 1 tex/b.png\n" + SUM + " 1 tex/sub/c.png\n");

    assertThat(definition.entries()).hasSize(3);
  }
}

package dev.cuegate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.testing.RandomChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellWordsProperties {
  /** Characters a shell treats alike in every position, plus every quoting character. */
  private static final String QUOTING_ALPHABET = "ab1-/.=,: \t'\"\\";
  /** Characters with meaning to a shell; safe only quoted. */
  private static final String ANY_PRINTABLE =
      "ab1 \t\n'\"\\$`*?[]~#;&|<>(){}!%^";

  @Test
  void quotesAndEscapesSplitLikeTheSystemShell() {
    RandomChecks.forAll(150, random -> {
      // given a line of plain characters and quoting characters in any order
      String line = randomText(random, QUOTING_ALPHABET, 12);

      // when split, then it is what sh makes of it, or an error when sh finds none
      Optional<List<String>> shell = shellWords(line);
      if (shell.isPresent()) {
        assertThat(ShellWords.split(line)).as("line <%s>", line).isEqualTo(shell.get());
      } else {
        assertThatThrownBy(() -> ShellWords.split(line))
            .as("line <%s>", line).isInstanceOf(IllegalArgumentException.class);
      }
    });
  }

  @Test
  void quotedWordsComeBackExactlyAsTheShellReadsThem() {
    RandomChecks.forAll(100, random -> {
      // given words with shell metacharacters, each quoted one of the ways a person would
      List<String> words = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(4); n > 0; n--) {
        String word = randomText(random, ANY_PRINTABLE, 6);
        words.add(word);
        line.append(quote(word, random)).append(random.nextBoolean() ? " " : " \t ");
      }

      // when split, then the words come back, as sh reads them too
      assertThat(ShellWords.split(line.toString())).isEqualTo(words);
      assertThat(shellWords(line.toString())).contains(words);
    });
  }

  @Test
  void anUnterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> ShellWords.split("echo 'open"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single quote");
    assertThatThrownBy(() -> ShellWords.split("echo \"open"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double quote");
  }

  @Test
  void emptyQuotesAreWordsAndBlankLinesHaveNone() {
    assertThat(ShellWords.split("a '' \"\" b")).containsExactly("a", "", "", "b");
    assertThat(ShellWords.split(" \t ")).isEmpty();
  }

  private static String quote(String word, Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return "'" + word.replace("'", "'\\''") + "'";
      case 1:
        return "\"" + word.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
      default:
        if (word.isEmpty()) {
          return "''";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : word.toCharArray()) {
          // A backslash before a newline joins lines instead of quoting it.
          escaped.append(c == '\n' ? "'\n'" : "\\" + c);
        }
        return escaped.toString();
    }
  }

  private static String randomText(Random random, String alphabet, int max) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(max + 1); n > 0; n--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** The oracle: the words {@code sh} passes to printf, or empty when sh rejects the line. */
  private static Optional<List<String>> shellWords(String line) {
    try {
      Process process =
          new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' X " + line)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (process.waitFor() != 0) {
        return Optional.empty();
      }
      List<String> words =
          new ArrayList<>(Arrays.asList(new String(output, StandardCharsets.UTF_8).split("\0", -1)));
      // Drop the marker word X and the empty piece after the last separator.
      return Optional.of(List.copyOf(words.subList(1, words.size() - 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

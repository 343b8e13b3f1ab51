package dev.cuegate.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell quotes them, without running a shell:
 * no expansion of variables, globs or substitutions, so a task's command cannot smuggle in more
 * than the words it names.
 */
final class ShellWords {
  private ShellWords() {}

  /** The words of {@code line}; throws {@link IllegalArgumentException} on an open quote. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    // A quoted empty string ('' or "") is a word even though it adds no characters.
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated single quote at " + i);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          // As dash and bash do: a backslash that ends the line stands for itself.
          word.append('\\');
          inWord = true;
          i++;
        } else if (line.charAt(i + 1) == '\n') {
          i += 2;
        } else {
          word.append(line.charAt(i + 1));
          inWord = true;
          i += 2;
        }
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  /** Appends a double-quoted string's content starting after its quote; returns the index after it. */
  private static int doubleQuoted(String line, int start, StringBuilder word) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        if (next == '\n') {
          i += 2;
          continue;
        }
        if (next == '"' || next == '\\' || next == '$' || next == '`') {
          word.append(next);
          i += 2;
          continue;
        }
      }
      word.append(c);
      i++;
    }
    throw new IllegalArgumentException("unterminated double quote at " + (start - 1));
  }
}

package dev.cuegate.shaman;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed Checkout Definition File: one {@code <checksum> <size> <path>} line per file.
 *
 * <p>Paths are checked here, before anything touches the disk, so that no path can leave the
 * checkout folder and no two paths can collide half-way through creating a checkout.
 */
record CheckoutDefinition(List<Entry> entries) {
  /** Longer lines are refused outright; no real path needs them. */
  static final int MAX_LINE_LENGTH = 4096;
  private static final int MAX_NAME_BYTES = 255;
  private static final Pattern CHECKSUM = Pattern.compile("[A-Za-z0-9]{16,}");

  CheckoutDefinition {
    entries = List.copyOf(entries);
  }

  /** One wanted file. {@code key} is empty when the checksum is no SHA-256 this store can hold. */
  record Entry(int line, String checksum, long size, String path, Optional<BlobKey> key) {}

  /** A line that breaks the rules; the message is what the client sees. */
  static final class InvalidLineException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidLineException(int line, String reason) {
      super("ERROR invalid line " + line + ": " + reason);
    }
  }

  static CheckoutDefinition parse(String text) throws InvalidLineException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> files = new HashMap<>();
    Map<String, Integer> folders = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      Entry entry = parseLine(number, line);
      claim(entry, files, folders);
      entries.add(entry);
    }
    return new CheckoutDefinition(entries);
  }

  private static Entry parseLine(int number, String line) throws InvalidLineException {
    if (line.length() > MAX_LINE_LENGTH) {
      throw new InvalidLineException(number, "line longer than " + MAX_LINE_LENGTH + " characters");
    }
    String[] parts = line.split(" ", 3);
    if (parts.length != 3) {
      throw new InvalidLineException(number, "expected \"<checksum> <size> <path>\"");
    }
    String checksum = parts[0];
    if (!CHECKSUM.matcher(checksum).matches()) {
      throw new InvalidLineException(number,
          "checksum must be at least 16 letters or digits");
    }
    long size;
    try {
      size = BlobKey.parseSize(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new InvalidLineException(number, e.getMessage());
    }
    String path = parts[2];
    String problem = pathProblem(path);
    if (problem != null) {
      throw new InvalidLineException(number, problem);
    }
    Optional<BlobKey> key =
        BlobKey.isSha256(checksum) ? Optional.of(new BlobKey(checksum, size)) : Optional.empty();
    return new Entry(number, checksum, size, path, key);
  }

  /** Why {@code path} may not appear in a checkout, or null when it may. */
  static String pathProblem(String path) {
    if (path.isEmpty()) {
      return "empty path";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return "path contains a NUL character";
      }
      if (Character.isISOControl(c)) {
        return "path contains a control character";
      }
    }
    if (path.startsWith("/") || path.startsWith("\\")) {
      return "path must be relative";
    }
    if (path.contains("..")) {
      return "path must not contain \"..\"";
    }
    if (path.contains("\\")) {
      return "path must use \"/\" as separator";
    }
    for (String name : path.split("/", -1)) {
      if (name.isEmpty() || name.equals(".")) {
        return "path is not clean (empty or \".\" component, or a trailing \"/\")";
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        return "path component longer than " + MAX_NAME_BYTES + " bytes";
      }
    }
    return null;
  }

  /**
   * Refuses a path that an earlier line already uses, either as the same file or as a folder
   * one file needs and another would occupy with a symlink.
   */
  private static void claim(Entry entry, Map<String, Integer> files, Map<String, Integer> folders)
      throws InvalidLineException {
    String path = entry.path();
    Integer earlier = files.get(path);
    if (earlier != null) {
      throw new InvalidLineException(entry.line(),
          "duplicate path \"" + path + "\" (first on line " + earlier + ")");
    }
    earlier = folders.get(path);
    if (earlier != null) {
      throw new InvalidLineException(entry.line(),
          "path \"" + path + "\" is a folder of the file on line " + earlier);
    }
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String folder = path.substring(0, slash);
      earlier = files.get(folder);
      if (earlier != null) {
        throw new InvalidLineException(entry.line(),
            "folder \"" + folder + "\" is the file on line " + earlier);
      }
    }
    files.put(path, entry.line());
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      folders.putIfAbsent(path.substring(0, slash), entry.line());
    }
  }
}

package dev.cuegate.shaman;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers which files a checkout still needs, and assembles checkouts from stored blobs. */
final class Checkouts {
  private static final Logger log = LoggerFactory.getLogger(Checkouts.class);
  private static final Pattern CHECKOUT_ID = Pattern.compile("[A-Za-z0-9_]{2,}");

  /** What {@link #create} did. */
  sealed interface Created {
    /** The checkout exists now, at {@code relativePath} under the checkout root. */
    record Done(String relativePath) implements Created {}

    /** A checkout with this id already exists; nothing was changed. */
    record AlreadyExists() implements Created {}

    /** These paths' files are not stored; nothing was created. */
    record MissingFiles(List<String> paths) implements Created {}
  }

  private final FileStore store;
  private final Path root;
  private final ShamanHooks hooks;

  private Checkouts(FileStore store, Path root, ShamanHooks hooks) {
    this.store = store;
    this.root = root;
    this.hooks = hooks;
  }

  static Checkouts open(FileStore store, Path root, ShamanHooks hooks) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    Files.createDirectories(absolute);
    return new Checkouts(store, absolute, hooks);
  }

  static boolean isValidId(String id) {
    return id != null && CHECKOUT_ID.matcher(id).matches();
  }

  /**
   * The {@code <status> <path>} lines for files the client must upload or may defer, one per
   * pair; stored files are touched so that garbage collection keeps them until the checkout.
   */
  String requirements(CheckoutDefinition definition) throws IOException {
    StringBuilder answer = new StringBuilder();
    Set<String> reported = new HashSet<>();
    for (CheckoutDefinition.Entry entry : definition.entries()) {
      FileStore.Status status = entry.key().isPresent()
          ? store.status(entry.key().get())
          : FileStore.Status.UNKNOWN;
      if (status == FileStore.Status.STORED && store.touch(entry.key().get())) {
        continue;
      }
      if (!reported.add(entry.checksum() + "/" + entry.size())) {
        continue;
      }
      String word = status == FileStore.Status.UPLOADING ? "already-uploading" : "file-unknown";
      answer.append(word).append(' ').append(entry.path()).append('\n');
    }
    return answer.toString();
  }

  /**
   * Creates {@code <root>/<last 2 chars of id>/<id>} with one symlink per entry, all or nothing:
   * on any failure the whole folder is removed before the exception propagates.
   */
  Created create(String id, CheckoutDefinition definition) throws IOException {
    Path folder = root.resolve(id.substring(id.length() - 2)).resolve(id);
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return new Created.AlreadyExists();
    }
    List<String> missing = new ArrayList<>();
    for (CheckoutDefinition.Entry entry : definition.entries()) {
      // Touching first means garbage collection, which re-checks the time, keeps these blobs.
      if (entry.key().isEmpty() || !store.touch(entry.key().get())) {
        missing.add(entry.path());
      }
    }
    if (!missing.isEmpty()) {
      return new Created.MissingFiles(missing);
    }
    Files.createDirectories(folder.getParent());
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      return new Created.AlreadyExists();
    }
    try {
      for (CheckoutDefinition.Entry entry : definition.entries()) {
        link(folder, entry);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Checkout {} failed; removing {}", id, folder, e);
      try {
        deleteTree(folder);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new Created.Done(root.relativize(folder).toString());
  }

  private void link(Path folder, CheckoutDefinition.Entry entry) throws IOException {
    Path link = folder.resolve(entry.path()).normalize();
    if (!link.startsWith(folder) || link.equals(folder)) {
      throw new IOException("path escapes the checkout folder: " + entry.path());
    }
    Files.createDirectories(link.getParent());
    hooks.beforeLink(link);
    Files.createSymbolicLink(link, store.blobPath(entry.key().orElseThrow()));
  }

  /** Removes a folder and everything in it, deleting symlinks themselves, never their targets. */
  private static void deleteTree(Path folder) throws IOException {
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

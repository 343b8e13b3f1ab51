package dev.cuegate.shaman;

import dev.cuegate.config.ByteSize;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.GoDuration;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the Shaman file store (DESIGN §4), read once from the environment.
 *
 * @param extraCheckoutRoots further folders whose symlinks keep blobs from garbage collection
 * @param gcPeriod how often garbage collection runs; zero disables it
 * @param gcMaxAge how long an unreferenced blob survives after its last use
 * @param es256PublicKeysFile PEM file of EC public keys whose ES256 tokens the store accepts too
 */
public record ShamanConfig(
    boolean enabled,
    Path storePath,
    Path checkoutPath,
    List<Path> extraCheckoutRoots,
    Duration gcPeriod,
    Duration gcMaxAge,
    long maxUploadBytes,
    Optional<Path> es256PublicKeysFile) {

  static final Duration DEFAULT_GC_PERIOD = Duration.ofHours(24);
  static final Duration DEFAULT_GC_MAX_AGE = Duration.ofDays(31);
  static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 30;


  public ShamanConfig {
    extraCheckoutRoots = List.copyOf(extraCheckoutRoots);
    if (gcPeriod.isNegative()) {
      throw new ConfigException("SHAMAN_GC_PERIOD", "must not be negative");
    }
    if (gcMaxAge.isNegative()) {
      throw new ConfigException("SHAMAN_GC_MAX_AGE", "must not be negative");
    }
    if (maxUploadBytes < 0) {
      throw new ConfigException("SHAMAN_MAX_UPLOAD_BYTES", "must not be negative");
    }
  }

  /** Reads the {@code SHAMAN_*} variables; defaults live under {@code dataDir/shaman}. */
  public static ShamanConfig fromEnv(Map<String, String> env, Path dataDir) {
    return new ShamanConfig(
        bool(env, "SHAMAN_ENABLED", true),
        path(env, "SHAMAN_STORE_PATH", dataDir.resolve("shaman").resolve("file-store")),
        path(env, "SHAMAN_CHECKOUT_PATH", dataDir.resolve("shaman").resolve("checkout")),
        paths(env, "SHAMAN_EXTRA_CHECKOUT_ROOTS"),
        duration(env, "SHAMAN_GC_PERIOD", DEFAULT_GC_PERIOD),
        duration(env, "SHAMAN_GC_MAX_AGE", DEFAULT_GC_MAX_AGE),
        bytes(env, "SHAMAN_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
        Optional.ofNullable(value(env, "SHAMAN_ES256_PUBLIC_KEYS_FILE"))
            .map(file -> toPath("SHAMAN_ES256_PUBLIC_KEYS_FILE", file)));
  }

  /** Every folder whose symlinks protect blobs: the checkout path first, then the extra roots. */
  public List<Path> checkoutRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(checkoutPath);
    roots.addAll(extraCheckoutRoots);
    return List.copyOf(roots);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigException(name, "expected true or false, got \"" + v + "\"");
    };
  }

  private static Path path(Map<String, String> env, String name, Path fallback) {
    String v = value(env, name);
    return v == null ? fallback : toPath(name, v);
  }

  private static List<Path> paths(Map<String, String> env, String name) {
    String v = value(env, name);
    if (v == null) {
      return List.of();
    }
    List<Path> result = new ArrayList<>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        result.add(toPath(name, part.strip()));
      }
    }
    return result;
  }

  private static Path toPath(String name, String v) {
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new ConfigException(name, "not a valid path: " + e.getMessage());
    }
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    try {
      return GoDuration.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, e.getMessage());
    }
  }

  private static long bytes(Map<String, String> env, String name, long fallback) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    try {
      return ByteSize.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          name, "expected a byte count such as 68719476736 or 64GiB, got \"" + v + "\"");
    }
  }

}

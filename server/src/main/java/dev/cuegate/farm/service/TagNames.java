package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Tags of layers and hosts as requests give them, held to the rule of job specs' tags. */
final class TagNames {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.]{3,}");

  private TagNames() {}

  /**
   * A layer's tags: each entry split at {@code |} with spaces ignored, as a spec's, duplicates
   * dropped.
   *
   * @throws FarmException INVALID_ARGUMENT naming {@code tags} for a bad tag or none at all
   */
  static List<String> layerTags(List<String> entries) {
    Set<String> tags = new LinkedHashSet<>();
    for (String entry : entries) {
      for (String tag : entry.replace(" ", "").split("\\|")) {
        if (!tag.isEmpty()) {
          tags.add(check("tags", tag));
        }
      }
    }
    if (tags.isEmpty()) {
      // Cuebot refuses to take every tag from a layer too.
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          "tags: a layer needs at least one tag");
    }
    return List.copyOf(tags);
  }

  /**
   * The tag, when it is one.
   *
   * @throws FarmException INVALID_ARGUMENT naming {@code field} otherwise
   */
  static String check(String field, String tag) {
    if (!TAG.matcher(tag).matches()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, field + ": \"" + tag
          + "\" is not a tag: at least 3 letters, digits, dots or underscores");
    }
    return tag;
  }
}

package dev.cuegate.worker;

import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.worker.Protocol.Worker;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A worker's tags as OpenCue gives a host its tags, and OpenCue's rule for which layers a host
 * may run (docs/EMBEDDED-FARM.md, "Hosts").
 */
final class HostTags {
  private HostTags() {}

  /**
   * The tags the worker has by itself (its allocation's, its nickname as a host's name tag, its
   * task types as the tags a host declares) and then those operators added.
   */
  static List<String> of(Worker worker, Collection<String> added) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(HostDirectory.ALLOCATION_TAG);
    tags.add(worker.nickname());
    tags.addAll(worker.taskTypes());
    tags.addAll(added);
    return List.copyOf(tags);
  }

  /** Whether the worker has a tag of its own, which operators can neither remove nor rename. */
  static boolean isOwn(Worker worker, String tag) {
    return of(worker, List.of()).contains(tag);
  }

  /** A layer without tags runs anywhere; one with tags on a host that has any of them. */
  static boolean admits(Collection<String> hostTags, Collection<String> layerTags) {
    return layerTags.isEmpty() || layerTags.stream().anyMatch(hostTags::contains);
  }
}

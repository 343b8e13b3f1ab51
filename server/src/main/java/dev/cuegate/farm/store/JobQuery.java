package dev.cuegate.farm.store;

import dev.cuegate.proto.job.JobState;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which jobs to list, as OpenCue's JobSearchCriteria says it: every non-empty list must match
 * (any of its entries), and finished jobs only count when asked for.
 */
public record JobQuery(
    List<String> ids,
    List<String> names,
    List<Pattern> regex,
    List<String> substrings,
    List<String> users,
    List<String> shots,
    List<String> shows,
    boolean includeFinished) {

  public JobQuery {
    ids = List.copyOf(ids);
    names = List.copyOf(names);
    regex = List.copyOf(regex);
    substrings = List.copyOf(substrings);
    users = List.copyOf(users);
    shots = List.copyOf(shots);
    shows = List.copyOf(shows);
  }

  boolean matches(JobRow job) {
    return (includeFinished || job.state() != JobState.FINISHED)
        && anyOrEmpty(ids, job.id())
        && anyOrEmpty(names, job.name())
        && anyOrEmpty(users, job.user())
        && anyOrEmpty(shots, job.shot())
        && anyOrEmpty(shows, job.show())
        && (regex.isEmpty() || regex.stream().anyMatch(p -> p.matcher(job.name()).find()))
        && (substrings.isEmpty() || substrings.stream().anyMatch(job.name()::contains));
  }

  private static boolean anyOrEmpty(List<String> wanted, String value) {
    return wanted.isEmpty() || wanted.contains(value);
  }
}

package dev.cuegate.testing;

import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobSearchCriteria;
import dev.cuegate.proto.job.JobState;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Cuebot's job search: each non-empty list of the criteria must match (any of its values), and
 * finished jobs are left out unless {@code include_finished} is set.
 */
final class JobCriteria implements Predicate<Job> {

  private final JobSearchCriteria criteria;
  private final List<Pattern> regex;

  private JobCriteria(JobSearchCriteria criteria, List<Pattern> regex) {
    this.criteria = criteria;
    this.regex = regex;
  }

  /**
   * Compiles the criteria's regular expressions.
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT for an invalid expression
   */
  static JobCriteria of(JobSearchCriteria criteria) {
    try {
      return new JobCriteria(
          criteria, criteria.getRegexList().stream().map(Pattern::compile).toList());
    } catch (PatternSyntaxException e) {
      throw FarmState.invalid("invalid regular expression: " + e.getPattern());
    }
  }

  @Override
  public boolean test(Job job) {
    return anyOrEmpty(criteria.getIdsList(), job.getId())
        && anyOrEmpty(criteria.getJobsList(), job.getName())
        && anyOrEmpty(criteria.getUsersList(), job.getUser())
        && anyOrEmpty(criteria.getShotsList(), job.getShot())
        && anyOrEmpty(criteria.getShowsList(), job.getShow())
        && (criteria.getSubstrList().isEmpty()
            || criteria.getSubstrList().stream().anyMatch(job.getName()::contains))
        // Cuebot matches with PostgreSQL's "~", which finds the expression anywhere in the name.
        && (regex.isEmpty() || regex.stream().anyMatch(p -> p.matcher(job.getName()).find()))
        && (criteria.getIncludeFinished() || job.getState() == JobState.PENDING);
  }

  private static boolean anyOrEmpty(List<String> values, String value) {
    return values.isEmpty() || values.contains(value);
  }
}

package dev.cuegate.farm.service;

import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FrameQuery;
import dev.cuegate.farm.store.JobQuery;
import dev.cuegate.proto.job.FrameSearchCriteria;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobSearchCriteria;
import dev.cuegate.proto.job.Layer;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Answers one unary call from the store, and reads what requests name. What {@code work} throws
 * becomes the call's status in {@link ExceptionStatusInterceptor}.
 */
final class Calls {
  private Calls() {}

  static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
    observer.onNext(work.get());
    observer.onCompleted();
  }

  /** The job a request names: by id as Cuebot does, or by name when a client gives only that. */
  static String jobId(FarmStore store, Job job) {
    if (!job.getId().isEmpty()) {
      return job.getId();
    }
    if (!job.getName().isEmpty()) {
      return store.findJob(job.getName()).id();
    }
    throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "job: give its id or name");
  }

  static String layerId(Layer layer) {
    if (layer.getId().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "layer: give its id");
    }
    return layer.getId();
  }

  static JobQuery jobQuery(JobSearchCriteria criteria) {
    List<Pattern> regex;
    try {
      regex = criteria.getRegexList().stream().map(Pattern::compile).toList();
    } catch (PatternSyntaxException e) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          "r.regex: not a regular expression: " + e.getMessage());
    }
    return new JobQuery(criteria.getIdsList(), criteria.getJobsList(), regex,
        criteria.getSubstrList(), criteria.getUsersList(), criteria.getShotsList(),
        criteria.getShowsList(), criteria.getIncludeFinished());
  }

  static FrameQuery frameQuery(FrameSearchCriteria criteria) {
    String range = criteria.getFrameRange().trim();
    return new FrameQuery(criteria.getIdsList(), criteria.getFramesList(),
        criteria.getLayersList(), new HashSet<>(criteria.getStates().getFrameStatesList()),
        range.isEmpty() ? Set.of() : new HashSet<>(FrameRange.parse(range)),
        criteria.getPage(), criteria.getLimit());
  }
}

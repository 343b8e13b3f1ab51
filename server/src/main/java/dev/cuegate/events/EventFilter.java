package dev.cuegate.events;

import com.linecorp.armeria.common.QueryParams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events a reader asked for: {@code show=} and {@code job=} names (comma-separated or
 * repeated) and {@code types=}. Host events belong to no show or job, so a show or job filter
 * leaves them out.
 */
public record EventFilter(Set<String> shows, Set<String> jobs, Set<EventType> types) {
  private static final Set<String> PARAMETERS = Set.of("show", "job", "types");

  public EventFilter {
    shows = Set.copyOf(shows);
    jobs = Set.copyOf(jobs);
    types = types.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(types);
  }

  /**
   * Reads the query of {@code GET /events}.
   *
   * @throws IllegalArgumentException naming the unknown parameter or event type
   */
  public static EventFilter parse(QueryParams query) {
    for (String name : query.names()) {
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown filter \"" + name + "\"; expected show, job or types");
      }
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    List<String> unknown = new ArrayList<>();
    for (String name : values(query, "types")) {
      EventType.fromWireName(name).ifPresentOrElse(types::add, () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown event type" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown.stream().map(name -> "\"" + name + "\"").toList())
          + "; expected some of " + String.join(", ",
              EnumSet.allOf(EventType.class).stream().map(EventType::wireName).toList()));
    }
    return new EventFilter(values(query, "show"), values(query, "job"), types);
  }

  private static Set<String> values(QueryParams query, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : query.getAll(name)) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          values.add(item.trim());
        }
      }
    }
    return values;
  }

  /** Whether the reader asked for {@code event}. */
  public boolean matches(FarmEvent event) {
    if (!types.isEmpty() && !types.contains(event.type())) {
      return false;
    }
    if (event.type().aboutHost()) {
      return shows.isEmpty() && jobs.isEmpty();
    }
    return (shows.isEmpty() || shows.contains(event.show()))
        && (jobs.isEmpty() || jobs.contains(event.job()));
  }
}

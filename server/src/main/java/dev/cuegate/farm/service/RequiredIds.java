package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;

/** The ids requests must give: a missing one is refused with the request's field named. */
final class RequiredIds {
  private RequiredIds() {}

  /** {@code id}, unless it is empty: then INVALID_ARGUMENT naming {@code field}. */
  static String of(String field, String id) {
    if (id.isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, field + ": give its id");
    }
    return id;
  }
}

package dev.cuegate.testing;

import io.grpc.stub.StreamObserver;

/** Completes unary calls of the fake services. */
final class Replies {

  private Replies() {}

  /** Sends the only answer of a unary call and completes it. */
  static <T> void reply(StreamObserver<T> observer, T response) {
    observer.onNext(response);
    observer.onCompleted();
  }

  /** Rejects a negative value as Cuebot does, with INVALID_ARGUMENT. */
  static void requireNonNegative(double value, String field) {
    if (value < 0 || Double.isNaN(value)) {
      throw FarmState.invalid(field + " must not be negative, got " + value);
    }
  }

  /** Rejects an empty name or id with INVALID_ARGUMENT. */
  static String requireNonEmpty(String value, String field) {
    if (value.isBlank()) {
      throw FarmState.invalid(field + " must not be empty");
    }
    return value;
  }
}

package dev.cuegate.shaman;

/** How an upload to {@code /files/{checksum}/{size}} ended, with its HTTP status. */
enum UploadOutcome {
  STORED(204, "stored"),
  ALREADY_STORED(208, "already_stored"),
  DEFERRED(208, "deferred"),
  SUPERSEDED(208, "superseded"),
  SIZE_MISMATCH(417, "size_mismatch"),
  CHECKSUM_MISMATCH(417, "checksum_mismatch"),
  TOO_LARGE(413, "too_large"),
  BAD_BODY(400, "bad_body"),
  ABORTED(400, "aborted"),
  FAILED(500, "failed");

  private final int status;
  private final String tag;

  UploadOutcome(int status, String tag) {
    this.status = status;
    this.tag = tag;
  }

  int status() {
    return status;
  }

  /** The value of the {@code outcome} tag on the uploads counter. */
  String tag() {
    return tag;
  }
}

package dev.cuegate.shaman;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;

/** The Shaman speaks plain text: every body it writes, errors included, is built here. */
final class PlainText {
  private PlainText() {}

  static HttpResponse of(int status, String body) {
    return HttpResponse.of(HttpStatus.valueOf(status), MediaType.PLAIN_TEXT_UTF_8, body);
  }

  /** A status without a body (204, 208, and the OPTIONS answers). */
  static HttpResponse empty(int status) {
    // HttpResponse.of(HttpStatus) would add the reason phrase as a body.
    return HttpResponse.of(ResponseHeaders.of(HttpStatus.valueOf(status)));
  }
}

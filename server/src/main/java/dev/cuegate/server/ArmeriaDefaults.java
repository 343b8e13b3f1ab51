package dev.cuegate.server;

import com.linecorp.armeria.common.FlagsProvider;

/**
 * Armeria defaults that CueGate changes for every server it runs, found by Armeria through
 * {@code META-INF/services}; a {@code -Dcom.linecorp.armeria.*} system property still wins.
 */
public final class ArmeriaDefaults implements FlagsProvider {
  /**
   * Armeria keeps an HTTP/1.1 connection open for 3 s after an answer that says {@code
   * Connection: close}, waiting for the client to close first. A client that does not (or a
   * load balancer that pools) then holds a socket the server has already given up, and at
   * shutdown that wait would outlast the drain; the socket closes as the answer is written.
   */
  @Override
  public Long defaultHttp1ConnectionCloseDelayMillis() {
    return 0L;
  }

  /** Above Armeria's built-in defaults, below its system-property provider. */
  @Override
  public int priority() {
    return 0;
  }
}

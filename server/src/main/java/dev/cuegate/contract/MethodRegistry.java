package dev.cuegate.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The methods the gateway exposes, looked up by the two segments of a request path.
 *
 * <p>Built from the descriptors alone, so every service of the contract is served without code of
 * its own.
 */
public interface MethodRegistry {

  /**
   * Finds the method for {@code /<service>/<method>}. The service is the full name
   * ({@code job.FrameInterface}) or, because OpenCue's documentation uses wrong packages such as
   * {@code frame.FrameInterface}, any {@code <anything>.<Service>} whose simple name belongs to
   * exactly one exposed service.
   */
  Optional<ApiMethod> resolve(String service, String method);

  /** Every exposed method, ordered by service and method name. */
  Collection<ApiMethod> methods();

  /**
   * The registry of OpenCue's contract as compiled into this build, minus the services matching
   * {@code hiddenServices} (full names; a trailing {@code .*} hides a whole package).
   */
  static MethodRegistry opencue(List<String> hiddenServices) {
    return DescriptorMethodRegistry.create(OpenCueDescriptors.load(), hiddenServices);
  }
}

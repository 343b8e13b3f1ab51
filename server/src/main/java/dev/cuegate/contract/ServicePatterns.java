package dev.cuegate.contract;

import java.util.List;

/** Service name patterns: {@code report.RqdReportInterface} exactly, or {@code rqd.*} by package. */
record ServicePatterns(List<String> patterns) {

  static ServicePatterns parse(List<String> patterns) {
    return new ServicePatterns(
        patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).toList());
  }

  boolean matches(String fullServiceName) {
    for (String pattern : patterns) {
      if (pattern.endsWith(".*")) {
        if (fullServiceName.startsWith(pattern.substring(0, pattern.length() - 1))) {
          return true;
        }
      } else if (pattern.equals(fullServiceName)) {
        return true;
      }
    }
    return false;
  }
}

package dev.cuegate.authz;

import dev.cuegate.contract.Operation;
import java.util.regex.Pattern;

/** One entry of a role's list: the built-in {@code read-only} set or a {@code service/method} glob. */
sealed interface MethodRule {
  /** The name policies use for every method that only reads ({@link Operation#isReadOnly()}). */
  String READ_ONLY = "read-only";

  Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.*]+/[A-Za-z0-9_*]+");

  boolean allows(Operation method);

  /** The rule as the policy file spells it, for messages. */
  String text();

  /**
   * @throws IllegalArgumentException when the text is neither {@code read-only} nor a glob such as
   *     {@code job.JobInterface/Get*}, {@code show.*&#47;*} or {@code *&#47;Find*}
   */
  static MethodRule parse(String text) {
    if (text.equals(READ_ONLY)) {
      return new ReadOnly();
    }
    if (!SYNTAX.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "expected 'read-only' or a pattern such as job.JobInterface/Get* or */Find*, got '"
              + text
              + "'");
    }
    int slash = text.indexOf('/');
    return new Glob(text, glob(text.substring(0, slash)), glob(text.substring(slash + 1)));
  }

  /** {@code *} stands for any run of characters, dots included; everything else is literal. */
  private static Pattern glob(String text) {
    String[] literals = text.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!literals[i].isEmpty()) {
        regex.append(Pattern.quote(literals[i]));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** Every method that only reads. */
  record ReadOnly() implements MethodRule {
    @Override
    public boolean allows(Operation method) {
      return method.isReadOnly();
    }

    @Override
    public String text() {
      return READ_ONLY;
    }
  }

  /** Methods whose full service name and method name both match. */
  record Glob(String text, Pattern service, Pattern method) implements MethodRule {
    @Override
    public boolean allows(Operation api) {
      return service.matcher(api.serviceName()).matches()
          && method.matcher(api.methodName()).matches();
    }
  }
}

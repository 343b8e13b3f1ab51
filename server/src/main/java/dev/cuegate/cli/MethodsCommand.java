package dev.cuegate.cli;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cuegate.config.ConfigException;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate methods}: lists the routable methods and the fields of their requests. */
@Command(
    name = "methods",
    mixinStandardHelpOptions = true,
    description = {
      "List the methods the gateway routes, one per line, with the JSON fields of their",
      "requests: job.JobInterface/GetFrames {job: job.Job, req: job.FrameSearchCriteria}.",
      "Exit 1 when nothing matches the filter."
    })
final class MethodsCommand implements Callable<Integer> {
  @ParentCommand private CueGateCommand parent;
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILTER",
      description = "Only methods whose name contains this text (any case), e.g. GetJobs or host.")
  private String filter;

  @Override
  public Integer call() {
    MethodRegistry registry;
    try {
      registry = RegistryOptions.registry(parent.environment());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("cuegate methods: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String needle = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
    List<ApiMethod> matching =
        registry.methods().stream()
            .filter(method -> method.fullName().toLowerCase(Locale.ROOT).contains(needle))
            .toList();
    if (matching.isEmpty()) {
      spec.commandLine().getErr().println("cuegate methods: no method matches '" + filter + "'");
      return ExitCodes.FAILED;
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ApiMethod method : matching) {
      out.println(method.fullName() + " " + fields(method.inputType()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String fields(Descriptor message) {
    return message.getFields().stream()
        .map(field -> field.getJsonName() + ": " + type(field))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String type(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return "{" + singular(entry.findFieldByNumber(1)) + ": " + singular(entry.findFieldByNumber(2)) + "}";
    }
    return field.isRepeated() ? "[" + singular(field) + "]" : singular(field);
  }

  private static String singular(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }
}

package dev.cuegate.openapi;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The leading comments of a .proto file's services, methods, messages, fields and enums, found
 * through the file's {@code SourceCodeInfo} (kept by the descriptor set, not by generated code).
 */
final class ProtoComments {
  // Field numbers of FileDescriptorProto, DescriptorProto, ServiceDescriptorProto and
  // EnumDescriptorProto that SourceCodeInfo paths are made of.
  private static final int FILE_PACKAGE = FileDescriptorProto.PACKAGE_FIELD_NUMBER;
  private static final int FILE_MESSAGE = FileDescriptorProto.MESSAGE_TYPE_FIELD_NUMBER;
  private static final int FILE_ENUM = FileDescriptorProto.ENUM_TYPE_FIELD_NUMBER;
  private static final int FILE_SERVICE = FileDescriptorProto.SERVICE_FIELD_NUMBER;
  private static final int MESSAGE_FIELD = DescriptorProto.FIELD_FIELD_NUMBER;
  private static final int MESSAGE_NESTED = DescriptorProto.NESTED_TYPE_FIELD_NUMBER;
  private static final int MESSAGE_ENUM = DescriptorProto.ENUM_TYPE_FIELD_NUMBER;
  private static final int SERVICE_METHOD = ServiceDescriptorProto.METHOD_FIELD_NUMBER;
  private static final int ENUM_VALUE = EnumDescriptorProto.VALUE_FIELD_NUMBER;

  private final Map<FileDescriptor, Map<List<Integer>, String>> byFile = new HashMap<>();

  Optional<String> of(FileDescriptor file) {
    return lookup(file, List.of(FILE_PACKAGE));
  }

  Optional<String> of(ServiceDescriptor service) {
    return lookup(service.getFile(), List.of(FILE_SERVICE, service.getIndex()));
  }

  Optional<String> of(MethodDescriptor method) {
    ServiceDescriptor service = method.getService();
    return lookup(
        service.getFile(),
        List.of(FILE_SERVICE, service.getIndex(), SERVICE_METHOD, method.getIndex()));
  }

  Optional<String> of(Descriptor message) {
    return lookup(message.getFile(), path(message));
  }

  Optional<String> of(FieldDescriptor field) {
    List<Integer> path = new ArrayList<>(path(field.getContainingType()));
    path.add(MESSAGE_FIELD);
    path.add(field.getIndex());
    return lookup(field.getFile(), path);
  }

  Optional<String> of(EnumDescriptor enumType) {
    return lookup(enumType.getFile(), path(enumType));
  }

  /** The comments of an enum's values, by value name; values without a comment are left out. */
  Map<String, String> values(EnumDescriptor enumType) {
    Map<String, String> comments = new LinkedHashMap<>();
    List<Integer> enumPath = path(enumType);
    enumType
        .getValues()
        .forEach(
            value -> {
              List<Integer> path = new ArrayList<>(enumPath);
              path.add(ENUM_VALUE);
              path.add(value.getIndex());
              lookup(enumType.getFile(), path).ifPresent(text -> comments.put(value.getName(), text));
            });
    return comments;
  }

  private static List<Integer> path(Descriptor message) {
    List<Integer> path = new ArrayList<>();
    Descriptor parent = message.getContainingType();
    if (parent == null) {
      path.add(FILE_MESSAGE);
    } else {
      path.addAll(path(parent));
      path.add(MESSAGE_NESTED);
    }
    path.add(message.getIndex());
    return path;
  }

  private static List<Integer> path(EnumDescriptor enumType) {
    List<Integer> path = new ArrayList<>();
    Descriptor parent = enumType.getContainingType();
    if (parent == null) {
      path.add(FILE_ENUM);
    } else {
      path.addAll(path(parent));
      path.add(MESSAGE_ENUM);
    }
    path.add(enumType.getIndex());
    return path;
  }

  private Optional<String> lookup(FileDescriptor file, List<Integer> path) {
    return Optional.ofNullable(byFile.computeIfAbsent(file, ProtoComments::index).get(path));
  }

  private static Map<List<Integer>, String> index(FileDescriptor file) {
    Map<List<Integer>, String> comments = new HashMap<>();
    for (SourceCodeInfo.Location location : file.toProto().getSourceCodeInfo().getLocationList()) {
      String text = clean(location.getLeadingComments());
      if (!text.isEmpty()) {
        comments.put(List.copyOf(location.getPathList()), text);
      }
    }
    return comments;
  }

  /** protoc keeps the space after {@code //} and the line breaks; a description wants neither. */
  private static String clean(String comment) {
    return comment
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining(" "));
  }
}

package dev.cuegate.contract;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the descriptor set that the build compiles from our .proto files.
 *
 * <p>The set, unlike the generated classes' descriptors, keeps the .proto comments, which the
 * OpenAPI description shows.
 */
public final class OpenCueDescriptors {
  /** Classpath location written by the proto module's build. */
  public static final String RESOURCE = "/cuegate/opencue.desc";

  private OpenCueDescriptors() {}

  /** Every file of the contract, dependencies resolved, in the order of the set. */
  public static List<FileDescriptor> load() {
    try (InputStream in = OpenCueDescriptors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return build(FileDescriptorSet.parseFrom(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static List<FileDescriptor> build(FileDescriptorSet set) {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      protos.put(file.getName(), file);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (String name : protos.keySet()) {
      buildFile(name, protos, built);
    }
    return protos.keySet().stream().map(built::get).toList();
  }

  private static FileDescriptor buildFile(
      String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalStateException("descriptor set lacks imported file " + name);
    }
    FileDescriptor[] deps =
        proto.getDependencyList().stream()
            .map(dep -> buildFile(dep, protos, built))
            .toArray(FileDescriptor[]::new);
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, deps);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid descriptor " + name, e);
    }
  }
}

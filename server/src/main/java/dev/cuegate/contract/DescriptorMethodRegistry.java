package dev.cuegate.contract;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link MethodRegistry} over a set of file descriptors; immutable after construction. */
final class DescriptorMethodRegistry implements MethodRegistry {
  private final Map<String, ApiMethod> byFullName;
  /** Simple service name → full name, only for names that belong to one exposed service. */
  private final Map<String, String> uniqueSimpleNames;
  private final List<ApiMethod> ordered;

  private DescriptorMethodRegistry(List<ServiceDescriptor> services) {
    Map<String, ApiMethod> methods = new HashMap<>();
    Map<String, String> simple = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor method : service.getMethods()) {
        ApiMethod api = new ApiMethod(method);
        methods.put(api.fullName(), api);
      }
      if (simple.putIfAbsent(service.getName(), service.getFullName()) != null) {
        ambiguous.add(service.getName());
      }
    }
    ambiguous.forEach(simple::remove);
    List<ApiMethod> sorted = new ArrayList<>(methods.values());
    sorted.sort(Comparator.comparing(ApiMethod::fullName));
    this.byFullName = Map.copyOf(methods);
    this.uniqueSimpleNames = Map.copyOf(simple);
    this.ordered = Collections.unmodifiableList(sorted);
  }

  static MethodRegistry create(List<FileDescriptor> files, List<String> hiddenServices) {
    ServicePatterns hidden = ServicePatterns.parse(hiddenServices);
    List<ServiceDescriptor> exposed = new ArrayList<>();
    for (FileDescriptor file : files) {
      for (ServiceDescriptor service : file.getServices()) {
        if (!hidden.matches(service.getFullName())) {
          exposed.add(service);
        }
      }
    }
    return new DescriptorMethodRegistry(exposed);
  }

  @Override
  public Optional<ApiMethod> resolve(String service, String method) {
    ApiMethod exact = byFullName.get(service + "/" + method);
    if (exact != null) {
      return Optional.of(exact);
    }
    String simpleName = service.substring(service.lastIndexOf('.') + 1);
    String fullName = uniqueSimpleNames.get(simpleName);
    if (fullName == null || fullName.equals(service)) {
      return Optional.empty();
    }
    return Optional.ofNullable(byFullName.get(fullName + "/" + method));
  }

  @Override
  public Collection<ApiMethod> methods() {
    return ordered;
  }
}

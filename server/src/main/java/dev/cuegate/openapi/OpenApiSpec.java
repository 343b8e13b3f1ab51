package dev.cuegate.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cuegate.contract.MethodRegistry;
import java.io.UncheckedIOException;

/** The OpenAPI 3.1 description of the exposed methods, generated from the descriptors. */
public interface OpenApiSpec {

  /** The document as pretty-printed JSON. */
  byte[] json();

  /** The same document as YAML. */
  byte[] yaml();

  /** Describes every method of {@code registry}; {@code version} is the API's version. */
  static OpenApiSpec generate(MethodRegistry registry, String version) {
    ObjectNode document = OpenApiGenerator.generate(registry.methods(), version);
    ObjectMapper yaml =
        new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
    try {
      byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
      return new Rendered(json, yaml.writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render the OpenAPI document", e);
    }
  }

  /** The version this build reports: the jar's, or {@code dev} when run from classes. */
  static String buildVersion() {
    String version = OpenApiSpec.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}

package dev.cuegate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated document describes the JSON mapping of docs/ARCHITECTURE.md and the .proto
 * comments. */
class OpenApiSchemasTest {
  private static final MethodRegistry REGISTRY =
      MethodRegistry.opencue(List.of("rqd.*", "report.RqdReportInterface"));
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonNode doc;

  @BeforeAll
  static void generate() throws IOException {
    doc = new ObjectMapper().readTree(OpenApiSpec.generate(REGISTRY, "test").json());
  }

  private static JsonNode schema(String name) {
    JsonNode schema = doc.at("/components/schemas/" + name);
    assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
    return schema;
  }

  private static JsonNode property(String message, String property) {
    return schema(message).get("properties").get(property);
  }

  @Test
  void everyExposedMethodIsOnePostOperationTaggedWithItsService() {
    for (ApiMethod method : REGISTRY.methods()) {
      JsonNode post = doc.get("paths").get("/" + method.fullName()).get("post");
      assertThat(post.get("operationId").asText())
          .isEqualTo(method.serviceName() + "." + method.methodName());
      assertThat(post.get("tags").get(0).asText()).isEqualTo(method.serviceName());
    }
    assertThat(doc.get("paths").size()).isEqualTo(REGISTRY.methods().size());
  }

  @Test
  void hiddenServicesAreNotDescribed() {
    assertThat(doc.get("paths").fieldNames())
        .toIterable()
        .noneMatch(path -> path.startsWith("/rqd.") || path.startsWith("/report.RqdReportInterface/"));
  }

  @Test
  void operationsReferToRequestAndResponseMessagesByFullName() {
    JsonNode getJobs = doc.at("/paths/~1job.JobInterface~1GetJobs/post");

    assertThat(getJobs.at("/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/job.JobGetJobsRequest");
    assertThat(getJobs.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/job.JobGetJobsResponse");
    assertThat(getJobs.at("/responses/default/$ref").asText())
        .isEqualTo("#/components/responses/Error");
  }

  @Test
  void propertiesAreLowerCamelCase() {
    assertThat(schema("show.Show").get("properties").has("defaultMinCores")).isTrue();
    assertThat(schema("show.Show").get("properties").has("default_min_cores")).isFalse();
  }

  @Test
  void scalarsFollowTheJsonMapping() {
    assertThat(typeAndFormat(property("host.Host", "memory"))).isEqualTo("string/int64");
    assertThat(typeAndFormat(property("job.Frame", "number"))).isEqualTo("integer/int32");
    assertThat(property("show.Show", "bookingEnabled").get("type").asText()).isEqualTo("boolean");
    assertThat(property("show.Show", "defaultMinCores").at("/oneOf/0/type").asText())
        .isEqualTo("number");
    assertThat(property("show.Show", "defaultMinCores").at("/oneOf/1/enum").toString())
        .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\"]");
  }

  private static String typeAndFormat(JsonNode schema) {
    return schema.path("type").asText() + "/" + schema.path("format").asText();
  }

  @Test
  void enumsAreStringEnumsOfValueNames() {
    assertThat(property("job.Frame", "state").get("$ref").asText())
        .isEqualTo("#/components/schemas/job.FrameState");
    JsonNode states = schema("job.FrameState");
    assertThat(states.get("type").asText()).isEqualTo("string");
    assertThat(states.get("enum").toString()).contains("\"WAITING\"", "\"RUNNING\"", "\"DEAD\"");
  }

  @Test
  void messageFieldsAreNullableAndRepeatedFieldsAreArrays() {
    JsonNode jobs = property("job.JobGetJobsResponse", "jobs");
    assertThat(jobs.at("/oneOf/0/$ref").asText()).isEqualTo("#/components/schemas/job.JobSeq");
    assertThat(jobs.at("/oneOf/1/type").asText()).isEqualTo("null");
    JsonNode list = property("job.JobSeq", "jobs");
    assertThat(list.get("type").asText()).isEqualTo("array");
    assertThat(list.at("/items/$ref").asText()).isEqualTo("#/components/schemas/job.Job");
  }

  @Test
  void mapsAreObjectsWithTypedValues() {
    JsonNode map = property("department.DeptAddTasksRequest", "tmap");

    assertThat(map.get("type").asText()).isEqualTo("object");
    assertThat(typeAndFormat(map.get("additionalProperties"))).isEqualTo("integer/int32");
  }

  @Test
  void commentsOfTheProtoFilesBecomeDescriptions() {
    JsonNode tag = null;
    for (JsonNode candidate : doc.get("tags")) {
      if (candidate.get("name").asText().equals("show.ShowInterface")) {
        tag = candidate;
      }
    }
    assertThat(tag).isNotNull();
    assertThat(tag.get("description").asText()).startsWith("Creates and configures shows");
    assertThat(doc.at("/paths/~1show.ShowInterface~1FindShow/post/description").asText())
        .isEqualTo("Returns the show with the given name.");
    assertThat(property("job.GroupSetMinCoresRequest", "minCores").get("description").asText())
        .isEqualTo("In cores.");
  }

  @Test
  void errorSchemaAndBearerSchemeAreDeclared() {
    assertThat(schema("cuegate.Error").get("required").toString())
        .isEqualTo("[\"code\",\"message\",\"details\",\"error\"]");
    JsonNode bearer = doc.at("/components/securitySchemes/bearerAuth");
    assertThat(bearer.get("scheme").asText()).isEqualTo("bearer");
    assertThat(bearer.get("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(doc.at("/security/0").has("bearerAuth")).isTrue();
  }

  @Test
  void everyComponentIsAValidJsonSchema202012() {
    JsonSchema metaSchema =
        SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    doc.at("/components/schemas")
        .fields()
        .forEachRemaining(
            entry -> {
              Set<ValidationMessage> errors = metaSchema.validate(entry.getValue());
              assertThat(errors).as(entry.getKey()).isEmpty();
            });
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = doc.findValuesAsText("$ref");
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  /** A validator for one component, resolving its references inside the whole document. */
  static JsonSchema validatorFor(JsonNode document, String component) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("$ref", "#/components/schemas/" + component);
    root.set("components", document.get("components"));
    return SCHEMAS.getSchema(root);
  }
}

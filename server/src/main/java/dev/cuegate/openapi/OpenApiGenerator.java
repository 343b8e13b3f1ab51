package dev.cuegate.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.cuegate.contract.ApiMethod;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Builds the OpenAPI 3.1 document of a set of methods from their descriptors and comments. */
final class OpenApiGenerator {
  static final String SECURITY_SCHEME = "bearerAuth";
  static final String ERROR_SCHEMA = "cuegate.Error";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ERROR_RESPONSE = "#/components/responses/Error";
  /** The statuses every call can answer with besides 200 (docs/ARCHITECTURE.md, "Errors"). */
  private static final String[] ERROR_STATUSES = {"400", "401", "404", "503", "default"};
  private static final String INFO =
      "OpenCue's Cuebot API on HTTP: every method is `POST /<package>.<Service>/<Method>` with a"
          + " JSON body (empty means `{}`) and a JSON answer, in grpc-gateway v2's mapping:"
          + " lowerCamelCase names (the proto names are accepted too), 64-bit integers as strings,"
          + " enums by name, unset messages as `null`. Unknown request fields are ignored with a"
          + " `Warning` header; `?fieldValidation=Strict` turns them into a 400. Paths with a wrong"
          + " package but a unique service name (`/frame.FrameInterface/...`) are served too.";

  private final ProtoComments comments = new ProtoComments();
  private final MessageSchemas schemas = new MessageSchemas(comments);

  private OpenApiGenerator() {}

  static ObjectNode generate(Collection<ApiMethod> methods, String version) {
    return new OpenApiGenerator().document(methods, version);
  }

  private ObjectNode document(Collection<ApiMethod> methods, String version) {
    ObjectNode doc = JSON.objectNode().put("openapi", "3.1.0");
    doc.putObject("info")
        .put("title", "CueGate")
        .put("version", version)
        .put("description", INFO)
        .putObject("license")
        .put("name", "Apache-2.0")
        .put("identifier", "Apache-2.0");
    doc.putArray("servers").addObject().put("url", "/");
    doc.putArray("security").addObject().putArray(SECURITY_SCHEME);
    Map<String, ServiceDescriptor> services = new TreeMap<>();
    ObjectNode paths = JSON.objectNode();
    for (ApiMethod method : methods) {
      services.put(method.serviceName(), method.descriptor().getService());
      paths.putObject("/" + method.fullName()).set("post", operation(method));
    }
    ArrayNode tags = doc.putArray("tags");
    services.forEach(
        (name, service) -> {
          ObjectNode tag = tags.addObject().put("name", name);
          comments
              .of(service)
              .or(() -> comments.of(service.getFile()))
              .ifPresent(text -> tag.put("description", text));
        });
    doc.set("paths", paths);
    ObjectNode components = doc.putObject("components");
    ObjectNode allSchemas = schemas.components();
    allSchemas.set(ERROR_SCHEMA, errorSchema());
    components.set("schemas", allSchemas);
    components.putObject("responses").set("Error", errorResponse());
    components
        .putObject("securitySchemes")
        .putObject(SECURITY_SCHEME)
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT")
        .put(
            "description",
            "An HS256, HS384 or HS512 JWT signed with the gateway's JWT_SECRET, with an exp claim"
                + " (`cuegate token --sub NAME` mints one).");
    return doc;
  }

  private ObjectNode operation(ApiMethod method) {
    ObjectNode operation =
        JSON.objectNode().put("operationId", method.serviceName() + "." + method.methodName());
    comments
        .of(method.descriptor())
        .ifPresent(text -> operation.put("summary", firstSentence(text)).put("description", text));
    operation.putArray("tags").add(method.serviceName());
    ObjectNode body =
        operation
            .putObject("requestBody")
            .put("required", false)
            .put("description", "An empty body means `{}`.");
    body.putObject("content")
        .putObject("application/json")
        .set("schema", schemas.ref(method.inputType()));
    ObjectNode responses = operation.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "The method's answer.");
    ok.putObject("headers")
        .putObject("Warning")
        .put(
            "description",
            "`299 - \"unknown field \\\"name\\\"\"`, once per request field that was ignored.")
        .putObject("schema")
        .put("type", "string");
    ok.putObject("content")
        .putObject("application/json")
        .set("schema", schemas.ref(method.outputType()));
    for (String status : ERROR_STATUSES) {
      responses.putObject(status).put("$ref", ERROR_RESPONSE);
    }
    return operation;
  }

  /** Swagger UI shows the summary beside the path, where one sentence fits. */
  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static ObjectNode errorResponse() {
    ObjectNode response =
        JSON.objectNode()
            .put(
                "description",
                "An error: the HTTP status follows from the gRPC code (NOT_FOUND 404,"
                    + " INVALID_ARGUMENT 400, UNAUTHENTICATED 401, UNAVAILABLE 503, ...).");
    response
        .putObject("content")
        .putObject("application/json")
        .set("schema", MessageSchemas.refTo(ERROR_SCHEMA));
    return response;
  }

  private static ObjectNode errorSchema() {
    ObjectNode schema =
        JSON.objectNode()
            .put("type", "object")
            .put("description", "The body of every error answer (grpc-gateway v2's, plus `error`).");
    schema.putArray("required").add("code").add("message").add("details").add("error");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("code")
        .put("type", "integer")
        .put("format", "int32")
        .put("description", "The gRPC status code (5 is NOT_FOUND, 14 UNAVAILABLE, ...).");
    properties.putObject("message").put("type", "string").put("description", "What went wrong.");
    properties
        .putObject("details")
        .put("type", "array")
        .put("description", "Always empty; kept for grpc-gateway clients.")
        .putObject("items")
        .put("type", "object");
    properties
        .putObject("error")
        .put("type", "string")
        .put(
            "description",
            "The message as OpenCue's Go gateway phrases it: `rpc error: code = NotFound desc = ...`.");
    return schema;
  }
}

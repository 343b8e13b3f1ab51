package dev.cuegate.openapi;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.file.FileService;
import dev.cuegate.rest.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The API's description and the page to browse it: {@code GET /openapi.json}, {@code
 * /openapi.yaml} and {@code /docs} (Swagger UI, served from its WebJar).
 *
 * <p>These routes are public on purpose: they describe the API and hold no data, and every call
 * made from the page still needs a token (set with the page's Authorize button).
 */
public final class ApiDocs {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final MediaType YAML = MediaType.parse("application/yaml; charset=utf-8");

  private final Supplier<OpenApiSpec> generator;
  private CompletableFuture<OpenApiSpec> spec;

  private ApiDocs(Supplier<OpenApiSpec> generator) {
    this.generator = generator;
  }

  public static ApiDocs of(OpenApiSpec spec) {
    return new ApiDocs(() -> spec);
  }

  /**
   * Generates the description when it is first asked for: it takes a noticeable part of a second
   * and a few MB of heap, which neither start-up nor an idle gateway should pay for.
   */
  public static ApiDocs generatedOnFirstRequest(Supplier<OpenApiSpec> generator) {
    return new ApiDocs(generator);
  }

  private synchronized CompletableFuture<OpenApiSpec> spec() {
    if (spec == null) {
      spec = CompletableFuture.supplyAsync(generator);
    }
    return spec;
  }

  /** Adds the docs routes; they must be mounted before the API's catch-all route. */
  public void mountOn(ServerBuilder server) {
    ClassLoader loader = ApiDocs.class.getClassLoader();
    HttpService page =
        document(MediaType.HTML_UTF_8, ready(resource(loader, "cuegate/docs/index.html")));
    server
        .service(
            "/openapi.json",
            document(MediaType.JSON_UTF_8, () -> spec().thenApply(OpenApiSpec::json)))
        .service("/openapi.yaml", document(YAML, () -> spec().thenApply(OpenApiSpec::yaml)))
        .service("/docs", page)
        .service("/docs/", page)
        .service(
            "/docs/index.js",
            document(
                MediaType.JAVASCRIPT_UTF_8, ready(resource(loader, "cuegate/docs/index.js"))))
        .serviceUnder("/docs/swagger-ui/", FileService.of(loader, WEBJAR + swaggerUiVersion(loader)));
  }

  private static Supplier<CompletableFuture<byte[]>> ready(byte[] body) {
    CompletableFuture<byte[]> done = CompletableFuture.completedFuture(body);
    return () -> done;
  }

  private static HttpService document(MediaType type, Supplier<CompletableFuture<byte[]>> body) {
    return (ServiceRequestContext ctx, HttpRequest req) -> {
      if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
        return ApiError.methodNotAllowed(req.method(), "GET", "HEAD");
      }
      ResponseHeaders headers =
          ResponseHeaders.builder(HttpStatus.OK)
              .contentType(type)
              .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
              .build();
      return HttpResponse.of(
          body.get().thenApply(bytes -> HttpResponse.of(headers, HttpData.wrap(bytes))));
    };
  }

  /** The WebJar's files live under its version, which its own Maven metadata tells. */
  private static String swaggerUiVersion(ClassLoader loader) {
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(WEBJAR_VERSION)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui WebJar is missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_VERSION, e);
    }
    return properties.getProperty("version");
  }

  private static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}

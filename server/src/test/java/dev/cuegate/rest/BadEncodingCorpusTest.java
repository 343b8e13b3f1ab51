package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.testing.GatewayExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every compressed body a client can send gets its 4xx in the project's JSON error format, never
 * a 5xx, and a body that does not decode completely never reaches Cuebot.
 */
class BadEncodingCorpusTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().env("MAX_REQUEST_BYTES", "1MiB");

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A mutating call: running it with a body the client never sent would change the farm. */
  private static final String CREATE_SHOW = "show.ShowInterface/CreateShow";
  private static final byte[] BODY =
      "{\"name\":\"encoding-corpus\"}".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void brotliLoads() {
    Brotli4jLoader.ensureAvailability();
  }

  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    for (String coding : List.of("gzip", "deflate", "br")) {
      byte[] valid = encode(coding, BODY);
      cases.add(Arguments.of(coding, "garbage", garbage(), 400, coding));
      cases.add(Arguments.of(coding, "plain JSON", BODY, 400, coding));
      cases.add(Arguments.of(coding, "empty", new byte[0], 400, coding));
      cases.add(Arguments.of(coding, "truncated by half", Arrays.copyOf(valid, valid.length / 2),
          400, coding));
      cases.add(Arguments.of(coding, "missing its last byte",
          Arrays.copyOf(valid, valid.length - 1), 400, coding));
      cases.add(Arguments.of(coding, "two bytes", Arrays.copyOf(valid, 2), 400, coding));
      cases.add(Arguments.of(coding, "a bomb", encode(coding, spaces(4 << 20)), 413, "limit"));
      // One declared coding undoes one layer; what is left is not JSON.
      cases.add(Arguments.of(coding, "a bomb inside a bomb",
          encode(coding, encode(coding, spaces(64 << 20))), 400, "malformed JSON"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("corpus")
  void aBadlyEncodedBodyGetsItsClientErrorAndIsNeverRun(
      String coding, String what, byte[] body, int expected, String named) throws IOException {
    int callsBefore = gateway.cuebot().callCount(CREATE_SHOW);

    HttpResponse<String> response = post(CREATE_SHOW, coding, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText()).contains(named);
    assertThat(gateway.cuebot().callCount(CREATE_SHOW)).isEqualTo(callsBefore);
  }

  @Test
  void aBombWithOneLayerPerDeclaredCodingIs413() {
    byte[] bomb = encode("gzip", encode("gzip", spaces(64 << 20)));

    HttpResponse<String> response = post(CREATE_SHOW, "gzip, gzip", bomb);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "compress", "snappy", "gzip, zstd", "x-unknown"})
  void anUnsupportedEncodingIs415WithTheSupportedOnes(String coding) throws IOException {
    HttpResponse<String> response = post(CREATE_SHOW, coding, BODY);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("accept-encoding")).contains("gzip, deflate, br");
    assertThat(JSON.readTree(response.body()).get("message").asText()).contains("is not supported");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "x-gzip", "deflate", "raw deflate", "br", "identity"})
  void aWellEncodedBodyIsDecoded(String coding) throws IOException {
    String header = coding.equals("raw deflate") ? "deflate" : coding;

    HttpResponse<String> response =
        post("show.ShowInterface/FindShow", header, encode(coding, "{\"name\":\"testing\"}"
            .getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("show").get("name").asText())
        .isEqualTo("testing");
  }

  @Test
  void aCorruptGzipCheckoutDefinitionIsAShamanClientError() {
    HttpResponse<String> response = gateway.send(gateway.request("/checkout/requirements")
        .header("Content-Type", "text/plain")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(
            encode("gzip", "0123456789abcdef 1 a.txt\n".getBytes(StandardCharsets.UTF_8)), 12)))
        .build());

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private static HttpResponse<String> post(String method, String coding, byte[] body) {
    return gateway.send(gateway.request("/" + method)
        .header("Content-Type", "application/json")
        .header("Content-Encoding", coding)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build());
  }

  private static byte[] garbage() {
    byte[] bytes = new byte[512];
    new Random(15).nextBytes(bytes);
    return bytes;
  }

  private static byte[] spaces(int n) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  private static byte[] encode(String coding, byte[] plain) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (coding) {
        case "gzip", "x-gzip" -> {
          try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
          }
        }
        case "deflate" -> {
          try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(plain);
          }
        }
        case "raw deflate" -> {
          try (DeflaterOutputStream raw =
              new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            raw.write(plain);
          }
        }
        case "br" -> out.write(Encoder.compress(plain));
        case "identity" -> out.write(plain);
        default -> throw new IllegalArgumentException(coding);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

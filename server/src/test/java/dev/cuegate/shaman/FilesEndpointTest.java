package dev.cuegate.shaman;

import static dev.cuegate.shaman.ShamanTestServer.filesPath;
import static dev.cuegate.shaman.ShamanTestServer.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesEndpointTest {
  private static final byte[] CONTENT = "hello shaman\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ShamanTestServer shaman;

  @BeforeEach
  void startServer() throws IOException {
    shaman = new ShamanTestServer(dataDir);
  }

  @AfterEach
  void stopServer() {
    shaman.close();
  }

  @Test
  void uploadStoresBlobAndAnswers204() throws IOException {
    HttpResponse<String> response = shaman.upload(CONTENT);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(Files.readAllBytes(shaman.blobPath(CONTENT))).isEqualTo(CONTENT);
    assertThat(shaman.filesUnder("uploading")).isEmpty();
    assertThat(shaman.registry.get("shaman.uploads").tag("outcome", "stored").counter().count())
        .isEqualTo(1.0);
    assertThat(shaman.registry.get("shaman.blobs").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void emptyFileCanBeUploaded() throws IOException {
    byte[] empty = new byte[0];

    HttpResponse<String> response = shaman.upload(empty);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(Files.size(shaman.blobPath(empty))).isZero();
  }

  @Test
  void oneByteFileCanBeUploaded() throws IOException {
    byte[] one = {42};

    HttpResponse<String> response = shaman.upload(one);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(Files.readAllBytes(shaman.blobPath(one))).containsExactly(42);
  }

  @Test
  void secondUploadOfStoredFileAnswers208() {
    shaman.upload(CONTENT);

    HttpResponse<String> response = shaman.upload(CONTENT);

    assertThat(response.statusCode()).isEqualTo(208);
    assertThat(shaman.registry.get("shaman.uploads").tag("outcome", "already_stored").counter()
        .count()).isEqualTo(1.0);
  }

  @Test
  void gzipBodyIsStoredDecoded() throws IOException {
    byte[] content = "compressible ".repeat(10_000).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = shaman.send(shaman.request(filesPath(content))
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(content))).build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(Files.readAllBytes(shaman.blobPath(content))).isEqualTo(content);
  }

  @Test
  void corruptGzipBodyAnswers400() throws IOException {
    HttpResponse<String> response = shaman.send(shaman.request(filesPath(CONTENT))
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void unsupportedContentEncodingAnswers415() {
    HttpResponse<String> response = shaman.send(shaman.request(filesPath(CONTENT))
        .header("Content-Encoding", "br")
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void bodyShorterThanDeclaredSizeAnswers417() throws IOException {
    String path = "/files/" + sha256(CONTENT) + "/" + (CONTENT.length + 1);

    HttpResponse<String> response = shaman.send(shaman.request(path)
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(417);
    assertThat(response.body()).contains("size");
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void bodyLongerThanDeclaredSizeAnswers417() throws IOException {
    String path = "/files/" + sha256(CONTENT) + "/" + (CONTENT.length - 1);

    HttpResponse<String> response = shaman.send(shaman.request(path)
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(417);
    assertThat(response.body()).contains("size");
    assertThat(shaman.filesUnder("stored")).isEmpty();
  }

  @Test
  void sizeIsCheckedBeforeChecksum() {
    String path = "/files/" + "0".repeat(64) + "/" + (CONTENT.length + 5);

    HttpResponse<String> response = shaman.send(shaman.request(path)
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(417);
    assertThat(response.body()).contains("size");
  }

  @Test
  void wrongChecksumAnswers417AndStoresNothing() throws IOException {
    String path = "/files/" + "0".repeat(64) + "/" + CONTENT.length;

    HttpResponse<String> response = shaman.send(shaman.request(path)
        .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(417);
    assertThat(response.body()).contains("SHA-256");
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void fileLargerThanLimitAnswers413WithoutReadingIt() throws IOException {
    shaman.close();
    shaman = new ShamanTestServer(dataDir.resolve("small"),
        Map.of("SHAMAN_MAX_UPLOAD_BYTES", "4"));

    HttpResponse<String> response = shaman.upload(CONTENT);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(shaman.filesUnder("stored")).isEmpty();
  }

  @Test
  void optionsAnswers200ForStoredAnd404ForUnknownWithoutBody() {
    shaman.upload(CONTENT);

    HttpResponse<String> stored = shaman.options(filesPath(CONTENT));
    HttpResponse<String> unknown = shaman.options(filesPath(new byte[] {1, 2, 3}));

    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(stored.body()).isEmpty();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEmpty();
  }

  @Test
  void getServesStoredBlobWithLengthTypeAndEtag() {
    shaman.upload(CONTENT);

    HttpResponse<String> response = shaman.send(shaman.request(filesPath(CONTENT)).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(new String(CONTENT, StandardCharsets.UTF_8));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/binary");
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(CONTENT.length);
    assertThat(response.headers().firstValue("ETag")).get().asString().contains(sha256(CONTENT));
  }

  @Test
  void getOfUnknownFileAnswers404() {
    HttpResponse<String> response =
        shaman.send(shaman.request(filesPath(CONTENT)).GET().build());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void uppercaseOrShortChecksumAnswers400() {
    String upper = "/files/" + sha256(CONTENT).toUpperCase() + "/" + CONTENT.length;
    String shortSum = "/files/" + sha256(CONTENT).substring(0, 32) + "/" + CONTENT.length;

    assertThat(shaman.options(upper).statusCode()).isEqualTo(400);
    assertThat(shaman.options(shortSum).statusCode()).isEqualTo(400);
  }

  @Test
  void negativeOrOverflowingSizeAnswers400() {
    String sum = sha256(CONTENT);

    assertThat(shaman.options("/files/" + sum + "/-1").statusCode()).isEqualTo(400);
    assertThat(shaman.options("/files/" + sum + "/+1").statusCode()).isEqualTo(400);
    assertThat(shaman.options("/files/" + sum + "/9223372036854775808").statusCode())
        .isEqualTo(400);
  }

  @Test
  void dotDotChecksumNeverReachesTheDisk() throws IOException {
    HttpResponse<String> encoded = shaman.send(shaman.request("/files/%2e%2e/1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build());
    HttpResponse<String> escaping = shaman.send(shaman.request(
            "/files/..%2F..%2F..%2Ftmp%2F" + "a".repeat(40) + "/1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build());

    assertThat(encoded.statusCode()).isIn(400, 404);
    assertThat(escaping.statusCode()).isIn(400, 404);
    assertThat(shaman.filesUnder("stored")).isEmpty();
    assertThat(shaman.filesUnder("uploading")).isEmpty();
  }

  @Test
  void missingTokenAnswers401WithBearerChallenge() {
    HttpResponse<String> response = shaman.send(
        HttpRequest.newBuilder(shaman.uri(filesPath(CONTENT)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"shaman\"");
    assertThat(Files.exists(shaman.blobPath(CONTENT))).isFalse();
  }

  @Test
  void wrongTokenAnswers401OnEveryRoute() {
    for (String path : new String[] {filesPath(CONTENT), "/checkout/requirements",
        "/checkout/create/abc"}) {
      HttpResponse<String> response = shaman.send(
          HttpRequest.newBuilder(shaman.uri(path))
              .header("Authorization", "Bearer nope")
              .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

      assertThat(response.statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void jwtTokenCookieIsAcceptedInsteadOfHeader() {
    HttpResponse<String> response = shaman.send(
        HttpRequest.newBuilder(shaman.uri(filesPath(CONTENT)))
            .header("Cookie", "other=1; jwtToken=" + ShamanTestServer.TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(CONTENT)).build());

    assertThat(response.statusCode()).isEqualTo(204);
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}

package dev.cuegate.shaman;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.file.HttpFile;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** {@code OPTIONS}, {@code GET} and {@code POST /files/{checksum}/{size}} (docs/SHAMAN.md). */
final class FilesService implements HttpService {
  static final String CAN_DEFER_UPLOAD = "X-Shaman-Can-Defer-Upload";
  static final String ORIGINAL_FILENAME = "X-Shaman-Original-Filename";
  private static final MediaType BINARY = MediaType.create("application", "binary");

  private final FileStore store;
  private final Uploader uploader;
  private final ShamanMetrics metrics;
  private final long maxUploadBytes;

  FilesService(FileStore store, Uploader uploader, ShamanMetrics metrics, long maxUploadBytes) {
    this.store = store;
    this.uploader = uploader;
    this.metrics = metrics;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
    BlobKey key;
    try {
      key = BlobKey.parse(ctx.pathParam("checksum"), ctx.pathParam("size"));
    } catch (IllegalArgumentException e) {
      return PlainText.of(400, e.getMessage() + "\n");
    }
    return switch (req.method()) {
      case OPTIONS -> PlainText.empty(switch (store.status(key)) {
        case STORED -> 200;
        case UPLOADING -> 420;
        case UNKNOWN -> 404;
      });
      case GET -> download(ctx, req, key);
      case POST -> upload(ctx, req, key);
      default -> PlainText.of(405, "method not allowed\n");
    };
  }

  private HttpResponse download(ServiceRequestContext ctx, HttpRequest req, BlobKey key)
      throws Exception {
    if (store.status(key) != FileStore.Status.STORED) {
      return PlainText.of(404, "file not found\n");
    }
    return HttpFile.builder(store.blobPath(key))
        .contentType(BINARY)
        .entityTag((path, attrs) -> key.checksum() + "-" + key.size())
        .build()
        .asService()
        .serve(ctx, req);
  }

  private HttpResponse upload(ServiceRequestContext ctx, HttpRequest req, BlobKey key) {
    if (key.size() > maxUploadBytes) {
      return refuse(key, UploadOutcome.TOO_LARGE,
          "file is larger than the limit of " + maxUploadBytes + " bytes\n");
    }
    FileStore.Status status = store.status(key);
    if (status == FileStore.Status.STORED) {
      return refuse(key, UploadOutcome.ALREADY_STORED, null);
    }
    boolean canDefer = "true".equalsIgnoreCase(req.headers().get(CAN_DEFER_UPLOAD, "").strip());
    if (status == FileStore.Status.UPLOADING && canDefer) {
      return refuse(key, UploadOutcome.DEFERRED, null);
    }
    String encoding = req.headers().get(HttpHeaderNames.CONTENT_ENCODING, "identity")
        .strip().toLowerCase(Locale.ROOT);
    if (!encoding.equals("identity") && !encoding.equals("gzip")) {
      return PlainText.of(415, "unsupported Content-Encoding: " + encoding + "\n");
    }
    String originalName = req.headers().get(ORIGINAL_FILENAME, "");
    InputStream body = req.toInputStream(o -> o instanceof HttpData d ? d : HttpData.empty());
    CompletableFuture<HttpResponse> answer = CompletableFuture.supplyAsync(
        () -> respond(uploader.upload(key, body, encoding.equals("gzip"), originalName)),
        ctx.blockingTaskExecutor());
    return HttpResponse.of(answer);
  }

  private HttpResponse refuse(BlobKey key, UploadOutcome outcome, String body) {
    metrics.uploadEnded(key, outcome);
    return body == null ? PlainText.empty(outcome.status()) : PlainText.of(outcome.status(), body);
  }

  private static HttpResponse respond(UploadOutcome outcome) {
    return switch (outcome) {
      case STORED, ALREADY_STORED, DEFERRED, SUPERSEDED -> PlainText.empty(outcome.status());
      case SIZE_MISMATCH -> PlainText.of(417, "the body's size differs from the size in the URL\n");
      case CHECKSUM_MISMATCH ->
          PlainText.of(417, "the body's SHA-256 differs from the checksum in the URL\n");
      case TOO_LARGE -> PlainText.of(413, "request body too large\n");
      case BAD_BODY -> PlainText.of(400, "the gzip body is corrupt\n");
      case ABORTED -> PlainText.of(400, "the request body ended abruptly\n");
      case FAILED -> PlainText.of(500, "the file could not be stored\n");
    };
  }
}

package dev.cuegate.config;

/** The environment variables CueGate reads, with the defaults that apply when one is unset. */
enum Variable {
  /** Unset (or {@code embedded}): CueGate serves its embedded farm instead of calling a Cuebot. */
  CUEBOT_ENDPOINT(null),
  REST_PORT("8448"),
  JWT_SECRET(null),
  JWT_SECRET_FILE(null),
  JWT_LEEWAY("30s"),
  JWT_ISSUER(null),
  JWT_AUDIENCE(null),
  LOG_LEVEL("info"),
  LOG_DIR("/logs"),
  GRPC_TIMEOUT("30s"),
  HTTP_TIMEOUT("60s"),
  MAX_CONCURRENT_STREAMS("100"),
  KEEPALIVE_TIME("30s"),
  KEEPALIVE_TIMEOUT("5s"),
  GRPC_MAX_RECV_MSG_MB("256"),
  TLS_CERT_FILE(null),
  TLS_KEY_FILE(null),
  CORS_ORIGINS("*"),
  CORS_HEADERS("*"),
  RATE_LIMIT_RPS("100"),
  FIELD_VALIDATION("Warn"),
  MAX_REQUEST_BYTES("16MiB"),
  SHUTDOWN_TIMEOUT("10s"),
  HIDDEN_SERVICES("rqd.*,report.RqdReportInterface"),
  DATA_DIR("./data"),
  ADMIN_PORT("8449"),
  ADMIN_BIND(null),
  LOG_FORMAT("text"),
  OTEL_EXPORTER_OTLP_ENDPOINT(null),
  CORS_METHODS("POST,GET,OPTIONS"),
  CORS_MAX_AGE("10m"),
  CORS_ALLOW_CREDENTIALS("false"),
  RATE_LIMIT_BURST(null),
  MAX_HEADER_BYTES("64KiB"),
  IDLE_TIMEOUT("60s"),
  MAX_IN_FLIGHT("512"),
  CUEBOT_TLS("false"),
  CUEBOT_CA_FILE(null),
  AUTHZ_POLICY_FILE(null),
  /** Unset: a SQLite file under DATA_DIR. */
  DATABASE_URL(null),
  /** Unset: {@code DATA_DIR/frame-logs}; the embedded farm's jobs keep their frame logs here. */
  FRAME_LOG_ROOT(null),
  /** Unset: any worker may register; set: registration needs a JWT signed with it. */
  WORKER_REGISTRATION_SECRET(null),
  /** Unset: a task's type is its layer's first service, else the layer type in lower case. */
  WORKER_TASK_TYPES(null),
  WORKER_SECRET_ITERATIONS("600000"),
  /** Unset: no {@code {var}} placeholders are replaced in the tasks workers get. */
  WORKER_VARIABLES_FILE(null),
  /** true: CueGate registers with Cuebot as a render host and hands its frames to workers. */
  RQD_BRIDGE("false"),
  /** The port Cuebot dials on every render host. */
  RQD_PORT("8444"),
  /** Unset: this machine's host name without its domain. */
  RQD_HOST_NAME(null),
  RQD_FACILITY("local"),
  /** The first {@code <facility>.<tag>} allocation that exists in Cuebot takes the host. */
  RQD_TAGS("general,util,64bit"),
  RQD_OS("Linux"),
  RQD_REPORT_INTERVAL("30s"),
  /** The cores a worker adds to the host when its registration declares none. */
  RQD_WORKER_CORES("1"),
  /** The memory a worker adds to the host when its registration declares none. */
  RQD_WORKER_MEMORY_MB("4096"),
  /**
   * How long a frame Cuebot launched here may wait for a worker to take it before it is handed
   * back to Cuebot.
   */
  RQD_FRAME_TAKE_TIMEOUT("1m"),
  SHAMAN_ENABLED("true"),
  /** Unset: {@code DATA_DIR/shaman/file-store}. */
  SHAMAN_STORE_PATH(null),
  /** Unset: {@code DATA_DIR/shaman/checkout}. */
  SHAMAN_CHECKOUT_PATH(null),
  /** Further folders whose symlinks keep blobs from garbage collection. */
  SHAMAN_EXTRA_CHECKOUT_ROOTS(null),
  /** {@code 0}: no garbage collection. */
  SHAMAN_GC_PERIOD("24h"),
  /** 31 days. */
  SHAMAN_GC_MAX_AGE("744h"),
  SHAMAN_MAX_UPLOAD_BYTES("64GiB"),
  /** PEM file of EC public keys whose ES256 tokens the Shaman store accepts too. */
  SHAMAN_ES256_PUBLIC_KEYS_FILE(null),
  /** true: identical read-only calls in flight at the same moment share one upstream call. */
  COALESCE_READS("true"),
  /** 0s: no cache; else identical read-only calls within this time get the same answer. */
  READ_CACHE_TTL("0s"),
  /** How many recent events {@code GET /events} can replay after {@code Last-Event-ID}. */
  EVENTS_BUFFER("10000"),
  /** How many events may wait for one slow SSE reader before it is disconnected. */
  EVENTS_MAX_PENDING("1000"),
  /** How often an idle event stream sends a comment, so proxies keep it open. */
  EVENTS_HEARTBEAT("15s"),
  /** How often the watcher asks a Cuebot what changed, while someone listens. */
  EVENTS_POLL_INTERVAL("5s"),
  /** Unset: no webhooks; set: a JSON list of endpoints that receive events (docs/EVENTS.md). */
  WEBHOOKS_FILE(null);

  /** Null when the variable has no default (it is optional or must be given). */
  final String defaultValue;

  Variable(String defaultValue) {
    this.defaultValue = defaultValue;
  }
}

# syntax=docker/dockerfile:1
# CueGate image: docker build -t cuegate .   (see docs/OPERATIONS.md)

# ---- build: the jar and its runtime dependencies ----
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY proto/pom.xml proto/pom.xml
COPY server/pom.xml server/pom.xml
COPY proto/src proto/src
COPY server/src server/src
# The cache mount keeps ~/.m2 between builds without putting it into a layer.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# ---- runtime: a JRE, the jar, and nothing that runs as root ----
FROM eclipse-temurin:17-jre
# curl is what the HEALTHCHECK runs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 cuegate \
 && useradd --system --uid 10001 --gid cuegate --home-dir /app --shell /usr/sbin/nologin cuegate \
 && mkdir -p /app /logs /data \
 && chown cuegate:cuegate /logs /data
WORKDIR /app
COPY --from=build /src/server/target/cuegate.jar /app/cuegate.jar
COPY --from=build /src/server/target/lib /app/lib
ENV LOG_DIR=/logs \
    DATA_DIR=/data \
    REST_PORT=8448 \
    ADMIN_PORT=8449
USER 10001:10001
VOLUME ["/logs"]
EXPOSE 8448 8449
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${ADMIN_PORT}/healthz" || exit 1
# Serial GC and small stacks keep an idle gateway small; the heap follows the container's limit.
# Without ShrinkHeapInSteps the full collection CueGate runs once idle after work gives the whole
# excess back at once, not 0% of it the first time (docs/PERFORMANCE.md, "Memory at idle").
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xss512k", "-Dcom.linecorp.armeria.useOpenSsl=false", "-XX:MaxRAMPercentage=70", \
            "-XX:-ShrinkHeapInSteps", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/cuegate.jar"]
CMD ["serve"]

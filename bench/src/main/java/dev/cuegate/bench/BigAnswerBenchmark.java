package dev.cuegate.bench;

import com.google.protobuf.Message;
import dev.cuegate.testing.SampleFarm;
import dev.cuegate.transcode.Transcoder;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A ~35 MB {@code GetJobs} answer through the gateway: time to first and last byte, and how much
 * the gateway's heap grows while it streams. The fake Cuebot runs in a child process and the
 * client drops the body as it arrives, so this process' heap is the gateway's (run it with
 * {@code -XX:+UseSerialGC}; see {@link HeapSampler}).
 */
public final class BigAnswerBenchmark {
  private static final long TARGET_JSON_BYTES = 35_000_000;

  private BigAnswerBenchmark() {}

  /** Usage: {@code BigAnswerBenchmark [--quick]}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    boolean quick = List.of(args).contains("--quick");
    int jobs = jobsForTarget();
    Process cuebot = startCuebot(jobs);
    try (BenchGateway gateway = BenchGateway.start("127.0.0.1:" + readPort(cuebot))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest getJobs = gateway.post("/job.JobInterface/GetJobs", "{}");
      for (int i = 0; i < (quick ? 1 : 4); i++) {
        transfer(http, getJobs);
      }

      List<Transfer> timed = new ArrayList<>();
      long garbageBound = 0;
      for (int i = 0; i < (quick ? 1 : 3); i++) {
        long before = HeapSampler.liveHeap();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        timed.add(transfer(http, getJobs));
        long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        garbageBound = Math.max(garbageBound, peak - before);
      }
      timed.sort((a, b) -> Long.compare(a.lastByteNanos(), b.lastByteNanos()));
      Transfer median = timed.get(timed.size() / 2);

      HeapSampler sampler = HeapSampler.start(Duration.ofMillis(20));
      try {
        transfer(http, getJobs);
      } finally {
        sampler.close();
      }
      System.out.printf(
          Locale.ROOT,
          "big GetJobs %s (%d jobs): ttlb %.2f s, ttfb %.2f s, heap growth %s (%.2fx answer,"
              + " live, %d samples); peak with garbage +%s [%s]%n",
          Units.bytes(median.bytes()),
          jobs,
          median.lastByteNanos() / 1e9,
          median.firstByteNanos() / 1e9,
          Units.bytes(sampler.growth()),
          (double) sampler.growth() / median.bytes(),
          sampler.samples(),
          Units.bytes(garbageBound),
          String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    } finally {
      cuebot.getOutputStream().close();
      if (!cuebot.waitFor(10, TimeUnit.SECONDS)) {
        cuebot.destroy();
      }
    }
  }

  private record Transfer(long bytes, long firstByteNanos, long lastByteNanos) {}

  /** Streams the answer and drops it 64 KiB at a time, so the client holds almost nothing. */
  private static Transfer transfer(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = System.nanoTime() - start;
    long total = 0;
    byte[] chunk = new byte[64 * 1024];
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "gateway answered " + response.statusCode() + ": "
                + new String(body.readNBytes(500), StandardCharsets.UTF_8));
      }
      for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
        total += read;
      }
    }
    return new Transfer(total, firstByte, System.nanoTime() - start);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  /** How many generated jobs the fake needs for an answer of about 35 MB of JSON. */
  private static int jobsForTarget() throws IOException {
    int sample = 1_000;
    Message jobs = SampleFarm.jobs(sample);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    Transcoder.create().codec(jobs.getDescriptorForType()).toJson(jobs.toByteArray(), json);
    return (int) (TARGET_JSON_BYTES * sample / json.size());
  }

  private static Process startCuebot(int jobs) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            Arrays.asList(
                java.toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                FakeCuebotProcess.class.getName(),
                Integer.toString(jobs)))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int readPort(Process cuebot) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(cuebot.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("port ")) {
        return Integer.parseInt(line.substring("port ".length()));
      }
    }
    throw new IllegalStateException("the fake Cuebot exited before listening");
  }
}

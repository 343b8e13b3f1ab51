package dev.cuegate.bench;

import com.google.protobuf.Message;
import dev.cuegate.transcode.MessageCodec;
import dev.cuegate.transcode.Transcoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CueGate's transcoder against protobuf-java's JsonFormat, both directions, on whole Cuebot
 * answers: wire bytes to JSON bytes, and JSON bytes to wire bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranscodeBenchmark {

  @Param({"GetFrames-1000", "GetJobs-10000", "GetShows"})
  public String answer;

  private MessageCodec cuegate;
  private JsonFormatBaseline jsonFormat;
  private byte[] wire;
  private byte[] json;

  /** A reused output buffer, so neither side is charged for growing one. */
  @State(Scope.Thread)
  public static class Output {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 * 1024);
  }

  @Setup
  public void setUp() throws IOException {
    Message message = Answer.byLabel(answer).message();
    cuegate = Transcoder.create().codec(message.getDescriptorForType());
    jsonFormat = new JsonFormatBaseline(message);
    wire = message.toByteArray();
    json = Equivalence.check(message, cuegate, jsonFormat);
  }

  @Benchmark
  public int cuegateToJson(Output out) throws IOException {
    out.bytes.reset();
    cuegate.toJson(wire, out.bytes);
    return out.bytes.size();
  }

  @Benchmark
  public int jsonformatToJson(Output out) throws IOException {
    out.bytes.reset();
    jsonFormat.toJson(wire, out.bytes);
    return out.bytes.size();
  }

  @Benchmark
  public byte[] cuegateToProto() {
    List<String> unknownFields = new ArrayList<>();
    return cuegate.toProto(new ByteArrayInputStream(json), unknownFields);
  }

  @Benchmark
  public byte[] jsonformatToProto() throws IOException {
    return jsonFormat.toProto(json);
  }
}

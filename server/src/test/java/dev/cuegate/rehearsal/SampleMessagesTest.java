package dev.cuegate.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.transcode.Transcoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The made-up answers are valid messages of every response type, at the sizes asked for. */
class SampleMessagesTest {
  private static final MethodRegistry REGISTRY = MethodRegistry.opencue(List.of());
  private static final Transcoder TRANSCODER = Transcoder.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyResponseTypeTranscodesToJson() throws IOException {
    for (ApiMethod method : REGISTRY.methods()) {
      JsonNode json = json(method, SampleMessages.wireBytes(method.outputType(), 2));

      assertThat(json.isObject()).as(method.fullName()).isTrue();
    }
  }

  @Test
  void theOutermostListHoldsTheElementsAskedForAndEachFieldVariesAcrossThem() throws IOException {
    ApiMethod getFrames = REGISTRY.resolve("job.JobInterface", "GetFrames").orElseThrow();
    Descriptor frame = getFrames.outputType()
        .findFieldByName("frames").getMessageType()
        .findFieldByName("frames").getMessageType();

    JsonNode frames =
        json(getFrames, SampleMessages.wireBytes(getFrames.outputType(), 300)).at("/frames/frames");

    assertThat(frames.size()).isEqualTo(300);
    for (FieldDescriptor field : frame.getFields()) {
      Set<String> values = new HashSet<>();
      frames.forEach(each -> values.add(each.path(field.getJsonName()).toString()));
      assertThat(values).as(field.getName()).hasSizeGreaterThan(1);
    }
    List<String> names = new ArrayList<>();
    frames.forEach(each -> names.add(each.path("name").asText()));
    assertThat(names).as("some left at the default").contains("");
    assertThat(names).as("some to escape").anyMatch(name -> name.contains("\"\t"));
    assertThat(names).as("some not ASCII").anyMatch(name -> name.contains("日本"));
  }

  private static JsonNode json(ApiMethod method, byte[] wire) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TRANSCODER.codec(method.outputType()).toJson(wire, out);
    return JSON.readTree(out.toByteArray());
  }
}

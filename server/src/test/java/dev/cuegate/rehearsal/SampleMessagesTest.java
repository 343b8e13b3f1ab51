package dev.cuegate.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.transcode.Transcoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
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
  void theOutermostListHoldsTheElementsAskedForAndEveryFieldIsSet() throws IOException {
    ApiMethod getFrames = REGISTRY.resolve("job.JobInterface", "GetFrames").orElseThrow();

    JsonNode frames =
        json(getFrames, SampleMessages.wireBytes(getFrames.outputType(), 300)).at("/frames/frames");

    assertThat(frames.size()).isEqualTo(300);
    assertThat(frames.get(0).at("/name").asText()).isEqualTo("name-0");
    assertThat(frames.get(299).at("/name").asText()).isEqualTo("name-299");
    assertThat(frames.get(0).size())
        .as("fields of a frame")
        .isEqualTo(getFrames.outputType()
            .findFieldByName("frames").getMessageType()
            .findFieldByName("frames").getMessageType().getFields().size());
  }

  private static JsonNode json(ApiMethod method, byte[] wire) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TRANSCODER.codec(method.outputType()).toJson(wire, out);
    return JSON.readTree(out.toByteArray());
  }
}

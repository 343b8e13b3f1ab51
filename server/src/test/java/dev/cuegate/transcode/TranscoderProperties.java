package dev.cuegate.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * The transcoder against protobuf-java's JsonFormat, over random messages of every message type
 * in the contract. Each try covers every type once with messages drawn from the try's seed.
 */
class TranscoderProperties {
  private static final List<Descriptor> TYPES = RandomMessages.types();
  private final Transcoder transcoder = Transcoder.create();

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void jsonMatchesJsonFormatNormalizedToGrpcGateway(@ForAll long seed) {
    RandomMessages messages = new RandomMessages(seed);
    for (Descriptor type : TYPES) {
      // given
      DynamicMessage message = messages.next(type);

      // when
      JsonNode ours = JsonOracle.tree(JsonOracle.ourJson(message));

      // then
      JsonNode expected = JsonOracle.tree(JsonOracle.oracleJson(message));
      assertThat(JsonOracle.normalize(ours, type))
          .as("%s: %s", type.getFullName(), message)
          .isEqualTo(JsonOracle.normalize(expected, type));
      assertThat(JsonOracle.inDeclarationOrder(ours, type))
          .as("declaration order of %s", ours)
          .isTrue();
    }
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void jsonReadsBackToTheSameMessage(@ForAll long seed) throws Exception {
    RandomMessages messages = new RandomMessages(seed);
    for (Descriptor type : TYPES) {
      // given
      DynamicMessage message = messages.next(type);
      String json = JsonOracle.ourJson(message);

      // when
      DynamicMessage back = parse(type, json);

      // then
      assertThat(back).as("%s from %s", type.getFullName(), json).isEqualTo(message);
    }
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void jsonFormatOutputIsValidInput(@ForAll long seed) throws Exception {
    RandomMessages messages = new RandomMessages(seed);
    for (Descriptor type : TYPES) {
      // given
      DynamicMessage message = messages.next(type);
      String json = JsonOracle.oracleJson(message);

      // when
      DynamicMessage back = parse(type, json);

      // then
      assertThat(back).as("%s from %s", type.getFullName(), json).isEqualTo(message);
    }
  }

  private DynamicMessage parse(Descriptor type, String json)
      throws InvalidProtocolBufferException {
    List<String> unknown = new ArrayList<>();
    byte[] wire =
        transcoder
            .codec(type)
            .toProto(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), unknown);
    assertThat(unknown).isEmpty();
    return DynamicMessage.parseFrom(type, wire);
  }
}

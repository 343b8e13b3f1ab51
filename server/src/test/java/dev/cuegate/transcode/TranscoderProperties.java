package dev.cuegate.transcode;

import static dev.cuegate.testing.RandomChecks.forAll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transcoder against protobuf-java's JsonFormat, over random messages of every message type
 * in the contract. Each try covers every type once with messages drawn from the try's seed.
 */
class TranscoderProperties {
  private static final List<Descriptor> TYPES = RandomMessages.types();
  /** Each try covers every message type of the contract, so a few tries go a long way. */
  private static final int TRIES = 12;

  private final Transcoder transcoder = Transcoder.create();

  @Test
  void jsonMatchesJsonFormatNormalizedToGrpcGateway() {
    forAll(TRIES, random -> unchecked(() -> checkJsonMatchesJsonFormatNormalizedToGrpcGateway(random.nextLong())));
  }

  @Test
  void jsonReadsBackToTheSameMessage() {
    forAll(TRIES, random -> unchecked(() -> checkJsonReadsBackToTheSameMessage(random.nextLong())));
  }

  @Test
  void jsonFormatOutputIsValidInput() {
    forAll(TRIES, random -> unchecked(() -> checkJsonFormatOutputIsValidInput(random.nextLong())));
  }

  @Test
  void fieldOrderOnTheWireDoesNotChangeTheJson() {
    forAll(TRIES, random -> unchecked(() -> checkFieldOrderOnTheWireDoesNotChangeTheJson(random.nextLong())));
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void unchecked(Check check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void checkJsonMatchesJsonFormatNormalizedToGrpcGateway(long seed) throws Exception {
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

  private void checkJsonReadsBackToTheSameMessage(long seed) throws Exception {
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

  private void checkJsonFormatOutputIsValidInput(long seed) throws Exception {
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

  private void checkFieldOrderOnTheWireDoesNotChangeTheJson(long seed) throws Exception {
    RandomMessages messages = new RandomMessages(seed);
    Random random = new Random(seed);
    for (Descriptor type : TYPES) {
      // given
      DynamicMessage message = messages.next(type);
      byte[] shuffled = interleaveFields(message.toByteArray(), random);

      // when
      String json = AllTypesFixture.toJson(type, shuffled);

      // then
      assertThat(json).as(type.getFullName()).isEqualTo(JsonOracle.ourJson(message));
    }
  }

  /** The same top-level records, fields interleaved at random, each field's records in order. */
  private static byte[] interleaveFields(byte[] wire, Random random) throws IOException {
    Map<Integer, Deque<byte[]>> byField = new LinkedHashMap<>();
    CodedInputStream in = CodedInputStream.newInstance(wire);
    int start = 0;
    int tag;
    while ((tag = in.readTag()) != 0) {
      in.skipField(tag);
      int end = in.getTotalBytesRead();
      byField
          .computeIfAbsent(WireFormat.getTagFieldNumber(tag), n -> new ArrayDeque<>())
          .add(Arrays.copyOfRange(wire, start, end));
      start = end;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Deque<byte[]>> pending = new ArrayList<>(byField.values());
    while (!pending.isEmpty()) {
      int pick = random.nextInt(pending.size());
      out.write(pending.get(pick).removeFirst());
      if (pending.get(pick).isEmpty()) {
        pending.remove(pick);
      }
    }
    return out.toByteArray();
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

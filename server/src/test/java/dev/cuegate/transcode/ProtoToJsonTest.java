package dev.cuegate.transcode;

import static dev.cuegate.transcode.AllTypesFixture.builder;
import static dev.cuegate.transcode.AllTypesFixture.field;
import static dev.cuegate.transcode.AllTypesFixture.mapEntry;
import static dev.cuegate.transcode.AllTypesFixture.toJson;
import static dev.cuegate.transcode.AllTypesFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowFindShowResponse;
import dev.cuegate.proto.show.ShowStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProtoToJsonTest {

  @Test
  void findShowAnswerMatchesTheSeedByteForByte() throws IOException {
    // given
    ShowFindShowResponse response =
        ShowFindShowResponse.newBuilder()
            .setShow(
                Show.newBuilder()
                    .setId("00000000-0000-0000-0000-000000000000")
                    .setName("testshow")
                    .setDefaultMinCores(1)
                    .setDefaultMaxCores(10)
                    .setCommentEmail("middle-tier@company.com")
                    .setBookingEnabled(true)
                    .setDispatchEnabled(true)
                    .setActive(true)
                    .setShowStats(
                        ShowStats.newBuilder()
                            .setRunningFrames(75)
                            .setDeadFrames(14)
                            .setPendingFrames(1814)
                            .setPendingJobs(175)
                            .setCreatedJobCount(2353643)
                            .setCreatedFrameCount(10344702)
                            .setRenderedFrameCount(9733366)
                            .setFailedFrameCount(1096394)
                            .setReservedCores(252)
                            .setReservedGpus(0))
                    .setDefaultMinGpus(100)
                    .setDefaultMaxGpus(100000))
            .build();

    // when
    String json = toJson(ShowFindShowResponse.getDescriptor(), response.toByteArray());

    // then the documented answer, plus the field the contract gained since (scheduler_managed = 12)
    String documented = documentedFindShowAnswer();
    String expected =
        documented.substring(0, documented.length() - 2) + ",\"schedulerManaged\":false}}";
    assertThat(json).isEqualTo(expected);
  }

  @Test
  void nonFiniteFloatsAreStrings() {
    assertThat(toJson(with("single_f", Float.NaN))).contains("\"singleF\":\"NaN\",");
    assertThat(toJson(with("single_d", Double.POSITIVE_INFINITY)))
        .startsWith("{\"singleD\":\"Infinity\",");
    assertThat(toJson(with("single_d", Double.NEGATIVE_INFINITY)))
        .startsWith("{\"singleD\":\"-Infinity\",");
  }

  @Test
  void floatsPrintShortestFormsLikeGo() {
    assertThat(toJson(with("single_f", 0.1f))).contains("\"singleF\":0.1,");
    assertThat(toJson(with("single_f", -0.0f))).contains("\"singleF\":-0,");
    assertThat(toJson(with("single_f", 1e21f))).contains("\"singleF\":1e+21,");
    assertThat(toJson(with("single_d", 1e-7))).contains("\"singleD\":1e-7,");
    assertThat(toJson(with("single_d", 100000.0))).contains("\"singleD\":100000,");
  }

  @Test
  void sixtyFourBitIntegersAreStringsAndUnsignedOnesHaveNoSign() {
    assertThat(toJson(with("single_i64", Long.MAX_VALUE)))
        .contains("\"singleI64\":\"9223372036854775807\",");
    assertThat(toJson(with("single_sf64", Long.MIN_VALUE)))
        .contains("\"singleSf64\":\"-9223372036854775808\",");
    assertThat(toJson(with("single_s64", Long.MIN_VALUE)))
        .contains("\"singleS64\":\"-9223372036854775808\",");
    assertThat(toJson(with("single_u64", -1L)))
        .contains("\"singleU64\":\"18446744073709551615\",");
    assertThat(toJson(with("single_f64", -1L)))
        .contains("\"singleF64\":\"18446744073709551615\",");
    assertThat(toJson(with("single_u32", -1))).contains("\"singleU32\":4294967295,");
    assertThat(toJson(with("single_i32", -1))).contains("\"singleI32\":-1,");
    assertThat(toJson(with("single_s32", Integer.MIN_VALUE)))
        .contains("\"singleS32\":-2147483648,");
  }

  @Test
  void unpopulatedFieldsAreEmittedWithZeroValuesAndUnsetMessagesAsNull() {
    // when
    String json = toJson(builder().build());

    // then
    assertThat(json)
        .startsWith(
            "{\"singleD\":0,\"singleF\":0,\"singleI32\":0,\"singleI64\":\"0\",\"singleU32\":0,"
                + "\"singleU64\":\"0\",\"singleS32\":0,\"singleS64\":\"0\",\"singleF32\":0,"
                + "\"singleF64\":\"0\",\"singleSf32\":0,\"singleSf64\":\"0\",\"singleB\":false,"
                + "\"singleS\":\"\",\"singleBy\":\"\",\"manyD\":[],")
        .contains(
            "\"color\":\"COLOR_UNSPECIFIED\",\"colors\":[],\"child\":null,\"children\":[],"
                + "\"byInt32\":{},")
        .endsWith("\"colorsByName\":{}}")
        .doesNotContain("chosen")
        .doesNotContain("maybe");
  }

  @Test
  void emptyMessageIsAnObjectOfDefaultsWhileUnsetIsNull() {
    // given
    DynamicMessage empty = with("child", builder().build());

    // when
    String json = toJson(empty);

    // then
    assertThat(json).contains("\"child\":{\"singleD\":0,").contains("\"children\":[]");
    assertThat(toJson(builder().build())).contains("\"child\":null");
  }

  @Test
  void oneofMembersAppearOnlyWhenSetAndThenEvenWithTheirDefault() {
    assertThat(toJson(with("chosen_count", 0L)))
        .endsWith("\"colorsByName\":{},\"chosenCount\":\"0\"}");
    assertThat(toJson(with("maybe", 0.0))).endsWith("\"colorsByName\":{},\"maybe\":0}");
    assertThat(toJson(with("chosen_node", builder().build())))
        .contains("\"chosenNode\":{\"singleD\":0,");
  }

  @Test
  void mapsAreObjectsSortedByKeyLikeGo() {
    // given
    DynamicMessage message =
        builder()
            .addRepeatedField(field("by_int32"), mapEntry("by_int32", 10, "ten"))
            .addRepeatedField(field("by_int32"), mapEntry("by_int32", -1, "minus"))
            .addRepeatedField(field("by_int32"), mapEntry("by_int32", 2, "two"))
            .addRepeatedField(field("by_string"), mapEntry("by_string", "b", "1"))
            .addRepeatedField(field("by_string"), mapEntry("by_string", "a", "2"))
            .addRepeatedField(field("by_string"), mapEntry("by_string", "B", "3"))
            .addRepeatedField(field("by_bool"), mapEntry("by_bool", true, "yes"))
            .addRepeatedField(field("by_bool"), mapEntry("by_bool", false, "no"))
            .addRepeatedField(field("by_uint64"), mapEntry("by_uint64", -1L, 1.5))
            .addRepeatedField(field("by_uint64"), mapEntry("by_uint64", 7L, 0.0))
            .build();

    // when
    String json = toJson(message);

    // then
    assertThat(json)
        .contains("\"byInt32\":{\"-1\":\"minus\",\"2\":\"two\",\"10\":\"ten\"}")
        .contains("\"byString\":{\"B\":\"3\",\"a\":\"2\",\"b\":\"1\"}")
        .contains("\"byBool\":{\"false\":\"no\",\"true\":\"yes\"}")
        .contains("\"byUint64\":{\"7\":0,\"18446744073709551615\":1.5}");
  }

  @Test
  void mapMessageValuesAreFullObjects() {
    // given
    DynamicMessage message =
        builder()
            .addRepeatedField(
                field("children_by_name"),
                mapEntry("children_by_name", "x", with("single_i32", 3)))
            .build();

    // when
    String json = toJson(message);

    // then
    assertThat(json).contains("\"childrenByName\":{\"x\":{\"singleD\":0,\"singleF\":0,\"singleI32\":3,");
  }

  @Test
  void nestedRepeatedMessagesKeepTheirOrder() {
    // given
    DynamicMessage inner = with("single_s", "inner");
    DynamicMessage message =
        builder()
            .addRepeatedField(field("children"), with("single_i32", 1))
            .addRepeatedField(
                field("children"),
                builder().setField(field("single_i32"), 2).addRepeatedField(field("children"), inner).build())
            .build();

    // when
    String json = toJson(message);

    // then
    assertThat(count(json, "\"singleI32\":1,")).isEqualTo(1);
    assertThat(json.indexOf("\"singleI32\":1,")).isLessThan(json.indexOf("\"singleI32\":2,"));
    assertThat(json.indexOf("\"singleI32\":2,")).isLessThan(json.indexOf("\"singleS\":\"inner\""));
  }

  @Test
  void stringsAreEscapedMinimallyAndNonAsciiPassesThrough() {
    // given
    DynamicMessage message = with("single_s", "é日本😀\"\\/\n\t\u0001\u001f\u007f\u2028");

    // when
    String json = toJson(message);

    // then
    assertThat(json)
        .contains("\"singleS\":\"é日本😀\\\"\\\\/\\n\\t\\u0001\\u001f\u007f\u2028\"");
  }

  @Test
  void bytesAreStandardBase64WithPadding() {
    assertThat(toJson(with("single_by", ByteString.copyFrom(new byte[] {(byte) 0xFB, (byte) 0xEF}))))
        .contains("\"singleBy\":\"++8=\"");
  }

  @Test
  void enumNumbersWithoutANameArePrintedAsNumbers() {
    // given
    DynamicMessage message =
        builder()
            .setField(field("color"), field("color").getEnumType().findValueByNumberCreatingIfUnknown(5))
            .addRepeatedField(field("colors"), field("color").getEnumType().findValueByNumber(7))
            .build();

    // when
    String json = toJson(message);

    // then
    assertThat(json).contains("\"color\":5,\"colors\":[\"BLUE\"]");
  }

  @Test
  void fieldsOutOfOrderUnpackedAndRepeatedAreReadLikeProtobufDoes() throws IOException {
    // given: fields in reverse order, an unpacked repeated field split by another field, a
    // singular scalar twice (last wins), a singular message twice (merged), an unknown field
    byte[] wire =
        encode(
            out -> {
              out.writeString(number("single_s"), "last-wins-not");
              out.writeInt32(number("many_i32"), 5);
              out.writeMessage(number("chosen_node"), with("single_i32", 4));
              out.writeInt64(999, 1);
              out.writeInt32(number("many_i32"), 6);
              out.writeByteArray(number("child"), with("single_i32", 9).toByteArray());
              out.writeByteArray(number("child"), with("single_s", "merged").toByteArray());
              out.writeInt32(number("single_i32"), 42);
              out.writeString(number("single_s"), "last-wins");
            });

    // when
    String json = toJson(AllTypesFixture.TYPE, wire);

    // then
    DynamicMessage expected =
        builder()
            .setField(field("single_i32"), 42)
            .setField(field("single_s"), "last-wins")
            .addRepeatedField(field("many_i32"), 5)
            .addRepeatedField(field("many_i32"), 6)
            .setField(
                field("child"),
                builder().setField(field("single_i32"), 9).setField(field("single_s"), "merged").build())
            .setField(field("chosen_node"), with("single_i32", 4))
            .build();
    assertThat(json).isEqualTo(toJson(expected));
  }

  @Test
  void lastMemberOfAOneofWins() throws IOException {
    // given
    byte[] wire =
        encode(
            out -> {
              out.writeString(number("chosen_name"), "first");
              out.writeInt64(number("chosen_count"), 8);
            });

    // when
    String json = toJson(AllTypesFixture.TYPE, wire);

    // then
    assertThat(json).endsWith(",\"chosenCount\":\"8\"}").doesNotContain("chosenName");
  }

  @Test
  void duplicateMapKeysKeepTheLastValue() throws IOException {
    // given
    byte[] wire =
        encode(
            out -> {
              out.writeMessage(number("by_string"), mapEntry("by_string", "k", "old"));
              out.writeMessage(number("by_string"), mapEntry("by_string", "k", "new"));
            });

    // when
    String json = toJson(AllTypesFixture.TYPE, wire);

    // then
    assertThat(json).contains("\"byString\":{\"k\":\"new\"}");
  }

  @Test
  void malformedWireBytesAreATranscodeException() {
    Stream.of(
            new byte[] {0x08},
            new byte[] {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
            new byte[] {0x72, 0x05, 'a'},
            new byte[] {0x72, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
            new byte[] {0x0C},
            new byte[] {0x0F, 0x00},
            new byte[] {0x00},
            new byte[] {(byte) 0xFB, 0x3E, 0x00})
        .forEach(
            wire ->
                assertThatThrownBy(() -> toJson(AllTypesFixture.TYPE, wire))
                    .isInstanceOf(TranscodeException.class)
                    .extracting(e -> ((TranscodeException) e).fieldPath())
                    .isEqualTo(""));
  }

  @Test
  void invalidUtf8InAStringIsATranscodeException() throws IOException {
    byte[] wire = encode(out -> out.writeByteArray(number("single_s"), new byte[] {'a', (byte) 0xC3}));

    assertThatThrownBy(() -> toJson(AllTypesFixture.TYPE, wire))
        .isInstanceOf(TranscodeException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void messagesNestedDeeperThanTheLimitAreRejected() {
    // given
    DynamicMessage message = builder().build();
    for (int i = 0; i <= WireToJson.MAX_DEPTH; i++) {
      message = with("child", message);
    }
    byte[] wire = message.toByteArray();

    // when / then
    assertThatThrownBy(() -> toJson(AllTypesFixture.TYPE, wire))
        .isInstanceOf(TranscodeException.class)
        .hasMessageContaining("deeper than 100");
  }

  @Test
  void deeplyNestedUnknownGroupsAreRejectedWithoutRecursion() {
    // given 100,000 nested start-group markers of an unknown field
    byte[] wire = new byte[200_000];
    for (int i = 0; i < wire.length; i += 2) {
      wire[i] = (byte) 0xBB;
      wire[i + 1] = 0x3E;
    }

    // when / then
    assertThatThrownBy(() -> toJson(AllTypesFixture.TYPE, wire))
        .isInstanceOf(TranscodeException.class);
  }

  @Test
  void writesToTheStreamWithoutClosingIt() throws IOException {
    // given
    class CloseTracking extends ByteArrayOutputStream {
      boolean closed;

      @Override
      public void close() {
        closed = true;
      }
    }
    CloseTracking out = new CloseTracking();

    // when
    Transcoder.create().codec(AllTypesFixture.TYPE).toJson(new byte[0], out);

    // then
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"singleD\":0,");
    assertThat(out.closed).isFalse();
  }

  private interface Encoding {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] encode(Encoding encoding) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    encoding.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  private static int number(String name) {
    return field(name).getNumber();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  /** The answer to this call as OpenCue's gateway documentation shows it. */
  private static String documentedFindShowAnswer() throws IOException {
    try (InputStream in =
        ProtoToJsonTest.class.getResourceAsStream("/gateway-docs/find-show-answer.json")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

}

package dev.cuegate.transcode;

import static dev.cuegate.transcode.AllTypesFixture.builder;
import static dev.cuegate.transcode.AllTypesFixture.field;
import static dev.cuegate.transcode.AllTypesFixture.mapEntry;
import static dev.cuegate.transcode.AllTypesFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cuegate.proto.job.GroupSetMinCoresRequest;
import dev.cuegate.proto.job.JobGetFramesRequest;
import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.LayerFindLayerRequest;
import dev.cuegate.proto.show.Show;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonToProtoTest {
  private final List<String> unknown = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(strings = {"", " \n\t ", "{}", " { } "})
  void emptyInputIsAnEmptyMessage(String json) {
    assertThat(AllTypesFixture.toProto(AllTypesFixture.TYPE, json, unknown)).isEmpty();
  }

  @Test
  void fieldsAreAcceptedByJsonNameAndByProtoName() throws Exception {
    // when
    Show camel = Show.parseFrom(toProto(Show.getDescriptor(), "{\"defaultMinCores\": 1.5}"));
    Show snake = Show.parseFrom(toProto(Show.getDescriptor(), "{\"default_min_cores\": 2}"));

    // then
    assertThat(camel.getDefaultMinCores()).isEqualTo(1.5f);
    assertThat(snake.getDefaultMinCores()).isEqualTo(2f);
  }

  @Test
  void nullMeansUnset() throws Exception {
    assertThat(parse("{\"singleS\": null, \"child\": null, \"manyI32\": null, \"byString\": null}"))
        .isEqualTo(builder().build());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"singleI32\": 12} | 12",
        "{\"singleI32\": \"12\"} | 12",
        "{\"singleI32\": 1e3} | 1000",
        "{\"singleI32\": 12.0} | 12",
        "{\"singleI32\": \"-2147483648\"} | -2147483648",
        "{\"singleI32\": \"1.2e1\"} | 12",
      })
  void integersAreAcceptedAsNumbersAndStrings(String json, int expected) throws Exception {
    assertThat(parse(json).getField(field("single_i32"))).isEqualTo(expected);
  }

  @Test
  void sixtyFourBitIntegersCoverTheirWholeRange() throws Exception {
    // when
    DynamicMessage message =
        parse(
            "{\"singleU64\": \"18446744073709551615\", \"singleI64\": -9223372036854775808,"
                + " \"singleF64\": 18446744073709551615, \"singleU32\": 4294967295}");

    // then
    assertThat(message.getField(field("single_u64"))).isEqualTo(-1L);
    assertThat(message.getField(field("single_i64"))).isEqualTo(Long.MIN_VALUE);
    assertThat(message.getField(field("single_f64"))).isEqualTo(-1L);
    assertThat(message.getField(field("single_u32"))).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"singleI32\": \"abc\"} | invalid value for int32 field singleI32: \"abc\"",
        "{\"single_i32\": 1.5} | invalid value for int32 field single_i32: 1.5",
        "{\"singleI32\": 2147483648} | invalid value for int32 field singleI32: 2147483648",
        "{\"singleU32\": -1} | invalid value for uint32 field singleU32: -1",
        "{\"singleU64\": \"-1\"} | invalid value for uint64 field singleU64: \"-1\"",
        "{\"singleU64\": 18446744073709551616} | invalid value for uint64 field singleU64",
        "{\"singleI64\": 1e300} | invalid value for int64 field singleI64: 1e300",
        "{\"singleI32\": \" 1\"} | invalid value for int32 field singleI32: \" 1\"",
        "{\"singleI32\": true} | expected an integer (number or string) for int32 field singleI32,"
            + " got a boolean",
        "{\"singleF\": 1e39} | invalid value for float field singleF: 1e39",
        "{\"singleD\": \"fast\"} | invalid value for double field singleD: \"fast\"",
        "{\"singleB\": \"true\"} | expected true or false for bool field singleB, got a string",
        "{\"singleS\": 5} | expected a JSON string for string field singleS, got a number",
        "{\"singleBy\": \"!!\"} | invalid value for bytes field singleBy: \"!!\"",
        "{\"color\": \"PURPLE\"} | invalid value for enum field color (cgtest.Color): \"PURPLE\"",
        "{\"color\": 1.5} | expected a value name or number for enum field color (cgtest.Color),"
            + " got a number",
        "{\"child\": []} | expected a JSON object for message field child (cgtest.AllTypes),"
            + " got an array",
        "{\"manyS\": \"x\"} | expected a JSON array for repeated string field manyS, got a string",
        "{\"byString\": []} | expected a JSON object for map field byString, got an array",
      })
  void valuesOfTheWrongTypeAreRejectedNamingTheField(String json, String message) {
    assertRejected(json).hasMessageContaining(message);
  }

  @Test
  void errorsCarryThePathOfTheOffendingValue() {
    assertRejected("{\"child\": {\"children\": [{}, {\"single_i32\": \"x\"}]}}")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("child.children[1].single_i32");
    assertRejected("{\"manyI32\": [1, \"x\"]}")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("manyI32[1]");
    assertRejected("{\"byInt32\": {\"7\": 5}}")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("byInt32.7");
  }

  @Test
  void seedFindLayerBodyWithAnObjectForTheJobNameIsRejectedNamingJob() {
    assertThatThrownBy(
            () ->
                toProto(
                    LayerFindLayerRequest.getDescriptor(),
                    "{\"job\": {\"name\": \"x\"}, \"layer\": \"render\"}"))
        .isInstanceOf(TranscodeException.class)
        .hasMessage("expected a JSON string for string field job, got an object")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("job");
  }

  @Test
  void aStringWhereAMessageBelongsIsRejectedNamingTheMessageType() {
    assertThatThrownBy(() -> toProto(JobGetFramesRequest.getDescriptor(), "{\"job\": \"x\"}"))
        .isInstanceOf(TranscodeException.class)
        .hasMessage("expected a JSON object for message field job (job.Job), got a string");
  }

  @Test
  void aWrongElementInAListIsNamedWithItsIndex() {
    assertThatThrownBy(
            () ->
                toProto(JobGetJobsRequest.getDescriptor(), "{\"r\": {\"shows\": [\"a\", {}]}}"))
        .isInstanceOf(TranscodeException.class)
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("r.shows[1]");
  }

  @Test
  void unknownFieldsAreSkippedAndReportedByPath() throws Exception {
    // when
    byte[] wire =
        toProto(
            GroupSetMinCoresRequest.getDescriptor(),
            "{\"group\": {\"name\": \"g\", \"bogus\": {\"deep\": [1, {\"x\": null}]}}, \"cores\": 5}");

    // then
    assertThat(unknown).containsExactly("group.bogus", "cores");
    GroupSetMinCoresRequest request = GroupSetMinCoresRequest.parseFrom(wire);
    assertThat(request.getGroup().getName()).isEqualTo("g");
    assertThat(request.getMinCores()).isZero();
  }

  @Test
  void unknownFieldPathsNameArrayElementsAndNestedCriteria() {
    // when
    toProto(JobGetJobsRequest.getDescriptor(), "{\"r\": {\"show\": \"testing\"}}");
    AllTypesFixture.toProto(
        AllTypesFixture.TYPE,
        "{\"children\": [{}, {}, {\"foo\": 1}], \"child\": {\"states\": {\"bogus\": true}}}",
        unknown);

    // then
    assertThat(unknown).containsExactly("r.show", "children[2].foo", "child.states");
  }

  @Test
  void oneofMemberSetToItsDefaultIsWritten() throws Exception {
    // when
    DynamicMessage message = parse("{\"chosenCount\": 0, \"maybe\": 0}");

    // then
    assertThat(message.hasField(field("chosen_count"))).isTrue();
    assertThat(message.hasField(field("maybe"))).isTrue();
    assertThat(message.getField(field("chosen_count"))).isEqualTo(0L);
  }

  @Test
  void twoMembersOfOneOneofAreRejected() {
    assertRejected("{\"chosenName\": \"a\", \"chosenCount\": 1}")
        .hasMessageContaining("oneof choice")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("chosenCount");
  }

  @Test
  void aFieldGivenUnderBothNamesIsRejected() {
    assertRejected("{\"singleI32\": 1, \"single_i32\": 2}")
        .hasMessageContaining("more than once")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("single_i32");
  }

  @Test
  void floatsAcceptStringsForNonFiniteValuesAndKeepNegativeZero() throws Exception {
    // when
    DynamicMessage message =
        parse(
            "{\"singleF\": \"NaN\", \"singleD\": \"-Infinity\", \"manyD\": [\"Infinity\", -0,"
                + " \"1.5\", 2], \"manyF\": [-0.0, 0.1]}");

    // then
    assertThat((Float) message.getField(field("single_f"))).isNaN();
    assertThat(message.getField(field("single_d"))).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(message.getField(field("many_d")))
        .isEqualTo(List.of(Double.POSITIVE_INFINITY, -0.0, 1.5, 2.0));
    assertThat(message.getField(field("many_f"))).isEqualTo(List.of(-0.0f, 0.1f));
  }

  @Test
  void enumsAreAcceptedByNameAndByNumber() throws Exception {
    // when
    DynamicMessage message = parse("{\"color\": \"BLUE\", \"colors\": [1, \"GREEN\", 99]}");

    // then
    assertThat(message.getField(field("color")))
        .isEqualTo(field("color").getEnumType().findValueByName("BLUE"));
    assertThat(message.getField(field("colors")).toString()).isEqualTo("[RED, GREEN, UNKNOWN_ENUM_VALUE_Color_99]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"++8=", "++8", "--8=", "--8"})
  void bytesAcceptStandardAndUrlSafeBase64PaddedOrNot(String base64) throws Exception {
    assertThat(parse("{\"singleBy\": \"" + base64 + "\"}").getField(field("single_by")))
        .isEqualTo(ByteString.copyFrom(new byte[] {(byte) 0xFB, (byte) 0xEF}));
  }

  @Test
  void mapKeysAreConvertedToTheKeyType() throws Exception {
    // when
    DynamicMessage message =
        parse(
            "{\"byInt64\": {\"-5\": 1}, \"byBool\": {\"true\": \"t\"}, \"byUint64\":"
                + " {\"18446744073709551615\": 0.5}, \"childrenByName\": {\"a\": {\"singleI32\": 3}}}");

    // then
    DynamicMessage expected =
        builder()
            .addRepeatedField(field("by_int64"), mapEntry("by_int64", -5L, 1))
            .addRepeatedField(field("by_bool"), mapEntry("by_bool", true, "t"))
            .addRepeatedField(field("by_uint64"), mapEntry("by_uint64", -1L, 0.5))
            .addRepeatedField(
                field("children_by_name"), mapEntry("children_by_name", "a", with("single_i32", 3)))
            .build();
    assertThat(message).isEqualTo(expected);
  }

  @Test
  void badMapKeysAreRejectedWithThePath() {
    assertRejected("{\"byBool\": {\"yes\": \"t\"}}")
        .hasMessageContaining("bool keys")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo("byBool.yes");
    assertRejected("{\"byInt32\": {\"one\": \"t\"}}")
        .hasMessageContaining("invalid value for int32 field byInt32: \"one\"");
  }

  @Test
  void nullInsideArraysAndMapsIsRejected() {
    assertRejected("{\"manyS\": [\"a\", null]}").hasMessageContaining("null is not allowed");
    assertRejected("{\"byString\": {\"a\": null}}").hasMessageContaining("null is not allowed");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"singleS\": } | singleS",
        "{\"singleS\": \"a\" | singleS",
        "{\"child\": {\"singleS\" \"a\"}} | child.singleS",
        "{\"manyS\": [\"a\",]} | manyS[1]",
      })
  void malformedJsonIsRejectedWithWhereItBroke(String json, String path) {
    assertRejected(json)
        .hasMessageStartingWith("malformed JSON: ")
        .hasMessageNotContaining("Source")
        .extracting(e -> ((TranscodeException) e).fieldPath())
        .isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"x\"", "5", "null"})
  void theDocumentMustBeAnObject(String json) {
    assertRejected(json).hasMessageStartingWith("expected a JSON object, got ");
  }

  @Test
  void contentAfterTheObjectIsRejected() {
    assertRejected("{} {}").hasMessage("unexpected content after the JSON object");
  }

  @Test
  void objectsNestedDeeperThanTheLimitAreRejected() {
    String json =
        "{\"child\": ".repeat(JsonToWire.MAX_DEPTH + 1) + "{}" + "}".repeat(JsonToWire.MAX_DEPTH + 1);

    assertRejected(json).hasMessageContaining("deeper than 100");
  }

  @Test
  void hugelyNestedUnknownValuesFailCleanly() {
    String json = "{\"bogus\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertRejected(json).hasMessageStartingWith("malformed JSON: ");
  }

  @Test
  void theBodyStreamIsLeftOpen() {
    // given
    class CloseTracking extends ByteArrayInputStream {
      boolean closed;

      CloseTracking(byte[] bytes) {
        super(bytes);
      }

      @Override
      public void close() throws IOException {
        closed = true;
      }
    }
    CloseTracking body = new CloseTracking("{}".getBytes());

    // when
    Transcoder.create().codec(AllTypesFixture.TYPE).toProto(body, unknown);

    // then
    assertThat(body.closed).isFalse();
  }

  private byte[] toProto(Descriptor type, String json) {
    return AllTypesFixture.toProto(type, json, unknown);
  }

  private DynamicMessage parse(String json) throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(AllTypesFixture.TYPE, toProto(AllTypesFixture.TYPE, json));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json) {
    return assertThatThrownBy(() -> toProto(AllTypesFixture.TYPE, json))
        .isInstanceOf(TranscodeException.class);
  }

}

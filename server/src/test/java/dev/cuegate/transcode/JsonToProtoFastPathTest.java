package dev.cuegate.transcode;

import static dev.cuegate.transcode.AllTypesFixture.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's shortcuts (digits, enum names and strings read from the parser's buffer, nested
 * messages encoded in place) at the edges where they hand over to the general path.
 */
class JsonToProtoFastPathTest {
  private final List<String> unknown = new ArrayList<>();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "007 | 7",
        "-0 | 0",
        "123456789012345678 | 123456789012345678",
        "-123456789012345678 | -123456789012345678",
        "1234567890123456789 | 1234567890123456789",
        "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "1e3 | 1000",
        "-1.0 | -1",
      })
  void quotedIntegersOfEveryLengthAreRead(String text, long expected) throws Exception {
    assertThat(parse("{\"singleI64\": \"" + text + "\"}").getField(field("single_i64")))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-0 | 0",
        "123456789012345678 | 123456789012345678",
        "-1234567890123456789 | -1234567890123456789",
        "9223372036854775807 | 9223372036854775807",
      })
  void unquotedIntegersOfEveryLengthAreRead(String text, long expected) throws Exception {
    assertThat(parse("{\"singleI64\": " + text + "}").getField(field("single_i64")))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "singleI64 | 9223372036854775808 | int64",
        "singleI32 | -2147483649 | int32",
        "singleU64 | -5 | uint64",
        "singleU32 | 123456789012345678 | uint32",
      })
  void unquotedIntegersOutOfTheFieldsRangeAreRejected(String name, String text, String type) {
    assertRejected("{\"" + name + "\": " + text + "}")
        .hasMessageContaining("invalid value for " + type + " field " + name + ": " + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+1", "1 ", "1-", "0x1", "\u0661", "9223372036854775808"})
  void quotedTextThatIsNoInt64IsRejectedQuotingIt(String text) {
    assertRejected("{\"singleI64\": \"" + text + "\"}")
        .hasMessageContaining("invalid value for int64 field singleI64: \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "singleU64 | -1 | uint64",
        "singleI32 | 2147483648 | int32",
        "singleU32 | 4294967296 | uint32",
        "singleSf32 | -2147483649 | sfixed32",
      })
  void quotedDigitsOutOfTheFieldsRangeAreRejected(String name, String text, String type) {
    assertRejected("{\"" + name + "\": \"" + text + "\"}")
        .hasMessageContaining("invalid value for " + type + " field " + name + ": \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RE", "REDD", "red", "COLOR_UNSPECIFIED ", "BLUE\u0000"})
  void enumNamesMustMatchExactly(String name) {
    assertRejected("{\"color\": \"" + name.replace("\u0000", "\\u0000") + "\"}")
        .hasMessageContaining("invalid value for enum field color (cgtest.Color)");
  }

  @Test
  void everyEnumNameIsFound() throws Exception {
    // when
    DynamicMessage message =
        parse("{\"colors\": [\"COLOR_UNSPECIFIED\", \"RED\", \"GREEN\", \"BLUE\"]}");

    // then
    assertThat(message.getField(field("colors")).toString())
        .isEqualTo("[COLOR_UNSPECIFIED, RED, GREEN, BLUE]");
  }

  @Test
  void escapedAndNonAsciiStringsAndMapKeysKeepTheirText() throws Exception {
    // given
    String json =
        "{\"singleS\": \"tab\\there \\u00e9\\u20ac\\ud83d\\ude00 \u00fc\","
            + " \"byString\": {\"k\\u00e9y \u20ac\": \"v\"}}";

    // when
    DynamicMessage message = parse(json);

    // then
    assertThat(message.getField(field("single_s"))).isEqualTo("tab\there é€😀 ü");
    assertThat(message.getField(field("by_string")).toString()).contains("key: \"k\\303\\251y");
  }

  @Test
  void largeNestedMessagesAndStringsKeepTheirLengths() throws Exception {
    // given: a 20,000-char string of 3-byte chars, two levels down, beside a packed array
    String text = "\u20ac".repeat(20_000);
    String json =
        "{\"child\": {\"child\": {\"singleS\": \"" + text + "\"}, \"manyI64\": [\"1\", \"2\"]},"
            + " \"manyI32\": []}";

    // when
    DynamicMessage message = parse(json);

    // then
    DynamicMessage child = (DynamicMessage) message.getField(field("child"));
    DynamicMessage grandchild = (DynamicMessage) child.getField(field("child"));
    assertThat(grandchild.getField(field("single_s"))).isEqualTo(text);
    assertThat(child.getField(field("many_i64"))).isEqualTo(List.of(1L, 2L));
    assertThat(message.getField(field("many_i32"))).isEqualTo(List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"singleF\" 2}", "\"singleF\": }", "\"singleF\": 2,}", "\"singleF\": 2 \"x\": 1}",
        "\"singleF", "\"singleF\": 2", "\"singleF\":", "\"singleF\"", "singleF: 2}",
      })
  void aBrokenNameIsReportedAlikeWhetherItWasExpectedOrNot(String tail) {
    // given: the same text after a known field (singleF expected next) and an unknown one
    String expected = "{\"singleD\": 1, " + tail;
    String unexpected = "{\"singleX\": 1, " + tail;

    // when
    TranscodeException fast = rejection(expected);
    TranscodeException general = rejection(unexpected);

    // then
    assertThat(fast.getMessage()).startsWith("malformed JSON: ").isEqualTo(general.getMessage());
    // A name broken before its closing quote is reported at the field before it.
    assertThat(fast.fieldPath()).isEqualTo(general.fieldPath().replace("singleX", "singleD"));
  }

  @Test
  void fieldsInAnyOrderAndUnderEitherNameAreRead() throws Exception {
    // when
    DynamicMessage message =
        parse("{\"singleF\": 2, \"single_d\": 1, \"singleF32\": 3, \"singleI32\": 4}");

    // then
    assertThat(message.getField(field("single_d"))).isEqualTo(1.0);
    assertThat(message.getField(field("single_f"))).isEqualTo(2.0f);
    assertThat(message.getField(field("single_f32"))).isEqualTo(3);
    assertThat(message.getField(field("single_i32"))).isEqualTo(4);
  }

  private TranscodeException rejection(String json) {
    try {
      AllTypesFixture.toProto(AllTypesFixture.TYPE, json, unknown);
    } catch (TranscodeException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  private DynamicMessage parse(String json) throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(
        AllTypesFixture.TYPE, AllTypesFixture.toProto(AllTypesFixture.TYPE, json, unknown));
  }

  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      String json) {
    return assertThatThrownBy(() -> AllTypesFixture.toProto(AllTypesFixture.TYPE, json, unknown))
        .isInstanceOf(TranscodeException.class);
  }
}

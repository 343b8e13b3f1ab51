package dev.cuegate.transcode;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WireWriter} writes exactly the bytes of protobuf's own {@code CodedOutputStream}. */
class WireWriterProperties {
  private static final List<Type> SCALARS =
      List.of(
          Type.INT32, Type.SINT32, Type.UINT32, Type.FIXED32, Type.SFIXED32, Type.FLOAT,
          Type.INT64, Type.UINT64, Type.SINT64, Type.FIXED64, Type.SFIXED64, Type.DOUBLE,
          Type.BOOL, Type.ENUM);
  /** Content sizes around every change in the length varint's size. */
  private static final int[] RECORD_SIZES = {0, 1, 127, 128, 16_383, 16_384, 2_097_152};
  /** Mixes every UTF-8 length with paired and unpaired surrogates. */
  private static final char[] CHARS = {'a', '~', 'é', 'ߟ', '€', '\uFFFF', '\uD83D', '\uDE00'};

  @Test
  void stringsAreEncodedAsByCodedOutputStreamUnpairedSurrogatesIncluded() {
    forAll(200, random -> {
      // given
      String text = randomText(random, random.nextInt(4) == 0 ? 20_000 : 60);
      char[] padded = ("<<" + text + ">>").toCharArray();

      // when
      WireWriter ours = new WireWriter();
      ours.writeString(7, padded, 2, text.length());

      // then
      assertThat(ours.toByteArray()).isEqualTo(expected(out -> out.writeString(7, text)));
    });
  }

  @Test
  void scalarsAreEncodedAsByCodedOutputStream() {
    forAll(500, random -> {
      // given
      Type type = SCALARS.get(random.nextInt(SCALARS.size()));
      long bits = randomBits(random, type);

      // when
      WireWriter ours = new WireWriter();
      ours.writeScalar(type, bits);

      // then
      assertThat(ours.toByteArray()).isEqualTo(expected(out -> writeWithProtobuf(type, bits, out)));
    });
  }

  @Test
  void nestedRecordsGetTheirLengthInFrontWhateverItsSize() {
    forAll(30, random -> {
      // given
      byte[] inner = new byte[RECORD_SIZES[random.nextInt(RECORD_SIZES.length)]];
      random.nextBytes(inner);
      byte[] tail = new byte[random.nextInt(300)];
      random.nextBytes(tail);

      // when
      WireWriter ours = new WireWriter();
      int outer = ours.beginLengthDelimited(1);
      int nested = ours.beginLengthDelimited(2);
      ours.writeByteArray(3, inner);
      ours.endLengthDelimited(nested);
      ours.writeByteArray(4, tail);
      ours.endLengthDelimited(outer);

      // then
      byte[] nestedBytes = expected(out -> out.writeByteArray(3, inner));
      byte[] outerBytes =
          concat(
              expected(out -> out.writeByteArray(2, nestedBytes)),
              expected(out -> out.writeByteArray(4, tail)));
      assertThat(ours.toByteArray()).isEqualTo(expected(out -> out.writeByteArray(1, outerBytes)));
    });
  }

  private interface Writes {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] expected(Writes writes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // A small buffer, as the transcoder had: long strings take protobuf's other path.
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 512);
    try {
      writes.to(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeWithProtobuf(Type type, long bits, CodedOutputStream out)
      throws IOException {
    switch (type) {
      case INT32 -> out.writeInt32NoTag((int) bits);
      case SINT32 -> out.writeSInt32NoTag((int) bits);
      case UINT32 -> out.writeUInt32NoTag((int) bits);
      case FIXED32, SFIXED32, FLOAT -> out.writeFixed32NoTag((int) bits);
      case INT64, UINT64 -> out.writeUInt64NoTag(bits);
      case SINT64 -> out.writeSInt64NoTag(bits);
      case FIXED64, SFIXED64, DOUBLE -> out.writeFixed64NoTag(bits);
      case BOOL -> out.writeBoolNoTag(bits != 0);
      case ENUM -> out.writeEnumNoTag((int) bits);
      default -> throw new IllegalArgumentException(type.name());
    }
  }

  /** Any bits, large and small, negative and positive; bool as the transcoder makes it. */
  private static long randomBits(Random random, Type type) {
    long bits = random.nextLong() >> random.nextInt(64);
    return type == Type.BOOL ? bits & 1 : bits;
  }

  private static String randomText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(CHARS[random.nextInt(CHARS.length)]);
    }
    return text.toString();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}

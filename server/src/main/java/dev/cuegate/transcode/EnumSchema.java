package dev.cuegate.transcode;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.util.HashMap;
import java.util.Map;

/** Value names of one enum, pre-encoded for output and indexed by name for input. */
final class EnumSchema {
  /** Enums with numbers up to this use an array; sparser ones fall back to a map. */
  private static final int DENSE_LIMIT = 1024;

  final String fullName;
  private final SerializedString[] dense;
  private final Map<Integer, SerializedString> sparse;
  private final NameIndex<Integer> numbersByName;

  EnumSchema(EnumDescriptor type) {
    fullName = type.getFullName();
    int max = 0;
    boolean negative = false;
    for (EnumValueDescriptor value : type.getValues()) {
      max = Math.max(max, value.getNumber());
      negative |= value.getNumber() < 0;
    }
    boolean useDense = !negative && max < DENSE_LIMIT;
    dense = useDense ? new SerializedString[max + 1] : null;
    sparse = useDense ? null : new HashMap<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (EnumValueDescriptor value : type.getValues()) {
      numbers.putIfAbsent(value.getName(), value.getNumber());
    }
    numbersByName = new NameIndex<>(numbers);
    // findValueByNumber picks the first declared name when aliases share a number.
    for (EnumValueDescriptor value : type.getValues()) {
      int number = value.getNumber();
      SerializedString name = new SerializedString(type.findValueByNumber(number).getName());
      if (useDense) {
        dense[number] = name;
      } else {
        sparse.put(number, name);
      }
    }
  }

  /** The value's name, or null for a number the enum does not declare. */
  SerializedString name(int number) {
    if (dense != null) {
      return number >= 0 && number < dense.length ? dense[number] : null;
    }
    return sparse.get(number);
  }

  /** The number of the value named by {@code chars[offset, offset + length)}, or null. */
  Integer number(char[] chars, int offset, int length) {
    return numbersByName.get(chars, offset, length);
  }
}

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
  private final Map<String, Integer> numbersByName;

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
    numbersByName = new HashMap<>();
    for (EnumValueDescriptor value : type.getValues()) {
      numbersByName.putIfAbsent(value.getName(), value.getNumber());
    }
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

  /** The number of a value name, or null for an unknown name. */
  Integer number(String name) {
    return numbersByName.get(name);
  }
}

package dev.cuegate.transcode;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.cuegate.proto.comment.CommentProto;
import dev.cuegate.proto.criterion.CriterionProto;
import dev.cuegate.proto.cue.CueProto;
import dev.cuegate.proto.department.DepartmentProto;
import dev.cuegate.proto.depend.DependProto;
import dev.cuegate.proto.facility.FacilityProto;
import dev.cuegate.proto.filter.FilterProto;
import dev.cuegate.proto.host.HostProto;
import dev.cuegate.proto.job.JobProto;
import dev.cuegate.proto.limit.LimitProto;
import dev.cuegate.proto.monitoring.MonitoringProto;
import dev.cuegate.proto.renderpartition.RenderPartitionProto;
import dev.cuegate.proto.report.ReportProto;
import dev.cuegate.proto.rqd.RqdProto;
import dev.cuegate.proto.service.ServiceProto;
import dev.cuegate.proto.show.ShowProto;
import dev.cuegate.proto.subscription.SubscriptionProto;
import dev.cuegate.proto.task.TaskProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Descriptors for the tests: every message of OpenCue's contract, plus {@code cgtest.AllTypes},
 * which has every scalar type, every map key kind and oneofs (the contract lacks some).
 */
final class TestSchemas {
  static final Descriptor ALL_TYPES = buildAllTypes();

  private TestSchemas() {}

  /** Every message type of the contract (nested ones included) and the test types. */
  static List<Descriptor> allMessageTypes() {
    List<Descriptor> all = new ArrayList<>();
    for (FileDescriptor file : contractFiles()) {
      for (Descriptor type : file.getMessageTypes()) {
        addWithNested(type, all);
      }
    }
    addWithNested(ALL_TYPES, all);
    return all;
  }

  static List<FileDescriptor> contractFiles() {
    return List.of(
        CommentProto.getDescriptor(),
        CriterionProto.getDescriptor(),
        CueProto.getDescriptor(),
        DepartmentProto.getDescriptor(),
        DependProto.getDescriptor(),
        FacilityProto.getDescriptor(),
        FilterProto.getDescriptor(),
        HostProto.getDescriptor(),
        JobProto.getDescriptor(),
        LimitProto.getDescriptor(),
        MonitoringProto.getDescriptor(),
        RenderPartitionProto.getDescriptor(),
        ReportProto.getDescriptor(),
        RqdProto.getDescriptor(),
        ServiceProto.getDescriptor(),
        ShowProto.getDescriptor(),
        SubscriptionProto.getDescriptor(),
        TaskProto.getDescriptor());
  }

  private static void addWithNested(Descriptor type, List<Descriptor> into) {
    if (type.getOptions().getMapEntry()) {
      return;
    }
    into.add(type);
    for (Descriptor nested : type.getNestedTypes()) {
      addWithNested(nested, into);
    }
  }

  private static Descriptor buildAllTypes() {
    DescriptorProto.Builder all = DescriptorProto.newBuilder().setName("AllTypes");
    String[][] scalars = {
      {"d", "TYPE_DOUBLE"}, {"f", "TYPE_FLOAT"}, {"i32", "TYPE_INT32"}, {"i64", "TYPE_INT64"},
      {"u32", "TYPE_UINT32"}, {"u64", "TYPE_UINT64"}, {"s32", "TYPE_SINT32"},
      {"s64", "TYPE_SINT64"}, {"f32", "TYPE_FIXED32"}, {"f64", "TYPE_FIXED64"},
      {"sf32", "TYPE_SFIXED32"}, {"sf64", "TYPE_SFIXED64"}, {"b", "TYPE_BOOL"},
      {"s", "TYPE_STRING"}, {"by", "TYPE_BYTES"}
    };
    int number = 1;
    for (String[] scalar : scalars) {
      all.addField(field("single_" + scalar[0], number++, Type.valueOf(scalar[1])));
    }
    for (String[] scalar : scalars) {
      all.addField(
          field("many_" + scalar[0], number++, Type.valueOf(scalar[1])).setLabel(Label.LABEL_REPEATED));
    }
    all.addField(field("color", number++, Type.TYPE_ENUM).setTypeName(".cgtest.Color"));
    all.addField(
        field("colors", number++, Type.TYPE_ENUM)
            .setTypeName(".cgtest.Color")
            .setLabel(Label.LABEL_REPEATED));
    all.addField(field("child", number++, Type.TYPE_MESSAGE).setTypeName(".cgtest.AllTypes"));
    all.addField(
        field("children", number++, Type.TYPE_MESSAGE)
            .setTypeName(".cgtest.AllTypes")
            .setLabel(Label.LABEL_REPEATED));
    String[][] maps = {
      {"by_int32", "TYPE_INT32", "TYPE_STRING"}, {"by_int64", "TYPE_INT64", "TYPE_INT32"},
      {"by_uint32", "TYPE_UINT32", "TYPE_BOOL"}, {"by_uint64", "TYPE_UINT64", "TYPE_DOUBLE"},
      {"by_sint32", "TYPE_SINT32", "TYPE_BYTES"}, {"by_sint64", "TYPE_SINT64", "TYPE_FLOAT"},
      {"by_fixed32", "TYPE_FIXED32", "TYPE_UINT64"}, {"by_fixed64", "TYPE_FIXED64", "TYPE_STRING"},
      {"by_sfixed32", "TYPE_SFIXED32", "TYPE_STRING"},
      {"by_sfixed64", "TYPE_SFIXED64", "TYPE_STRING"},
      {"by_bool", "TYPE_BOOL", "TYPE_STRING"}, {"by_string", "TYPE_STRING", "TYPE_STRING"},
      {"children_by_name", "TYPE_STRING", "TYPE_MESSAGE"},
      {"colors_by_name", "TYPE_STRING", "TYPE_ENUM"}
    };
    for (String[] map : maps) {
      String entryName = camel(map[0]) + "Entry";
      FieldDescriptorProto.Builder value = field("value", 2, Type.valueOf(map[2]));
      if (map[2].equals("TYPE_MESSAGE")) {
        value.setTypeName(".cgtest.AllTypes");
      } else if (map[2].equals("TYPE_ENUM")) {
        value.setTypeName(".cgtest.Color");
      }
      all.addNestedType(
          DescriptorProto.newBuilder()
              .setName(entryName)
              .addField(field("key", 1, Type.valueOf(map[1])))
              .addField(value)
              .setOptions(MessageOptions.newBuilder().setMapEntry(true)));
      all.addField(
          field(map[0], number++, Type.TYPE_MESSAGE)
              .setTypeName(".cgtest.AllTypes." + entryName)
              .setLabel(Label.LABEL_REPEATED));
    }
    all.addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"));
    all.addField(field("chosen_name", number++, Type.TYPE_STRING).setOneofIndex(0));
    all.addField(
        field("chosen_node", number++, Type.TYPE_MESSAGE)
            .setTypeName(".cgtest.AllTypes")
            .setOneofIndex(0));
    all.addField(field("chosen_count", number++, Type.TYPE_INT64).setOneofIndex(0));
    all.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_maybe"));
    all.addField(
        field("maybe", number++, Type.TYPE_DOUBLE).setOneofIndex(1).setProto3Optional(true));

    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("cgtest/all_types.proto")
            .setPackage("cgtest")
            .setSyntax("proto3")
            .addEnumType(
                EnumDescriptorProto.newBuilder()
                    .setName("Color")
                    .addValue(value("COLOR_UNSPECIFIED", 0))
                    .addValue(value("RED", 1))
                    .addValue(value("GREEN", 2))
                    .addValue(value("BLUE", 7)))
            .addMessageType(all)
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("AllTypes");
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static EnumValueDescriptorProto value(String name, int number) {
    return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number).build();
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}

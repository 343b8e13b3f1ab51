package dev.cuegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors;
import io.grpc.BindableService;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake Cuebot stays honest: for every read method it serves, OpenCue's own Cuebot answers
 * with the same JSON shape — the same field paths, of the same JSON types — and fails the same
 * way where both fail. Values are not compared; enum values seen are reported. Skipped unless {@code CUEBOT_IT_ENDPOINT} names a
 * Cuebot that answers.
 */
class FakeCuebotHonestyTest {
  private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]+");
  /** Fields that hold an upper-case text that is a name, not an enum value. */
  private static final Set<String> NOT_ENUMS = Set.of("id", "name", "os", "tags");
  private static final List<Class<? extends BindableService>> FAKES = List.of(
      FakeShowService.class, FakeJobService.class, FakeLayerService.class,
      FakeFrameService.class, FakeGroupService.class, FakeHostService.class,
      FakeProcService.class, FakeOwnerService.class, FakeDeedService.class,
      FakeAllocationService.class, FakeFacilityService.class, FakeFilterService.class,
      FakeSubscriptionService.class, FakeLimitService.class, FakeServiceCatalog.class,
      FakeCueService.class, FakeCommentService.class, FakeDependService.class);
  /** The entity a service's {@code id} and {@code name} fields name. */
  private static final Map<String, String> ENTITY = Map.ofEntries(
      Map.entry("job.JobInterface", "job.Job"),
      Map.entry("job.LayerInterface", "job.Layer"),
      Map.entry("job.FrameInterface", "job.Frame"),
      Map.entry("job.GroupInterface", "job.Group"),
      Map.entry("host.HostInterface", "host.Host"),
      Map.entry("host.ProcInterface", "host.Proc"),
      Map.entry("host.OwnerInterface", "host.Owner"),
      Map.entry("host.DeedInterface", "host.Deed"),
      Map.entry("facility.AllocationInterface", "facility.Allocation"),
      Map.entry("facility.FacilityInterface", "facility.Facility"),
      Map.entry("filter.FilterInterface", "filter.Filter"),
      Map.entry("subscription.SubscriptionInterface", "subscription.Subscription"),
      Map.entry("limit.LimitInterface", "limit.Limit"),
      Map.entry("show.ShowInterface", "show.Show"),
      Map.entry("service.ServiceInterface", "service.Service"));

  @RegisterExtension static final GatewayExtension fake = new GatewayExtension();

  @TempDir static Path dir;

  private static ChildCueGate real;

  @BeforeAll
  static void startAGatewayToTheRealCuebot() {
    String endpoint = RealCuebot.endpoint();
    // With the bridge on, the real Cuebot has a host (and its allocation) to answer about.
    real = ChildCueGate.start(dir, Map.of(
        "CUEBOT_ENDPOINT", endpoint,
        "RQD_BRIDGE", "true",
        "RQD_PORT", Integer.toString(RealCuebot.rqdPort()),
        "RQD_HOST_NAME", "localhost",
        "RQD_REPORT_INTERVAL", "1s"), Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() {
    if (real != null) {
      real.close();
    }
  }

  @Test
  void everyReadMethodTheFakeServesAnswersInTheRealCuebotsShape() throws Exception {
    JsonApi realApi = new JsonApi(real.uri(""));
    JsonApi fakeApi = new JsonApi(fake.uri(""));
    giveTheRealCuebotWhatTheFakeSeeds(realApi);
    Map<String, JsonNode> realContext = discover(realApi);
    Map<String, JsonNode> fakeContext = discover(fakeApi);

    List<String> differences = new ArrayList<>();
    List<String> compared = new ArrayList<>();
    List<String> notCompared = new ArrayList<>();
    List<String> enumsSeen = new ArrayList<>();
    for (Class<? extends BindableService> type : FAKES) {
      Descriptors.ServiceDescriptor service = serviceOf(type);
      for (Method method : type.getDeclaredMethods()) {
        String name = Character.toUpperCase(method.getName().charAt(0))
            + method.getName().substring(1);
        Descriptors.MethodDescriptor rpc = service.findMethodByName(name);
        if (rpc == null || !Modifier.isPublic(method.getModifiers()) || !isRead(name)) {
          continue;
        }
        String path = "/" + service.getFullName() + "/" + name;
        Map<String, Object> realRequest = request(rpc, service, realContext);
        Map<String, Object> fakeRequest = request(rpc, service, fakeContext);
        if (realRequest == null || fakeRequest == null) {
          notCompared.add(path + ": nothing to ask about on "
              + (realRequest == null ? "the real Cuebot" : "the fake"));
          continue;
        }
        HttpResponse<String> realAnswer = realApi.send(path, realRequest);
        HttpResponse<String> fakeAnswer = fakeApi.send(path, fakeRequest);
        if (realAnswer.statusCode() != 200 || fakeAnswer.statusCode() != 200) {
          // Both failing for the same kind of request must fail alike; one failing is data.
          List<String> list = realAnswer.statusCode() != 200 && fakeAnswer.statusCode() != 200
              && realAnswer.statusCode() != fakeAnswer.statusCode() ? differences : notCompared;
          list.add(path + ": real " + realAnswer.statusCode() + ", fake "
              + fakeAnswer.statusCode());
          continue;
        }
        compared.add(path);
        Shape realShape = Shape.of(JsonApi.parse(realAnswer.body()));
        Shape fakeShape = Shape.of(JsonApi.parse(fakeAnswer.body()));
        differences.addAll(compare(path, realShape, fakeShape));
        enumsSeen.addAll(enumValues(path, realShape, fakeShape));
      }
    }

    System.out.println("compared " + compared.size() + " methods: " + compared);
    System.out.println("not compared: " + String.join("\n  ", notCompared));
    System.out.println("enum values seen only from the fake (states of other objects):\n  "
        + String.join("\n  ", enumsSeen));
    assertThat(compared).hasSizeGreaterThan(20);
    assertThat(differences).as("where the fake's answers differ from the real Cuebot's")
        .isEmpty();
  }

  private static boolean isRead(String method) {
    return method.startsWith("Get") || method.startsWith("Find") || method.startsWith("Is");
  }

  /**
   * A paused job of two frames, a filter and a limit on the real Cuebot, and its bridge host
   * announced, so that there is an object of each kind the fake seeds to ask about.
   */
  private static void giveTheRealCuebotWhatTheFakeSeeds(JsonApi api) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    JsonNode show = api.call("/show.ShowInterface/FindShow", Map.of("name", "testing"))
        .path("show");
    api.call("/show.ShowInterface/CreateFilter", Map.of("show", show, "name", "f_" + suffix));
    api.call("/limit.LimitInterface/Create", Map.of("name", "l_" + suffix, "max_value", 10));
    launchAJob(api, suffix);
    await("the bridge host is known", () -> api.call("/host.HostInterface/GetHosts",
        Map.of("r", Map.of())).path("hosts").path("hosts").size() > 0);
  }

  private static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what).atMost(Duration.ofSeconds(60)).until(condition::getAsBoolean);
  }

  /** A paused job of two frames, so that jobs, layers and frames exist. */
  private static void launchAJob(JsonApi api, String suffix) {
    String spec = """
        <?xml version="1.0"?>
        <!DOCTYPE spec PUBLIC "SPI Cue Specification Language" \
        "http://localhost:8080/spcue/dtd/cjsl-1.12.dtd">
        <spec><facility>local</facility><show>testing</show><shot>sh01</shot><user>honest</user>
          <job name="shape_%s"><paused>True</paused><layers>
            <layer name="render" type="Render"><cmd>true</cmd><range>1-2</range><chunk>1</chunk>
              <services><service>shell</service></services></layer>
          </layers></job></spec>
        """.formatted(suffix);
    String name = api.call("/job.JobInterface/LaunchSpec", Map.of("spec", spec))
        .path("names").get(0).asText();
    // LaunchSpec is asynchronous: the job may not be found for a moment.
    await("the launched job appears", () ->
        api.send("/job.JobInterface/FindJob", Map.of("name", name)).statusCode() == 200);
  }

  /** One object of each kind the read methods ask about, found as a client would find it. */
  private static Map<String, JsonNode> discover(JsonApi api) {
    Map<String, JsonNode> context = new LinkedHashMap<>();
    put(context, "show.Show", api, "/show.ShowInterface/FindShow", Map.of("name", "testing"));
    JsonNode show = context.get("show.Show");
    put(context, "job.Job", api, "/job.JobInterface/GetJobs",
        Map.of("r", Map.of("shows", List.of("testing"))));
    JsonNode job = context.get("job.Job");
    if (job != null) {
      put(context, "job.Layer", api, "/job.JobInterface/GetLayers", Map.of("job", job));
      put(context, "job.Frame", api, "/job.JobInterface/GetFrames",
          Map.of("job", job, "req", Map.of("page", 1, "limit", 10)));
    }
    if (show != null) {
      put(context, "job.Group", api, "/show.ShowInterface/GetRootGroup", Map.of("show", show));
      put(context, "subscription.Subscription", api, "/show.ShowInterface/GetSubscriptions",
          Map.of("show", show));
      put(context, "filter.Filter", api, "/show.ShowInterface/GetFilters", Map.of("show", show));
    }
    put(context, "host.Host", api, "/host.HostInterface/GetHosts", Map.of("r", Map.of()));
    JsonNode host = context.get("host.Host");
    if (host != null) {
      put(context, "host.Proc", api, "/host.HostInterface/GetProcs", Map.of("host", host));
      put(context, "host.Owner", api, "/host.HostInterface/GetOwner", Map.of("host", host));
      put(context, "host.Deed", api, "/host.HostInterface/GetDeed", Map.of("host", host));
    }
    put(context, "facility.Allocation", api, "/facility.AllocationInterface/GetAll", Map.of());
    put(context, "facility.Facility", api, "/facility.FacilityInterface/Get",
        Map.of("name", "local"));
    put(context, "limit.Limit", api, "/limit.LimitInterface/GetAll", Map.of());
    put(context, "service.Service", api, "/service.ServiceInterface/GetDefaultServices",
        Map.of());
    return context;
  }

  private static void put(Map<String, JsonNode> context, String key, JsonApi api, String path,
      Object body) {
    HttpResponse<String> answer = api.send(path, body);
    if (answer.statusCode() == 200) {
      JsonNode entity = firstEntity(JsonApi.parse(answer.body()));
      if (entity != null) {
        context.put(key, entity);
      }
    }
  }

  /** The first object with an {@code id} in an answer, breadth first. */
  private static JsonNode firstEntity(JsonNode answer) {
    List<JsonNode> level = List.of(answer);
    while (!level.isEmpty()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : level) {
        if (node.isObject() && node.hasNonNull("id") && !node.path("id").asText().isEmpty()) {
          return node;
        }
        node.elements().forEachRemaining(next::add);
      }
      level = next;
    }
    return null;
  }

  /**
   * The request for {@code rpc}: message fields get the context's object of their type, search
   * criteria a first page, {@code id} and {@code name} the service's own object; null when the
   * context lacks an object the request needs.
   */
  private static Map<String, Object> request(Descriptors.MethodDescriptor rpc,
      Descriptors.ServiceDescriptor service, Map<String, JsonNode> context) {
    Map<String, Object> request = new LinkedHashMap<>();
    JsonNode own = context.get(ENTITY.get(service.getFullName()));
    for (Descriptors.FieldDescriptor field : rpc.getInputType().getFields()) {
      if (field.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        String type = field.getMessageType().getFullName();
        if (type.endsWith("SearchCriteria")) {
          request.put(field.getName(), type.equals("job.FrameSearchCriteria")
              ? Map.of("page", 1, "limit", 10) : Map.of());
        } else if (!field.isRepeated()) {
          JsonNode value = context.get(type);
          if (value == null) {
            return null;
          }
          request.put(field.getName(), value);
        }
      } else if (field.getName().equals("id") || field.getName().equals("name")) {
        if (own == null) {
          return null;
        }
        request.put(field.getName(), own.path(field.getName()).asText());
      } else if (field.getName().equals("job") && context.containsKey("job.Job")) {
        request.put("job", context.get("job.Job").path("name").asText());
      } else if (field.getName().equals("layer") && context.containsKey("job.Layer")) {
        request.put("layer", context.get("job.Layer").path("name").asText());
      } else if (field.getName().equals("frame") && context.containsKey("job.Frame")) {
        request.put("frame", context.get("job.Frame").path("number").asInt());
      } else if (field.getName().equals("show") && context.containsKey("show.Show")) {
        request.put("show", context.get("show.Show").path("name").asText());
      }
    }
    return request;
  }

  private static Descriptors.ServiceDescriptor serviceOf(Class<?> fake) throws Exception {
    Class<?> grpc = fake.getSuperclass().getEnclosingClass();
    io.grpc.ServiceDescriptor descriptor =
        (io.grpc.ServiceDescriptor) grpc.getMethod("getServiceDescriptor").invoke(null);
    return ((ProtoServiceDescriptorSupplier) descriptor.getSchemaDescriptor())
        .getServiceDescriptor();
  }

  /**
   * The shape differences of one method's answers, each a line naming the method and path:
   * paths only one side answers and paths of other JSON types.
   */
  static List<String> compare(String method, Shape realShape, Shape fakeShape) {
    List<String> differences = new ArrayList<>();
    Set<String> paths = new TreeSet<>(realShape.types.keySet());
    paths.addAll(fakeShape.types.keySet());
    for (String path : paths) {
      // Inside a list one side left empty there is nothing to compare.
      if (!realShape.reachable(path) || !fakeShape.reachable(path)) {
        continue;
      }
      Set<String> realTypes = realShape.types.get(path);
      Set<String> fakeTypes = fakeShape.types.get(path);
      if (realTypes == null) {
        differences.add(method + " " + path + ": only the fake answers it");
      } else if (fakeTypes == null) {
        differences.add(method + " " + path + ": the fake leaves it out");
      } else if (!realTypes.equals(fakeTypes)) {
        differences.add(method + " " + path + ": real " + realTypes + ", fake " + fakeTypes);
      }
    }
    return differences;
  }

  /**
   * Enum values the fake gave where the real Cuebot gave others. They are reported, not failed:
   * the two answer about different objects (a fake frame SUCCEEDED, a real one DEAD), and both
   * only ever send values of the enum, which the descriptors fix.
   */
  static List<String> enumValues(String method, Shape realShape, Shape fakeShape) {
    List<String> seen = new ArrayList<>();
    fakeShape.enums.forEach((path, values) -> {
      Set<String> real = realShape.enums.getOrDefault(path, Set.of());
      if (!real.containsAll(values)) {
        seen.add(method + " " + path + ": fake " + values + ", real " + real);
      }
    });
    return seen;
  }

  /** Every path of a JSON answer with the JSON types and enum-like values seen there. */
  static final class Shape {
    final Map<String, Set<String>> types = new TreeMap<>();
    final Map<String, Set<String>> enums = new TreeMap<>();

    static Shape of(JsonNode answer) {
      Shape shape = new Shape();
      shape.walk("", answer);
      return shape;
    }

    /** Whether every list around {@code path} had an element here. */
    boolean reachable(String path) {
      int index = path.indexOf("[]");
      while (index >= 0) {
        if (!types.containsKey(path.substring(0, index + 2))) {
          return false;
        }
        index = path.indexOf("[]", index + 2);
      }
      return true;
    }

    private void walk(String path, JsonNode node) {
      String type = node.isObject() ? "object" : node.isArray() ? "array"
          : node.isTextual() ? "string" : node.isNumber() ? "number"
          : node.isBoolean() ? "boolean" : "null";
      types.computeIfAbsent(path, key -> new TreeSet<>()).add(type);
      if (node.isObject()) {
        node.fields().forEachRemaining(field -> walk(path + "." + field.getKey(), field.getValue()));
      } else if (node.isArray()) {
        node.forEach(element -> walk(path + "[]", element));
      } else if (node.isTextual() && ENUM_VALUE.matcher(node.asText()).matches()
          && !NOT_ENUMS.contains(path.substring(path.lastIndexOf('.') + 1))) {
        enums.computeIfAbsent(path, key -> new TreeSet<>()).add(node.asText());
      }
    }
  }
}

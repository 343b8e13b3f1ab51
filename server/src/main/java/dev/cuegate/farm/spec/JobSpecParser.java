package dev.cuegate.farm.spec;

import static dev.cuegate.farm.spec.ContentModel.any;
import static dev.cuegate.farm.spec.ContentModel.one;
import static dev.cuegate.farm.spec.ContentModel.optional;
import static dev.cuegate.farm.spec.ContentModel.some;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenCue job spec XML (the {@code cjsl} format of OpenCue's submission tools) into a {@link
 * JobSpec}, checking everything Cuebot checks. The spec is untrusted input: no DTD or entity is
 * ever loaded (see {@link SafeXml}), the structure is checked in code.
 */
public final class JobSpecParser {
  /** OpenCue's cap on the layers of one job. */
  public static final int MAX_LAYERS = 1000;

  /** OpenCue's cap on the frames (chunks) of one job. */
  public static final int MAX_FRAMES = 100_000;

  /** Below a tenth of a core Cuebot takes the default instead. */
  private static final int MIN_CORES = 10;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)");
  private static final Pattern MEMORY =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)\\s*(?:([mg])b?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.]{3,}");

  private JobSpecParser() {}

  /**
   * Parses a job spec.
   *
   * @throws SpecException naming the element and what is wrong with it
   */
  public static JobSpec parse(String xml) {
    XmlElement spec = SafeXml.parse(xml, "spec");
    String context = "spec";
    ContentModel.attributes(spec, context, Set.of(), Set.of());
    ContentModel.children(
        spec, context, optional("facility"), optional("dept"), one("show"), one("shot"),
        one("user"), optional("email"), optional("uid"), any("job"), any("depends"));
    Optional<String> facility =
        optionalText(spec, "facility", context).map(name -> name.toLowerCase(Locale.ROOT));
    Optional<String> department = optionalText(spec, "dept", context);
    String show = identifier(child(spec, "show"), context);
    XmlElement shotElement = child(spec, "shot");
    String shot = conform(shotElement, context, "shot", required(shotElement, context));
    XmlElement userElement = child(spec, "user");
    String user = identifier(userElement, context);
    Optional<String> email = optionalText(spec, "email", context);
    OptionalInt uid = optionalInt(spec, "uid", context, 0);
    if (user.equals("root") || uid.equals(OptionalInt.of(0))) {
      throw SpecErrors.at(userElement, context, "jobs cannot be launched as root");
    }

    Identity identity = new Identity(show, shot, user);
    List<JobDefinition> jobs = new ArrayList<>();
    Set<String> jobNames = new HashSet<>();
    for (XmlElement job : children(spec, "job")) {
      JobDefinition definition = job(job, identity);
      if (!jobNames.add(definition.name())) {
        throw SpecErrors.at(job, context, "the job " + definition.name() + " is defined twice");
      }
      jobs.add(definition);
    }
    List<DependDefinition> depends = new ArrayList<>();
    for (XmlElement group : children(spec, "depends")) {
      ContentModel.attributes(group, context, Set.of(), Set.of());
      ContentModel.children(group, context, any("depend"));
      for (XmlElement depend : group.children()) {
        depends.add(depend(depend, "depend #" + (depends.size() + 1), identity));
      }
    }
    return new JobSpec(facility, department, show, shot, user, email, uid, jobs, depends);
  }

  /** Show, shot and user: what full job names are made of. */
  private record Identity(String show, String shot, String user) {
    String jobName(String name) {
      return Names.job(show, shot, user, name);
    }
  }

  private static JobDefinition job(XmlElement job, Identity identity) {
    ContentModel.attributes(job, "job", Set.of("name"), Set.of());
    String name = jobName(job, "job", identity, job.attributes().get("name"));
    String context = "job \"" + job.attributes().get("name") + "\"";
    ContentModel.children(
        job, context, optional("paused"), optional("priority"), optional("maxretries"),
        optional("maxcores"), optional("maxgpus"), optional("autoeat"), optional("localbook"),
        optional("os"), any("env"), optional("layers"));

    boolean paused = optionalBoolean(job, "paused", context).orElse(false);
    int priority = optionalInt(job, "priority", context, 0).orElse(JobDefinition.DEFAULT_PRIORITY);
    int maxRetries =
        optionalInt(job, "maxretries", context, 0).orElse(JobDefinition.DEFAULT_MAX_RETRIES);
    OptionalInt maxCores = optionalInt(job, "maxcores", context, 0);
    OptionalInt maxGpus = optionalInt(job, "maxgpus", context, 0);
    boolean autoEat = optionalBoolean(job, "autoeat", context).orElse(false);
    Optional<LocalBooking> localBooking =
        optionalChild(job, "localbook").map(element -> localBooking(element, context));
    Optional<String> os = optionalText(job, "os", context);
    Map<String, String> environment = environment(job, context);

    List<LayerDefinition> layers = new ArrayList<>();
    Optional<XmlElement> layersElement = optionalChild(job, "layers");
    if (layersElement.isEmpty() || layersElement.get().children().isEmpty()) {
      throw SpecErrors.at(layersElement.orElse(job), context, "the job has no layers");
    }
    ContentModel.attributes(layersElement.get(), context, Set.of(), Set.of());
    ContentModel.children(layersElement.get(), context, some("layer"));
    Set<String> layerNames = new HashSet<>();
    long frames = 0;
    for (XmlElement layer : layersElement.get().children()) {
      if (layers.size() == MAX_LAYERS) {
        throw SpecErrors.at(layer, context, "the job has more than " + MAX_LAYERS + " layers");
      }
      LayerDefinition definition = layer(layer, context);
      if (!layerNames.add(definition.name())) {
        throw SpecErrors.at(
            layer, context, "the layer " + definition.name() + " is defined twice");
      }
      frames +=
          FrameChunks.frameCount(FrameRange.parse(definition.range()).size(), definition.chunk());
      if (frames > MAX_FRAMES) {
        throw SpecErrors.at(
            layer, context, "the job has more than " + MAX_FRAMES + " frames (chunks)");
      }
      layers.add(definition);
    }
    return new JobDefinition(
        name, paused, priority, maxRetries, maxCores, maxGpus, autoEat, localBooking, os,
        environment, layers);
  }

  private static LocalBooking localBooking(XmlElement element, String context) {
    ContentModel.attributes(
        element, context, Set.of("host"),
        Set.of("cores", "memory", "threads", "gpus", "gpu", "gpu_memory"));
    ContentModel.text(element, context);
    Map<String, String> attributes = element.attributes();
    String host = attributes.get("host").strip();
    if (host.isEmpty()) {
      throw SpecErrors.at(element, context, "<localbook> has an empty host");
    }
    String gpuMemory = attributes.getOrDefault("gpu_memory", attributes.get("gpu"));
    int max = Integer.MAX_VALUE;
    return new LocalBooking(
        host,
        (int) attributeNumber(element, context, "cores", attributes.get("cores"), max),
        attributeNumber(element, context, "memory", attributes.get("memory"), Long.MAX_VALUE),
        (int) attributeNumber(element, context, "threads", attributes.get("threads"), max),
        (int) attributeNumber(element, context, "gpus", attributes.get("gpus"), max),
        attributeNumber(element, context, "gpu_memory", gpuMemory, Long.MAX_VALUE));
  }

  private static long attributeNumber(
      XmlElement element, String context, String name, String value, long max) {
    if (value == null) {
      return 0;
    }
    try {
      long number = Long.parseLong(value.strip());
      if (number >= 0 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the attribute's name
    }
    throw SpecErrors.at(
        element, context,
        "<" + element.name() + " " + name + "=\"" + value + "\"> is not a whole number from 0 to "
            + max);
  }

  private static LayerDefinition layer(XmlElement layer, String jobContext) {
    ContentModel.attributes(layer, jobContext, Set.of("name", "type"), Set.of());
    String written = layer.attributes().get("name");
    String context = jobContext + ": layer \"" + written + "\"";
    String name = conform(layer, context, "layer", written);
    LayerType type = layerType(layer, context);
    ContentModel.children(
        layer, context, one("cmd"), one("range"), one("chunk"), optional("cores"),
        optional("threadable"), optional("memory"), optional("gpus"), optional("gpu"),
        optional("gpu_memory"), optional("timeout"), optional("timeout_llu"), optional("tags"),
        optional("limits"), any("env"), optional("services"), any("outputs"));

    String command = required(child(layer, "cmd"), context);
    XmlElement rangeElement = child(layer, "range");
    String range = required(rangeElement, context);
    try {
      FrameRange.parse(range);
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(
          rangeElement, context,
          "<range> \"" + range + "\" is not a frame range: " + e.getMessage(), e);
    }
    int chunk = wholeNumber(child(layer, "chunk"), context, 1);
    int cores = optionalChild(layer, "cores").map(element -> cores(element, context))
        .orElse(LayerDefinition.DEFAULT_CORES);
    boolean threadable =
        cores >= 100 && optionalBoolean(layer, "threadable", context).orElse(false);
    long memory = optionalChild(layer, "memory").map(element -> memory(element, context, 1))
        .orElse(LayerDefinition.DEFAULT_MEMORY_KIB);
    int gpus = optionalInt(layer, "gpus", context, 0).orElse(0);
    Optional<XmlElement> gpuMemoryElement =
        optionalChild(layer, "gpu_memory").or(() -> optionalChild(layer, "gpu"));
    long gpuMemory = gpuMemoryElement.map(element -> memory(element, context, 0)).orElse(0L);
    int timeout = optionalInt(layer, "timeout", context, 0).orElse(0);
    int timeoutLlu = optionalInt(layer, "timeout_llu", context, 0).orElse(0);
    List<String> tags = optionalChild(layer, "tags").map(element -> tags(element, context))
        .orElse(List.of());
    List<String> limits = names(layer, "limits", "limit", context);
    Map<String, String> environment = environment(layer, context);
    List<String> services = names(layer, "services", "service", context);
    List<LayerOutput> outputs = outputs(layer, context);
    Set<String> defaulted = new HashSet<>();
    for (String setting : LayerDefinition.SERVICE_SETTINGS) {
      boolean given = optionalChild(layer, setting).isPresent()
          || setting.equals("gpu_memory") && gpuMemoryElement.isPresent();
      if (!given) {
        defaulted.add(setting);
      }
    }
    return new LayerDefinition(
        name, type, command, range, chunk, cores, threadable, memory, gpus, gpuMemory, timeout,
        timeoutLlu, tags, limits, environment, services, outputs, defaulted);
  }

  private static LayerType layerType(XmlElement layer, String context) {
    String type = layer.attributes().get("type").strip();
    try {
      return LayerType.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(
          layer, context, "the type \"" + type + "\" is not Render, Util or Post", e);
    }
  }

  /**
   * Cores as Cuebot reads them: a number with a decimal point is cores ({@code 1.5} = 150
   * hundredths), a whole number is already hundredths; below a tenth of a core the default is
   * taken.
   */
  private static int cores(XmlElement element, String context) {
    String text = required(element, context);
    if (!DECIMAL.matcher(text).matches()) {
      throw SpecErrors.at(element, context, "<cores> \"" + text + "\" is not a number");
    }
    BigDecimal value = new BigDecimal(text);
    BigDecimal hundredths =
        text.contains(".") ? value.movePointRight(2).setScale(0, RoundingMode.HALF_UP) : value;
    if (hundredths.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw SpecErrors.at(element, context, "<cores> \"" + text + "\" is too many");
    }
    int cores = hundredths.intValue();
    return cores < MIN_CORES ? LayerDefinition.DEFAULT_CORES : cores;
  }

  /**
   * Memory in KiB from OpenCue's notation: {@code 512m} (MiB), {@code 4g} or a bare {@code 4}
   * (GiB), decimals allowed, a trailing {@code b} tolerated ({@code 4GB}).
   */
  private static long memory(XmlElement element, String context, long min) {
    String text = required(element, context);
    Matcher matcher = MEMORY.matcher(text);
    if (!matcher.matches()) {
      throw SpecErrors.at(
          element, context,
          "<" + element.name() + "> \"" + text + "\" is not an amount like 512m or 4g");
    }
    String unit = matcher.group(2) == null ? "g" : matcher.group(2).toLowerCase(Locale.ROOT);
    long factor = unit.equals("m") ? 1024 : 1024 * 1024;
    BigDecimal kib = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor))
        .setScale(0, RoundingMode.HALF_UP);
    if (kib.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || kib.longValue() < min) {
      throw SpecErrors.at(
          element, context, "<" + element.name() + "> \"" + text + "\" is out of range");
    }
    return kib.longValue();
  }

  /** Tags as Cuebot reads them: separated by {@code |}, spaces ignored, duplicates dropped. */
  private static List<String> tags(XmlElement element, String context) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : ContentModel.text(element, context).replace(" ", "").split("\\|")) {
      if (tag.isEmpty()) {
        continue;
      }
      if (!TAG.matcher(tag).matches()) {
        throw SpecErrors.at(
            element, context,
            "the tag \"" + tag + "\" is not at least 3 letters, digits, dots or underscores");
      }
      tags.add(tag);
    }
    return List.copyOf(tags);
  }

  /** The texts of {@code <group><item>…</item></group>}, empty ones and duplicates dropped. */
  private static List<String> names(
      XmlElement layer, String group, String item, String context) {
    Optional<XmlElement> groupElement = optionalChild(layer, group);
    if (groupElement.isEmpty()) {
      return List.of();
    }
    ContentModel.attributes(groupElement.get(), context, Set.of(), Set.of());
    ContentModel.children(groupElement.get(), context, some(item));
    Set<String> names = new LinkedHashSet<>();
    for (XmlElement element : groupElement.get().children()) {
      ContentModel.attributes(element, context, Set.of(), Set.of());
      String name = ContentModel.text(element, context);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static List<LayerOutput> outputs(XmlElement layer, String context) {
    Map<String, LayerOutput> outputs = new LinkedHashMap<>();
    for (XmlElement group : children(layer, "outputs")) {
      ContentModel.attributes(group, context, Set.of(), Set.of());
      ContentModel.children(group, context, any("output"));
      for (XmlElement output : group.children()) {
        ContentModel.attributes(output, context, Set.of("name"), Set.of());
        String path = ContentModel.text(output, context);
        if (!path.isEmpty()) {
          outputs.putIfAbsent(path, new LayerOutput(output.attributes().get("name"), path));
        }
      }
    }
    return List.copyOf(outputs.values());
  }

  private static Map<String, String> environment(XmlElement parent, String context) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (XmlElement env : children(parent, "env")) {
      ContentModel.attributes(env, context, Set.of(), Set.of());
      ContentModel.children(env, context, any("key"));
      for (XmlElement key : env.children()) {
        ContentModel.attributes(key, context, Set.of("name"), Set.of());
        String name = key.attributes().get("name").strip();
        if (name.isEmpty() || name.contains("=")) {
          throw SpecErrors.at(
              key, context, "the environment variable name \"" + name + "\" is not usable");
        }
        environment.put(name, ContentModel.text(key, context));
      }
    }
    return environment;
  }

  private static DependDefinition depend(XmlElement depend, String context, Identity identity) {
    ContentModel.attributes(depend, context, Set.of("type"), Set.of("anyframe"));
    ContentModel.children(
        depend, context, one("depjob"), optional("deplayer"), optional("depframe"),
        one("onjob"), optional("onlayer"), optional("onframe"));
    String typeName = depend.attributes().get("type").strip();
    DependType type;
    try {
      type = DependType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(
          depend, context,
          "the type \"" + typeName + "\" is not one of " + Arrays.toString(DependType.values()), e);
    }
    boolean anyFrame = type == DependType.LAYER_ON_LAYER
        && depend.attributes().containsKey("anyframe")
        && bool(depend, context, "anyframe=", depend.attributes().get("anyframe"));

    XmlElement dependJob = child(depend, "depjob");
    XmlElement onJob = child(depend, "onjob");
    Optional<String> dependLayer = dependName(depend, "deplayer", context, type.needsDependLayer(),
        (element, text) -> conform(element, context, "layer", text));
    Optional<String> dependFrame = dependName(depend, "depframe", context, type.needsDependFrame(),
        (element, text) -> frameName(element, context, text));
    Optional<String> onLayer = dependName(depend, "onlayer", context, type.needsOnLayer(),
        (element, text) -> conform(element, context, "layer", text));
    Optional<String> onFrame = dependName(depend, "onframe", context, type.needsOnFrame(),
        (element, text) -> frameName(element, context, text));
    String dependJobName = jobName(dependJob, context, identity, required(dependJob, context));
    String onJobName = jobName(onJob, context, identity, required(onJob, context));
    if (dependJobName.equals(onJobName) && dependFrame.isPresent()
        && dependFrame.equals(onFrame)) {
      throw SpecErrors.at(
          depend, context, "the frame " + dependFrame.get() + " cannot depend on itself");
    }
    return new DependDefinition(
        type, anyFrame, dependJobName, dependLayer, dependFrame, onJobName, onLayer, onFrame);
  }

  /** Converts the text of an element that names something. */
  private interface NameConformer {
    String conform(XmlElement element, String text);
  }

  private static Optional<String> dependName(
      XmlElement depend, String name, String context, boolean needed, NameConformer conformer) {
    Optional<XmlElement> element = optionalChild(depend, name);
    if (element.isEmpty()) {
      if (needed) {
        throw SpecErrors.at(
            depend, context,
            "a " + depend.attributes().get("type").strip() + " dependency needs <" + name + ">");
      }
      return Optional.empty();
    }
    return Optional.of(conformer.conform(element.get(), required(element.get(), context)));
  }

  private static String frameName(XmlElement element, String context, String text) {
    try {
      return Names.conformFrame(text);
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(element, context, "<" + element.name() + "> " + e.getMessage(), e);
    }
  }

  private static String jobName(
      XmlElement element, String context, Identity identity, String name) {
    try {
      return identity.jobName(name.strip());
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(element, context, e.getMessage(), e);
    }
  }

  private static String conform(XmlElement element, String context, String kind, String name) {
    try {
      return Names.conform(kind, name.strip());
    } catch (IllegalArgumentException e) {
      throw SpecErrors.at(element, context, e.getMessage(), e);
    }
  }

  /** Show and user names go into paths and job names: no separators, no leading dot. */
  private static String identifier(XmlElement element, String context) {
    String text = required(element, context);
    if (!IDENTIFIER.matcher(text).matches()) {
      throw SpecErrors.at(
          element, context,
          "<" + element.name() + "> \"" + text
              + "\" must start with a letter or digit and hold only letters, digits, ., _ and -");
    }
    return text;
  }

  private static String required(XmlElement element, String context) {
    ContentModel.attributes(element, context, Set.of(), Set.of());
    String text = ContentModel.text(element, context);
    if (text.isEmpty()) {
      throw SpecErrors.at(element, context, "<" + element.name() + "> is empty");
    }
    return text;
  }

  private static int wholeNumber(XmlElement element, String context, int min) {
    String text = required(element, context);
    try {
      int number = Integer.parseInt(text);
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the element's name
    }
    throw SpecErrors.at(
        element, context,
        "<" + element.name() + "> \"" + text + "\" is not a whole number of at least " + min);
  }

  private static OptionalInt optionalInt(
      XmlElement parent, String name, String context, int min) {
    Optional<XmlElement> element = optionalChild(parent, name);
    return element.isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(wholeNumber(element.get(), context, min));
  }

  private static Optional<Boolean> optionalBoolean(
      XmlElement parent, String name, String context) {
    return optionalChild(parent, name)
        .map(element -> bool(element, context, "<" + name + "> ", required(element, context)));
  }

  /** OpenCue writes {@code True} and {@code False}; any case is accepted, nothing else. */
  private static boolean bool(XmlElement element, String context, String what, String text) {
    String value = text.strip();
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw SpecErrors.at(element, context, what + "\"" + value + "\" is not True or False");
  }

  /** The text of an optional element; an empty one counts as absent. */
  private static Optional<String> optionalText(XmlElement parent, String name, String context) {
    return optionalChild(parent, name)
        .map(
            element -> {
              ContentModel.attributes(element, context, Set.of(), Set.of());
              return ContentModel.text(element, context);
            })
        .filter(text -> !text.isEmpty());
  }

  private static XmlElement child(XmlElement parent, String name) {
    return optionalChild(parent, name).orElseThrow();
  }

  private static Optional<XmlElement> optionalChild(XmlElement parent, String name) {
    return parent.children().stream().filter(child -> child.name().equals(name)).findFirst();
  }

  private static List<XmlElement> children(XmlElement parent, String name) {
    return parent.children().stream().filter(child -> child.name().equals(name)).toList();
  }
}

package dev.cuegate.farm.spec;

import static dev.cuegate.farm.spec.Specs.layerBody;
import static dev.cuegate.farm.spec.Specs.withDepends;
import static dev.cuegate.farm.spec.Specs.withHeader;
import static dev.cuegate.farm.spec.Specs.withJob;
import static dev.cuegate.farm.spec.Specs.withLayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecParserTest {

  private static final String EVERY_ELEMENT =
      """
      <?xml version="1.0"?>
      <spec>
        <facility>Cloud</facility>
        <dept>lighting</dept>
        <show>testing</show>
        <shot>Sh-01</shot>
        <user>jdoe</user>
        <email>jdoe@example.com</email>
        <uid>1042</uid>
        <job name="Comp-Final">
          <paused>True</paused>
          <priority>50</priority>
          <maxretries>3</maxretries>
          <maxcores>20</maxcores>
          <maxgpus>2</maxgpus>
          <autoeat>TRUE</autoeat>
          <localbook host="ws01" cores="4" memory="8388608" threads="2" gpus="1"
                     gpu_memory="1048576"/>
          <os>Linux</os>
          <env><key name="JOB_VAR">job value</key><key name="SHARED">job</key></env>
          <env><key name="SECOND">2</key></env>
          <layers>
            <layer name="Beauty-Pass" type="Render">
              <cmd>  render -s #FRAME_START# -e #FRAME_END#  </cmd>
              <range>1-10</range>
              <chunk>2</chunk>
              <cores>2.5</cores>
              <threadable>true</threadable>
              <memory>512m</memory>
              <gpus>1</gpus>
              <gpu_memory>2g</gpu_memory>
              <timeout>120</timeout>
              <timeout_llu>30</timeout_llu>
              <tags>general | 64bit|general</tags>
              <limits><limit>arnold</limit><limit>arnold</limit><limit/></limits>
              <env><key name="SHARED">layer</key></env>
              <services><service>arnold</service><service>shell</service></services>
              <outputs><output name="main">/out/beauty.#.exr</output></outputs>
              <outputs><output name="aux">/out/aux.#.exr</output></outputs>
            </layer>
            <layer name="cleanup" type="util">
              <cmd>rm -rf /tmp/x</cmd>
              <range>1</range>
              <chunk>1</chunk>
            </layer>
          </layers>
        </job>
        <depends>
          <depend type="LAYER_ON_LAYER" anyframe="True">
            <depjob>Comp-Final</depjob>
            <deplayer>cleanup</deplayer>
            <onjob>comp-final</onjob>
            <onlayer>Beauty-Pass</onlayer>
          </depend>
        </depends>
        <depends>
          <depend type="frame_on_frame">
            <depjob>comp-final</depjob>
            <depframe>1-cleanup</depframe>
            <onjob>comp-final</onjob>
            <onframe>0003-beauty-pass</onframe>
          </depend>
        </depends>
      </spec>
      """;

  @Test
  void everyElementOfASpecIsRead() {
    JobSpec spec = JobSpecParser.parse(EVERY_ELEMENT);

    assertThat(spec.facility()).contains("cloud");
    assertThat(spec.department()).contains("lighting");
    assertThat(spec.show()).isEqualTo("testing");
    assertThat(spec.shot()).isEqualTo("sh_01");
    assertThat(spec.user()).isEqualTo("jdoe");
    assertThat(spec.email()).contains("jdoe@example.com");
    assertThat(spec.uid()).isEqualTo(OptionalInt.of(1042));
    assertThat(spec.jobs()).hasSize(1);
  }

  @Test
  void everyElementOfAJobIsRead() {
    JobDefinition job = JobSpecParser.parse(EVERY_ELEMENT).jobs().get(0);

    assertThat(job.name()).isEqualTo("testing-sh_01-jdoe_comp_final");
    assertThat(job.paused()).isTrue();
    assertThat(job.priority()).isEqualTo(50);
    assertThat(job.maxRetries()).isEqualTo(3);
    assertThat(job.maxCores()).isEqualTo(OptionalInt.of(20));
    assertThat(job.maxGpus()).isEqualTo(OptionalInt.of(2));
    assertThat(job.autoEat()).isTrue();
    assertThat(job.localBooking())
        .contains(new LocalBooking("ws01", 4, 8388608, 2, 1, 1048576));
    assertThat(job.os()).contains("Linux");
    assertThat(job.environment())
        .containsExactly(
            entry("JOB_VAR", "job value"), entry("SHARED", "job"), entry("SECOND", "2"));
    assertThat(job.layers()).extracting(LayerDefinition::name)
        .containsExactly("beauty_pass", "cleanup");
  }

  @Test
  void everyElementOfALayerIsRead() {
    LayerDefinition layer = JobSpecParser.parse(EVERY_ELEMENT).jobs().get(0).layers().get(0);

    assertThat(layer.type()).isEqualTo(LayerType.RENDER);
    assertThat(layer.command()).isEqualTo("render -s #FRAME_START# -e #FRAME_END#");
    assertThat(layer.range()).isEqualTo("1-10");
    assertThat(layer.chunk()).isEqualTo(2);
    assertThat(layer.cores()).isEqualTo(250);
    assertThat(layer.threadable()).isTrue();
    assertThat(layer.memoryKib()).isEqualTo(512 * 1024);
    assertThat(layer.gpus()).isEqualTo(1);
    assertThat(layer.gpuMemoryKib()).isEqualTo(2 * 1024 * 1024);
    assertThat(layer.timeoutMinutes()).isEqualTo(120);
    assertThat(layer.timeoutLluMinutes()).isEqualTo(30);
    assertThat(layer.tags()).containsExactly("general", "64bit");
    assertThat(layer.limits()).containsExactly("arnold");
    assertThat(layer.environment()).containsExactly(entry("SHARED", "layer"));
    assertThat(layer.services()).containsExactly("arnold", "shell");
    assertThat(layer.outputs())
        .containsExactly(
            new LayerOutput("main", "/out/beauty.#.exr"), new LayerOutput("aux", "/out/aux.#.exr"));
  }

  @Test
  void everyElementOfADependIsRead() {
    List<DependDefinition> depends = JobSpecParser.parse(EVERY_ELEMENT).depends();

    String job = "testing-sh_01-jdoe_comp_final";
    assertThat(depends)
        .containsExactly(
            new DependDefinition(
                DependType.LAYER_ON_LAYER, true, job, Optional.of("cleanup"), Optional.empty(),
                job, Optional.of("beauty_pass"), Optional.empty()),
            new DependDefinition(
                DependType.FRAME_ON_FRAME, false, job, Optional.empty(),
                Optional.of("0001-cleanup"), job, Optional.empty(),
                Optional.of("0003-beauty_pass")));
  }

  @Test
  void absentElementsTakeOpenCuesDefaults() {
    JobSpec spec = JobSpecParser.parse(withLayer(layerBody("")));
    JobDefinition job = spec.jobs().get(0);
    LayerDefinition layer = job.layers().get(0);

    assertThat(spec.facility()).isEmpty();
    assertThat(spec.department()).isEmpty();
    assertThat(spec.email()).isEmpty();
    assertThat(spec.uid()).isEmpty();
    assertThat(spec.depends()).isEmpty();
    assertThat(job.paused()).isFalse();
    assertThat(job.priority()).isEqualTo(JobDefinition.DEFAULT_PRIORITY);
    assertThat(job.maxRetries()).isEqualTo(JobDefinition.DEFAULT_MAX_RETRIES);
    assertThat(job.maxCores()).isEmpty();
    assertThat(job.maxGpus()).isEmpty();
    assertThat(job.autoEat()).isFalse();
    assertThat(job.localBooking()).isEmpty();
    assertThat(job.os()).isEmpty();
    assertThat(job.environment()).isEmpty();
    assertThat(layer.cores()).isEqualTo(LayerDefinition.DEFAULT_CORES);
    assertThat(layer.threadable()).isFalse();
    assertThat(layer.memoryKib()).isEqualTo(LayerDefinition.DEFAULT_MEMORY_KIB);
    assertThat(layer.gpus()).isZero();
    assertThat(layer.gpuMemoryKib()).isZero();
    assertThat(layer.timeoutMinutes()).isZero();
    assertThat(layer.timeoutLluMinutes()).isZero();
    assertThat(layer.tags()).isEmpty();
    assertThat(layer.limits()).isEmpty();
    assertThat(layer.environment()).isEmpty();
    assertThat(layer.services()).isEmpty();
    assertThat(layer.outputs()).isEmpty();
  }

  @Test
  void aSpecWithoutJobsIsAcceptedAsCuebotAcceptsIt() {
    assertThat(JobSpecParser.parse(withHeader(Specs.header(), "")).jobs()).isEmpty();
  }

  @Test
  void emptyOptionalTextCountsAsAbsent() {
    JobSpec spec =
        JobSpecParser.parse(
            withHeader("<dept/><show>testing</show><shot>sh01</shot><user>jdoe</user><email/>",
                ""));

    assertThat(spec.department()).isEmpty();
    assertThat(spec.email()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "2.5, 250",
    "0.5, 50",
    "1.0, 100",
    "1., 100",
    ".25, 25",
    "1.005, 101",
    "150, 150",
    "5, 100",
    "0, 100",
    "-1, 100",
    "0.05, 100",
  })
  void coresWithAPointAreCoresAndWithoutAreHundredths(String cores, int hundredths) {
    LayerDefinition layer = onlyLayer(layerBody("<cores>" + cores + "</cores>"));

    assertThat(layer.cores()).isEqualTo(hundredths);
  }

  @Test
  void aLayerOfLessThanOneCoreIsNeverThreadable() {
    LayerDefinition layer =
        onlyLayer(layerBody("<cores>0.5</cores><threadable>True</threadable>"));

    assertThat(layer.threadable()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "512m, 524288",
    "512M, 524288",
    "512mb, 524288",
    "1.5m, 1536",
    "4g, 4194304",
    "4G, 4194304",
    "4GB, 4194304",
    "1.5g, 1572864",
    "2, 2097152",
    "0.5, 524288",
  })
  void memoryIsReadInKib(String memory, long kib) {
    LayerDefinition layer = onlyLayer(layerBody("<memory>" + memory + "</memory>"));

    assertThat(layer.memoryKib()).isEqualTo(kib);
  }

  @Test
  void theDeprecatedGpuElementStandsForGpuMemory() {
    assertThat(onlyLayer(layerBody("<gpu>1g</gpu>")).gpuMemoryKib()).isEqualTo(1048576);
    assertThat(onlyLayer(layerBody("<gpu>1g</gpu><gpu_memory>2g</gpu_memory>")).gpuMemoryKib())
        .isEqualTo(2097152);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Render", "render", "RENDER", "Util", "Post"})
  void layerTypesAreReadInAnyCase(String type) {
    String spec =
        withJob("<layers><layer name=\"render\" type=\"" + type + "\">" + layerBody("")
            + "</layer></layers>");

    assertThat(JobSpecParser.parse(spec).jobs().get(0).layers().get(0).type().name())
        .isEqualToIgnoringCase(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "true", "TRUE", " True "})
  void booleansAreReadInAnyCase(String value) {
    assertThat(JobSpecParser.parse(withJob("<paused>" + value + "</paused><layers>"
        + Specs.LAYER + "</layers>")).jobs().get(0).paused()).isTrue();
  }

  @Test
  void anyFrameCountsOnlyForLayerOnLayer() {
    DependDefinition depend =
        JobSpecParser.parse(
                withDepends(
                    "<depends><depend type=\"LAYER_ON_JOB\" anyframe=\"True\"><depjob>comp"
                        + "</depjob><deplayer>render</deplayer><onjob>other</onjob></depend>"
                        + "</depends>"))
            .depends()
            .get(0);

    assertThat(depend.anyFrame()).isFalse();
    assertThat(depend.onJob()).isEqualTo("testing-sh01-jdoe_other");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<spec><shot>sh01</shot><user>jdoe</user></spec>| <spec> needs <show>",
        "<spec><show>t1</show><user>jdoe</user></spec>| <spec> needs <shot>",
        "<spec><show>t1</show><shot>sh01</shot></spec>| <spec> needs <user>",
        "<spec><shot>sh01</shot><show>t1</show><user>jdoe</user></spec>"
            + "| <shot> is out of order in <spec>",
        "<spec><show>t1</show><shot>sh01</shot><user>jdoe</user><bogus/></spec>"
            + "| <spec> cannot hold <bogus>",
        "<spec version=\"2\"><show>t1</show><shot>sh01</shot><user>jdoe</user></spec>"
            + "| <spec> has no attribute \"version\"",
        "<spec>text<show>t1</show><shot>sh01</shot><user>jdoe</user></spec>| <spec> holds text",
        "<spec><show>t1</show><show>t2</show><shot>sh01</shot><user>jdoe</user></spec>"
            + "| <spec> has more than one <show>",
        "<spec><show>../x</show><shot>sh01</shot><user>jdoe</user></spec>"
            + "| <show> \"../x\" must start with a letter or digit",
        "<spec><show></show><shot>sh01</shot><user>jdoe</user></spec>| <show> is empty",
        "<spec><show><b/></show><shot>sh01</shot><user>jdoe</user></spec>"
            + "| <show> holds text only, not <b>",
        "<spec><show>t1</show><shot>s1</shot><user>jdoe</user></spec>| shot name \"s1\"",
        "<spec><show>t1</show><shot>sh01</shot><user>root</user></spec>"
            + "| jobs cannot be launched as root",
        "<spec><show>t1</show><shot>sh01</shot><user>jdoe</user><uid>0</uid></spec>"
            + "| jobs cannot be launched as root",
        "<spec><show>t1</show><shot>sh01</shot><user>jdoe</user><uid>-5</uid></spec>"
            + "| <uid> \"-5\" is not a whole number of at least 0",
        "<spec><show>t1</show><shot>sh01</shot><user>jdoe</user><uid>x</uid></spec>"
            + "| <uid> \"x\" is not a whole number",
        "<job name=\"comp\"/>| the root element is <job>, not <spec>",
      })
  void specErrorsNameTheElement(String xml, String message) {
    assertThatThrownBy(() -> JobSpecParser.parse(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(message.strip())
        .hasMessageContaining("line 1, column");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<layers>" + Specs.LAYER + "</layers><paused>True</paused>| <paused> is out of order",
        "<paused>maybe</paused>| <paused> \"maybe\" is not True or False",
        "<autoeat>1</autoeat>| <autoeat> \"1\" is not True or False",
        "<priority>high</priority>| <priority> \"high\" is not a whole number",
        "<priority>-1</priority>| <priority> \"-1\" is not a whole number of at least 0",
        "<maxretries>x</maxretries>| <maxretries> \"x\"",
        "<maxcores>1.5</maxcores>| <maxcores> \"1.5\"",
        "<maxgpus>-2</maxgpus>| <maxgpus> \"-2\"",
        "<localbook cores=\"2\"/>| <localbook> needs the attribute \"host\"",
        "<localbook host=\" \"/>| <localbook> has an empty host",
        "<localbook host=\"ws1\" cores=\"many\"/>"
            + "| <localbook cores=\"many\"> is not a whole number",
        "<localbook host=\"ws1\" colour=\"red\"/>| <localbook> has no attribute \"colour\"",
        "<env><key>v</key></env>| <key> needs the attribute \"name\"",
        "<env><key name=\"\">v</key></env>| the environment variable name \"\" is not usable",
        "<env><key name=\"A=B\">v</key></env>| the environment variable name \"A=B\"",
        "<env><var name=\"A\">v</var></env>| <env> cannot hold <var>",
        "<env><key name=\"A\"><b/></key></env>| <key> holds text only, not <b>",
        "| the job has no layers",
        "<layers/>| the job has no layers",
        "<layers><layer name=\"render\" type=\"Render\"><cmd>a</cmd><range>1</range>"
            + "<chunk>1</chunk></layer><layer name=\"Render\" type=\"Util\"><cmd>a</cmd>"
            + "<range>1</range><chunk>1</chunk></layer></layers>"
            + "| the layer render is defined twice",
        "<layers><render/></layers>| <layers> cannot hold <render>",
      })
  void jobErrorsNameTheJobAndTheElement(String jobBody, String message) {
    assertThatThrownBy(() -> JobSpecParser.parse(withJob(jobBody == null ? "" : jobBody)))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("job \"comp\": ")
        .hasMessageContaining(message.strip())
        .hasMessageContaining("line 1, column");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<range>1-3</range><chunk>1</chunk>| <layer> needs <cmd>",
        "<cmd>a</cmd><chunk>1</chunk>| <layer> needs <range>",
        "<cmd>a</cmd><range>1</range>| <layer> needs <chunk>",
        "<range>1</range><cmd>a</cmd><chunk>1</chunk>| <range> is out of order in <layer>",
        "<cmd> </cmd><range>1</range><chunk>1</chunk>| <cmd> is empty",
        "<cmd>a</cmd><range>1-x</range><chunk>1</chunk>"
            + "| <range> \"1-x\" is not a frame range",
        "<cmd>a</cmd><range>1-10x0</range><chunk>1</chunk>"
            + "| <range> \"1-10x0\" is not a frame range: \"1-10x0\" has a step of 0",
        "<cmd>a</cmd><range>10-1x2</range><chunk>1</chunk>"
            + "| <range> \"10-1x2\" is not a frame range: \"10-1x2\" steps up but runs down",
        "<cmd>a</cmd><range>1</range><chunk>0</chunk>"
            + "| <chunk> \"0\" is not a whole number of at least 1",
        "<cmd>a</cmd><range>1</range><chunk>two</chunk>| <chunk> \"two\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><cores>lots</cores>"
            + "| <cores> \"lots\" is not a number",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><cores>99999999999</cores>"
            + "| <cores> \"99999999999\" is too many",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><threadable>yes</threadable>"
            + "| <threadable> \"yes\" is not True or False",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><memory>lots</memory>"
            + "| <memory> \"lots\" is not an amount like 512m or 4g",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><memory>4t</memory>| <memory> \"4t\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><memory>0</memory>"
            + "| <memory> \"0\" is out of range",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><memory>99999999999999999g</memory>"
            + "| is out of range",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><gpus>-1</gpus>| <gpus> \"-1\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><gpu_memory>x</gpu_memory>"
            + "| <gpu_memory> \"x\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><timeout>-1</timeout>| <timeout> \"-1\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><timeout_llu>1h</timeout_llu>"
            + "| <timeout_llu> \"1h\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><tags>x!y</tags>"
            + "| the tag \"x!y\" is not at least 3",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><limits/>| <limits> needs <limit>",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><services/>| <services> needs <service>",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><outputs><output>/x</output></outputs>"
            + "| <output> needs the attribute \"name\"",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><services><service>a</service>"
            + "</services><env/>| <env> is out of order",
        "<cmd>a</cmd><range>1</range><chunk>1</chunk><priority>1</priority>"
            + "| <layer> cannot hold <priority>",
      })
  void layerErrorsNameTheJobTheLayerAndTheElement(String layerBody, String message) {
    assertThatThrownBy(() -> JobSpecParser.parse(withLayer(layerBody)))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("job \"comp\": layer \"render\": ")
        .hasMessageContaining(message.strip())
        .hasMessageContaining("line 1, column");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<layer type=\"Render\"><cmd>a</cmd><range>1</range><chunk>1</chunk></layer>"
            + "| <layer> needs the attribute \"name\"",
        "<layer name=\"render\"><cmd>a</cmd><range>1</range><chunk>1</chunk></layer>"
            + "| <layer> needs the attribute \"type\"",
        "<layer name=\"render\" type=\"Batch\"><cmd>a</cmd><range>1</range><chunk>1</chunk>"
            + "</layer>| the type \"Batch\" is not Render, Util or Post",
        "<layer name=\"ab\" type=\"Render\"><cmd>a</cmd><range>1</range><chunk>1</chunk>"
            + "</layer>| layer name \"ab\" must be at least 3",
      })
  void layerAttributeErrorsNameTheElement(String layer, String message) {
    assertThatThrownBy(() -> JobSpecParser.parse(withJob("<layers>" + layer + "</layers>")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(message.strip());
  }

  @Test
  void aJobWithoutANameIsRejected() {
    assertThatThrownBy(
            () -> JobSpecParser.parse(withHeader(Specs.header(), "<job><layers>" + Specs.LAYER
                + "</layers></job>")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("<job> needs the attribute \"name\"");
  }

  @Test
  void aJobNameCuebotCannotConformIsRejected() {
    assertThatThrownBy(
            () -> JobSpecParser.parse(withHeader(Specs.header(), "<job name=\"a b\"><layers>"
                + Specs.LAYER + "</layers></job>")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("job name \"a b\"");
  }

  @Test
  void twoJobsOfTheSameNameAreRejected() {
    String job = "<job name=\"comp\"><layers>" + Specs.LAYER + "</layers></job>";

    assertThatThrownBy(
            () -> JobSpecParser.parse(withHeader(Specs.header(), job + job.replace("comp",
                "COMP"))))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("the job testing-sh01-jdoe_comp is defined twice");
  }

  @Test
  void aJobOfMoreThanAHundredThousandFramesIsRejected() {
    String layers =
        "<layers><layer name=\"one\" type=\"Render\"><cmd>a</cmd><range>1-60000</range>"
            + "<chunk>1</chunk></layer><layer name=\"two\" type=\"Render\"><cmd>a</cmd>"
            + "<range>1-40001</range><chunk>1</chunk></layer></layers>";

    assertThatThrownBy(() -> JobSpecParser.parse(withJob(layers)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("more than 100000 frames");
  }

  @Test
  void chunkedFramesCountTowardsTheCapNotTheirNumbers() {
    String layers =
        "<layers><layer name=\"one\" type=\"Render\"><cmd>a</cmd><range>1-1000000</range>"
            + "<chunk>10</chunk></layer></layers>";

    assertThat(JobSpecParser.parse(withJob(layers)).jobs()).hasSize(1);
  }

  @Test
  void aJobOfMoreThanAThousandLayersIsRejected() {
    StringBuilder layers = new StringBuilder("<layers>");
    for (int i = 0; i <= JobSpecParser.MAX_LAYERS; i++) {
      layers.append("<layer name=\"layer").append(i).append("\" type=\"Render\">")
          .append(layerBody("")).append("</layer>");
    }

    assertThatThrownBy(() -> JobSpecParser.parse(withJob(layers + "</layers>")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("more than 1000 layers");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<depend><depjob>comp</depjob><onjob>comp</onjob></depend>"
            + "| <depend> needs the attribute \"type\"",
        "<depend type=\"SOMETIMES\"><depjob>comp</depjob><onjob>comp</onjob></depend>"
            + "| the type \"SOMETIMES\" is not one of",
        "<depend type=\"JOB_ON_JOB\"><onjob>comp</onjob></depend>| <depend> needs <depjob>",
        "<depend type=\"JOB_ON_JOB\"><depjob>comp</depjob></depend>| <depend> needs <onjob>",
        "<depend type=\"JOB_ON_JOB\"><onjob>x1x</onjob><depjob>comp</depjob></depend>"
            + "| <onjob> is out of order in <depend>",
        "<depend type=\"LAYER_ON_LAYER\"><depjob>comp</depjob><onjob>comp</onjob>"
            + "<onlayer>render</onlayer></depend>| a LAYER_ON_LAYER dependency needs <deplayer>",
        "<depend type=\"LAYER_ON_LAYER\"><depjob>comp</depjob><deplayer>render</deplayer>"
            + "<onjob>comp</onjob></depend>| a LAYER_ON_LAYER dependency needs <onlayer>",
        "<depend type=\"FRAME_ON_FRAME\"><depjob>comp</depjob><onjob>comp</onjob>"
            + "<onframe>1-render</onframe></depend>| needs <depframe>",
        "<depend type=\"FRAME_ON_FRAME\"><depjob>comp</depjob><depframe>1-render</depframe>"
            + "<onjob>comp</onjob></depend>| needs <onframe>",
        "<depend type=\"FRAME_BY_FRAME\"><depjob>comp</depjob><onjob>comp</onjob></depend>"
            + "| a FRAME_BY_FRAME dependency needs <deplayer>",
        "<depend type=\"FRAME_ON_FRAME\"><depjob>comp</depjob><depframe>render</depframe>"
            + "<onjob>comp</onjob><onframe>1-render</onframe></depend>"
            + "| <depframe> frame name \"render\" is not <number>-<layer name>",
        "<depend type=\"FRAME_ON_FRAME\"><depjob>comp</depjob><depframe>1-render</depframe>"
            + "<onjob>comp</onjob><onframe>0001-Render</onframe></depend>"
            + "| the frame 0001-render cannot depend on itself",
        "<depend type=\"LAYER_ON_LAYER\" anyframe=\"often\"><depjob>comp</depjob>"
            + "<deplayer>render</deplayer><onjob>comp</onjob><onlayer>other</onlayer></depend>"
            + "| anyframe=\"often\" is not True or False",
        "<depend type=\"JOB_ON_JOB\"><depjob>c</depjob><onjob>comp</onjob></depend>"
            + "| job name \"c\"",
        "<depend type=\"JOB_ON_JOB\"><depjob></depjob><onjob>comp</onjob></depend>"
            + "| <depjob> is empty",
      })
  void dependErrorsNameTheDependency(String depend, String message) {
    String xml = withDepends("<depends>" + depend + "</depends>");

    assertThatThrownBy(() -> JobSpecParser.parse(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("depend #1: ")
        .hasMessageContaining(message.strip());
  }

  @Test
  void aDependsGroupHoldsOnlyDepends() {
    assertThatThrownBy(() -> JobSpecParser.parse(withDepends("<depends><dependency/></depends>")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec: <depends> cannot hold <dependency>; it holds <depend>");
  }

  @Test
  void dependsBeforeJobsAreOutOfOrder() {
    String xml =
        withHeader(Specs.header(), "<depends/><job name=\"comp\"><layers>" + Specs.LAYER
            + "</layers></job>");

    assertThatThrownBy(() -> JobSpecParser.parse(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("<job> is out of order in <spec>");
  }

  @Test
  void errorsOnLaterLinesNameTheirLine() {
    String xml = EVERY_ELEMENT.replace("<range>1-10</range>", "<range>1-10x0</range>");

    assertThatThrownBy(() -> JobSpecParser.parse(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("job \"Comp-Final\": layer \"Beauty-Pass\": <range> \"1-10x0\"")
        .hasMessageContaining("(line 25, column");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<spec>", "<spec></spoc>", "not xml", "<spec/><spec/>"})
  void malformedXmlIsRejected(String xml) {
    assertThatThrownBy(() -> JobSpecParser.parse(xml)).isInstanceOf(SpecException.class);
  }

  @Test
  void namespacedElementsAreRejected() {
    String xml = "<spec xmlns=\"urn:x\"><show>t1</show><shot>sh01</shot><user>jdoe</user></spec>";

    assertThatThrownBy(() -> JobSpecParser.parse(xml))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is in a namespace");
  }

  @Test
  void cdataAndCharacterReferencesAreText() {
    LayerDefinition layer =
        onlyLayer("<cmd><![CDATA[a && b < c]]> &amp;&#x41;</cmd><range>1</range><chunk>1</chunk>");

    assertThat(layer.command()).isEqualTo("a && b < c &A");
  }

  private static LayerDefinition onlyLayer(String layerBody) {
    return JobSpecParser.parse(withLayer(layerBody)).jobs().get(0).layers().get(0);
  }
}

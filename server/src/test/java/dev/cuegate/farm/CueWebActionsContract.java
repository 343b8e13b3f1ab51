package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.depend;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.TestWorker;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CueWeb's scheduling actions that the embedded farm's scheduler obeys. */
abstract class CueWebActionsContract extends FarmContract {
  CueWebActionsContract(GatewayExtension gateway) {
    super(gateway);
  }

  @Test
  void setMaxRetriesDecidesWhenAFailingFrameIsDead() {
    String thrice = api.launch(spec(uniqueName("retries3"), layer("render", "1", 1), ""));
    String byDefault = api.launch(spec(uniqueName("retriesdefault"), layer("render", "1", 1), ""));

    api.jobAction("SetMaxRetries", thrice, ",\"max_retries\":3");
    fail(thrice);
    fail(byDefault);

    assertThat(api.frameStates(thrice)).containsExactly("0001-render WAITING");
    assertThat(api.frameStates(byDefault)).containsExactly("0001-render DEAD");
  }

  @Test
  void setAutoEatEatsAFrameThatFailsForTheLastTime() {
    String id = api.launch(spec(uniqueName("autoeat"), layer("render", "1", 1), ""));

    api.jobAction("SetMaxRetries", id, ",\"max_retries\":1");
    api.jobAction("SetAutoEat", id, ",\"value\":true");
    fail(id);

    assertThat(api.job(id).get("autoEat").asBoolean()).isTrue();
    assertThat(api.frameStates(id)).containsExactly("0001-render EATEN");
    assertThat(api.job(id).get("state").asText()).isEqualTo("FINISHED");
  }

  @Test
  void aNegativeMaxRetriesIsRefusedWith400NamingTheFieldAndChangesNothing() {
    String id = api.launch(spec(uniqueName("negretries"), layer("render", "1", 1), ""));
    api.jobAction("SetMaxRetries", id, ",\"max_retries\":3");

    HttpResponse<String> refused = gateway.post("/job.JobInterface/SetMaxRetries",
        "{\"job\":{\"id\":\"" + id + "\"},\"max_retries\":-1}");
    fail(id);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(FarmApi.parse(refused.body()).get("message").asText())
        .isEqualTo("max_retries must be 0 or more, got -1");
    assertThat(api.frameStates(id)).containsExactly("0001-render WAITING");
  }

  @Test
  void markAsWaitingReleasesADependFrameWhichAWorkerThenTakes() {
    String type = uniqueName("marktype");
    String name = uniqueName("mark");
    String id = api.launch(spec(name, layer("render", "1-2", 1)
        + "<layer name=\"comp\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>1-2</range>"
        + "<chunk>1</chunk><services><service>" + type + "</service></services></layer>",
        depend("LAYER_ON_LAYER", name, "comp", "render")));
    TestWorker worker = TestWorker.register(gateway, uniqueName("markhost"), type);
    int refusedBefore = worker.fetch().statusCode();

    api.ok("/job.FrameInterface/MarkAsWaiting",
        "{\"frame\":{\"id\":\"" + api.frameId(id, "0001-comp") + "\"}}");
    String taken = worker.take().get("name").asText();
    for (String render : new String[] {"0001-render", "0002-render"}) {
      String frame = api.frameId(id, render);
      succeed(frame);
    }

    assertThat(refusedBefore).isEqualTo(204);
    assertThat(taken).isEqualTo("0001-comp");
    assertThat(api.frameStates(id)).containsExactly("0001-render SUCCEEDED",
        "0001-comp RUNNING", "0002-render SUCCEEDED", "0002-comp WAITING");
  }

  @Test
  void markAsWaitingLeavesAFrameThatIsNotDependAsItIs() {
    String id = api.launch(spec(uniqueName("marknoop"), layer("render", "1", 1), ""));
    String frame = api.frameId(id, "0001-render");
    gateway.farm().startFrame(frame, "render-01");

    api.ok("/job.FrameInterface/MarkAsWaiting", "{\"frame\":{\"id\":\"" + frame + "\"}}");

    assertThat(api.frameStates(id)).containsExactly("0001-render RUNNING");
  }

  /** The frame's first run fails. */
  private void fail(String jobId) {
    String frame = api.frameId(jobId, "0001-render");
    gateway.farm().startFrame(frame, "render-01");
    gateway.farm().finishFrame(frame, 1, "render-01");
  }
}

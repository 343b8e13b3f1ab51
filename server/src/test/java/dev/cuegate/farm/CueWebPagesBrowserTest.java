package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.depend;
import static dev.cuegate.farm.FarmSpecs.fullName;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.HeadlessChromium;
import dev.cuegate.testing.PageServer;
import dev.cuegate.testing.Tokens;
import dev.cuegate.worker.TestWorker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page and panel of CueWeb loads on the embedded farm: in a real headless Chromium, a page
 * from another origin than the gateway replays with fetch() the calls CueWeb makes when each of
 * them loads, with CueWeb's bodies (test resource {@code cueweb-calls/pages.json}), on a farm
 * with a job, a dependency, a comment, a task and a worker running a frame. Each call must
 * answer 2xx, with no ignored request field, and with every field CueWeb reads.
 */
class CueWebPagesBrowserTest {
  /** Started before the gateway, whose CORS_ORIGINS must name the page's origin. */
  @RegisterExtension
  static final PageServer PAGE = PageServer.serve("/replay.html", "/cueweb-calls/replay.html");
  /** The characters CueWeb's job page escapes when it looks a job up by name. */
  private static final Pattern REGEX_SPECIAL = Pattern.compile("[-/\\\\^$*+?.()|\\[\\]{}]");

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("CORS_ORIGINS", PAGE.origin());

  private final FarmApi api = new FarmApi(gateway);

  @TempDir Path profile;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    browser.get(PAGE.url());
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyPageOfCueWebLoadsWithTheFieldsItReads() {
    List<CueWebPages.Page> pages = CueWebPages.load(farmWithWork());
    List<String> failures = new ArrayList<>();
    int calls = 0;

    for (CueWebPages.Page page : pages) {
      List<Map<String, Object>> answers = replay(page.calls());
      for (int i = 0; i < page.calls().size(); i++) {
        failures.addAll(check(page, page.calls().get(i), answers.get(i)));
        calls++;
      }
    }

    assertThat(pages).extracting(CueWebPages.Page::name).contains("Monitor Jobs",
        "View Job Graph", "Monitor Hosts: procs panel",
        "Host page: Overview, Procs, Comments and Tags tabs", "Show page (group tree)",
        "Monitor Cue", "Allocations", "Redirect", "Redirect: search", "Subscription Graphs",
        "Subscriptions", "Limits", "Services", "Frame log viewer");
    assertThat(calls).isEqualTo(pages.stream().mapToInt(page -> page.calls().size()).sum())
        .isGreaterThan(40);
    assertThat(failures).as("calls of CueWeb's pages that failed").isEmpty();
  }

  @Test
  void theReplayReportsACallTheFarmDoesNotServe() {
    String id = api.launch(spec(uniqueName("replay501"),
        FarmSpecs.layer("render", "1", 1), ""));
    CueWebPages.Page page = new CueWebPages.Page("a page of a Cuebot", List.of(), List.of(
        new CueWebPages.Call("job.JobInterface/AddRenderPartition",
            "{\"job\":{\"id\":\"" + id + "\"},\"host\":\"h\",\"threads\":1}", List.of()),
        new CueWebPages.Call("job.JobInterface/GetJob", "{\"id\":\"" + id + "\"}",
            List.of("job.noSuchField"))));

    List<Map<String, Object>> answers = replay(page.calls());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < page.calls().size(); i++) {
      failures.addAll(check(page, page.calls().get(i), answers.get(i)));
    }

    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).startsWith("a page of a Cuebot: job.JobInterface/AddRenderPartition"
        + " answered 501");
    assertThat(failures.get(1))
        .isEqualTo("a page of a Cuebot: job.JobInterface/GetJob: job.noSuchField is absent");
  }

  /**
   * A job whose comp layer waits on its render layer, with a comment; a worker running its first
   * render frame; a task of the show's department. The placeholders' values, from the farm.
   */
  private Map<String, JsonNode> farmWithWork() {
    String type = uniqueName("replaytype");
    String hostName = uniqueName("replayhost");
    String name = uniqueName("replay");
    String jobId = api.launch(spec(name, layer("render", type) + layer("comp", type),
        depend("LAYER_ON_LAYER", name, "comp", "render")));
    TestWorker.register(gateway, hostName, type).take();
    api.jobAction("AddComment", jobId,
        ",\"new_comment\":{\"user\":\"jdoe\",\"subject\":\"retake\",\"message\":\"see notes\"}");
    JsonNode show = api.ok("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}").get("show");
    JsonNode department = api.ok("/show.ShowInterface/GetDepartments",
        "{\"show\":{\"id\":\"" + show.get("id").asText() + "\"}}")
        .get("departments").get("departments").get(0);
    api.ok("/department.DepartmentInterface/AddTask",
        "{\"department\":" + department + ",\"shot\":\"sh01\",\"min_cores\":1}");

    Map<String, JsonNode> values = new HashMap<>();
    values.put("user", TextNode.valueOf("jdoe"));
    values.put("show", show);
    values.put("showName", show.get("name"));
    values.put("showId", show.get("id"));
    values.put("jobId", TextNode.valueOf(jobId));
    values.put("jobName", TextNode.valueOf(fullName(name)));
    values.put("jobRegex", TextNode.valueOf("^" + REGEX_SPECIAL.matcher(fullName(name))
        .replaceAll(match -> Matcher.quoteReplacement("\\" + match.group())) + "$"));
    values.put("frameId", TextNode.valueOf(api.frameId(jobId, "0001-render")));
    values.put("hostName", TextNode.valueOf(hostName));
    values.put("host", api.ok("/host.HostInterface/FindHost",
        "{\"name\":\"" + hostName + "\"}").get("host"));
    values.put("groupId", api.ok("/show.ShowInterface/GetRootGroup",
        "{\"show\":{\"name\":\"testing\"}}").get("group").get("id"));
    values.put("department", department);
    values.put("allocationName", TextNode.valueOf("local.general"));
    return values;
  }

  /** Makes the calls from the browser, one after the other; each one's status, Warning, body. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> replay(List<CueWebPages.Call> calls) {
    List<Map<String, String>> requests = calls.stream()
        .map(call -> Map.of("method", call.method(), "body", call.body()))
        .toList();
    Object answers = browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " replay(arguments[0], arguments[1], arguments[2]).then(done,"
            + " error => done([{status: 0, warning: '', body: String(error)}]));",
        gateway.uri("").toString(), Tokens.valid(), requests);
    List<Map<String, Object>> list = (List<Map<String, Object>>) answers;
    assertThat(list).as("answers of the replayed calls").hasSize(calls.size());
    return list;
  }

  /** What is wrong with one answer, as {@code <page>: <method>...}; empty when it is right. */
  private static List<String> check(CueWebPages.Page page, CueWebPages.Call call,
      Map<String, Object> answer) {
    String prefix = page.name() + ": " + call.method();
    long status = ((Number) answer.get("status")).longValue();
    String body = String.valueOf(answer.get("body"));
    if (status < 200 || status > 299) {
      return List.of(prefix + " answered " + status + " to " + call.body() + ": " + body);
    }
    List<String> failures = new ArrayList<>();
    if (!String.valueOf(answer.get("warning")).isEmpty()) {
      failures.add(prefix + " ignored request fields: " + answer.get("warning"));
    }
    JsonNode json = FarmApi.parse(body);
    for (String read : call.reads()) {
      CueWebPages.missing(json, read).forEach(missing -> failures.add(prefix + ": " + missing));
    }
    return failures;
  }

  private static String layer(String name, String service) {
    return "<layer name=\"" + name + "\" type=\"Render\"><cmd>echo #IFRAME#</cmd>"
        + "<range>1-3</range><chunk>1</chunk><services><service>" + service
        + "</service></services></layer>";
  }
}

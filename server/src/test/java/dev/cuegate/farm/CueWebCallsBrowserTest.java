package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.fullName;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.HeadlessChromium;
import dev.cuegate.testing.PageServer;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * CueWeb's jobs page against the embedded farm, in a real headless Chromium: a page of our own
 * (test resource {@code cueweb-calls/index.html}) makes CueWeb's calls with CueWeb's bodies, from
 * another origin than the API, so the browser also enforces CORS with the bearer token.
 */
class CueWebCallsBrowserTest {
  /** Started before the gateway, whose CORS_ORIGINS must name the page's origin. */
  @RegisterExtension
  static final PageServer PAGE = PageServer.serve("/", "/cueweb-calls/index.html");

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("CORS_ORIGINS", PAGE.origin());

  private final FarmApi api = new FarmApi(gateway);

  @TempDir Path profile;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePageListsTheJobItsLayersAndFramesWithTheirStatesAndCounts() throws IOException {
    String name = uniqueName("cueweb");
    String id = api.launch(spec(name, layer("render", "1-4", 1) + layer("comp", "1-2", 1), ""));
    finish(id, "0001-render", 0);
    gateway.farm().startFrame(api.frameId(id, "0002-render"), "render-01");
    finish(id, "0003-render", 3);

    connect();
    openJob(fullName(name));

    waitForText("#health", "connected: 1 active show(s)");
    assertThat(text("#shows")).isEqualTo("testing");
    String job = "#jobs tr[data-name='" + fullName(name) + "'] ";
    assertThat(cells(job, "state", "paused", "total", "succeeded", "running", "waiting", "dead",
        "eaten", "failed")).isEqualTo("PENDING false 6 1 1 3 1 0 1");
    waitForText("#layers tr[data-name='comp'] td.total", "2");
    assertThat(cells("#layers tr[data-name='render'] ", "type", "total", "succeeded", "running",
        "waiting", "dead", "eaten")).isEqualTo("RENDER 4 1 1 1 1 0");
    assertThat(cells("#layers tr[data-name='comp'] ", "type", "total", "succeeded", "running",
        "waiting", "dead", "eaten")).isEqualTo("RENDER 2 0 0 2 0 0");
    waitForText("#frames tr[data-name='0004-render'] td.state", "WAITING");
    assertThat(browser.findElements(By.cssSelector("#frames tbody tr")))
        .extracting(row -> row.getAttribute("data-name"))
        .containsExactly("0001-render", "0001-comp", "0002-render", "0002-comp", "0003-render",
            "0004-render");
    assertThat(frame("0001-render")).isEqualTo("render SUCCEEDED 0 0");
    assertThat(frame("0002-render")).isEqualTo("render RUNNING 0 0");
    assertThat(frame("0003-render")).isEqualTo("render DEAD 1 3");
    assertThat(frame("0001-comp")).isEqualTo("comp WAITING 0 0");

    byte[] png = HeadlessChromium.screenshot(browser, "cueweb-calls");
    assertThat(png.length).isGreaterThan(20_000);
  }

  @Test
  void pauseResumeRetryEatAndKillFromThePageTakeEffect() {
    String name = uniqueName("cuewebact");
    String id = api.launch(spec(name, layer("render", "1-3", 1), ""));
    String job = "#jobs tr[data-name='" + fullName(name) + "'] ";
    connect();
    openJob(fullName(name));

    act("pause", "Pause");
    waitForText(job + "td.paused", "true");
    assertThat(api.job(id).get("isPaused").asBoolean()).isTrue();

    act("resume", "Resume");
    waitForText(job + "td.paused", "false");
    assertThat(api.job(id).get("isPaused").asBoolean()).isFalse();

    finish(id, "0001-render", 1);
    waitForText("#frames tr[data-name='0001-render'] td.state", "DEAD");
    act("retry-dead", "Retry dead frames");
    waitForText("#frames tr[data-name='0001-render'] td.state", "WAITING");
    assertThat(api.frameStates(id))
        .containsExactly("0001-render WAITING", "0002-render WAITING", "0003-render WAITING");

    finish(id, "0001-render", 1);
    waitForText("#frames tr[data-name='0001-render'] td.state", "DEAD");
    act("eat-dead", "Eat dead frames");
    waitForText("#frames tr[data-name='0001-render'] td.state", "EATEN");
    assertThat(api.frameStates(id))
        .containsExactly("0001-render EATEN", "0002-render WAITING", "0003-render WAITING");
    assertThat(frame("0001-render")).isEqualTo("render EATEN 2 1");

    gateway.farm().startFrame(api.frameId(id, "0002-render"), "render-01");
    waitForText("#frames tr[data-name='0002-render'] td.state", "RUNNING");
    act("kill", "Kill");
    waitForText(job + "td.state", "FINISHED");
    assertThat(api.job(id).get("state").asText()).isEqualTo("FINISHED");
    assertThat(api.frameStates(id))
        .containsExactly("0001-render EATEN", "0002-render WAITING", "0003-render WAITING");
  }

  /** Types CueWeb's two settings, the gateway's URL and a token, and starts polling. */
  private void connect() {
    browser.get(PAGE.url());
    type("#base-url", gateway.uri("").toString());
    type("#token", Tokens.valid());
    type("#poll-ms", "200");
    browser.findElement(By.id("connect")).click();
    wait.withMessage(() -> "the page's health probe: " + text("#health"))
        .until(driver -> text("#health").startsWith("connected"));
  }

  private void openJob(String jobName) {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#jobs tr[data-name='" + jobName + "'] button.job-name"))).click();
    waitForText("#selected-job", jobName);
  }

  /** Clicks an action button and waits until the page reports the call's outcome. */
  private void act(String button, String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(button))).click();
    WebElement status = browser.findElement(By.id("action-status"));
    wait.until(driver -> status.getText().startsWith(label + ": ")
        && !status.getText().equals(label + ": sending"));
    assertThat(status.getText()).isEqualTo(label + ": done");
  }

  private void finish(String jobId, String frameName, int exitStatus) {
    String frame = api.frameId(jobId, frameName);
    gateway.farm().startFrame(frame, "render-01");
    gateway.farm().finishFrame(frame, exitStatus, "render-01");
  }

  private void type(String css, String text) {
    WebElement input = browser.findElement(By.cssSelector(css));
    input.clear();
    input.sendKeys(text);
  }

  private void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  /** The texts of the cells {@code classes} of the row {@code row}, separated by spaces. */
  private String cells(String row, String... classes) {
    StringBuilder texts = new StringBuilder();
    for (String cls : classes) {
      texts.append(texts.length() == 0 ? "" : " ").append(text(row + "td." + cls));
    }
    return texts.toString();
  }

  private String frame(String frameName) {
    return cells("#frames tr[data-name='" + frameName + "'] ", "layer", "state", "retries", "exit");
  }
}

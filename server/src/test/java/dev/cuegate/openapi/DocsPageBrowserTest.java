package dev.cuegate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API browser in a real headless Chromium (Debian's, driven through its chromedriver; nothing
 * is downloaded): a user authorizes with a token, runs GetShows against the fake Cuebot and sees
 * the answer.
 */
class DocsPageBrowserTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path profile;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("the browser test needs Debian's chromium and chromium-driver packages"
            + " (apt-get install -y chromium chromium-driver; .ci/run installs them)")
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void userAuthorizesRunsGetShowsAndSeesTheAnswer() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    browser.get(gateway.uri("/docs").toString());

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
    WebElement tokenInput =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
    tokenInput.sendKeys(Tokens.valid());
    browser.findElement(By.cssSelector(".auth-container button.authorize")).click();
    browser.findElement(By.cssSelector(".auth-container button.btn-done")).click();

    // Swagger UI escapes the dots of tags and operation ids in its element ids.
    browser.findElement(By.id("operations-tag-show\\.ShowInterface")).click();
    WebElement operation =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.id("operations-show\\.ShowInterface-show\\.ShowInterface\\.GetShows")));
    operation.findElement(By.cssSelector(".opblock-summary")).click();
    wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector("button.execute"))))
        .click();

    WebElement status =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".live-responses-table tbody .response-col_status")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".live-responses-table tbody .response-col_description"), "\"testing\""));
    assertThat(status.getText()).startsWith("200");
    assertThat(
            browser.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText())
        .contains("\"shows\"", "\"testing\"", "\"pipeline\"");

    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
    byte[] screenshot = browser.getScreenshotAs(OutputType.BYTES);
    Path file = Path.of("target", "screenshots", "docs-getshows.png");
    Files.createDirectories(file.getParent());
    Files.write(file, screenshot);
    assertThat(Arrays.copyOf(screenshot, 4)).isEqualTo(PNG_MAGIC);
    assertThat(screenshot.length).isGreaterThan(20_000);
  }
}

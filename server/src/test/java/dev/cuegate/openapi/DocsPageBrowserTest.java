package dev.cuegate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.HeadlessChromium;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
 * The API browser in a real headless Chromium (Debian's, driven through its chromedriver; nothing
 * is downloaded): a user authorizes with a token, runs GetShows against the fake Cuebot and sees
 * the answer.
 */
class DocsPageBrowserTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path profile;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile);
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
    byte[] screenshot = HeadlessChromium.screenshot(browser, "docs-getshows");
    assertThat(Arrays.copyOf(screenshot, 4)).isEqualTo(PNG_MAGIC);
    assertThat(screenshot.length).isGreaterThan(20_000);
  }
}

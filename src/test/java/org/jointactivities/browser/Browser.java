package org.jointactivities.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One person's browser: Debian's chromium, headless, driven through Debian's chromium-driver (no
 * Selenium Manager, no downloads), with a fresh profile. Saves numbered screenshots of each step.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);

  private static int shots;

  final WebDriver driver;
  final String baseUrl;
  private final Path profile;

  private Browser(WebDriver driver, String baseUrl, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
  }

  /** Starts the browser, or fails the test (never skips it) saying what is missing. */
  static Browser open(int port) {
    Path profile = null;
    try {
      for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
        if (!Files.isExecutable(needed)) {
          throw new IllegalStateException(needed + " is missing or not executable");
        }
      }
      profile = Files.createTempDirectory("ja-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      return new Browser(driver, "http://localhost:" + port, profile);
    } catch (Exception | LinkageError e) {
      if (profile != null) {
        FileSystemUtils.deleteRecursively(profile.toFile());
      }
      throw new AssertionError("Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
          + CHROMEDRIVER + "; `apt-get install chromium chromium-driver`, as .ci/run does): " + e, e);
    }
  }

  /**
   * Logs in to a Camunda webapp ("tasklist", "cockpit") as a demo user (password demo). The login
   * page may re-render while it starts, so a login that did not take is tried again.
   */
  void login(String webapp, String user) {
    go("/camunda/app/" + webapp + "/default/");
    submitLogin(webapp, user);
  }

  /** Logs in on the login page the browser shows now, staying on the address it asked for. */
  void submitLogin(String webapp, String user) {
    By username = By.cssSelector("input[placeholder=Username]");
    By password = By.cssSelector("input[placeholder=Password]");
    for (int attempt = 1; ; attempt++) {
      visible(username, "the " + webapp + " login page");
      waitFor(d -> {
        WebElement name = d.findElement(username);
        name.clear();
        name.sendKeys(user);
        WebElement secret = d.findElement(password);
        secret.clear();
        secret.sendKeys("demo");
        return user.equals(d.findElement(username).getAttribute("value"));
      }, "the login form to take " + user);
      click(By.xpath("//button[normalize-space()='Log in']"), "Log in");
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login")
            && d.findElements(username).stream().noneMatch(WebElement::isDisplayed));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          screenshot("login-failed-" + user);
          throw new AssertionError(user + " could not log in to " + webapp + ": " + text(), e);
        }
      }
    }
  }

  void go(String path) {
    driver.get(path.startsWith("http") ? path : baseUrl + path);
  }

  <T> T waitFor(Function<WebDriver, T> condition, String what) {
    return waitFor(condition, what, WAIT);
  }

  <T> T waitFor(Function<WebDriver, T> condition, String what, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout).ignoring(RuntimeException.class).until(condition);
    } catch (TimeoutException e) {
      Path shot = screenshot("timeout");
      try {
        Files.writeString(Path.of(shot.toString().replace(".png", ".html")), driver.getPageSource());
      } catch (IOException | RuntimeException ignored) {
        // the screenshot is what matters
      }
      List<String> formErrors = driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
          .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
      throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl()
          + (formErrors.isEmpty() ? "" : "; the form says " + formErrors) + "; screenshot: " + shot, e);
    }
  }

  WebElement visible(By by, String what) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(by), what);
  }

  void click(By by, String what) {
    WebElement element = waitFor(ExpectedConditions.elementToBeClickable(by), what + " to be clickable");
    scrollIntoView(element);
    waitFor(d -> {
      d.findElement(by).click();
      return true;
    }, "a click on " + what);
  }

  void scrollIntoView(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves the visible page as target/browser-screenshots/NN-name.png. */
  Path screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(String.format("%02d-%s.png", ++shots, name));
      File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      return Path.of("(no screenshot: " + e + ")");
    }
  }

  /** A screenshot with a taller window, for long forms. */
  Path tallScreenshot(String name, int height) {
    Dimension size = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(size.width, height));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}

package org.techmarket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through Selenium: Debian's {@code chromium} and {@code chromedriver} (the packages
 * {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs). A machine without them fails the
 * test with a message saying so; browser tests never skip. Each browser has its own profile, so two browsers are two
 * people.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final String base;
    private final ChromeDriver driver;

    private Browser(String base, ChromeDriver driver) {
        this.base = base;
        this.driver = driver;
    }

    /** A browser for the market at {@code base} whose user prefers {@code language} (an Accept-Language value). */
    public static Browser open(String base, String language) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver fonts-noto-cjk; .ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(base, new ChromeDriver(service, options));
    }

    /** Opens a path of the market (or a full URL). */
    public Browser get(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Clears the field and types {@code text} into it, as a user would. */
    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Waits (up to 20 s) until {@code condition} gives something other than null or false. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Waits until an element matching {@code css} is shown. */
    public WebElement awaitVisible(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    /** Logs in through the log-in page and waits to leave it. */
    public Browser logIn(String username, String password) {
        get("/login");
        type("#username", username);
        type("#password", password);
        click("form.card button[type=submit]");
        await(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Saves what the browser shows now as a PNG at {@code target}. */
    public Path screenshot(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            return Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.techmarket.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.annotation.Import;

/**
 * Base of the web market's page tests: the whole market on a random port (as {@link IntegrationTest}), browsers
 * ({@link Browser}) and plain HTTP visitors ({@link PageClient}) against it, and the SQL statements of each page
 * counted ({@link PageClient#counted}). Every page test shares this one configuration, so they share one market.
 */
@Import(StatementCounting.Configuration.class)
public abstract class WebIntegrationTest extends IntegrationTest {

    private final List<Browser> browsers = new ArrayList<>();

    /** A new browser (a new person) whose user prefers Chinese. */
    protected Browser browser() {
        return browser("zh-CN,zh");
    }

    /** A new browser whose user prefers {@code acceptLanguage}; closed after the test. */
    protected Browser browser(String acceptLanguage) {
        Browser browser = Browser.open(api.base(), acceptLanguage);
        browsers.add(browser);
        return browser;
    }

    /** A new visitor over plain HTTP, with cookies of its own. */
    protected PageClient visitor() {
        return new PageClient(api.base());
    }

    /** A visitor logged in through the log-in form as {@code org}'s admin. */
    protected PageClient signedIn(Fixtures.Org org) {
        PageClient visitor = visitor();
        PageClient.Page answer = visitor.logIn(org.username(), org.password());
        if (answer.status() != 302 || answer.header("Location").contains("error")) {
            throw new AssertionError("log-in of " + org.username() + " refused: " + answer.header("Location"));
        }
        return visitor;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }
}

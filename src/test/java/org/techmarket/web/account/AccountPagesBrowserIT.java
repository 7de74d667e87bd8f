package org.techmarket.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.techmarket.support.Api;
import org.techmarket.support.Browser;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The log-in and registration pages in a real headless Chromium: a newcomer registers with a live check of the
 * credit code, is verified by an operator and logs in; the language switch changes every label and sticks; a wrong
 * password shows the refusal and makes no session. The pages' screenshots in both languages are written to
 * {@code docs/screenshots/}.
 */
class AccountPagesBrowserIT extends WebIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    /** What is data rather than a label, and the language links, which name each language in itself. */
    private static final String LABELS = "h1, h2, legend, label, button, .hint, .lead, .site-nav a, .account > a, "
            + ".site-footer p, .skip-link, main p > span, main p > a";

    @Test
    void aNewcomerRegistersIsVerifiedByAnOperatorAndLogsIn() {
        Browser browser = browser();
        browser.get("/register");
        screenshot(browser, "register-zh");

        new Select(browser.find("#type")).selectByValue("ENTERPRISE");
        String name = "深圳市" + Fixtures.unique("量子科技") + "有限公司";
        browser.type("#name", name);
        String creditCode = Fixtures.uniqueCreditCode();
        String mistyped = creditCode.substring(0, 17) + (creditCode.charAt(17) == '0' ? '1' : '0');
        browser.type("#creditCode", mistyped);
        assertThat(browser.awaitVisible("#creditCode-check .check.bad").getText())
                .contains("不是有效的统一社会信用代码");
        browser.type("#creditCode", creditCode);
        assertThat(browser.awaitVisible("#creditCode-check .check.good").getText())
                .contains("校验码相符");
        new Select(browser.find("#region")).selectByValue("440000");
        String username = Fixtures.unique("newcomer");
        browser.type("#username", username).type("#password", "a long enough passphrase");
        browser.click("#register-form button[type=submit]");

        browser.await(d -> d.getCurrentUrl().endsWith("/register/done"));
        assertThat(browser.text("main")).contains(name).contains(username).contains("运营人员");

        String token = fixtures.logIn(username, "a long enough passphrase");
        Api.Response me = api.get("/api/v1/me", token);
        assertThat(api.get("/api/v1/organizations/" + me.text("organizationId"), token)
                        .text("status"))
                .isEqualTo("PENDING");
        Api.Response verified =
                api.post("/api/v1/organizations/" + me.text("organizationId") + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);

        browser.logIn(username, "a long enough passphrase");
        browser.get("/register/done");
        assertThat(browser.text(".account .username")).isEqualTo(username);
        assertThat(browser.cookie("JSESSIONID")).isNotNull();
        browser.click(".account form.logout button");
        browser.await(d -> d.getCurrentUrl().contains("/login?signedOut"));
        assertThat(browser.findAll(".account .username")).isEmpty();
    }

    @Test
    void theIdentityNumberIsCheckedAsTheIndividualTypes() {
        Browser browser = browser("en");
        browser.get("/register");
        browser.type("#identityNumber", "11010519491231002");
        assertThat(browser.awaitVisible("#identityNumber-check .check.bad").getText())
                .contains("Not a valid resident identity number");
        browser.type("#identityNumber", Fixtures.uniqueIdentityNumber());
        assertThat(browser.awaitVisible("#identityNumber-check .check.good").getText())
                .contains("well-formed");
    }

    @Test
    void aRefusedRegistrationShowsWhatToCorrectInThePagesLanguage() {
        PageClient visitor = visitor();
        PageClient.Page form = visitor.get("/register");
        PageClient.Page refused = visitor.post(
                "/register",
                Map.of(
                        "type", "ENTERPRISE",
                        "name", "某某公司",
                        "creditCode", "91440300MA5F0XXXX0",
                        "region", "440000",
                        "username", Fixtures.unique("u"),
                        "password", "a long enough passphrase"),
                form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("部分内容需要修改").contains("请填写有效的统一社会信用代码");
        assertThat(refused.html()).as("the password is never sent back").doesNotContain("a long enough passphrase");
        assertThat(refused.html())
                .as("the refused form keeps the province it chose")
                .contains("<option value=\"440000\" selected=\"selected\">广东省</option>");
    }

    @Test
    void theEmptyFormOffersEveryProvinceInThePagesLanguageWithNoneChosen() {
        PageClient visitor = visitor();
        String chinese = visitor.get("/register?lang=zh").html();
        String english = visitor.get("/register?lang=en").html();
        String chineseAgain = visitor.get("/register?lang=zh").html();

        for (String html : List.of(chinese, english, chineseAgain)) {
            assertThat(java.util.regex.Pattern.compile("<option value=\"\\d{6}\">")
                            .matcher(html)
                            .results()
                            .count())
                    .isEqualTo(34);
            assertThat(html).doesNotContain("selected=\"selected\">北京", "selected=\"selected\">Beijing");
        }
        assertThat(chinese).contains("<option value=\"440000\">广东省</option>").doesNotContain(">Guangdong<");
        assertThat(english)
                .contains("<option value=\"440000\">Guangdong</option>")
                .doesNotContain(">广东省<");
    }

    @Test
    void theLanguageSwitchChangesEveryLabelAndSticks() {
        Browser browser = browser();
        for (String page : List.of("/login", "/register")) {
            browser.get(page + "?lang=zh");
            Set<String> chinese = labels(browser);
            if (page.equals("/login")) {
                screenshot(browser, "login-zh");
            }
            browser.click(".languages a[hreflang=en]");
            browser.await(d -> "en"
                    .equals(d.findElement(org.openqa.selenium.By.tagName("html"))
                            .getAttribute("lang")));
            Set<String> english = labels(browser);
            screenshot(browser, page.substring(1) + "-en");

            assertThat(chinese).as(page + " in Chinese").hasSizeGreaterThan(8);
            assertThat(english).as(page + " in English").hasSizeGreaterThan(8);
            Set<String> same = new LinkedHashSet<>(chinese);
            same.retainAll(english);
            assertThat(same)
                    .as("labels of " + page + " the same in both languages")
                    .isEmpty();
        }
        browser.get("/login");
        assertThat(browser.text("h1")).as("the choice is kept in a cookie").isEqualTo("Log in to the market");
        assertThat(browser.cookie("lang").getValue()).isEqualTo("en");
    }

    @Test
    void aWrongPasswordShowsTheRefusalAndMakesNoSession() {
        Fixtures.Org org = fixtures.registerOrg("UNIVERSITY");
        Browser browser = browser();
        browser.get("/login");
        browser.type("#username", org.username()).type("#password", "not the password");
        browser.click("form.card button[type=submit]");

        assertThat(browser.awaitVisible("#login-error").getText()).isEqualTo("用户名不存在或密码错误。");
        assertThat(browser.cookie("JSESSIONID")).isNull();
        assertThat(browser.findAll(".account .username")).isEmpty();
    }

    private static Set<String> labels(Browser browser) {
        Set<String> texts = new LinkedHashSet<>();
        for (WebElement element : browser.findAll(LABELS)) {
            String text = element.getText().strip();
            if (element.isDisplayed() && !text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static void screenshot(Browser browser, String name) {
        browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }
}

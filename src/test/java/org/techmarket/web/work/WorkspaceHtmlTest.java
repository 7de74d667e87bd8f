package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.techmarket.asset.AssetTitle;
import org.techmarket.web.base.MarketLocales;
import org.techmarket.web.work.WorkspaceRows.AssetRow;
import org.techmarket.web.work.WorkspaceRows.NoticeRow;
import org.techmarket.web.work.WorkspaceRows.OfferRow;
import org.techmarket.web.work.WorkspaceRows.UserRow;

class WorkspaceHtmlTest {

    private static final Locale EN = MarketLocales.ENGLISH;
    private static final DefaultCsrfToken TOKEN = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "tok\"en");

    private final StaticMessageSource messages = new StaticMessageSource();
    private final WorkspaceHtml html = new WorkspaceHtml(messages);

    WorkspaceHtmlTest() {
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("work.asset.confirm", EN, "Confirm <co-ownership>");
        messages.addMessage("work.notifications.read", EN, "Mark read");
    }

    @Test
    void textFromUsersIsEscapedInCellsAttributesAndOptions() {
        var sections = write(
                List.of(new AssetRow(
                        "a\"1",
                        "<script>alert(1)</script>",
                        "Patent",
                        "Granted",
                        List.of("Us & Co 50%", "<b>them</b> 50%"),
                        "/workspace/assets/a1/co-ownership",
                        false,
                        null)),
                List.of(new AssetTitle("a1", "<i>title</i>")),
                List.of(),
                List.of(),
                false);
        assertThat(sections.assets())
                .contains("data-asset-id=\"a&quot;1\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<span class=\"work-owner\">Us &amp; Co 50%</span>")
                .contains("&lt;b&gt;them&lt;/b&gt; 50%")
                .doesNotContain("<script>")
                .doesNotContain("<b>");
        assertThat(sections.listable()).contains("<option value=\"a1\">&lt;i&gt;title&lt;/i&gt;</option>");
    }

    @Test
    void everyRowFormCarriesTheRequestsTokenAndItsButtonsWordsEscaped() {
        var sections = write(
                List.of(new AssetRow("a1", "t", "k", "s", List.of(), "/workspace/assets/a1/co-ownership", false, null)),
                List.of(),
                List.of(new NoticeRow("now", "2026-01-01T00:00:00Z", "<b>new</b>", true, "/workspace/n/read")),
                List.of(new OfferRow(
                        "o1", "l1", "title", "Buying", "¥1.00", "¥2.00", "Open", null, "/a", "/c", "/d", null)),
                false);
        String field = "<input type=\"hidden\" name=\"_csrf\" value=\"tok&quot;en\"/>";
        assertThat(sections.assets())
                .contains("<form method=\"post\" action=\"/workspace/assets/a1/co-ownership\">" + field)
                .contains("Confirm &lt;co-ownership&gt;");
        assertThat(sections.notices())
                .contains("<li class=\"work-unread\">")
                .contains("&lt;b&gt;new&lt;/b&gt;")
                .contains("action=\"/workspace/n/read\">" + field)
                .contains("class=\"work-secondary\">Mark read");
        // accept, counter and decline: three forms, each with the token
        assertThat(sections.offers().split(field, -1)).hasSize(4);
        assertThat(sections.offers()).contains("id=\"counter-o1\"").contains("id=\"counter-end-o1\"");
    }

    @Test
    void theActionsColumnIsAnAdminsOnlyAndAFormWithoutATokenHasNoField() {
        UserRow active = new UserRow("u1", "ann", "Ann", "Member", "Active", "/workspace/users/u1/deactivation", null);
        String forAdmin = users(null, true, active);
        String forMember = users(TOKEN, false, active);
        assertThat(forAdmin).contains("work-actions").contains("/deactivation").doesNotContain("_csrf");
        assertThat(forMember).doesNotContain("work-actions").doesNotContain("<form");
    }

    private WorkspaceHtml.Sections write(
            List<AssetRow> assets,
            List<AssetTitle> listable,
            List<NoticeRow> notices,
            List<OfferRow> offers,
            boolean admin) {
        return html.write(
                EN, TOKEN, admin, assets, listable, List.of(), List.of(), offers, List.of(), List.of(), notices);
    }

    private String users(DefaultCsrfToken token, boolean admin, UserRow user) {
        return html.write(
                        EN,
                        token,
                        admin,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(user),
                        List.of())
                .users();
    }
}

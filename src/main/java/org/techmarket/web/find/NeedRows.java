package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.demand.NeedBoard.NeedCard;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;

/**
 * A page of {@code /needs} or {@code /challenges} written as HTML in the page's language and the reader's time zone:
 * each need's badge, link, poster, reward, budget, deadline and industries, escaped as {@code th:text} escapes them
 * ({@link Html}), so the template prints the list whole instead of evaluating a dozen expressions a need (ADR 0085).
 */
@Component
class NeedRows {

    private final Fmt fmt;
    private final Links links;
    private final MessageSource messages;

    NeedRows(Fmt fmt, Links links, MessageSource messages) {
        this.fmt = fmt;
        this.links = links;
        this.messages = messages;
    }

    /** The needs' cards, their posters named from {@code names}. */
    String of(List<NeedCard> needs, Map<String, OrganizationSummary> names) {
        Locale locale = LocaleContextHolder.getLocale();
        String challenge = messages.getMessage("find.challenge", null, locale);
        String need = messages.getMessage("find.need", null, locale);
        String reward = messages.getMessage("find.reward", null, locale) + " ";
        String budget = messages.getMessage("find.budget", null, locale) + " ";
        String deadline = messages.getMessage("find.deadline", null, locale);
        Fmt.Times times = fmt.times();
        Html html = new Html(needs.size() * 700);
        for (NeedCard n : needs) {
            String deadlineAt = fmt.iso(n.deadline());
            html.raw("\n    <li class=\"find-card\">\n      <span class=\"find-badge\">")
                    .text(n.challenge() ? challenge : need)
                    .raw("</span>\n      <a href=\"")
                    .text((n.challenge() ? "/challenges/" : "/needs/") + Links.segment(n.id()))
                    .raw("\">")
                    .text(n.title())
                    .raw("</a>\n      <p class=\"find-meta\">\n        <span>")
                    .text(MarketFront.name(names, n.organizationId()))
                    .raw("</span> ·");
            if (n.reward().isPresent()) {
                html.raw("\n        <span>")
                        .text(reward + fmt.money(n.reward().get()))
                        .raw("</span>");
            }
            html.raw("\n        <span>")
                    .text(budget + fmt.money(n.budgetMin()) + " – " + fmt.money(n.budgetMax()))
                    .raw("</span> ·\n        <span>")
                    .text(deadline)
                    .raw("</span>\n        <time datetime=\"")
                    .text(deadlineAt)
                    .raw("\" data-ends-at=\"")
                    .text(deadlineAt)
                    .raw("\">")
                    .text(times.time(n.deadline()))
                    .raw("</time>\n      </p>\n      <p class=\"find-tags\">");
            for (Links.Tag tag : links.industryTags(n.industries())) {
                html.raw("\n        <span class=\"find-tag\">")
                        .text(tag.label())
                        .raw("</span>");
            }
            html.raw("\n      </p>\n    </li>");
        }
        return html.toString();
    }
}

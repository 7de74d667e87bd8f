package org.techmarket.web.work;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.techmarket.asset.AssetTitle;
import org.techmarket.web.base.MarketLocales;
import org.techmarket.web.work.WorkspaceRows.AssetRow;
import org.techmarket.web.work.WorkspaceRows.BidRow;
import org.techmarket.web.work.WorkspaceRows.DealRow;
import org.techmarket.web.work.WorkspaceRows.ListingRow;
import org.techmarket.web.work.WorkspaceRows.NoticeRow;
import org.techmarket.web.work.WorkspaceRows.OfferRow;
import org.techmarket.web.work.WorkspaceRows.UserRow;
import org.unbescape.html.HtmlEscape;

/**
 * The workspace's rows written as the HTML its template wrote for them, one string per section: each row's cells, its
 * links and its one-button forms with the request's CSRF field, as Thymeleaf's form processor adds it. Text and
 * attribute values are escaped with the call Thymeleaf's {@code th:text} and attribute processors make, so a title
 * holding markup reads as text; the buttons' words depend only on the language and are looked up once per language.
 * A visit no longer evaluates a dozen expressions and inserts a fragment per row (ADR 0096).
 */
@Component
class WorkspaceHtml {

    /** Each section's rows (the table's body, the inbox's items, the draft form's assets) as HTML. */
    public record Sections(
            String assets,
            String listable,
            String listings,
            String bids,
            String offers,
            String deals,
            String users,
            String notices) {}

    /** The words of the rows' buttons and notes in one language. */
    private record Words(
            String confirm,
            String awaiting,
            String edit,
            String submit,
            String withdrawListing,
            String accept,
            String counterPrice,
            String counterTerms,
            String counterDue,
            String counterInstalments,
            String counterFields,
            String counterTerritories,
            String counterEnd,
            String counter,
            String decline,
            String withdrawOffer,
            String deactivate,
            String reactivate,
            String read) {}

    private final MessageSource messages;
    private final Map<Locale, Words> words = new ConcurrentHashMap<>();

    WorkspaceHtml(MessageSource messages) {
        this.messages = messages;
    }

    /** The sections' rows for a visitor whose forms carry {@code token} (none: forms without the field). */
    Sections write(
            Locale locale,
            CsrfToken token,
            boolean admin,
            List<AssetRow> assets,
            List<AssetTitle> listable,
            List<ListingRow> listings,
            List<BidRow> bids,
            List<OfferRow> offers,
            List<DealRow> deals,
            List<UserRow> users,
            List<NoticeRow> notices) {
        Words w = words(locale);
        String csrf = csrfField(token);
        return new Sections(
                assets(assets, w, csrf),
                listable(listable),
                listings(listings, w, csrf),
                bids(bids),
                offers(offers, w, csrf),
                deals(deals),
                users(users, admin, w, csrf),
                notices(notices, w, csrf));
    }

    private static String assets(List<AssetRow> rows, Words w, String csrf) {
        StringBuilder html = new StringBuilder(512 * rows.size());
        for (AssetRow a : rows) {
            html.append("\n      <tr data-asset-id=\"")
                    .append(esc(a.id()))
                    .append("\">\n        <td><a href=\"/assets/");
            html.append(esc(a.id())).append("\">").append(esc(a.title())).append("</a></td>\n        <td>");
            html.append(esc(a.kind())).append("</td>\n        <td>").append(esc(a.legalStatus()));
            html.append("</td>\n        <td>");
            for (String owner : a.owners()) {
                html.append("<span class=\"work-owner\">").append(esc(owner)).append("</span>");
            }
            html.append("</td>\n        <td>\n          ");
            if (a.confirm() != null) {
                action(html, a.confirm(), w.confirm(), false, csrf);
            }
            if (a.awaiting()) {
                html.append("\n          <span>").append(w.awaiting()).append("</span>");
            }
            if (a.edit() != null) {
                html.append("\n          <a href=\"").append(esc(a.edit())).append("\">");
                html.append(w.edit()).append("</a>");
            }
            html.append("\n        </td>\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    private static String listable(List<AssetTitle> assets) {
        StringBuilder html = new StringBuilder(96 * assets.size());
        for (AssetTitle a : assets) {
            html.append("\n          <option value=\"").append(esc(a.id())).append("\">");
            html.append(esc(a.title())).append("</option>");
        }
        return html.append("\n        ").toString();
    }

    private static String listings(List<ListingRow> rows, Words w, String csrf) {
        StringBuilder html = new StringBuilder(768 * rows.size());
        for (ListingRow l : rows) {
            html.append("\n      <tr data-listing-id=\"").append(esc(l.id()));
            html.append("\">\n        <td><a href=\"/listings/")
                    .append(esc(l.id()))
                    .append("\">");
            html.append(esc(l.title())).append("</a></td>\n        <td>").append(esc(l.mechanism()));
            html.append("</td>\n        <td>").append(esc(l.offer())).append("</td>\n        <td>");
            html.append(esc(l.startPrice())).append("</td>\n        <td>\n          <span class=\"work-status\">");
            html.append(esc(l.status())).append("</span>");
            if (l.reason() != null) {
                html.append("\n          <span class=\"work-reason\">")
                        .append(esc(l.reason()))
                        .append("</span>");
            }
            html.append("\n        </td>\n        <td><time datetime=\"")
                    .append(esc(l.endsAtIso()))
                    .append("\">");
            html.append(esc(l.endsAt())).append("</time></td>\n        <td class=\"work-actions\">\n          ");
            if (l.submit() != null) {
                action(html, l.submit(), w.submit(), false, csrf);
            }
            if (l.withdraw() != null) {
                action(html, l.withdraw(), w.withdrawListing(), true, csrf);
            }
            html.append("\n        </td>\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    private static String bids(List<BidRow> rows) {
        StringBuilder html = new StringBuilder(640 * rows.size());
        for (BidRow b : rows) {
            html.append("\n      <tr data-listing-id=\"")
                    .append(esc(b.listingId()))
                    .append("\" data-standing=\"");
            html.append(esc(b.standingName())).append("\">\n        <td><a href=\"/listings/");
            html.append(esc(b.listingId())).append("\">").append(esc(b.title()));
            html.append("</a></td>\n        <td>").append(esc(b.mechanism()));
            html.append("</td>\n        <td>\n          <span>")
                    .append(esc(b.highest()))
                    .append("</span>");
            if (b.maximum() != null) {
                html.append("\n          <span class=\"work-reason\">")
                        .append(esc(b.maximum()))
                        .append("</span>");
            }
            html.append("\n        </td>\n        <td>").append(esc(b.current()));
            html.append("</td>\n        <td><span class=\"work-status\">").append(esc(b.standing()));
            html.append("</span></td>\n        <td>\n          <time datetime=\"")
                    .append(esc(b.endsAtIso()));
            html.append("\">").append(esc(b.endsAt())).append("</time>");
            if (b.live()) {
                html.append("\n          <span data-ends-at=\"")
                        .append(esc(b.endsAtIso()))
                        .append("\"></span>");
            }
            html.append("\n        </td>\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    private static String offers(List<OfferRow> rows, Words w, String csrf) {
        StringBuilder html = new StringBuilder(2048 * rows.size());
        for (OfferRow o : rows) {
            html.append("\n      <tr data-offer-id=\"").append(esc(o.id()));
            html.append("\">\n        <td><a href=\"/listings/")
                    .append(esc(o.listingId()))
                    .append("\">");
            html.append(esc(o.title())).append("</a></td>\n        <td>").append(esc(o.side()));
            html.append("</td>\n        <td>").append(esc(o.mine())).append("</td>\n        <td>");
            html.append(esc(o.theirs())).append("</td>\n        <td>\n          <span class=\"work-status\">");
            html.append(esc(o.status())).append("</span>");
            if (o.deadlineIso() != null) {
                html.append("\n          <span data-ends-at=\"")
                        .append(esc(o.deadlineIso()))
                        .append("\"></span>");
            }
            html.append("\n        </td>\n        <td class=\"work-actions\">\n          ");
            if (o.accept() != null) {
                action(html, o.accept(), w.accept(), false, csrf);
                counter(html, o, w, csrf);
                action(html, o.decline(), w.decline(), true, csrf);
            }
            if (o.withdraw() != null) {
                action(html, o.withdraw(), w.withdrawOffer(), true, csrf);
            }
            html.append("\n        </td>\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    /** The counter-offer form of an open negotiation: a price, and the payment and scope it may change. */
    private static void counter(StringBuilder html, OfferRow o, Words w, String csrf) {
        String id = esc(o.id());
        html.append("\n            <form method=\"post\" class=\"work-counter\" action=\"")
                .append(esc(o.counter()));
        html.append("\">").append(csrf);
        html.append("\n              <label for=\"counter-")
                .append(id)
                .append("\">")
                .append(w.counterPrice());
        html.append("</label>\n              <input name=\"price\" required inputmode=\"decimal\" id=\"counter-");
        html.append(id).append("\">\n              <details class=\"work-counter-terms\">\n                <summary>");
        html.append(w.counterTerms()).append("</summary>");
        field(html, "counter-due-", id, w.counterDue(), "<input name=\"dueDate\" type=\"date\"");
        field(
                html,
                "counter-instalments-",
                id,
                w.counterInstalments(),
                "<textarea name=\"instalments\" rows=\"2\"" + " placeholder=\"50000.00 2027-03-31\"");
        html.append("></textarea>");
        field(html, "counter-fields-", id, w.counterFields(), "<input name=\"fields\"");
        field(html, "counter-territories-", id, w.counterTerritories(), "<input name=\"territories\"");
        field(html, "counter-end-", id, w.counterEnd(), "<input name=\"scopeEnd\" type=\"date\"");
        html.append("\n              </details>\n              <button type=\"submit\" class=\"work-secondary\">");
        html.append(w.counter()).append("</button>\n            </form>\n            ");
    }

    /** A label and its field, the field's tag left open after its id for an element that has content. */
    private static void field(StringBuilder html, String prefix, String id, String label, String field) {
        html.append("\n                <label for=\"")
                .append(prefix)
                .append(id)
                .append("\">")
                .append(label);
        html.append("</label>\n                ")
                .append(field)
                .append(" id=\"")
                .append(prefix)
                .append(id);
        html.append('"');
        if (field.startsWith("<input")) {
            html.append('>');
        }
    }

    private static String deals(List<DealRow> rows) {
        StringBuilder html = new StringBuilder(256 * rows.size());
        for (DealRow d : rows) {
            html.append("\n      <tr>\n        <td><a href=\"/deals/")
                    .append(esc(d.id()))
                    .append("\">");
            html.append(esc(d.side())).append("</a></td>\n        <td>").append(esc(d.counterparty()));
            html.append("</td>\n        <td>").append(esc(d.price())).append("</td>\n        <td>");
            html.append(esc(d.status())).append("</td>\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    private static String users(List<UserRow> rows, boolean admin, Words w, String csrf) {
        StringBuilder html = new StringBuilder(512 * rows.size());
        for (UserRow u : rows) {
            html.append("\n      <tr data-user-id=\"").append(esc(u.id())).append("\">\n        <td>");
            html.append(esc(u.username())).append("</td>\n        <td>").append(esc(u.displayName()));
            html.append("</td>\n        <td>").append(esc(u.role())).append("</td>\n        <td>");
            html.append(esc(u.standing())).append("</td>");
            if (admin) {
                html.append("\n        <td class=\"work-actions\">\n          ");
                if (u.deactivate() != null) {
                    action(html, u.deactivate(), w.deactivate(), true, csrf);
                }
                if (u.reactivate() != null) {
                    action(html, u.reactivate(), w.reactivate(), false, csrf);
                }
                html.append("\n        </td>");
            }
            html.append("\n      </tr>");
        }
        return html.append("\n      ").toString();
    }

    private static String notices(List<NoticeRow> rows, Words w, String csrf) {
        StringBuilder html = new StringBuilder(384 * rows.size());
        for (NoticeRow n : rows) {
            html.append(n.unread() ? "\n      <li class=\"work-unread\">" : "\n      <li>");
            html.append("\n        <time datetime=\"")
                    .append(esc(n.atIso()))
                    .append("\">")
                    .append(esc(n.at()));
            html.append("</time>\n        <span>").append(esc(n.summary())).append("</span>\n        ");
            if (n.read() != null) {
                action(html, n.read(), w.read(), true, csrf);
            }
            html.append("\n      </li>");
        }
        return html.append("\n    ").toString();
    }

    /** A one-button form posting to {@code action}, as the desks' {@code work/tables :: action} fragment writes it. */
    private static void action(StringBuilder html, String action, String label, boolean secondary, String csrf) {
        html.append("<form method=\"post\" action=\"")
                .append(esc(action))
                .append("\">")
                .append(csrf);
        html.append(
                secondary ? "\n  <button type=\"submit\" class=\"work-secondary\">" : "\n  <button type=\"submit\">");
        html.append(label).append("</button>\n</form>");
    }

    /** The hidden field Spring's form processor adds to a posted form for the request's CSRF token. */
    private static String csrfField(CsrfToken token) {
        if (token == null) {
            return "";
        }
        return "<input type=\"hidden\" name=\"" + esc(token.getParameterName()) + "\" value=\"" + esc(token.getToken())
                + "\"/>";
    }

    private Words words(Locale locale) {
        if (!MarketLocales.CHINESE.equals(locale) && !MarketLocales.ENGLISH.equals(locale)) {
            return lookUp(locale);
        }
        return words.computeIfAbsent(locale, this::lookUp);
    }

    private Words lookUp(Locale locale) {
        return new Words(
                word("work.asset.confirm", locale),
                word("work.asset.awaiting", locale),
                word("work.asset.edit", locale),
                word("work.listing.submit", locale),
                word("work.listing.withdraw", locale),
                word("work.offer.accept", locale),
                word("work.offer.counterPrice", locale),
                word("work.offer.counterTerms", locale),
                word("work.offer.counterDue", locale),
                word("work.offer.counterInstalments", locale),
                word("work.offer.counterFields", locale),
                word("work.offer.counterTerritories", locale),
                word("work.offer.counterEnd", locale),
                word("work.offer.counter", locale),
                word("work.offer.decline", locale),
                word("work.offer.withdraw", locale),
                word("work.user.deactivate", locale),
                word("work.user.reactivate", locale),
                word("work.notifications.read", locale));
    }

    /** A message escaped once, as {@code th:text} escapes it. */
    private String word(String code, Locale locale) {
        return esc(messages.getMessage(code, null, locale));
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
    }
}

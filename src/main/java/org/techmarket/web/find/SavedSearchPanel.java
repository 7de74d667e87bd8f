package org.techmarket.web.find;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.notification.application.Inbox;
import org.techmarket.search.SavedSearchMatched;
import org.techmarket.search.application.SavedSearchService;
import org.techmarket.search.persistence.SavedSearches.Match;
import org.techmarket.search.persistence.SavedSearches.Saved;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * The saved searches on {@code /search}: a signed-in member of an organization saves the search on the page (its
 * words and filters, told in the inbox) through the same service as the API, sees each saved search with a link back
 * to it and how many of the items it told of are still unread in the inbox, and deletes one. A refusal is said in the
 * page's language and changes nothing.
 */
@Controller
class SavedSearchPanel {

    private static final String PAGE = "/search";
    private static final String DONE = "savedDone";
    private static final String REFUSED = "savedRefused";

    /** A saved search as the page lists it: {@code fresh} counts its matches still unread in the inbox. */
    public record Row(String id, String name, String link, long fresh) {}

    private final SavedSearchService saved;
    private final Inbox inbox;
    private final MessageSource messages;

    SavedSearchPanel(SavedSearchService saved, Inbox inbox, MessageSource messages) {
        this.saved = saved;
        this.inbox = inbox;
        this.messages = messages;
    }

    /**
     * The caller's saved searches as the page lists them, read with the other queries of {@code batch}; nobody signed
     * in, or outside an organization, has none (empty, and the page shows no panel).
     */
    ReadsTogether.Later<Optional<List<Row>>> rows(Actor actor, ReadsTogether.Batch batch) {
        if (actor == null || actor.organizationId().isEmpty()) {
            return ReadsTogether.Later.of(Optional.empty());
        }
        // only the subjects of the unread notices of saved searches, rather than a page of the whole inbox
        ReadsTogether.Later<Set<String>> unread = inbox.unreadSubjects(actor, SavedSearchMatched.KIND, batch);
        ReadsTogether.Later<List<Match>> matches = saved.matchesOf(actor, batch);
        return saved.of(actor, batch)
                .map(searches -> Optional.of(searches.stream()
                        .map(s -> new Row(s.id(), s.name(), link(s), fresh(s, matches.get(), unread.get())))
                        .toList()));
    }

    @PostMapping("/search/saved")
    String save(
            @AuthenticationPrincipal Actor actor,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes flash,
            Locale locale) {
        SearchForm form = SearchForm.of(params);
        try {
            saved.save(actor, params.getFirst("name"), form.toSave(), "IN_APP");
        } catch (Rejection refused) {
            flash.addFlashAttribute(REFUSED, refusal("find.saved.refused", refused, locale));
            return "redirect:" + form.link();
        }
        flash.addFlashAttribute(DONE, messages.getMessage("find.saved.saved", null, locale));
        return "redirect:" + form.link();
    }

    @PostMapping("/search/saved/{id}/delete")
    String delete(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes flash, Locale locale) {
        try {
            saved.delete(actor, id);
        } catch (Rejection refused) {
            flash.addFlashAttribute(REFUSED, refusal("find.saved.deleteRefused", refused, locale));
            return "redirect:" + PAGE;
        }
        flash.addFlashAttribute(DONE, messages.getMessage("find.saved.deleted", null, locale));
        return "redirect:" + PAGE;
    }

    private static String link(Saved search) {
        return SearchForm.of(SavedSearchService.query(search)).link();
    }

    private static long fresh(Saved search, List<Match> matches, Set<String> unread) {
        return matches.stream()
                .filter(m -> m.savedSearchId().equals(search.id()))
                .filter(m -> unread.contains(m.itemType() + ":" + m.itemId()))
                .count();
    }

    /** What was refused, then why, in the page's language: the search page's words for the code, else the general ones. */
    private String refusal(String what, Rejection refused, Locale locale) {
        String why;
        try {
            why = messages.getMessage("find.refusal." + refused.code(), null, locale);
        } catch (NoSuchMessageException unworded) {
            why = messages.getMessage("find.refusal", new Object[] {refused.code()}, locale);
        }
        return messages.getMessage(what, null, locale) + " " + why;
    }
}

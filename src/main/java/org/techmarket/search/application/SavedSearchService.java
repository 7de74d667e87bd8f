package org.techmarket.search.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.search.SearchCodes;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.persistence.SavedSearches;
import org.techmarket.search.persistence.SavedSearches.Saved;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A user's saved searches: a search's parameters kept under a name, told on a channel ({@code IN_APP}: the inbox, and
 * webhooks subscribed to {@code search.matched}; {@code WEBHOOK}: webhooks only) when a newly indexed item matches.
 * Checked as a search is; at most {@value #MAX_PER_USER} per user; each seen and removed only by its user.
 */
@Service
public class SavedSearchService {

    static final int MAX_PER_USER = 100;
    private static final int MAX_NAME = 200;

    private final SavedSearches saved;
    private final SearchService search;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    SavedSearchService(SavedSearches saved, SearchService search, AuditLog audit, IdGenerator ids, Clock clock) {
        this.saved = saved;
        this.search = search;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Saved save(Actor actor, String name, SearchRequest query, String channel) {
        String organization = actor.requireOrganization();
        if (!"IN_APP".equals(channel) && !"WEBHOOK".equals(channel)) {
            throw Rejection.invalid(SearchCodes.INVALID_CHANNEL, "channel", "channel is IN_APP or WEBHOOK");
        }
        search.check(query);
        String shownName = name == null || name.isBlank() ? shortened(query.q()) : name.strip();
        if (shownName.length() > MAX_NAME) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, "name", "name may hold at most " + MAX_NAME + " characters");
        }
        if (saved.countOf(actor.userId()) >= MAX_PER_USER) {
            throw Rejection.conflict(
                    SearchCodes.TOO_MANY_SAVED_SEARCHES, "A user may keep at most " + MAX_PER_USER + " saved searches");
        }
        Saved search = new Saved(
                ids.newId(),
                actor.userId(),
                organization,
                shownName,
                SavedQueries.write(query),
                channel,
                clock.instant(),
                false);
        saved.insert(search);
        audit.record(
                actor.auditName(),
                SearchEvents.SavedSearchCreated,
                search.id(),
                Map.of("name", search.name(), "query", search.query(), "channel", channel));
        return search;
    }

    public List<Saved> of(Actor actor) {
        return saved.of(actor.userId());
    }

    /** As {@link #of(Actor)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Saved>> of(Actor actor, ReadsTogether.Batch batch) {
        return saved.of(actor.userId(), batch);
    }

    /** The items each of the caller's saved searches has told of, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<SavedSearches.Match>> matchesOf(Actor actor, ReadsTogether.Batch batch) {
        return saved.matchesOf(actor.userId(), batch);
    }

    public Saved find(Actor actor, String id) {
        return saved.find(id)
                .filter(s -> s.userId().equals(actor.userId()))
                .orElseThrow(() -> Rejection.notFound("Saved search", id));
    }

    @Transactional
    public void delete(Actor actor, String id) {
        Saved search = find(actor, id);
        saved.delete(search.id());
        audit.record(actor.auditName(), SearchEvents.SavedSearchDeleted, search.id(), Map.of("name", search.name()));
    }

    /** The saved query as a search request. */
    public static SearchRequest query(Saved search) {
        return SavedQueries.read(search.query());
    }

    private static String shortened(String q) {
        String text = q == null || q.isBlank() ? "everything" : q.strip();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}

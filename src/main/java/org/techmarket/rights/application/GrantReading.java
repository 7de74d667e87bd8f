package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;

/**
 * Reads grants for the parties that may see them; to anyone else a grant does not exist. A grant reads as it stands
 * today: EXPIRED from the end of its term on, before {@link GrantExpiry} has recorded it.
 */
@Service
public class GrantReading {

    private final RightsBook book;
    private final Grants grants;
    private final Clock clock;

    GrantReading(RightsBook book, Grants grants, Clock clock) {
        this.book = book;
        this.grants = grants;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RegisteredGrant get(Actor actor, String grantId) {
        RegisteredGrant entry =
                grants.find(grantId).map(this::asOfToday).orElseThrow(() -> Access.grantNotFound(grantId));
        if (!Access.maySee(actor, entry, book.owners(book.requireAsset(entry.assetId())))) {
            throw Access.grantNotFound(grantId);
        }
        return entry;
    }

    /**
     * The asset's grants in the order they were recorded: all of them for its owners, operators and
     * regulators; for anyone else only the grants it made or holds.
     */
    @Transactional(readOnly = true)
    public Page<RegisteredGrant> list(Actor actor, String assetId, String cursor, Integer limit) {
        AssetSummary asset = book.requireAsset(assetId);
        int size = Cursor.limit(limit);
        return page(grants.page(assetId, party(actor, asset), Cursor.decode(cursor), size + 1), size);
    }

    /**
     * As {@link #list}, the first page of the asset as the caller read it, read with the other queries of
     * {@code batch}.
     */
    ReadsTogether.Later<Page<RegisteredGrant>> first(
            Actor actor, AssetSummary asset, int limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return grants.page(asset.id(), party(actor, asset), Optional.empty(), size + 1, batch)
                .map(fetched -> page(fetched, size));
    }

    /** Whose grants the actor sees: none to filter by for the asset's owners and whoever sees the whole market. */
    private Optional<String> party(Actor actor, AssetSummary asset) {
        Set<String> owners = book.owners(asset);
        return actor.seesWholeMarket()
                        || actor.organizationId().filter(owners::contains).isPresent()
                ? Optional.empty()
                : Optional.of(actor.requireOrganization());
    }

    private Page<RegisteredGrant> page(List<RegisteredGrant> fetched, int size) {
        LocalDate today = LocalDate.now(clock);
        return Page.of(fetched, size, RegisteredGrant::id).map(entry -> entry.asOf(today));
    }

    /** The grant, for other modules, whoever may see it. */
    @Transactional(readOnly = true)
    public Optional<RegisteredGrant> find(String grantId) {
        return grants.find(grantId).map(this::asOfToday);
    }

    /** The asset's current owners, for other modules. */
    @Transactional(readOnly = true)
    public Set<String> owners(String assetId) {
        return book.owners(book.requireAsset(assetId));
    }

    private RegisteredGrant asOfToday(RegisteredGrant entry) {
        return entry.asOf(LocalDate.now(clock));
    }
}

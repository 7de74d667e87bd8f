package org.techmarket.demand.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedDetails;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;

/**
 * Needs and challenges as the search index sees them: published ones only, by title and description, with their
 * industries, IPC codes, province, budget ceiling, status and visibility. The need table's triggers announce each
 * change under the item's type ({@code need} or {@code challenge}) on the search module's change feed.
 */
@Configuration
class NeedSearchSources {

    @Bean
    SearchSource needSearchSource(Needs needs) {
        return new KindSource(needs, NeedKind.NEED, "need");
    }

    @Bean
    SearchSource challengeSearchSource(Needs needs) {
        return new KindSource(needs, NeedKind.CHALLENGE, "challenge");
    }

    /** The search source of one kind of need. */
    record KindSource(Needs needs, NeedKind kind, String type) implements SearchSource {

        @Override
        public List<SearchDocument> documents(Collection<String> ids) {
            if (ids.isEmpty()) {
                return List.of();
            }
            return needs.all(ids).stream()
                    .filter(n -> n.kind() == kind && n.status() == NeedStatus.PUBLISHED)
                    .map(this::document)
                    .toList();
        }

        @Override
        public List<String> ids(String after, int limit) {
            return needs.publishedIds(kind, after, limit);
        }

        private SearchDocument document(Need need) {
            NeedDetails d = need.details();
            return new SearchDocument(
                    type,
                    need.id(),
                    d.title(),
                    d.description(),
                    null,
                    d.industries(),
                    d.region().substring(0, 2) + "0000",
                    kind.name(),
                    null,
                    d.ipc(),
                    d.budget().max().minor(),
                    d.budget().currency(),
                    need.status().name(),
                    d.visibility().name(),
                    need.organizationId(),
                    need.updatedAt());
        }
    }
}

package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The related-party graph: direct relations by kind, and groups joined through any chain of relations. */
class RelationGraphTest {

    @Test
    void relationsAreUnorderedAndGroupsFollowChains() {
        RelationGraph graph = new RelationGraph(List.of(
                new Relation("b", "a", RelationKind.SAME_BANK_ACCOUNT, "****1234"),
                new Relation("a", "b", RelationKind.SAME_BANK_ACCOUNT, "****1234"),
                new Relation("c", "b", RelationKind.ASSET_CO_OWNERSHIP, "asset-1")));

        assertThat(graph.relations()).hasSize(2);
        assertThat(graph.related("a", "b")).isTrue();
        assertThat(graph.kinds("b", "a")).containsExactly(RelationKind.SAME_BANK_ACCOUNT);
        assertThat(graph.related("a", "c")).isFalse();
        assertThat(graph.group("c")).isEqualTo("a");
        assertThat(graph.group("a")).isEqualTo("a");
        assertThat(graph.group("z")).isEqualTo("z");
        assertThat(graph.anyRelated(List.of("z", "c", "b"))).isTrue();
        assertThat(graph.anyRelated(List.of("a", "c"))).isFalse();
    }
}

package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void anItemBothRankingsHoldBeatsOneThatOnlyOneRanksFirst() {
        List<RankFusion.Fused<String>> fused =
                RankFusion.fuse(List.of(List.of("a", "b"), List.of("c", "b")), new double[] {1, 1}, RankFusion.K);
        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("b", "a", "c");
        assertThat(fused.get(0).foundBy()).containsExactly(0, 1);
        assertThat(fused.get(0).score()).isEqualTo(2.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aLighterRankingMovesTheOrderLess() {
        List<RankFusion.Fused<String>> fused =
                RankFusion.fuse(List.of(List.of("a", "b"), List.of("b")), new double[] {1, 0.01}, RankFusion.K);
        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("a", "b");
    }

    @Test
    void emptyRankingsFuseToNothing() {
        assertThat(RankFusion.fuse(List.of(List.of(), List.of()), new double[] {1, 1}, RankFusion.K))
                .isEmpty();
    }

    @Test
    void oneWeightPerRankingIsRequired() {
        assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of("a")), new double[] {1, 1}, RankFusion.K))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

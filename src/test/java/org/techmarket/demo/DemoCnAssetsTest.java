package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCnAssetsTest {

    private static final Set<String> KINDS = Set.of(
            "INVENTION_PATENT",
            "UTILITY_MODEL",
            "SOFTWARE_COPYRIGHT",
            "IC_LAYOUT_DESIGN",
            "KNOW_HOW",
            "DATA_PRODUCT",
            "COMPUTE_CAPACITY",
            "TECHNICAL_SERVICE");
    private static final Set<String> OWNERS =
            Set.of("university", "institute", "enterprise-a", "enterprise-b", "service-provider");
    private static final Set<String> INDUSTRIES = Set.of(
            "ARTIFICIAL_INTELLIGENCE",
            "HUMANOID_ROBOTS",
            "METAVERSE",
            "NEXT_GENERATION_INTERNET",
            "SIXTH_GENERATION_MOBILE",
            "QUANTUM_INFORMATION",
            "BRAIN_LIKE_INTELLIGENCE",
            "GENETIC_TECHNOLOGY",
            "INTEGRATED_CIRCUITS",
            "NEW_ENERGY_STORAGE",
            "COMMERCIAL_SPACEFLIGHT",
            "DEEP_SEA",
            "DEEP_SPACE",
            "ADVANCED_MATERIALS",
            "BIOMANUFACTURING",
            "NEW_ENERGY");
    private static final int[] CHECK_WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private final List<DemoCnAsset> assets = DemoCnAssets.load();

    @Test
    void offersADozenAssetsFromEveryKindOfOwner() {
        assertThat(assets).hasSizeBetween(12, 14);
        assertThat(assets)
                .extracting(DemoCnAsset::kind)
                .allMatch(KINDS::contains)
                .containsAll(KINDS);
        assertThat(assets)
                .extracting(DemoCnAsset::ownerKey)
                .allMatch(OWNERS::contains)
                .containsAll(OWNERS);
        assertThat(assets).extracting(DemoCnAsset::title).doesNotHaveDuplicates();
        assertThat(assets).allSatisfy(a -> {
            assertThat(a.title()).isNotBlank();
            assertThat(a.abstractText()).isNotBlank();
            assertThat(a.ipc()).isNotEmpty().allMatch(c -> c.matches("[A-H]\\d{2}[A-Z] \\d{1,4}/\\d{2,6}"));
        });
    }

    @Test
    void spansAtLeastTenFutureIndustries() {
        assertThat(assets).flatExtracting(DemoCnAsset::industries).allMatch(INDUSTRIES::contains);
        assertThat(assets.stream()
                        .flatMap(a -> a.industries().stream())
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyPatentNumberCarriesItsCheckDigit() {
        List<DemoCnAsset> patents =
                assets.stream().filter(DemoCnAsset::isPatent).toList();

        assertThat(patents).isNotEmpty().allSatisfy(p -> {
            String number = p.patentNumber().orElseThrow();
            assertThat(number).matches("ZL\\d{12}\\.[\\dX]");
            assertThat(number.charAt(15)).isEqualTo(checkDigit(number.substring(2, 14)));
        });
    }

    @Test
    void patentNumbersEncodeTheFilingYearAndTheKind() {
        assertThat(assets).filteredOn(DemoCnAsset::isPatent).allSatisfy(p -> {
            String digits = p.patentNumber().orElseThrow().substring(2, 14);
            assertThat(digits.substring(0, 4))
                    .isEqualTo(String.valueOf(p.filedOn().getYear()));
            assertThat(digits.charAt(4)).isEqualTo(p.kind().equals("INVENTION_PATENT") ? '1' : '2');
        });
    }

    @Test
    void patentsExpireTwentyOrTenYearsAfterFiling() {
        assertThat(assets).allSatisfy(a -> {
            switch (a.kind()) {
                case "INVENTION_PATENT" ->
                    assertThat(a.expiresOn()).contains(a.filedOn().plusYears(20));
                case "UTILITY_MODEL" ->
                    assertThat(a.expiresOn()).contains(a.filedOn().plusYears(10));
                default -> assertThat(a.expiresOn()).isEmpty();
            }
        });
    }

    @Test
    void grantsFollowFilings() {
        assertThat(assets)
                .allSatisfy(a -> a.grantedOn().ifPresent(g -> assertThat(g).isAfterOrEqualTo(a.filedOn())));
        assertThat(assets).extracting(DemoCnAsset::legalStatus).contains(DemoCnAsset.LegalStatus.PENDING);
    }

    @Test
    void checkDigitMatchesAWorkedExample() {
        // 2·2+0·3+2·4+1·5+1·6+0·7+6·8+7·9+8·2+2·3+1·4+4·5 = 180, and 180 mod 11 = 4.
        assertThat(checkDigit("202110678214")).isEqualTo('4');
    }

    private static char checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < CHECK_WEIGHTS.length; i++) {
            sum += (twelveDigits.charAt(i) - '0') * CHECK_WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}

package org.techmarket.reference.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.techmarket.reference.Regions;
import org.techmarket.reference.TechnologyFields;
import org.techmarket.reference.web.ReferenceController.IndustryResponse;
import org.techmarket.reference.web.ReferenceController.RegionResponse;
import org.techmarket.reference.web.ReferenceController.TechnologyFieldResponse;
import org.techmarket.shared.Rejection;

class ReferenceControllerTest {

    private final ReferenceController controller = new ReferenceController(Regions.load(), TechnologyFields.load());

    @Test
    void listsEveryIndustryWithBothNames() {
        assertThat(controller.industries())
                .hasSize(17)
                .startsWith(new IndustryResponse("ARTIFICIAL_INTELLIGENCE", "人工智能", "Artificial intelligence"));
    }

    @Test
    void filtersRegionsByLevelAndProvince() {
        assertThat(controller.regions(null, null)).hasSize(Regions.load().all().size());
        assertThat(controller.regions("PROVINCE", null)).hasSize(34);
        assertThat(controller.regions("city", "440000"))
                .hasSize(21)
                .contains(new RegionResponse("440300", "深圳市", "CITY", "440000"));
        assertThat(controller.regions(null, "110000"))
                .containsExactly(new RegionResponse("110000", "北京市", "PROVINCE", "110000"));
        assertThat(controller.regions("CITY", "110000")).isEmpty();
    }

    @Test
    void refusesAnUnknownLevelOrProvince() {
        assertThatThrownBy(() -> controller.regions("COUNTY", null))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_REGION_LEVEL"));
        assertThatThrownBy(() -> controller.regions(null, "440300"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_PROVINCE"));
    }

    @Test
    void listsTheTechnologyFields() {
        assertThat(controller.technologyFields())
                .hasSize(35)
                .contains(new TechnologyFieldResponse(8, "Electrical engineering", "Semiconductors"));
    }
}

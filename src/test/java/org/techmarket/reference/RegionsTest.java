package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    private final Regions regions = Regions.load();

    @Test
    void loadsEveryProvinceAndCityOfTheVendoredData() {
        assertThat(regions.provinces()).hasSize(34);
        assertThat(regions.all()).hasSize(34 + 337);
        assertThat(Regions.load()).isSameAs(regions);
    }

    @Test
    void listsRegionsInCodeOrder() {
        List<String> codes = regions.all().stream().map(Region::code).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates();
        assertThat(codes.get(0)).isEqualTo("110000");
        assertThat(regions.provinces()).extracting(Region::code).isSorted().endsWith("710000", "810000", "820000");
    }

    @Test
    void findsAProvinceAndACityByCode() {
        assertThat(regions.find("440000")).contains(new Region("440000", "广东省", Region.Level.PROVINCE, "440000"));
        assertThat(regions.find("440300")).contains(new Region("440300", "深圳市", Region.Level.CITY, "440000"));
        assertThat(regions.find("999999")).isEmpty();
        assertThat(regions.find(null)).isEmpty();
    }

    @Test
    void givesTheProvinceOfACityAndNothingForAProvince() {
        assertThat(regions.parentOf("320500")).contains("320000");
        assertThat(regions.parentOf("320000")).isEmpty();
        assertThat(regions.parentOf("110000")).isEmpty();
        assertThat(regions.parentOf("123456")).isEmpty();
    }

    @Test
    void municipalitiesAreProvincesWithoutCities() {
        for (String municipality : List.of("110000", "120000", "310000", "500000")) {
            assertThat(regions.find(municipality)).map(Region::level).contains(Region.Level.PROVINCE);
            assertThat(regions.citiesOf(municipality)).isEmpty();
        }
        assertThat(regions.find("110100")).isEmpty();
    }

    @Test
    void locatesACountyOrDistrictCodeInItsCityOrMunicipality() {
        assertThat(regions.locate("440305")).map(Region::name).contains("深圳市");
        assertThat(regions.locate("110108")).map(Region::code).contains("110000");
        assertThat(regions.locate("500235")).map(Region::code).contains("500000");
        assertThat(regions.locate("429004")).map(Region::code).contains("429000");
        assertThat(regions.locate("440300")).map(Region::code).contains("440300");
        assertThat(regions.locate("990000")).isEmpty();
        assertThat(regions.locate("4403")).isEmpty();
    }

    @Test
    void namesTheGroupsOfDirectlyAdministeredCountiesAfterTheirProvince() {
        assertThat(regions.find("429000")).map(Region::name).contains("湖北省直辖县级行政区划");
        assertThat(regions.find("659000")).map(Region::name).contains("新疆维吾尔自治区直辖县级行政区划");
    }

    @Test
    void listsTheCitiesOfAProvince() {
        assertThat(regions.citiesOf("460000"))
                .extracting(Region::name)
                .containsExactly("海口市", "三亚市", "三沙市", "儋州市", "海南省直辖县级行政区划");
        assertThat(regions.citiesOf("440000"))
                .hasSize(21)
                .allMatch(city -> city.provinceCode().equals("440000"));
    }
}

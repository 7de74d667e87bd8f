package org.techmarket.reference.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.ReferenceCodes;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.reference.TechnologyFields;
import org.techmarket.shared.Rejection;

/** Read-only reference lists for forms and filters: future industries, regions, WIPO technology fields. */
@RestController
@RequestMapping("/api/v1/reference")
public class ReferenceController {

    /** A future industry with its code and names. */
    public record IndustryResponse(String code, String zh, String en) {}

    /** A province or city. */
    public record RegionResponse(String code, String name, String level, String provinceCode) {}

    /** A WIPO technology field. */
    public record TechnologyFieldResponse(int id, String sector, String name) {}

    private final Regions regions;
    private final TechnologyFields technologyFields;

    public ReferenceController(Regions regions, TechnologyFields technologyFields) {
        this.regions = regions;
        this.technologyFields = technologyFields;
    }

    @GetMapping("/industries")
    public List<IndustryResponse> industries() {
        return Arrays.stream(FutureIndustry.values())
                .map(industry -> new IndustryResponse(industry.name(), industry.zhName(), industry.enName()))
                .toList();
    }

    /** Provinces and cities ordered by code, optionally of one level and within one province. */
    @GetMapping("/regions")
    public List<RegionResponse> regions(
            @RequestParam(required = false) String level, @RequestParam(required = false) String province) {
        Optional<Region.Level> wantedLevel = level(level);
        Optional<String> wantedProvince = province(province);
        return regions.all().stream()
                .filter(region -> wantedLevel.map(region.level()::equals).orElse(true))
                .filter(region ->
                        wantedProvince.map(region.provinceCode()::equals).orElse(true))
                .map(region -> new RegionResponse(
                        region.code(), region.name(), region.level().name(), region.provinceCode()))
                .toList();
    }

    @GetMapping("/technology-fields")
    public List<TechnologyFieldResponse> technologyFields() {
        return technologyFields.all().stream()
                .map(field -> new TechnologyFieldResponse(field.id(), field.sector(), field.name()))
                .toList();
    }

    private static Optional<Region.Level> level(String level) {
        if (level == null || level.isBlank()) {
            return Optional.empty();
        }
        String wanted = level.strip().toUpperCase(Locale.ROOT);
        for (Region.Level candidate : Region.Level.values()) {
            if (candidate.name().equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        throw Rejection.invalid(
                ReferenceCodes.INVALID_REGION_LEVEL, "level", "level must be PROVINCE or CITY, not '" + level + "'");
    }

    private Optional<String> province(String province) {
        if (province == null || province.isBlank()) {
            return Optional.empty();
        }
        String code = province.strip();
        if (regions.find(code)
                .filter(region -> region.level() == Region.Level.PROVINCE)
                .isEmpty()) {
            throw Rejection.invalid(
                    ReferenceCodes.UNKNOWN_PROVINCE,
                    "province",
                    "'" + province + "' is not a province code such as 440000");
        }
        return Optional.of(code);
    }
}

package org.techmarket.observatory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.techmarket.observatory.domain.GvcIndices;
import org.techmarket.observatory.domain.WiodIndustry;

/** A country's (or, with its industry named, a country-industry's) GVC indices as the API and the page show them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GvcView(
        String country,
        String industry,
        String industryName,
        String isic,
        double grossExports,
        double iv,
        double fv,
        double ivShare,
        double fvShare,
        double participation,
        double position) {

    static GvcView of(String country, GvcIndices g) {
        return new GvcView(country, null, null, null, g);
    }

    static GvcView of(String country, WiodIndustry industry, GvcIndices g) {
        return new GvcView(country, industry.code(), industry.name(), industry.isic(), g);
    }

    private GvcView(String country, String industry, String industryName, String isic, GvcIndices g) {
        this(
                country,
                industry,
                industryName,
                isic,
                g.grossExports(),
                g.iv(),
                g.fv(),
                g.ivShare(),
                g.fvShare(),
                g.participation(),
                g.position());
    }
}

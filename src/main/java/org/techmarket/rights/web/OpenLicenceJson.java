package org.techmarket.rights.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.application.Catalogue;
import org.techmarket.rights.domain.LicencePeriod;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.OpenLicenceTerms;
import org.techmarket.rights.domain.RegionDirectory;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.rights.domain.Scopes;
import org.techmarket.shared.Rejection;

/** The JSON shapes of open-licence declarations and the catalogue. */
final class OpenLicenceJson {

    private OpenLicenceJson() {}

    enum RoyaltyType {
        LUMP_SUM,
        PERCENT_OF_REVENUE
    }

    /** {@code LUMP_SUM} with {@code amount}, or {@code PERCENT_OF_REVENUE} with {@code percent} and {@code minimumPerYear}. */
    record RoyaltyJson(RoyaltyType type, MoneyJson amount, String percent, MoneyJson minimumPerYear) {

        Royalty parse() {
            if (type == null) {
                throw invalid("royalty.type", "royalty.type is LUMP_SUM or PERCENT_OF_REVENUE");
            }
            if (type == RoyaltyType.LUMP_SUM) {
                if (percent != null || minimumPerYear != null) {
                    throw invalid("royalty", "a LUMP_SUM royalty has an amount only");
                }
                return new Royalty.LumpSum(required(amount, "royalty.amount").parse("royalty.amount"));
            }
            if (amount != null) {
                throw invalid("royalty.amount", "a PERCENT_OF_REVENUE royalty has a percent and a minimumPerYear");
            }
            return new Royalty.PercentOfRevenue(
                    Royalty.PercentOfRevenue.basisPoints(percent, "royalty.percent"),
                    required(minimumPerYear, "royalty.minimumPerYear").parse("royalty.minimumPerYear"));
        }

        static RoyaltyJson of(Royalty royalty) {
            if (royalty instanceof Royalty.LumpSum lump) {
                return new RoyaltyJson(RoyaltyType.LUMP_SUM, MoneyJson.of(lump.amount()), null, null);
            }
            Royalty.PercentOfRevenue share = (Royalty.PercentOfRevenue) royalty;
            return new RoyaltyJson(
                    RoyaltyType.PERCENT_OF_REVENUE, null, share.percent(), MoneyJson.of(share.minimumPerYear()));
        }
    }

    record RestrictionJson(List<String> fields, List<String> territories) {

        OpenLicenceTerms.Restriction parse(RegionDirectory regions) {
            return new OpenLicenceTerms.Restriction(
                    Scopes.parseFields(fields), Scopes.parseTerritories(territories, regions));
        }

        static RestrictionJson of(OpenLicenceTerms.Restriction restriction) {
            return new RestrictionJson(
                    restriction.fields().stream().map(Object::toString).sorted().toList(),
                    restriction.territories().stream()
                            .map(Object::toString)
                            .sorted()
                            .toList());
        }
    }

    /** {@code PUT /assets/{id}/open-licence}: exactly one of {@code termMonths} and {@code termDays}. */
    record DeclarationRequest(RoyaltyJson royalty, Integer termMonths, Integer termDays, RestrictionJson scope) {

        OpenLicenceTerms terms(RegionDirectory regions) {
            Royalty parsedRoyalty = required(royalty, "royalty").parse();
            LicencePeriod period = LicencePeriod.of(termMonths, termDays);
            return new OpenLicenceTerms(
                    parsedRoyalty, period, Optional.ofNullable(scope).map(s -> s.parse(regions)));
        }
    }

    record DeclarationView(
            String id,
            String assetId,
            String status,
            RoyaltyJson royalty,
            Integer termMonths,
            Integer termDays,
            RestrictionJson scope,
            String declaredBy,
            Instant declaredAt,
            Instant withdrawnAt) {

        static DeclarationView of(OpenLicenceDeclaration d) {
            OpenLicenceTerms terms = d.terms();
            return new DeclarationView(
                    d.id(),
                    d.assetId(),
                    d.status().name(),
                    RoyaltyJson.of(terms.royalty()),
                    terms.period().months().orElse(null),
                    terms.period().days().orElse(null),
                    terms.restriction().map(RestrictionJson::of).orElse(null),
                    d.declaredBy(),
                    d.declaredAt(),
                    d.withdrawnAt().orElse(null));
        }
    }

    record AssetView(
            String id,
            String title,
            String kind,
            String legalStatus,
            LocalDate expiresOn,
            List<String> ipc,
            List<String> industries) {

        static AssetView of(AssetSummary a) {
            return new AssetView(
                    a.id(),
                    a.title(),
                    a.kind().name(),
                    a.legalStatus().name(),
                    a.expiresOn().orElse(null),
                    a.ipc(),
                    a.industries());
        }
    }

    record CatalogueItem(DeclarationView openLicence, AssetView asset) {
        static CatalogueItem of(Catalogue.Entry entry) {
            return new CatalogueItem(
                    DeclarationView.of(entry.declaration()),
                    entry.asset().map(AssetView::of).orElse(null));
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    private static Rejection invalid(String field, String message) {
        return Rejection.invalid(RightsCodes.INVALID_ROYALTY, field, message);
    }
}

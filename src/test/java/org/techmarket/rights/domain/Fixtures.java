package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.GrantScope;

/** Shared test data: a calendar, a small region directory, an asset and a builder for grants and proposals. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final LocalDate PROTECTION_ENDS = LocalDate.of(2040, 1, 1);
    static final String OWNER = "org-owner";
    static final String LICENSEE = "org-licensee";
    static final RegionDirectory REGIONS =
            Set.of("110000", "110100", "310000", "310100", "440000", "440100", "440300")::contains;

    private Fixtures() {}

    /** A scope from comma-separated fields and territories over {@code [start, end)}. */
    static GrantScope scope(String fields, String territories, String start, String end) {
        return Scopes.parse(split(fields), split(territories), LocalDate.parse(start), LocalDate.parse(end), REGIONS);
    }

    /** A scope over five years from today. */
    static GrantScope scope(String fields, String territories) {
        return scope(fields, territories, TODAY.toString(), TODAY.plusYears(5).toString());
    }

    static Term term(String start, String end) {
        return new Term(LocalDate.parse(start), LocalDate.parse(end));
    }

    static AssetRights asset() {
        return AssetRights.ownedBy(OWNER, AssetStatus.GRANTED, Optional.of(PROTECTION_ENDS));
    }

    static Draft draft(GrantType type) {
        return new Draft(type);
    }

    static CheckResult check(AssetRights asset, List<Grant> grants, Draft proposal) {
        return new ConflictChecker().checkGrant(asset, grants, proposal.proposal(), TODAY);
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    /** A grant or proposal under construction; defaults to the owner licensing world-wide in all fields. */
    static final class Draft {
        private final GrantType type;
        private Set<String> grantors = Set.of(OWNER);
        private String grantee = LICENSEE;
        private GrantScope scope = scope("*", "WORLD");
        private boolean sublicensable;
        private boolean pledgeeConsent;
        private Optional<String> parent = Optional.empty();

        private Draft(GrantType type) {
            this.type = type;
        }

        Draft by(String... acting) {
            grantors = Set.of(acting);
            return this;
        }

        Draft to(String organization) {
            grantee = organization;
            return this;
        }

        Draft over(GrantScope covered) {
            scope = covered;
            return this;
        }

        Draft over(String fields, String territories) {
            return over(scope(fields, territories));
        }

        Draft sublicensable() {
            sublicensable = true;
            return this;
        }

        Draft withPledgeeConsent() {
            pledgeeConsent = true;
            return this;
        }

        Draft under(String parentGrantId) {
            parent = Optional.of(parentGrantId);
            return this;
        }

        ProposedGrant proposal() {
            return new ProposedGrant(type, grantors, grantee, scope, sublicensable, pledgeeConsent, parent);
        }

        Grant grant(String id) {
            return proposal().toGrant(id);
        }
    }
}

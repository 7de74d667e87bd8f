package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.StatementCounting;
import org.techmarket.support.WebIntegrationTest;

/**
 * The asset page checks every kind of grant against the asset's declaration and grants read once, with the same
 * verdicts as one check per kind, in two round trips and no transaction for a visitor, and its scope picker keeps the reader's choices selected in either language.
 */
class AssetPageReadsIT extends WebIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    RightsRegistry registry;

    @Autowired
    Assets assets;

    @Test
    void theKindsStillGrantableAreCheckedAgainstGrantsReadOnceWithTheVerdictsOfOneCheckEach() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String asset = FindSteps.registered(fixtures, owner, "Checked once " + Fixtures.unique("asset"));
        sameVerdictsAsOneCheckEach(asset);
        FindSteps.exclusiveLicence(api, owner, asset, licensee, List.of("CN"), TODAY, TODAY.plusYears(3));
        Map<GrantKind, RightsCheck> afterLicence = sameVerdictsAsOneCheckEach(asset);
        assertThat(afterLicence.get(GrantKind.EXCLUSIVE_LICENCE).grantable())
                .as("an exclusive licence over the world overlaps the one in force in China")
                .isFalse();

        PageClient visitor = visitor();
        visitor.get("/assets/" + asset + "?lang=en");
        PageClient.Counted page = visitor.counted("/assets/" + asset + "?lang=en");
        System.out.println(StatementCounting.report("the asset page", page.sql()));

        assertThat(page.page().status()).isEqualTo(200);
        assertThat(page.page().html()).contains("Still grantable from today for a year, worldwide, in every field");
        assertThat(page.sql())
                .as("the grants overlapping the checked scope, read once for the four kinds")
                .filteredOn(sql -> sql.contains("effective_end >"))
                .hasSize(1);
        assertThat(page.sql())
                .as("the open licence offered and the declaration the checks weigh, read once")
                .filteredOn(sql -> sql.contains("rights_open_licence"))
                .hasSize(1);
        assertThat(page.statements())
                .as(
                        "the asset with its declaration, then the grants the checks weigh with the owner's name: %s",
                        page.sql())
                .isEqualTo(2);
        assertThat(page.commits()).as("no transaction to commit (ADR 0119)").isZero();
        assertThat(page.page().html())
                .contains(name(owner))
                .as("a visitor sees no grant")
                .doesNotContain(name(licensee));

        PageClient.Counted owners = signedIn(owner).counted("/assets/" + asset + "?lang=en");
        assertThat(owners.page().status()).isEqualTo(200);
        assertThat(owners.page().html())
                .as("the owner sees its licence to the licensee, named")
                .contains(name(licensee))
                .contains("Exclusive licence");
        assertThat(owners.statements())
                .as(
                        "the session's check; the asset with its declaration; the grants, those the checks weigh and the"
                                + " owner's name; the licensee's name: %s",
                        owners.sql())
                .isEqualTo(4);
        assertThat(owners.commits()).isZero();

        PageClient.Counted licensees = signedIn(licensee).counted("/assets/" + asset + "?lang=en");
        assertThat(licensees.page().html())
                .as("the licensee sees the licence it holds")
                .contains(name(licensee))
                .contains(name(owner));
        assertThat(licensees.statements()).isEqualTo(4);
    }

    @Test
    void anAssetNotInForceIsReadWithoutTheGrantsAChecksWeighsAndAnUnknownOneIsNotFound() {
        PageClient.Counted missing = visitor().counted("/assets/no-such-asset?lang=en");
        assertThat(missing.page().status()).isEqualTo(404);
        assertThat(missing.statements())
                .as("the asset and its declaration, looked for together: %s", missing.sql())
                .isEqualTo(1);
        assertThat(missing.commits()).isZero();
    }

    @Test
    void thePickerKeepsTheReadersKindAndTerritorySelectedInEitherLanguage() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String asset = FindSteps.registered(fixtures, owner, "Picked " + Fixtures.unique("asset"));
        String path = "/assets/" + asset + "?kind=SOLE_LICENCE&territory=440000&field=&start=&end=&lang=";

        String en = visitor().get(path + "en").html();
        assertThat(en)
                .contains("<option value=\"SOLE_LICENCE\" selected=\"selected\">Sole licence</option>")
                .contains("<option value=\"EXCLUSIVE_LICENCE\">Exclusive licence</option>")
                .contains("<option value=\"440000\" selected=\"selected\">Guangdong</option>")
                .contains("<option value=\"110000\">Beijing</option>");
        assertThat(en.split("selected=\"selected\"", -1))
                .as("one kind and one territory selected")
                .hasSize(3);

        String zh = visitor().get("/assets/" + asset + "?lang=zh").html();
        assertThat(zh).contains("<option value=\"440000\">广东省</option>").doesNotContain("selected=\"selected\"");
    }

    private String name(Fixtures.Org org) {
        return api.get("/api/v1/organizations/" + org.id(), ADMIN_TOKEN).text("name");
    }

    private Map<GrantKind, RightsCheck> sameVerdictsAsOneCheckEach(String assetId) {
        AssetSummary asset = assets.describe(assetId).orElseThrow().summary();
        GrantScope world = GrantScope.unrestricted(TODAY, TODAY.plusYears(1));
        Map<GrantKind, RightsCheck> together = registry.checkOffers(asset, ScopeQuestion.KINDS, world);
        assertThat(together.keySet()).containsExactlyElementsOf(ScopeQuestion.KINDS);
        for (GrantKind kind : ScopeQuestion.KINDS) {
            RightsCheck alone = registry.checkOffer(assetId, asset.ownerShares().keySet(), kind, world);
            assertThat(together.get(kind).grantable()).as(kind.name()).isEqualTo(alone.grantable());
            assertThat(together.get(kind).conflicts()).as(kind.name()).isEqualTo(alone.conflicts());
        }
        return together;
    }
}

package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/** Steps the discovery pages' tests share: a word no other test searches for, and an asset registered to find. */
final class FindSteps {

    private FindSteps() {}

    /** A word no other test uses, of letters alone: the analyzers split words at digits. */
    static String word(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        Fixtures.unique("")
                .chars()
                .filter(Character::isLetterOrDigit)
                .forEach(c -> word.append((char) (Character.isDigit(c) ? 'a' + (c - '0') : c)));
        return word.toString();
    }

    /** An exclusive licence of {@code owner}'s asset to {@code licensee} in every field, granted through the API. */
    static void exclusiveLicence(
            Api api,
            Fixtures.Org owner,
            String asset,
            Fixtures.Org licensee,
            List<String> territories,
            LocalDate start,
            LocalDate end) {
        Map<String, Object> scope = Map.of(
                "fields", List.of("*"), "territories", territories, "start", start.toString(), "end", end.toString());
        Api.Response granted = api.post(
                "/api/v1/assets/" + asset + "/grants",
                owner.token(),
                Map.of(
                        "type",
                        "EXCLUSIVE_LICENCE",
                        "granteeId",
                        licensee.id(),
                        "scope",
                        scope,
                        "sublicensable",
                        false,
                        "pledgeeConsent",
                        false));
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
    }

    /** A patent of {@code owner} with this title (and industries), registered; its id. */
    static String registered(Fixtures fixtures, Fixtures.Org owner, String title, String... industries) {
        Map<String, Object> body = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        body.put("title", title);
        body.put("abstract", "A training method that tolerates missing sensor readings: " + title);
        if (industries.length > 0) {
            body.put("industries", List.of(industries));
        }
        Api.Response asset = fixtures.registerAsset(owner, body);
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        return asset.text("id");
    }
}

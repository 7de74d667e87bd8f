package org.techmarket.deal.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a contract's Chinese and English text from the templates under {@code contracts/} and hashes them
 * together. Rendering depends on nothing but its arguments, so the same deal, venue and terms always give
 * byte-identical texts and the same hash; one instance may serve every thread.
 */
public final class ContractRenderer {

    private final Map<ContractLanguage, ContractTemplate> templates = new EnumMap<>(ContractLanguage.class);
    private final Map<ContractLanguage, ContractWording> wordings = new EnumMap<>(ContractLanguage.class);

    /** Reads the templates once; a missing template is a broken build and fails here, not at a signing. */
    public ContractRenderer() {
        for (ContractLanguage language : ContractLanguage.values()) {
            templates.put(language, ContractTemplate.load("contracts/technology-contract." + language.tag() + ".txt"));
            wordings.put(language, ContractWording.load(language));
        }
    }

    /** The contract for deal {@code dealId} at {@code venue}, in both languages, with its hash. */
    public RenderedContract render(String dealId, Venue venue, Contract contract) {
        String id = Require.text(dealId, "dealId", 100);
        Require.present(venue, "venue");
        Require.present(contract, "contract");
        String zh = text(ContractLanguage.ZH, id, venue, contract);
        String en = text(ContractLanguage.EN, id, venue, contract);
        return RenderedContract.of(zh, en);
    }

    private String text(ContractLanguage language, String dealId, Venue venue, Contract contract) {
        return templates.get(language).fill(wordings.get(language).values(dealId, venue, contract));
    }
}

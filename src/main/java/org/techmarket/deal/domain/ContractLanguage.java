package org.techmarket.deal.domain;

import java.util.Optional;

/** The languages a contract is written in; the Chinese text prevails where the two differ. */
public enum ContractLanguage {
    ZH("zh"),
    EN("en");

    private final String tag;

    ContractLanguage(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag used in the API's {@code ?lang=} and in resource names. */
    public String tag() {
        return tag;
    }

    public static Optional<ContractLanguage> fromTag(String tag) {
        for (ContractLanguage language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}

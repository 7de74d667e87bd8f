package org.techmarket.deal.domain;

/**
 * Whether a registered contract's income looks like "technology transfer income" eligible for the enterprise
 * income tax relief, and why. This is the venue's screening for its registration record, not a tax ruling.
 *
 * <p>The rule follows the relief's sources as we read them: the Enterprise Income Tax Law (art. 27, item 4) and
 * its Implementing Regulations (art. 90) grant the relief for a resident enterprise's qualifying technology
 * transfer income; circular Caishui [2010] No. 111 limits the technologies to patents, software copyrights, layout
 * designs, plant varieties and new biomedical varieties, counts as a transfer the assignment of ownership or a
 * worldwide exclusive licence of five years or more, requires the contract to be registered, and excludes income
 * from parties that wholly own, or are wholly owned by, the transferor; circular Caishui [2015] No. 116 and SAT
 * Announcement [2015] No. 82 add licences of five years or more that are not exclusive, for technology the
 * licensor owns. Of the contracts this market forms, therefore, an assignment of a patent and a licence of
 * patents for at least five years qualify; a patent application (not yet a patent), know-how (not among the
 * listed technologies), development, consulting and service work, a licence under five years, a contract with no
 * amount and a deal between wholly related parties do not. That the licensor owns the licensed patents is the
 * rights module's check, made before any licence is granted.
 *
 * <p>The relief is one of enterprise income tax, and the transferor is the enterprise whose income it relieves. A
 * natural person pays individual income tax, not enterprise income tax, so a deal whose seller is an individual
 * never qualifies under this rule, whatever it transfers; that is assessed first. The buyer may be anyone.
 */
public enum TransferIncomeQualification {
    PATENT_ASSIGNMENT(true, "an assignment of granted patent rights, a technology listed in Caishui [2010] No. 111"),
    PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE(
            true,
            "a licence of patents for five years or more, which Caishui [2015]"
                    + " No. 116 and SAT Announcement [2015] No. 82 count as a transfer"),
    PATENT_APPLICATION_NOT_YET_GRANTED(false, "a patent application right: not yet a patent"),
    KNOW_HOW_NOT_A_LISTED_TECHNOLOGY(
            false, "know-how is not among the technologies listed in Caishui [2010]" + " No. 111"),
    LICENCE_OF_UNPATENTED_TECHNOLOGY(false, "the licence covers technology that is not patented"),
    LICENCE_SHORTER_THAN_FIVE_YEARS(false, "a licence counts as a transfer only for five years or more"),
    WORK_NOT_A_TRANSFER(
            false, "development, consulting and service contracts sell work, not a transfer of" + " technology"),
    NO_TRANSACTION_AMOUNT(false, "the contract has no transaction amount"),
    WHOLLY_RELATED_PARTIES(
            false, "income from a party that wholly owns, or is wholly owned by, the transferor is" + " excluded"),
    SELLER_IS_A_NATURAL_PERSON(
            false,
            "the seller is a natural person: Caishui [2010] No. 111 relieves enterprise"
                    + " income tax, which an individual does not pay, so the relief does not apply");

    private static final int MINIMUM_LICENCE_YEARS = 5;

    private final boolean qualifies;
    private final String reason;

    TransferIncomeQualification(boolean qualifies, String reason) {
        this.qualifies = qualifies;
        this.reason = reason;
    }

    public boolean qualifies() {
        return qualifies;
    }

    /** Why the contract does or does not qualify, in a sentence for the registration record. */
    public String reason() {
        return reason;
    }

    /**
     * The assessment of {@code contract}; {@code whollyRelated} says whether one party wholly owns the other,
     * directly or indirectly, which the participant registry knows and the contract does not.
     */
    public static TransferIncomeQualification assess(Contract contract, boolean whollyRelated) {
        if (contract.seller().isNaturalPerson()) {
            return SELLER_IS_A_NATURAL_PERSON;
        }
        if (!contract.type().passesRights()) {
            return WORK_NOT_A_TRANSFER;
        }
        if (contract.price().isZero()) {
            return NO_TRANSACTION_AMOUNT;
        }
        if (whollyRelated) {
            return WHOLLY_RELATED_PARTIES;
        }
        if (contract.type() == ContractType.TRANSFER) {
            return switch (contract.transferSubject().orElseThrow()) {
                case PATENT_RIGHT -> PATENT_ASSIGNMENT;
                case PATENT_APPLICATION_RIGHT -> PATENT_APPLICATION_NOT_YET_GRANTED;
                case KNOW_HOW -> KNOW_HOW_NOT_A_LISTED_TECHNOLOGY;
            };
        }
        if (contract.assets().stream().anyMatch(asset -> asset.patentNumber().isEmpty())) {
            return LICENCE_OF_UNPATENTED_TECHNOLOGY;
        }
        return contract.scope().lastsAtLeastYears(MINIMUM_LICENCE_YEARS)
                ? PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE
                : LICENCE_SHORTER_THAN_FIVE_YEARS;
    }
}

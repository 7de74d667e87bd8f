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
 */
public enum TransferIncomeQualification {
    PATENT_ASSIGNMENT(true),
    PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE(true),
    PATENT_APPLICATION_NOT_YET_GRANTED(false),
    KNOW_HOW_NOT_A_LISTED_TECHNOLOGY(false),
    LICENCE_OF_UNPATENTED_TECHNOLOGY(false),
    LICENCE_SHORTER_THAN_FIVE_YEARS(false),
    WORK_NOT_A_TRANSFER(false),
    NO_TRANSACTION_AMOUNT(false),
    WHOLLY_RELATED_PARTIES(false);

    private static final int MINIMUM_LICENCE_YEARS = 5;

    private final boolean qualifies;

    TransferIncomeQualification(boolean qualifies) {
        this.qualifies = qualifies;
    }

    public boolean qualifies() {
        return qualifies;
    }

    /**
     * The assessment of {@code contract}; {@code whollyRelated} says whether one party wholly owns the other,
     * directly or indirectly, which the participant registry knows and the contract does not.
     */
    public static TransferIncomeQualification assess(Contract contract, boolean whollyRelated) {
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
        return contract.scope().lastsAtLeastYears(MINIMUM_LICENCE_YEARS) ? PATENT_LICENCE_OF_FIVE_YEARS_OR_MORE
                : LICENCE_SHORTER_THAN_FIVE_YEARS;
    }
}

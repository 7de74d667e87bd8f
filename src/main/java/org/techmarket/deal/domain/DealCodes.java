package org.techmarket.deal.domain;

/**
 * The stable machine codes with which the deal rules refuse a request; clients match on these, so they never
 * change once published.
 */
public final class DealCodes {

    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String INVALID_CREDIT_CODE = "INVALID_CREDIT_CODE";
    public static final String INVALID_IDENTITY_NUMBER = "INVALID_IDENTITY_NUMBER";
    public static final String INVALID_REGION_CODE = "INVALID_REGION_CODE";
    public static final String SAME_PARTY = "SAME_PARTY";
    public static final String NO_ASSETS = "NO_ASSETS";
    public static final String DUPLICATE_ASSET = "DUPLICATE_ASSET";
    public static final String TRANSFER_SUBJECT_REQUIRED = "TRANSFER_SUBJECT_REQUIRED";
    public static final String TRANSFER_SUBJECT_NOT_ALLOWED = "TRANSFER_SUBJECT_NOT_ALLOWED";
    public static final String PATENT_NUMBER_REQUIRED = "PATENT_NUMBER_REQUIRED";
    public static final String LICENCE_KIND_REQUIRED = "LICENCE_KIND_REQUIRED";
    public static final String LICENCE_KIND_NOT_ALLOWED = "LICENCE_KIND_NOT_ALLOWED";
    public static final String INVALID_TERM = "INVALID_TERM";
    public static final String LUMP_SUM_MISMATCH = "LUMP_SUM_MISMATCH";
    public static final String INSTALMENTS_SUM_MISMATCH = "INSTALMENTS_SUM_MISMATCH";
    public static final String INSTALMENTS_OUT_OF_ORDER = "INSTALMENTS_OUT_OF_ORDER";
    public static final String INVALID_ROYALTY_RATE = "INVALID_ROYALTY_RATE";
    public static final String ROYALTY_NOT_ALLOWED = "ROYALTY_NOT_ALLOWED";
    public static final String INVALID_ACCEPTANCE_PERIOD = "INVALID_ACCEPTANCE_PERIOD";
    public static final String INVALID_REPORT_DEADLINE = "INVALID_REPORT_DEADLINE";
    public static final String INVALID_FEE_RATE = "INVALID_FEE_RATE";
    public static final String INVALID_SPLIT = "INVALID_SPLIT";
    public static final String INVALID_REGISTRATION_NUMBER = "INVALID_REGISTRATION_NUMBER";
    public static final String INVALID_STATUS_TRANSITION = "INVALID_STATUS_TRANSITION";
    public static final String TERMINATION_NOT_ALLOWED = "TERMINATION_NOT_ALLOWED";
    public static final String INVALID_DEADLINE = "INVALID_DEADLINE";
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";
    public static final String NOT_YOUR_OFFER = "NOT_YOUR_OFFER";
    public static final String INVALID_PERIOD = "INVALID_PERIOD";
    public static final String INVALID_CONTRACT_HASH = "INVALID_CONTRACT_HASH";
    public static final String DEAL_NOT_SIGNED = "DEAL_NOT_SIGNED";
    public static final String INSTALMENT_NOT_FOUND = "INSTALMENT_NOT_FOUND";
    public static final String INSTALMENT_ALREADY_PAID = "INSTALMENT_ALREADY_PAID";
    public static final String FIRST_INSTALMENT_IS_FUNDING = "FIRST_INSTALMENT_IS_FUNDING";
    public static final String INSTALMENT_OUT_OF_ORDER = "INSTALMENT_OUT_OF_ORDER";
    public static final String NOT_PAID_IN_INSTALMENTS = "NOT_PAID_IN_INSTALMENTS";
    public static final String INSTALMENT_NOT_PAYABLE = "INSTALMENT_NOT_PAYABLE";
    public static final String SCOPE_NOT_FOR_ASSIGNMENT = "SCOPE_NOT_FOR_ASSIGNMENT";
    public static final String DIRECT_TYPE_NOT_ALLOWED = "DIRECT_TYPE_NOT_ALLOWED";
    public static final String COUNTERPARTY_NOT_VERIFIED = "COUNTERPARTY_NOT_VERIFIED";
    public static final String INVALID_CONTRACT_TYPE = "INVALID_CONTRACT_TYPE";
    public static final String CANCELLATION_NOT_PROPOSED = "CANCELLATION_NOT_PROPOSED";
    public static final String CANCELLATION_ALREADY_PROPOSED = "CANCELLATION_ALREADY_PROPOSED";
    public static final String NOT_THE_COUNTERPARTY = "NOT_THE_COUNTERPARTY";

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String DEAL_NOT_FOUND = "DEAL_NOT_FOUND";
    public static final String NOT_THE_BUYER = "NOT_THE_BUYER";
    public static final String NOT_THE_SELLER = "NOT_THE_SELLER";
    public static final String INVALID_LANGUAGE = "INVALID_LANGUAGE";
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    public static final String INVALID_ROLE = "INVALID_ROLE";
    public static final String INVALID_REASON = "INVALID_REASON";
    public static final String INVALID_TERMINATION_DATE = "INVALID_TERMINATION_DATE";
    public static final String DOCUMENTS_REQUIRED = "DOCUMENTS_REQUIRED";
    public static final String INVALID_DOCUMENT_DESCRIPTION = "INVALID_DOCUMENT_DESCRIPTION";
    public static final String INVALID_DOCUMENT_HASH = "INVALID_DOCUMENT_HASH";
    public static final String ALREADY_REGISTERED = "ALREADY_REGISTERED";
    public static final String REGISTRATION_NOT_FOUND = "REGISTRATION_NOT_FOUND";
    public static final String DISPUTE_ALREADY_RESOLVED = "DISPUTE_ALREADY_RESOLVED";
    public static final String DISPUTE_NOT_FOUND = "DISPUTE_NOT_FOUND";
    public static final String INVALID_EVIDENCE_HASH = "INVALID_EVIDENCE_HASH";
    public static final String OUTCOME_REQUIRED = "OUTCOME_REQUIRED";
    public static final String SELLER_AMOUNT_REQUIRED = "SELLER_AMOUNT_REQUIRED";
    public static final String TEXT_REQUIRED = "TEXT_REQUIRED";
    public static final String TOO_MUCH_EVIDENCE = "TOO_MUCH_EVIDENCE";
    public static final String ALREADY_SIGNED = "ALREADY_SIGNED";
    public static final String DEAL_NOT_SIGNING = "DEAL_NOT_SIGNING";
    public static final String SIGNATURE_NOT_FOUND = "SIGNATURE_NOT_FOUND";
    public static final String NOT_A_ROYALTY_DEAL = "NOT_A_ROYALTY_DEAL";
    public static final String PERIOD_NOT_ENDED = "PERIOD_NOT_ENDED";
    public static final String ROYALTY_ALREADY_REPORTED = "ROYALTY_ALREADY_REPORTED";
    public static final String DEAL_NOT_DEFAULTED = "DEAL_NOT_DEFAULTED";
    public static final String NO_RUNNER_UP = "NO_RUNNER_UP";
    public static final String PARTY_WITHOUT_CREDIT_CODE = "PARTY_WITHOUT_CREDIT_CODE";
    public static final String PARTY_WITHOUT_IDENTITY_NUMBER = "PARTY_WITHOUT_IDENTITY_NUMBER";
    public static final String RUNNER_UP_ALREADY_OFFERED = "RUNNER_UP_ALREADY_OFFERED";

    private DealCodes() {
    }
}

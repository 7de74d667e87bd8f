package org.techmarket.deal.application;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.ContractLanguage;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealHistory;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.DealSignatures;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.Rejection;

/** Reads deals as their parties, operators and regulators may see them. */
@Service
public class DealReading {

    /** A deal with everything that happened to it and what its escrow holds now. */
    public record DealDetails(DealRow deal, Money escrowBalance, List<DealHistory.Step> history,
            List<DealSignatures.SignatureRow> signatures, List<DealDeliveries.Document> documents,
            List<DealDeliveries.RecordedGrant> grants, Optional<String> runnerUpDealId) {}

    /** A contract's text in one language and the hash over both. */
    public record ContractText(String dealId, String language, String text, String hash) {}

    private final DealAccess access;
    private final Deals deals;
    private final DealHistory history;
    private final DealSignatures signatures;
    private final DealDeliveries deliveries;
    private final Ledger ledger;

    DealReading(DealAccess access, Deals deals, DealHistory history, DealSignatures signatures,
            DealDeliveries deliveries, Ledger ledger) {
        this.access = access;
        this.deals = deals;
        this.history = history;
        this.signatures = signatures;
        this.deliveries = deliveries;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public Page<DealRow> list(Actor actor, Optional<String> role, Optional<DealStatus> status, String cursor,
            Integer limit) {
        if (role.isPresent() && !role.get().equals("buyer") && !role.get().equals("seller")) {
            throw Rejection.invalid("INVALID_ROLE", "role", "role is buyer or seller");
        }
        Optional<String> organization = actor.seesWholeMarket() && actor.organizationId().isEmpty() ? Optional.empty()
                : Optional.of(actor.requireOrganization());
        int size = Cursor.limit(limit);
        List<DealRow> rows = deals.ofOrganization(organization, role, status, Cursor.decode(cursor), size + 1);
        return Page.of(rows, size, DealRow::id);
    }

    @Transactional(readOnly = true)
    public DealDetails get(Actor actor, String dealId) {
        DealRow deal = access.readable(actor, dealId);
        Money escrow = ledger.balance(AccountId.escrow(dealId, deal.price().currency()));
        return new DealDetails(deal, escrow, history.of(dealId), signatures.of(dealId), deliveries.documents(dealId),
                deliveries.grants(dealId), deals.findByCause(DealRow.RUNNER_UP_CAUSE + dealId).map(DealRow::id));
    }

    @Transactional(readOnly = true)
    public ContractText contract(Actor actor, String dealId, String lang) {
        ContractLanguage language = ContractLanguage.fromTag(lang == null ? "zh" : lang).orElseThrow(() ->
                Rejection.invalid("INVALID_LANGUAGE", "lang", "lang is zh or en"));
        DealRow deal = access.readable(actor, dealId);
        return new ContractText(dealId, language.tag(), language == ContractLanguage.ZH ? deal.contractZh()
                : deal.contractEn(), deal.contractHash());
    }
}

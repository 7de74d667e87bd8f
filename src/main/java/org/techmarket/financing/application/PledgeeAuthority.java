package org.techmarket.financing.application;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.PledgeEnforcement;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanStatus;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.listing.PledgeSales;

/**
 * The enforcement authority every loan agreement grants its lender (ADR 0062): from the loan's default until it is
 * settled, the lender signs and delivers for the owner on the deal that sells the loan's pledged assets, and on no
 * other deal of the owner's.
 */
@Service
class PledgeeAuthority implements PledgeEnforcement {

    private final Loans loans;
    private final PledgeSales sales;

    PledgeeAuthority(Loans loans, PledgeSales sales) {
        this.loans = loans;
        this.sales = sales;
    }

    @Override
    @Transactional(readOnly = true)
    public Authority of(String organizationId, String sellerId, Optional<String> listingId) {
        Optional<Loan> sold = listingId
                .flatMap(sales::loanSoldBy)
                .flatMap(loans::find)
                .map(Loans.Stored::loan)
                .filter(loan ->
                        loan.lenderId().equals(organizationId) && loan.ownerId().equals(sellerId));
        if (sold.isPresent()) {
            return sold.get().status() == LoanStatus.DEFAULTED ? Authority.ENFORCES : Authority.NOT_IN_DEFAULT;
        }
        List<LoanStatus> lent = loans.statusesBetween(organizationId, sellerId);
        if (lent.isEmpty()) {
            return Authority.NONE;
        }
        return lent.contains(LoanStatus.DEFAULTED) ? Authority.NOT_THE_PLEDGE_SALE : Authority.NOT_IN_DEFAULT;
    }
}

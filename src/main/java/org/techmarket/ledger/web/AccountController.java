package org.techmarket.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.application.LedgerReports;
import org.techmarket.ledger.persistence.Journal;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * An organization's money: its balances per currency, the statement of each account with running balance, and the
 * history of its balances for a chart.
 */
@RestController
class AccountController {

    private final LedgerReports reports;

    AccountController(LedgerReports reports) {
        this.reports = reports;
    }

    record LineView(
            long sequence,
            String transferId,
            Instant postedAt,
            Money amount,
            Money balance,
            String reason,
            String cause,
            String counterAccount) {
        static LineView of(Journal.StatementLine line, String currency) {
            return new LineView(
                    line.sequence(),
                    line.transferId(),
                    line.postedAt(),
                    Money.of(line.amount(), currency),
                    Money.of(line.balanceAfter(), currency),
                    line.reason(),
                    line.cause(),
                    line.counterAccount().key());
        }
    }

    record StatementView(String account, List<LineView> items, Long nextAfter) {}

    @GetMapping("/api/v1/accounts")
    List<LedgerReports.Balances> accounts(
            @AuthenticationPrincipal Actor actor, @RequestParam Optional<String> organizationId) {
        return reports.balances(actor, organizationId);
    }

    @GetMapping("/api/v1/accounts/history")
    LedgerReports.BalanceHistory history(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<String> organizationId,
            @RequestParam(defaultValue = Money.DEFAULT_CURRENCY) String currency,
            @RequestParam(required = false) Integer limit) {
        return reports.balanceHistory(actor, organizationId, currency, limit);
    }

    @GetMapping("/api/v1/accounts/entries")
    StatementView entries(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<String> organizationId,
            @RequestParam Optional<String> venueId,
            @RequestParam(defaultValue = Money.DEFAULT_CURRENCY) String currency,
            @RequestParam(defaultValue = "AVAILABLE") AccountKind account,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        LedgerReports.Statement statement =
                reports.statement(actor, organizationId, venueId, currency, account, after, limit);
        return new StatementView(
                statement.account().key(),
                statement.lines().stream()
                        .map(line -> LineView.of(line, currency))
                        .toList(),
                statement.nextAfter().orElse(null));
    }
}

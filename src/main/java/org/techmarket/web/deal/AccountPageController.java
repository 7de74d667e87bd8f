package org.techmarket.web.deal;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.application.LedgerReports;
import org.techmarket.ledger.application.LedgerReports.BalanceHistory;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * The organization's accounts: balances, a statement page by page, the balance over time as a chart (its points in
 * {@code data-} attributes for the page's script), and a cash-out request that an operator confirms. The page's three
 * reads share one read-only transaction at the isolation the balances ask for, so they take one connection, commit once
 * and show one moment of the ledger.
 */
@Controller
class AccountPageController {

    private static final int CHART_POINTS = 100;
    private static final int STATEMENT_PAGE = 20;

    private final LedgerReports reports;
    private final ReadsTogether together;
    private final CashService cash;
    private final TransactionTemplate oneMoment;

    AccountPageController(
            LedgerReports reports, CashService cash, PlatformTransactionManager transactions, ReadsTogether together) {
        this.reports = reports;
        this.together = together;
        this.cash = cash;
        this.oneMoment = new TransactionTemplate(transactions);
        this.oneMoment.setReadOnly(true);
        // the balances' own isolation: a transaction joined keeps the isolation it began with
        this.oneMoment.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @GetMapping("/workspace/account")
    String account(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "AVAILABLE") String account,
            @RequestParam(defaultValue = "0") long after,
            Model model) {
        AccountKind kind = "HELD".equals(account) ? AccountKind.HELD : AccountKind.AVAILABLE;
        oneMoment.executeWithoutResult(status -> show(actor, kind, after, model));
        model.addAttribute("account", kind.name());
        return "deal/account";
    }

    // The balances, the statement's page and the chart read in one round trip (ADR 0117), in one snapshot.
    private void show(Actor actor, AccountKind kind, long after, Model model) {
        ReadsTogether.Batch batch = together.batch();
        var balances = reports.balances(actor, batch);
        var statement =
                reports.statement(actor, Money.DEFAULT_CURRENCY, kind, Math.max(0, after), STATEMENT_PAGE, batch);
        var chart = reports.balanceHistory(actor, Money.DEFAULT_CURRENCY, CHART_POINTS, batch);
        batch.send();
        model.addAttribute("balances", balances.get());
        model.addAttribute("statement", statement.get());
        BalanceHistory history = chart.get();
        model.addAttribute("chartTimes", join(history.available(), p -> p.at().toString()));
        model.addAttribute(
                "chartBalances", join(history.available(), p -> p.balance().decimal()));
    }

    @PostMapping("/workspace/account/cash-out")
    String cashOut(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String bankAccount,
            RedirectAttributes flash) {
        try {
            cash.requestCashOut(actor, Money.parse(amount, Money.DEFAULT_CURRENCY), bankAccount);
            flash.addFlashAttribute("done", "cashOutRequested");
        } catch (Rejection refused) {
            flash.addFlashAttribute("refused", refused.code());
            flash.addFlashAttribute("refusedDetail", refused.getMessage());
        }
        return "redirect:/workspace/account";
    }

    private static String join(List<BalanceHistory.Point> points, Function<BalanceHistory.Point, String> value) {
        return points.stream().map(value).collect(Collectors.joining(","));
    }
}

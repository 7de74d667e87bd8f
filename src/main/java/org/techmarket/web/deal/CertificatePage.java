package org.techmarket.web.deal;

import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.persistence.JdbcAuditLog;
import org.techmarket.audit.persistence.LogTree;
import org.techmarket.deal.application.DealReading;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealEvent;
import org.techmarket.deal.persistence.Registrations.RegistrationRow;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * The registration certificate of a deal's contract, to print: the registration in Chinese and English side by side
 * and how anyone checks it against the market's public log (the registration's log entry and its inclusion proof).
 * Those who may read the deal room read it; a deal that is not registered has no certificate (404).
 */
@Controller
class CertificatePage {

    private final DealReading reading;
    private final JdbcAuditLog audit;
    private final LogTree log;
    private final Bilingual both;

    CertificatePage(DealReading reading, JdbcAuditLog audit, LogTree log, MessageSource messages) {
        this.reading = reading;
        this.audit = audit;
        this.log = log;
        this.both = new Bilingual(messages);
    }

    /** Where the registration stands in the log: its entry's index and the tree a proof of it is asked against. */
    record LogEntry(long index, long treeSize) {}

    @GetMapping("/deals/{id}/certificate")
    String certificate(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        DealReading.Registered read = reading.withRegistration(actor, id);
        DealReading.DealDetails details = read.details();
        RegistrationRow registered = read.registration()
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        DealCodes.REGISTRATION_NOT_FOUND,
                        "Deal " + id + " is not registered"));
        Optional<AuditEvent> entry =
                audit.latestSealed("deal:" + id, AuditLog.typeOf(DealEvent.ContractRegistered.class));
        long treeSize = log.size();
        model.addAttribute("details", details);
        model.addAttribute("deal", details.deal());
        model.addAttribute("registration", registered);
        model.addAttribute(
                "logEntry",
                entry.filter(e -> e.sequence() <= treeSize).map(e -> new LogEntry(e.sequence() - 1, treeSize)));
        model.addAttribute("both", both);
        return "deal/certificate";
    }
}

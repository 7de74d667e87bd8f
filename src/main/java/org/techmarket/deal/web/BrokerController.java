package org.techmarket.deal.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.deal.application.BrokerRecords;
import org.techmarket.shared.Money;

/** A technology broker's public record: no token needed. */
@RestController
class BrokerController {

    private final BrokerRecords records;

    BrokerController(BrokerRecords records) {
        this.records = records;
    }

    record QualificationView(String number, String issuer, LocalDate issuedOn) {}

    /** Completed deals' volume in one currency, and the commissions their contracts state. */
    record VolumeView(Money completed, Money commission) {}

    record BrokerView(
            String id,
            String name,
            String type,
            String region,
            String status,
            QualificationView qualification,
            long dealsNamed,
            long dealsClosed,
            long dealsDisputed,
            List<VolumeView> volume) {}

    @GetMapping("/api/v1/brokers/{id}")
    BrokerView broker(@PathVariable String id) {
        BrokerRecords.BrokerRecord record = records.of(id);
        var b = record.broker();
        var deals = record.deals();
        return new BrokerView(
                b.id(),
                b.name(),
                b.type().name(),
                b.region(),
                b.status().name(),
                record.qualification()
                        .map(q -> new QualificationView(q.number(), q.issuer(), q.issuedOn()))
                        .orElse(null),
                deals.dealsNamed(),
                deals.dealsCompleted(),
                deals.dealsDisputed(),
                deals.volume().stream()
                        .map(v -> new VolumeView(
                                Money.of(v.completedFen(), v.currency()), Money.of(v.commissionFen(), v.currency())))
                        .toList());
    }
}

package org.techmarket.surveillance.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.surveillance.domain.Alert;
import org.techmarket.surveillance.domain.Detectors;
import org.techmarket.surveillance.domain.Finding;
import org.techmarket.surveillance.domain.MarketFacts;
import org.techmarket.surveillance.domain.RelationGraph;
import org.techmarket.surveillance.persistence.Alerts;
import org.techmarket.surveillance.persistence.MarketRecords;

/**
 * Runs the detectors over the market's facts and raises an alert for each finding not raised before: over the whole
 * market (nightly, or on an operator's request), or after a listing closes, over its seller's auctions and those its
 * bidders took part in, with every deal. A finding raised before (same kind and key) adds nothing, so runs repeat
 * safely; each new alert is audited in the run's transaction.
 */
@Service
public class Watch {

    private static final Logger log = LoggerFactory.getLogger(Watch.class);

    private final MarketRecords market;
    private final Alerts alerts;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Detectors detectors = Detectors.standard();

    Watch(MarketRecords market, Alerts alerts, AuditLog audit, IdGenerator ids, Clock clock) {
        this.market = market;
        this.alerts = alerts;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Runs every detector over the whole market; returns how many new alerts it raised. */
    @Transactional
    public int watchWholeMarket() {
        return raise(facts(Optional.empty()));
    }

    /** Runs every detector after a listing of {@code sellerId} closed; returns how many new alerts it raised. */
    @Transactional
    public int watchAfterClose(String sellerId) {
        return raise(facts(Optional.of(sellerId)));
    }

    /** The relation graph as it stands. */
    @Transactional(readOnly = true)
    public RelationGraph relations(Actor actor) {
        actor.requireMarketReader();
        return new RelationGraph(market.relations());
    }

    private MarketFacts facts(Optional<String> seller) {
        return new MarketFacts(market.auctions(seller), market.trades(), new RelationGraph(market.relations()));
    }

    private int raise(MarketFacts facts) {
        List<Finding> findings = detectors.detect(facts);
        Instant now = clock.instant();
        int raised = 0;
        for (Finding finding : findings) {
            Alert alert = Alert.raise(ids.newId(), finding, now);
            if (alerts.addIfNew(alert)) {
                audit.record(
                        Actor.SYSTEM.auditName(),
                        SurveillanceEvents.AlertRaised,
                        "alert:" + alert.id(),
                        payload(alert));
                raised++;
            }
        }
        if (raised > 0) {
            log.info("Surveillance raised {} new alerts of {} findings", raised, findings.size());
        }
        return raised;
    }

    private static Map<String, Object> payload(Alert alert) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", alert.kind().name());
        payload.put("findingKey", alert.findingKey());
        payload.put("score", Double.toString(alert.score()));
        payload.put("parties", alert.parties());
        payload.put("evidence", alert.evidence());
        return payload;
    }
}

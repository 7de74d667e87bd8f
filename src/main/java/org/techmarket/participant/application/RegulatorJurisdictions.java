package org.techmarket.participant.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.RegulatorProvinces;
import org.techmarket.participant.persistence.Users;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Jurisdictions;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/**
 * Which provinces each regulator reads. A regulator reads the whole market until a market administrator, or the
 * operator who recorded it, limits it to a set of provinces; an empty set lifts the limit. The limit is read with
 * each read, so a change applies to the regulator's next request.
 */
@Service
public class RegulatorJurisdictions implements Jurisdictions {

    static final int MAX_PROVINCES = 34;

    private final RegulatorProvinces provinces;
    private final Users users;
    private final Regions regions;
    private final AuditLog audit;

    RegulatorJurisdictions(RegulatorProvinces provinces, Users users, Regions regions, AuditLog audit) {
        this.provinces = provinces;
        this.users = users;
        this.regions = regions;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Set<String>> provincesOf(Actor actor) {
        if (actor == null || !actor.isRegulator()) {
            return Optional.empty();
        }
        Set<String> limit = provinces.of(actor.userId());
        return limit.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(limit));
    }

    /**
     * Limits the regulator {@code userId} to {@code provinceCodes} (GB/T 2260 province codes; none: the whole market).
     * Refusals: 403 to anyone but a market administrator or the operator who recorded the regulator, 404
     * {@code NOT_FOUND} for a user who is not a regulator, 400 {@code INVALID_PROVINCE} for a code that is not a
     * province's.
     */
    @Transactional
    public Set<String> limit(Actor actor, String userId, List<String> provinceCodes) {
        User regulator = users.find(userId)
                .filter(u -> u.role() == Role.REGULATOR)
                .orElseThrow(() -> Rejection.notFound("Regulator", userId));
        Optional<String> recordedBy = provinces.lockRecordedBy(regulator.id());
        boolean recorder =
                actor.isOperator() && recordedBy.map(actor.userId()::equals).orElse(false);
        if (!actor.isMarketAdmin() && !recorder) {
            throw Rejection.forbidden(
                    "Only a market administrator or the operator who recorded this regulator may limit it");
        }
        Set<String> limit = provinceCodes(provinceCodes);
        provinces.replace(regulator.id(), limit);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("provinces", List.copyOf(limit));
        audit.record(actor.auditName(), ParticipantEvents.RegulatorProvincesLimited, "user:" + regulator.id(), payload);
        return limit;
    }

    /** Notes which operator recorded a staff user, who may later limit it. */
    void recorded(String userId, Actor by) {
        provinces.recordedBy(userId, by.userId());
    }

    private Set<String> provinceCodes(List<String> codes) {
        if (codes == null || codes.size() > MAX_PROVINCES) {
            throw Rejection.invalid(
                    ParticipantCodes.INVALID_PROVINCE, "provinces", "a list of at most 34 province codes");
        }
        Set<String> limit = new TreeSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            boolean province = code != null
                    && regions.find(code)
                            .filter(r -> r.level() == Region.Level.PROVINCE)
                            .isPresent();
            if (!province) {
                throw Rejection.invalid(
                        ParticipantCodes.INVALID_PROVINCE,
                        "provinces[" + i + "]",
                        "a GB/T 2260 province code, such as 440000");
            }
            limit.add(code);
        }
        return limit;
    }
}

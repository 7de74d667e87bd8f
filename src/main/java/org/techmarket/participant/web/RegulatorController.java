package org.techmarket.participant.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.application.RegulatorJurisdictions;
import org.techmarket.shared.Actor;

/** Limiting a regulator to its provinces, by a market administrator or the operator who recorded it. */
@RestController
class RegulatorController {

    private final RegulatorJurisdictions jurisdictions;

    RegulatorController(RegulatorJurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** The provinces a regulator reads: GB/T 2260 province codes; none for the whole market. */
    record ProvincesRequest(List<String> provinces) {}

    record ProvincesView(String userId, List<String> provinces, boolean wholeMarket) {}

    @PutMapping("/api/v1/regulators/{userId}/provinces")
    ProvincesView limit(
            @AuthenticationPrincipal Actor actor, @PathVariable String userId, @RequestBody ProvincesRequest request) {
        List<String> limit = List.copyOf(jurisdictions.limit(actor, userId, request.provinces()));
        return new ProvincesView(userId, limit, limit.isEmpty());
    }
}

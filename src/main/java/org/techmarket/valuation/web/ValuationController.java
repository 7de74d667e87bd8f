package org.techmarket.valuation.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.shared.Actor;
import org.techmarket.valuation.application.Valuing;
import org.techmarket.valuation.domain.ValuationInputs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Valuation reports over HTTP: request one for an asset, list an asset's, read one. */
@RestController
class ValuationController {

    private final Valuing valuing;
    private final JsonMapper json;

    ValuationController(Valuing valuing, JsonMapper json) {
        this.valuing = valuing;
        this.json = json;
    }

    /** Amounts in yuan and rates as decimal strings, such as {@code "1250000.00"} and {@code "0.08"}. */
    record InputsRequest(
            List<String> revenueForecast,
            String royaltyRate,
            String discountRate,
            String reproductionCost,
            String obsolescence) {}

    record ValuationRequest(String purpose, String valuationDate, InputsRequest inputs) {
        ValuationInputs.Text text() {
            InputsRequest in = inputs == null ? new InputsRequest(null, null, null, null, null) : inputs;
            return new ValuationInputs.Text(
                    purpose,
                    valuationDate,
                    in.revenueForecast(),
                    in.royaltyRate(),
                    in.discountRate(),
                    in.reproductionCost(),
                    in.obsolescence());
        }
    }

    record ReportPage(List<JsonNode> items) {}

    @PostMapping("/api/v1/assets/{id}/valuations")
    ResponseEntity<JsonNode> value(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ValuationRequest request) {
        JsonNode report = json.readTree(valuing.value(actor, id, request.text()));
        return ResponseEntity.created(
                        URI.create("/api/v1/valuations/" + report.path("id").asString()))
                .body(report);
    }

    @GetMapping("/api/v1/assets/{id}/valuations")
    ReportPage ofAsset(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return new ReportPage(
                valuing.ofAsset(actor, id).stream().map(json::readTree).toList());
    }

    @GetMapping("/api/v1/valuations/{id}")
    JsonNode report(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return json.readTree(valuing.report(actor, id));
    }
}

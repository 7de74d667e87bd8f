package org.techmarket.rights.web;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.rights.application.Catalogue;
import org.techmarket.rights.application.OpenLicenceTaking;
import org.techmarket.rights.application.OpenLicensing;
import org.techmarket.rights.domain.RegionDirectory;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.web.GrantJson.GrantView;
import org.techmarket.rights.web.OpenLicenceJson.CatalogueItem;
import org.techmarket.rights.web.OpenLicenceJson.DeclarationRequest;
import org.techmarket.rights.web.OpenLicenceJson.DeclarationView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Patent open licences over HTTP: declare, replace and withdraw one, browse the catalogue, take one. */
@RestController
class OpenLicenceController {

    private final OpenLicensing licensing;
    private final OpenLicenceTaking taking;
    private final Catalogue catalogue;
    private final RegionDirectory regions;

    OpenLicenceController(
            OpenLicensing licensing, OpenLicenceTaking taking, Catalogue catalogue, RegionDirectory regions) {
        this.licensing = licensing;
        this.taking = taking;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    /** 201 for the asset's first standing declaration, 200 when it replaces one. */
    @PutMapping("/api/v1/assets/{assetId}/open-licence")
    ResponseEntity<DeclarationView> declare(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String assetId,
            @RequestBody DeclarationRequest request) {
        if (request == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object is required");
        }
        OpenLicensing.Declared declared = licensing.declare(actor, assetId, request.terms(regions));
        DeclarationView view = DeclarationView.of(declared.declaration());
        return declared.replaced()
                ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/assets/" + assetId + "/open-licence"))
                        .body(view);
    }

    @DeleteMapping("/api/v1/assets/{assetId}/open-licence")
    DeclarationView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable String assetId) {
        return DeclarationView.of(licensing.withdraw(actor, assetId));
    }

    @GetMapping("/api/v1/open-licences")
    PagedItems<CatalogueItem> list(
            @RequestParam Optional<FutureIndustry> industry,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = catalogue.list(industry.map(Enum::name), cursor, limit).map(CatalogueItem::of);
        return PagedItems.of(page);
    }

    @PostMapping("/api/v1/assets/{assetId}/open-licence/licences")
    ResponseEntity<GrantView> take(@AuthenticationPrincipal Actor actor, @PathVariable String assetId) {
        RegisteredGrant entry = taking.take(actor, assetId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/grants/" + entry.id()))
                .eTag(IfMatch.etag(entry.version()))
                .body(GrantView.of(entry));
    }
}

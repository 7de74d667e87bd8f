package org.techmarket.asset.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.asset.application.AssetService;
import org.techmarket.asset.application.CoOwnership;
import org.techmarket.asset.domain.Asset;
import org.techmarket.asset.domain.OwnerShare;
import org.techmarket.asset.domain.RegistrationStatus;
import org.techmarket.asset.persistence.RegisteredAssets;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.IndustryMapping;
import org.techmarket.reference.IpcCode;
import org.techmarket.reference.TechnologyField;
import org.techmarket.reference.TechnologyFields;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The technology asset registry over HTTP: register, read, list and update (with {@code If-Match}), and a named
 * co-owner's confirmation or rejection of its share.
 */
@RestController
class AssetController {

    private final AssetService assets;
    private final CoOwnership coOwnership;
    private final Participants participants;
    private final IndustryMapping industryMapping;
    private final TechnologyFields technologyFields;

    AssetController(
            AssetService assets,
            CoOwnership coOwnership,
            Participants participants,
            IndustryMapping industryMapping,
            TechnologyFields technologyFields) {
        this.assets = assets;
        this.coOwnership = coOwnership;
        this.participants = participants;
        this.industryMapping = industryMapping;
        this.technologyFields = technologyFields;
    }

    record OwnerRequest(String organizationId, String share) {}

    record AssetRequest(
            AssetKind kind,
            String title,
            @JsonProperty("abstract") String abstractText,
            String language,
            String patentNumber,
            List<String> ipc,
            List<String> industries,
            List<OwnerRequest> owners,
            LegalStatus legalStatus,
            LocalDate filedOn,
            LocalDate grantedOn,
            LocalDate expiresOn,
            Integer trl) {
        AssetInput input() {
            List<AssetInput.OwnerInput> ownerInputs = owners == null
                    ? null
                    : owners.stream()
                            .map(o -> o == null ? null : new AssetInput.OwnerInput(o.organizationId(), o.share()))
                            .toList();
            return new AssetInput(
                    kind,
                    title,
                    abstractText,
                    language,
                    patentNumber,
                    ipc,
                    industries,
                    ownerInputs,
                    legalStatus,
                    filedOn,
                    grantedOn,
                    expiresOn,
                    trl);
        }
    }

    record OwnerView(String organizationId, String name, String share, boolean confirmed) {}

    record AssetView(
            String id,
            long version,
            AssetKind kind,
            String title,
            @JsonProperty("abstract") String abstractText,
            String language,
            String patentNumber,
            List<String> ipc,
            List<String> industries,
            List<String> suggestedIndustries,
            List<TechnologyField> technologyFields,
            List<OwnerView> owners,
            RegistrationStatus registration,
            LegalStatus legalStatus,
            LocalDate filedOn,
            LocalDate grantedOn,
            LocalDate expiresOn,
            int trl,
            String registeredBy,
            Instant createdAt,
            Instant updatedAt) {}

    @PostMapping("/api/v1/assets")
    ResponseEntity<AssetView> register(@AuthenticationPrincipal Actor actor, @RequestBody AssetRequest request) {
        Asset asset = assets.register(actor, request.input());
        return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id()))
                .eTag(etag(asset))
                .body(view(asset));
    }

    @GetMapping("/api/v1/assets/{id}")
    ResponseEntity<AssetView> get(@PathVariable String id) {
        Asset asset = assets.get(id);
        return ResponseEntity.ok().eTag(etag(asset)).body(view(asset));
    }

    @PutMapping("/api/v1/assets/{id}")
    ResponseEntity<AssetView> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssetRequest request) {
        Asset asset = assets.update(actor, id, request.input(), expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(asset)).body(view(asset));
    }

    @PostMapping("/api/v1/assets/{id}/co-ownership/confirmation")
    ResponseEntity<AssetView> confirmCoOwnership(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        Asset asset = coOwnership.confirm(actor, id);
        return ResponseEntity.ok().eTag(etag(asset)).body(view(asset));
    }

    @PostMapping("/api/v1/assets/{id}/co-ownership/rejection")
    ResponseEntity<AssetView> declineCoOwnership(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        Asset asset = coOwnership.decline(actor, id);
        return ResponseEntity.ok().eTag(etag(asset)).body(view(asset));
    }

    @GetMapping("/api/v1/assets")
    PagedItems<AssetView> list(
            @RequestParam Optional<String> owner,
            @RequestParam Optional<FutureIndustry> industry,
            @RequestParam Optional<AssetKind> kind,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var filter = new RegisteredAssets.Filter(owner, industry.map(Enum::name), kind);
        var page = assets.list(filter, cursor, limit);
        Map<String, OrganizationSummary> owners = ownersOf(page.items());
        return PagedItems.of(page.map(asset -> view(asset, owners)));
    }

    /** Reads {@code If-Match}: required, either {@code *} or one quoted version such as {@code "3"}. */
    static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Rejection(
                    Rejection.Kind.PRECONDITION_FAILED,
                    SharedCodes.IF_MATCH_REQUIRED,
                    "Send If-Match with the ETag you last read, so concurrent changes are not lost");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return Optional.empty();
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.matches("\"\\d{1,18}\"")) {
            return Optional.of(Long.parseLong(value.substring(1, value.length() - 1)));
        }
        throw new Rejection(
                Rejection.Kind.PRECONDITION_FAILED,
                SharedCodes.VERSION_MISMATCH,
                "If-Match does not name a version of this asset");
    }

    private static String etag(Asset asset) {
        return "\"" + asset.version() + "\"";
    }

    private AssetView view(Asset asset) {
        return view(asset, ownersOf(List.of(asset)));
    }

    /** The owners of these assets, read together. */
    private Map<String, OrganizationSummary> ownersOf(List<Asset> assets) {
        return participants.organizations(assets.stream()
                .flatMap(asset -> asset.owners().stream())
                .map(OwnerShare::organizationId)
                .collect(Collectors.toSet()));
    }

    private AssetView view(Asset asset, Map<String, OrganizationSummary> organizations) {
        Asset.AssetDetails d = asset.details();
        List<IpcCode> codes = d.ipc().stream().map(IpcCode::parse).toList();
        Map<Integer, TechnologyField> fields = new LinkedHashMap<>();
        codes.forEach(code -> technologyFields.of(code).forEach(f -> fields.putIfAbsent(f.id(), f)));
        List<String> suggested =
                industryMapping.suggest(codes).stream().map(Enum::name).toList();
        List<OwnerView> owners = asset.owners().stream()
                .map(o -> new OwnerView(
                        o.organizationId(),
                        Optional.ofNullable(organizations.get(o.organizationId()))
                                .map(OrganizationSummary::name)
                                .orElse(null),
                        o.percent(),
                        asset.confirmedOwners().contains(o.organizationId())))
                .toList();
        return new AssetView(
                asset.id(),
                asset.version(),
                d.kind(),
                d.title(),
                d.abstractText(),
                d.language(),
                d.patentNumber().orElse(null),
                d.ipc(),
                d.industries(),
                suggested,
                List.copyOf(fields.values()),
                owners,
                asset.registration(),
                d.legalStatus(),
                d.filedOn().orElse(null),
                d.grantedOn().orElse(null),
                d.expiresOn().orElse(null),
                d.trl(),
                asset.registeredBy(),
                asset.createdAt(),
                asset.updatedAt());
    }
}

package org.techmarket.web.find;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.asset.AssetDescription;
import org.techmarket.asset.Assets;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.rights.AssetRights;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.web.base.PageReads;

/**
 * {@code /assets/{id}}: the asset with its owners, abstract, IPC and industries, legal standing and expiry; its rights
 * at a glance (the grants the reader may see, and which kinds of grant the owners could still make today over the whole
 * world and every field); a scope picker that runs the rights registry's check; and its open licence, which a signed-in
 * reader's organization takes through the same service as the API.
 */
@Controller
class AssetPage {

    private final Assets assets;
    private final AssetRights rights;
    private final RightsRegistry registry;
    private final Participants participants;
    private final PageReads reads;
    private final PickerOptions options;
    private final Clock clock;

    AssetPage(
            Assets assets,
            AssetRights rights,
            RightsRegistry registry,
            Participants participants,
            PageReads reads,
            PickerOptions options,
            Clock clock) {
        this.assets = assets;
        this.rights = rights;
        this.registry = registry;
        this.participants = participants;
        this.reads = reads;
        this.options = options;
        this.clock = clock;
    }

    @GetMapping("/assets/{id}")
    String asset(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response) {
        // the picker's five fields taken as they came: binding them to the record made a data binder a visit
        ScopeQuestion question = ScopeQuestion.of(parameters);
        AssetDescription asset = show(actor, id, model);
        model.addAttribute("question", question);
        model.addAttribute("picker", options.of(question.kind(), question.territory()));
        if (question.asked()) {
            try {
                GrantScope scope = question.scope(LocalDate.now(clock));
                model.addAttribute(
                        "verdict",
                        registry.checkOffer(id, asset.summary().ownerShares().keySet(), question.grantKind(), scope));
            } catch (Rejection refused) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("questionRefused", refused);
            }
        }
        return "find/asset";
    }

    @PostMapping("/assets/{id}/open-licence")
    String takeOpenLicence(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, Model model, HttpServletResponse response) {
        if (actor == null) {
            return "redirect:/login";
        }
        try {
            GrantSummary licence = rights.takeOpenLicence(actor, id);
            return "redirect:/assets/" + id + "?taken=" + licence.id();
        } catch (Rejection refused) {
            if (refused.kind() == Rejection.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind().httpStatus());
            model.addAttribute("takeRefused", refused);
            show(actor, id, model);
            model.addAttribute("question", new ScopeQuestion(null, null, null, null, null));
            model.addAttribute("picker", options.of(null, null));
            return "find/asset";
        }
    }

    /**
     * The asset, its grants, its owners' and grantees' names, its open licence and what is grantable, read in two
     * round trips and no transaction (ADR 0119): the asset with its standing declaration, then the grants and its
     * owners' names; a third only for the names of grantees and grantors who own no share of it.
     */
    private AssetDescription show(Actor actor, String id, Model model) {
        ReadsTogether.Batch first = reads.batch();
        ReadsTogether.Later<Optional<AssetDescription>> described = assets.describe(id, first);
        AssetRights.GlanceReads glancing = rights.glance(id, first);
        first.send();
        AssetDescription asset = described.get().orElseThrow(() -> Rejection.notFound("Asset", id));
        Set<String> owners = asset.summary().ownerShares().keySet();
        ReadsTogether.Batch second = reads.batch();
        ReadsTogether.Later<AssetRights.Glance> glanced =
                glancing.then(actor, asset.summary(), 50, ScopeQuestion.KINDS, grantableOver(asset), second);
        ReadsTogether.Later<Map<String, OrganizationSummary>> ownerNames = participants.organizations(owners, second);
        second.send();
        AssetRights.Glance glance = glanced.get();
        Set<String> others = new HashSet<>();
        glance.grants().forEach(grant -> {
            others.add(grant.granteeId());
            others.addAll(grant.grantorIds());
        });
        others.removeAll(owners);
        Map<String, OrganizationSummary> names = new HashMap<>(ownerNames.get());
        names.putAll(reads.organizations(others));
        model.addAttribute("asset", asset);
        model.addAttribute("names", names);
        model.addAttribute("grants", glance.grants());
        model.addAttribute("openLicence", glance.openLicence());
        model.addAttribute("grantable", glance.grantable());
        return asset;
    }

    /**
     * The scope over which the page says which kinds of grant the owners could make today: every field and the whole
     * world, for a year (or until the protection ends, when that comes first); none for an asset not in force.
     */
    private Optional<GrantScope> grantableOver(AssetDescription asset) {
        if (!asset.summary().legalStatus().inForce()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate yearOn = today.plusYears(1);
        LocalDate end = asset.summary()
                .expiresOn()
                .filter(expiry -> expiry.isAfter(today) && expiry.isBefore(yearOn))
                .orElse(yearOn);
        return Optional.of(GrantScope.unrestricted(today, end));
    }
}

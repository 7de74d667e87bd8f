package org.techmarket.web.work;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.asset.AssetCodes;
import org.techmarket.asset.application.AssetService;
import org.techmarket.asset.domain.Asset;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Editing an asset's details from the workspace: only its owners who confirmed their shares, as on the API, and
 * only the version they read (a change made meanwhile by a colleague is refused, not overwritten).
 */
@Controller
class AssetEditPage {

    static final String PATH = WorkspacePage.PATH + "/assets/{id}";

    private final AssetService assets;
    private final Refusals refusals;
    private final FormChoices choices;

    AssetEditPage(AssetService assets, Refusals refusals, FormChoices choices) {
        this.assets = assets;
        this.refusals = refusals;
        this.choices = choices;
    }

    @GetMapping(PATH)
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        Asset asset = assets.get(id);
        if (!actor.organizationId().map(asset::confirmedOwner).orElse(false)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN, AssetCodes.NOT_OWNER, "Only the asset's confirmed owners may edit it");
        }
        model.addAttribute("asset", asset);
        model.addAttribute("choices", choices.forPage());
        return "work/asset";
    }

    @PostMapping(PATH)
    String save(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            AssetForm form,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                WorkspacePage.PATH,
                WorkspacePage.PATH + "/assets/" + id,
                "assetUpdated",
                flash,
                locale,
                () -> assets.update(actor, id, form.toDetails(), Optional.ofNullable(version)));
    }
}

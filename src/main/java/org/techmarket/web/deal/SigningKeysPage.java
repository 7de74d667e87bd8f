package org.techmarket.web.deal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.deal.application.SignerKeyRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/**
 * The organization's signing keys: each key's fingerprint, when it was registered, whether it still signs and who
 * holds it; a key made in this browser (by the page's script, through {@code /workspace/signing-keys}) or pasted as a
 * public key made with any Ed25519 tool; revoking a key. Refusals come back to the page in its language.
 */
@Controller
class SigningKeysPage {

    private static final String PAGE = "redirect:/workspace/keys";

    private final SignerKeyRegistry keys;

    SigningKeysPage(SignerKeyRegistry keys) {
        this.keys = keys;
    }

    @GetMapping("/workspace/keys")
    String keys(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean made, Model model) {
        model.addAttribute("ring", keys.ring(actor));
        model.addAttribute("userId", actor.userId());
        model.addAttribute("username", actor.username());
        model.addAttribute("admin", actor.role() == Role.ORG_ADMIN);
        if (made) {
            model.addAttribute("done", "made");
        }
        return "deal/keys";
    }

    @PostMapping("/workspace/keys")
    String register(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "") String publicKey,
            RedirectAttributes flash) {
        return step(flash, "registered", () -> keys.register(actor, publicKey));
    }

    @PostMapping("/workspace/keys/{id}/revocation")
    String revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes flash) {
        return step(flash, "revoked", () -> keys.revoke(actor, id));
    }

    /**
     * An admin's choice whether the market may sign again with the key it holds for the organization (on again after a
     * user registered a key of its own) or no more; the API's {@code PUT /api/v1/signing-keys/server-held}.
     */
    @PostMapping("/workspace/keys/server-held")
    String chooseServerHeld(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String serverHeld,
            RedirectAttributes flash) {
        if (!"true".equals(serverHeld) && !"false".equals(serverHeld)) {
            flash.addFlashAttribute("refused", "serverHeld.INVALID");
            return PAGE;
        }
        boolean on = Boolean.parseBoolean(serverHeld);
        try {
            keys.chooseServerHeld(actor, on);
            flash.addFlashAttribute("done", on ? "serverHeldOn" : "serverHeldOff");
        } catch (Rejection refused) {
            flash.addFlashAttribute("refused", "serverHeld." + refused.code());
            flash.addFlashAttribute("refusedDetail", refused.getMessage());
        }
        return PAGE;
    }

    private static String step(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
        } catch (Rejection refused) {
            flash.addFlashAttribute("refused", refused.code());
            flash.addFlashAttribute("refusedDetail", refused.getMessage());
        }
        return PAGE;
    }
}

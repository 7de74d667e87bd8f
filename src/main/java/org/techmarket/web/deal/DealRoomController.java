package org.techmarket.web.deal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.deal.PledgeEnforcement;
import org.techmarket.deal.application.DealDisputes;
import org.techmarket.deal.application.DealReading;
import org.techmarket.deal.application.DealRegistration;
import org.techmarket.deal.application.DealSettlement;
import org.techmarket.deal.application.DealSigning;
import org.techmarket.deal.application.InstalmentPayments;
import org.techmarket.deal.application.RoyaltyReporting;
import org.techmarket.deal.application.SignerKeyRegistry;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.SignerKey;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * The deal room: the contract in Chinese and English with its hash, and the steps of the deal through the same
 * services as the API. A refused step comes back to the room as a message; the deal's non-parties get the API's 404.
 */
@Controller
class DealRoomController {

    private final DealReading reading;
    private final DealSigning signing;
    private final SignerKeyRegistry keys;
    private final DealSettlement settlement;
    private final InstalmentPayments instalments;
    private final DealDisputes disputes;
    private final RoyaltyReporting royalties;
    private final DealRegistration registration;
    private final PledgeEnforcement enforcement;
    private final DealRoomText text;

    DealRoomController(
            DealReading reading,
            DealSigning signing,
            SignerKeyRegistry keys,
            DealSettlement settlement,
            InstalmentPayments instalments,
            DealDisputes disputes,
            RoyaltyReporting royalties,
            DealRegistration registration,
            PledgeEnforcement enforcement,
            DealRoomText text) {
        this.reading = reading;
        this.signing = signing;
        this.keys = keys;
        this.settlement = settlement;
        this.instalments = instalments;
        this.disputes = disputes;
        this.royalties = royalties;
        this.registration = registration;
        this.enforcement = enforcement;
        this.text = text;
    }

    /**
     * The deal read once, with what hangs on it, in one round trip and no transaction to commit (a running royalty's
     * reports, and a lender's enforcement of its pledge, are one read more each); then written for the page.
     */
    @GetMapping("/deals/{id}")
    String room(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        DealReading.Registered read = reading.withRegistration(actor, id);
        DealReading.DealDetails details = read.details();
        DealRoom room = DealRoom.of(
                details, actor, enforces(actor, details.deal()), read.registration(), royalties.statement(details));
        model.addAttribute("room", room);
        model.addAttribute("text", text.of(room));
        model.addAttribute("username", actor.username());
        return "deal/room";
    }

    /** Whether the visitor's organization, not a party, enforces its pledge on this sale of the seller's collateral. */
    private boolean enforces(Actor actor, Deal deal) {
        return actor.agency().isEmpty()
                && actor.organizationId()
                        .filter(org -> !deal.isParty(org))
                        .map(org -> enforcement.of(org, deal.seller().organizationId(), deal.listingId())
                                == PledgeEnforcement.Authority.ENFORCES)
                        .orElse(false);
    }

    /** A public key the browser made; the private key stays in the browser. Answers JSON for the page's script. */
    @PostMapping("/workspace/signing-keys")
    @ResponseBody
    Map<String, String> registerKey(@AuthenticationPrincipal Actor actor, @RequestParam String publicKey) {
        SignerKey key = keys.register(actor, publicKey);
        return Map.of("id", key.id(), "fingerprint", key.fingerprint());
    }

    @PostMapping("/deals/{id}/sign")
    String sign(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam String keyId,
            @RequestParam String signature,
            @RequestParam String contractHash,
            RedirectAttributes flash) {
        return step(
                id,
                flash,
                "signed",
                () -> signing.sign(actor, id, new DealSigning.Detached(keyId, signature, Optional.of(contractHash))));
    }

    @PostMapping("/deals/{id}/fund")
    String fund(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes flash) {
        return step(id, flash, "funded", () -> settlement.fund(actor, id));
    }

    @PostMapping("/deals/{id}/instalments/{number}/pay")
    String pay(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @PathVariable int number,
            RedirectAttributes flash) {
        return step(id, flash, "paid", () -> instalments.pay(actor, id, number));
    }

    /** The names, sizes and SHA-256 hashes the browser computed; the files themselves never arrive. */
    @PostMapping("/deals/{id}/deliver")
    String deliver(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(name = "sha256", required = false) List<String> hashes,
            @RequestParam(name = "description", required = false) List<String> descriptions,
            RedirectAttributes flash) {
        List<DealDeliveries.Document> documents = new ArrayList<>();
        List<String> hashList = hashes == null ? List.of() : hashes;
        for (int i = 0; i < hashList.size(); i++) {
            String description = descriptions != null && i < descriptions.size() ? descriptions.get(i) : "";
            documents.add(new DealDeliveries.Document(hashList.get(i), description));
        }
        return step(id, flash, "delivered", () -> settlement.deliver(actor, id, documents));
    }

    @PostMapping("/deals/{id}/accept")
    String accept(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes flash) {
        return step(id, flash, "accepted", () -> settlement.accept(actor, id));
    }

    @PostMapping("/deals/{id}/dispute")
    String dispute(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reasons,
            RedirectAttributes flash) {
        return step(id, flash, "disputed", () -> disputes.open(actor, id, reasons, List.of()));
    }

    @PostMapping("/deals/{id}/royalty-report")
    String reportRoyalty(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam int period,
            @RequestParam String revenue,
            RedirectAttributes flash) {
        return step(id, flash, "reported", () -> royalties.report(actor, id, period, Money.parse(revenue, "CNY")));
    }

    @PostMapping("/deals/{id}/register")
    String register(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes flash) {
        return step(id, flash, "registered", () -> registration.register(actor, id));
    }

    private static String step(String id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
        } catch (Rejection refused) {
            if (refused.kind() == Rejection.Kind.NOT_FOUND) {
                throw refused;
            }
            flash.addFlashAttribute("refused", refused.code());
            flash.addFlashAttribute("refusedDetail", refused.getMessage());
        }
        return "redirect:/deals/" + id;
    }
}

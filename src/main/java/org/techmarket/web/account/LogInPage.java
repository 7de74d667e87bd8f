package org.techmarket.web.account;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.participant.ParticipantCodes;

/**
 * The log-in page. The form posts to {@code /login}, where the security filters check the password as the API's
 * token log-in does; a refusal comes back here as {@code ?error=<CODE>}, worded in the page's language. Only the
 * codes of a log-in refusal are worded; anything else reads as a wrong name or password.
 */
@Controller
class LogInPage {

    @GetMapping("/login")
    String logIn(
            @RequestParam Optional<String> error,
            @RequestParam Optional<String> signedOut,
            @RequestParam Optional<String> registered,
            Model model) {
        error.map(LogInPage::refusal).ifPresent(code -> model.addAttribute("error", code));
        model.addAttribute("signedOut", signedOut.isPresent());
        model.addAttribute("registered", registered.isPresent());
        return "account/login";
    }

    static String refusal(String code) {
        return switch (code) {
            case "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED", "USER_DEACTIVATED" -> code;
            default -> ParticipantCodes.INVALID_CREDENTIALS.name();
        };
    }
}

package org.techmarket.web.account;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.ResidentIdentityNumber;
import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.shared.Rejection;
import org.techmarket.web.base.FixedHtml;
import org.techmarket.web.base.Provinces;

/**
 * Registration from the browser, through the same {@link Onboarding} service and checks as {@code POST
 * /api/v1/registrations}: an organization with its unified social credit code and province, or an individual with a
 * resident identity number, and the first user. While the user types, htmx asks {@code /register/check/...} whether
 * the credit code or the identity number is well-formed. A refused registration shows the form again with what to
 * correct, in the page's language; an accepted one says what happens next (an operator verifies the registration).
 */
@Controller
class RegisterPage {

    /** The province options with none chosen, rendered once per language (ADR 0084). */
    private static final String FIXED = "account/register-fixed";

    private static final List<String> FIXED_PARTS = List.of("provinces");

    private final Onboarding onboarding;
    private final MessageSource messages;
    private final FixedHtml fixed;
    private final Provinces provinces;

    RegisterPage(Onboarding onboarding, MessageSource messages, FixedHtml fixed, Provinces provinces) {
        this.onboarding = onboarding;
        this.messages = messages;
        this.fixed = fixed;
        this.provinces = provinces;
    }

    /** What the form holds, sent back to it when the registration is refused. */
    record Form(
            String name,
            OrganizationType type,
            String creditCode,
            String identityNumber,
            String region,
            String username,
            String password) {

        static Form empty() {
            return new Form("", OrganizationType.ENTERPRISE, "", "", "", "", "");
        }

        boolean individual() {
            return type == OrganizationType.INDIVIDUAL;
        }
    }

    @ModelAttribute("types")
    List<OrganizationType> types() {
        return Arrays.asList(OrganizationType.values());
    }

    /** No field refused yet; a refusal replaces this. */
    @ModelAttribute("fieldErrors")
    Map<String, String> noFieldErrors() {
        return Map.of();
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", Form.empty());
        // An empty form chooses no province, so its options are the same on every visit in a language; a refused
        // form shows them with the one it chose.
        model.addAttribute(
                "provinceOptions",
                fixed.of(FIXED, FIXED_PARTS, () -> Map.of("provinces", provinces.all()))
                        .get("provinces"));
        return "account/register";
    }

    @PostMapping("/register")
    String register(
            @RequestParam(defaultValue = "") String name,
            @RequestParam Optional<OrganizationType> type,
            @RequestParam(defaultValue = "") String creditCode,
            @RequestParam(defaultValue = "") String identityNumber,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Form form = new Form(
                name.strip(),
                type.orElse(null),
                creditCode.strip().toUpperCase(Locale.ROOT),
                identityNumber.strip().toUpperCase(Locale.ROOT),
                region,
                username.strip(),
                password);
        try {
            onboarding.register(
                    new Onboarding.NewOrganization(
                            form.name(),
                            form.type(),
                            form.individual() ? null : form.creditCode(),
                            form.region(),
                            form.individual() ? form.identityNumber() : null),
                    new Onboarding.NewUser(form.username(), form.password(), form.name()));
        } catch (Rejection refused) {
            model.addAttribute(
                    "form",
                    new Form(
                            form.name(),
                            form.type(),
                            form.creditCode(),
                            form.identityNumber(),
                            form.region(),
                            form.username(),
                            ""));
            model.addAttribute("refusal", worded("register.error." + refused.code(), refused.getMessage(), locale));
            model.addAttribute("fieldErrors", fieldErrors(refused, locale));
            return "account/register";
        }
        redirect.addFlashAttribute("name", form.name());
        redirect.addFlashAttribute("username", form.username());
        return "redirect:/register/done";
    }

    /** What happens after registering: an operator verifies the organization, then its users may trade. */
    @GetMapping("/register/done")
    String done() {
        return "account/registered";
    }

    /** Whether a unified social credit code is well-formed, as a fragment for the form's live check. */
    @GetMapping("/register/check/credit-code")
    String checkCreditCode(@RequestParam(defaultValue = "") String creditCode, Model model, Locale locale) {
        String code = creditCode.strip().toUpperCase(Locale.ROOT);
        return check(model, locale, code, UnifiedSocialCreditCode.problem(code), "creditCode");
    }

    /** Whether a resident identity number is well-formed, as a fragment for the form's live check. */
    @GetMapping("/register/check/identity-number")
    String checkIdentityNumber(@RequestParam(defaultValue = "") String identityNumber, Model model, Locale locale) {
        String number = identityNumber.strip().toUpperCase(Locale.ROOT);
        return check(model, locale, number, ResidentIdentityNumber.problem(number), "identityNumber");
    }

    private String check(Model model, Locale locale, String value, Optional<String> problem, String field) {
        model.addAttribute("empty", value.isEmpty());
        model.addAttribute("good", problem.isEmpty());
        model.addAttribute(
                "message",
                problem.map(p -> worded("register.check." + field + ".bad", p, locale))
                        .orElseGet(() -> messages.getMessage("register.check." + field + ".good", null, locale)));
        return "account/register :: check";
    }

    /** Each refused field's message in the page's language, keyed by the form field's name. */
    private Map<String, String> fieldErrors(Rejection refused, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.FieldError error : refused.errors()) {
            String field = error.field().substring(error.field().indexOf('.') + 1);
            errors.putIfAbsent(field, worded("register.invalid." + field, error.message(), locale));
        }
        return errors;
    }

    /**
     * The message under {@code key}; in English the service's own detail may follow it, as it says exactly what is
     * wrong (the service speaks English).
     */
    private String worded(String key, String detail, Locale locale) {
        String message = messages.getMessage(key, null, null, locale);
        if (message == null) {
            return "en".equals(locale.getLanguage())
                    ? detail
                    : messages.getMessage("register.error.other", null, locale);
        }
        return "en".equals(locale.getLanguage()) ? message + " (" + detail + ")" : message;
    }
}

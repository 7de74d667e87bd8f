package org.techmarket.web.work;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Runs a page's action through the application service and tells the user how it went on the page it returns to:
 * a refusal becomes a message in the page's language, named by its stable code, and the action changes nothing.
 */
@Component
class Refusals {

    static final String DONE = "done";
    static final String REFUSED = "refused";
    static final String REFUSED_CODE = "refusedCode";

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /** Takes the action, then redirects to {@code page} with the outcome's message ({@code done} on success). */
    String act(String page, String done, RedirectAttributes flash, Locale locale, Supplier<?> action) {
        return act(page, page, done, flash, locale, action);
    }

    /** Takes the action; redirects to {@code page} when it is done, to {@code refusedPage} when it is refused. */
    String act(
            String page, String refusedPage, String done, RedirectAttributes flash, Locale locale, Supplier<?> action) {
        try {
            action.get();
        } catch (Rejection refused) {
            flash.addFlashAttribute(REFUSED, explain(refused, locale));
            flash.addFlashAttribute(REFUSED_CODE, refused.code());
            return "redirect:" + refusedPage;
        }
        flash.addFlashAttribute(DONE, message("work.done." + done, locale));
        return "redirect:" + page;
    }

    /** A desk's action that needs nothing but the item's id, and the message that says it is done. */
    record Step(String done, BiFunction<Actor, String, ?> action) {}

    /**
     * Takes one of a desk's one-line actions, named by {@code section/step} in {@code steps} (a desk maps them all to
     * one path, {@code /{section}/{id}/{step}}); a name the desk does not know is a 404.
     */
    String step(
            String page,
            Map<String, Step> steps,
            String name,
            Actor actor,
            String id,
            RedirectAttributes flash,
            Locale locale) {
        Step step = steps.get(name);
        if (step == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return act(page, step.done(), flash, locale, () -> step.action().apply(actor, id));
    }

    /**
     * The refusal in the page's language: the desks' own words for its code, else the market's words for it on every
     * page ({@code problem.<CODE>}), else the general sentence naming the code.
     */
    String explain(Rejection refused, Locale locale) {
        for (String key : new String[] {"work.refusal." + refused.code(), "problem." + refused.code()}) {
            try {
                return messages.getMessage(key, null, locale);
            } catch (NoSuchMessageException unworded) {
                // the next wording, or the general sentence
            }
        }
        return messages.getMessage("work.refusal", new Object[] {refused.code()}, locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

package org.techmarket.web.base;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the security filters send a page request they refuse (a form posted without its CSRF token, a page the
 * user's role may not see): a 403 page in the user's language.
 */
@Controller
class DeniedPage {

    private final PageErrors errors;

    DeniedPage(PageErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("/denied")
    ModelAndView denied(Locale locale) {
        return PageErrors.page(403, errors.generic(403, locale));
    }
}

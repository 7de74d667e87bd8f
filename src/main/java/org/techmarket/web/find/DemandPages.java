package org.techmarket.web.find;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techmarket.demand.NeedBoard;
import org.techmarket.demand.NeedBoard.NeedCard;
import org.techmarket.demand.NeedBoard.ProposalCard;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.Rejection;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.Links;
import org.techmarket.web.base.PageReads;

/**
 * {@code /needs}, {@code /challenges} and each one's page: browse what organizations need; a verified organization
 * proposes to an open challenge; the poster sees the assets that match and the proposals, and selects the winner while
 * the challenge is open. Every step goes through the need board, which applies the API's rules.
 */
@Controller
class DemandPages {

    static final int PAGE = 20;

    /** A proposal as the form sent it; the price in yuan. */
    record ProposalForm(String summary, String plan, String price, String team) {

        List<String> members() {
            return team == null
                    ? List.of()
                    : Arrays.stream(team.split("[,，\\n]"))
                            .map(String::strip)
                            .filter(member -> !member.isEmpty())
                            .toList();
        }
    }

    /** A need's facts as its page prints them: poster, status, reward, budget, deadline and industries. */
    public record NeedFacts(
            String poster,
            String status,
            String reward,
            String budget,
            String deadline,
            String deadlineAt,
            List<Links.Tag> industries) {}

    private final NeedBoard board;
    private final PageReads reads;
    private final Fmt fmt;
    private final Links links;
    private final MessageSource messages;
    private final NeedRows rows;

    DemandPages(NeedBoard board, PageReads reads, Fmt fmt, Links links, MessageSource messages, NeedRows rows) {
        this.board = board;
        this.reads = reads;
        this.fmt = fmt;
        this.links = links;
        this.messages = messages;
        this.rows = rows;
    }

    @GetMapping("/needs")
    String needs(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            Model model) {
        return browse(actor, false, limit, cursor, model);
    }

    @GetMapping("/challenges")
    String challenges(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            Model model) {
        return browse(actor, true, limit, cursor, model);
    }

    @GetMapping({"/needs/{id}", "/challenges/{id}"})
    String need(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        show(actor, id, model);
        return "find/need";
    }

    @PostMapping("/challenges/{id}/proposals")
    String propose(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            ProposalForm form,
            Model model,
            HttpServletResponse response) {
        if (actor == null) {
            return "redirect:/login";
        }
        try {
            Money price = Money.parse(form.price() == null ? null : form.price().strip(), Money.DEFAULT_CURRENCY);
            board.propose(actor, id, form.summary(), form.plan(), price, form.members());
            return "redirect:/challenges/" + id + "?proposed";
        } catch (Rejection refused) {
            return refusedOn(actor, id, refused, form, model, response);
        }
    }

    @PostMapping("/challenges/{id}/selection")
    String select(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String proposalId,
            Model model,
            HttpServletResponse response) {
        if (actor == null) {
            return "redirect:/login";
        }
        try {
            board.selectWinner(actor, id, proposalId == null ? "" : proposalId);
            return "redirect:/challenges/" + id + "?selected";
        } catch (Rejection refused) {
            return refusedOn(actor, id, refused, null, model, response);
        }
    }

    private String refusedOn(
            Actor actor, String id, Rejection refused, ProposalForm form, Model model, HttpServletResponse response) {
        show(actor, id, model);
        response.setStatus(refused.kind().httpStatus());
        model.addAttribute("refused", refused);
        if (form != null) {
            model.addAttribute("proposal", form);
        }
        return "find/need";
    }

    private String browse(Actor actor, boolean challengesOnly, Integer limit, String cursor, Model model) {
        Page<NeedCard> page = board.published(actor, challengesOnly, cursor, limit == null ? PAGE : limit);
        Set<String> posters = new HashSet<>();
        page.items().forEach(need -> posters.add(need.organizationId()));
        model.addAttribute("challengesOnly", challengesOnly);
        model.addAttribute("page", page);
        model.addAttribute("needs", rows.of(page.items(), reads.organizations(posters)));
        return "find/needs";
    }

    /**
     * The need's page: the need (with the reader's standing and the challenge's terms, in one round trip), the
     * proposals the reader may see, the names of the organizations they name in one more, and, for its poster, the
     * matches. No transaction spans them: committing one cost a round trip, and each read stands on its own.
     */
    private void show(Actor actor, String id, Model model) {
        NeedBoard.NeedPage page = board.page(actor, id);
        NeedCard need = page.need();
        List<ProposalCard> proposals = page.proposals();
        Set<String> organizations = new HashSet<>();
        organizations.add(need.organizationId());
        proposals.forEach(p -> organizations.add(p.organizationId()));
        Map<String, OrganizationSummary> names = reads.organizations(organizations);
        model.addAttribute("need", need);
        model.addAttribute("facts", facts(need, names));
        model.addAttribute("proposals", proposals);
        model.addAttribute("matches", need.mine() ? board.matches(actor, id) : List.of());
        model.addAttribute("names", names);
        model.addAttribute("signedIn", actor != null);
        model.addAttribute("proposal", new ProposalForm("", "", "", ""));
    }

    private NeedFacts facts(NeedCard need, Map<String, OrganizationSummary> names) {
        Locale locale = LocaleContextHolder.getLocale();
        return new NeedFacts(
                MarketFront.name(names, need.organizationId()),
                messages.getMessage("enum.NeedStatus." + need.status(), null, need.status(), locale),
                need.reward().map(fmt::money).orElse(null),
                fmt.money(need.budgetMin()) + " – " + fmt.money(need.budgetMax()),
                fmt.time(need.deadline()),
                fmt.iso(need.deadline()),
                links.industryTags(need.industries()));
    }
}

package org.techmarket.web.work;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techmarket.asset.application.AssetService;
import org.techmarket.asset.application.CoOwnership;
import org.techmarket.asset.domain.Asset;
import org.techmarket.deal.application.DealReading;
import org.techmarket.deal.application.OfferBoard;
import org.techmarket.deal.domain.DealSummary;
import org.techmarket.listing.application.ListingLifecycle;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.domain.ListingLine;
import org.techmarket.notification.application.Inbox;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.application.OrganizationService;
import org.techmarket.participant.application.RegistrationService;
import org.techmarket.participant.application.UserStanding;
import org.techmarket.participant.domain.User;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.web.base.FixedHtml;
import org.techmarket.web.base.Fmt;
import org.techmarket.web.base.PageReads;

/**
 * My organization's workspace: its assets (register, confirm a co-ownership), its listings (draft with each
 * mechanism's fields, submit, withdraw), its bids and negotiations, its deals, its users (an admin adds, deactivates and reactivates them) and its notifications. Every action goes through the
 * application service the API calls, with the same rules; a refusal comes back as a message on the page.
 */
@Controller
@RequestMapping(WorkspacePage.PATH)
class WorkspacePage extends StepDesk {

    static final String PATH = "/workspace";
    static final String OFFERS = PATH + "#offers";
    /** The template of the page's pieces that depend only on the language, and their names (ADR 0080). */
    private static final String FIXED = "work/fixed";

    private static final List<String> FIXED_PARTS = List.of(
            "sections",
            "assetsHead",
            "assetFields",
            "listingsHead",
            "listingFields",
            "bidsHead",
            "offersHead",
            "dealsHead",
            "userFields");

    private final OrganizationService organizations;
    private final RegistrationService registrations;
    private final UserStanding standing;
    private final AssetService assets;
    private final CoOwnership coOwnership;
    private final ListingLifecycle lifecycle;
    private final ListingReading listings;
    private final DealReading deals;
    private final OfferBoard offers;
    private final Inbox inbox;
    private final Refusals refusals;
    private final Clock clock;
    private final Fmt fmt;
    private final PageReads reads;
    private final WorkspaceRows rows;
    private final FormChoices choices;
    private final FixedHtml fixed;
    private final WorkspaceHtml html;

    WorkspacePage(
            OrganizationService organizations,
            RegistrationService registrations,
            UserStanding standing,
            AssetService assets,
            CoOwnership coOwnership,
            ListingLifecycle lifecycle,
            ListingReading listings,
            DealReading deals,
            OfferBoard offers,
            Inbox inbox,
            Refusals refusals,
            Clock clock,
            Fmt fmt,
            PageReads reads,
            WorkspaceRows rows,
            FormChoices choices,
            FixedHtml fixed,
            WorkspaceHtml html) {
        super(refusals);
        this.organizations = organizations;
        this.registrations = registrations;
        this.standing = standing;
        this.assets = assets;
        this.coOwnership = coOwnership;
        this.lifecycle = lifecycle;
        this.listings = listings;
        this.deals = deals;
        this.offers = offers;
        this.inbox = inbox;
        this.refusals = refusals;
        this.clock = clock;
        this.fmt = fmt;
        this.reads = reads;
        this.rows = rows;
        this.choices = choices;
        this.fixed = fixed;
        this.html = html;
    }

    /**
     * Operators and regulators act for no organization: their desks are their own pages. Each section shows one page
     * of its list ({@link WorkspacePaging}), newest first, with a link to the next.
     */
    @GetMapping
    String workspace(
            @AuthenticationPrincipal Actor actor,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            Locale locale,
            CsrfToken token) {
        if (actor.isOperator()) {
            return "redirect:" + OperatorPage.PATH;
        }
        if (actor.isRegulator()) {
            return "redirect:" + RegulatorPage.PATH;
        }
        WorkspacePaging at = WorkspacePaging.of(params);
        boolean admin = actor.role() == Role.ORG_ADMIN;
        show(actor, admin, at, model, locale, token);
        model.addAttribute("admin", admin);
        model.addAttribute("fixed", fixed.of(FIXED, FIXED_PARTS, () -> Map.of("choices", choices.forPage())));
        return "work/workspace";
    }

    /**
     * Every section's page, read in one round trip (ADR 0117) with the organization itself, and written as the page
     * shows it. The round trip is its own transaction, so the page opens none: it cost a round trip to commit. The
     * assets' co-owners other than the organization, when there are any, are named in one more.
     */
    private Model show(Actor actor, boolean admin, WorkspacePaging at, Model model, Locale locale, CsrfToken token) {
        String organization = actor.requireOrganization();
        int size = at.limit();
        ReadsTogether.Batch batch = reads.batch();
        var usLater = organizations.organization(organization, batch);
        var ownedLater = assets.ownedBy(actor, at.cursor("assets"), size, batch);
        var listableLater = assets.listable(actor, batch);
        var listedLater = listings.ofSeller(actor, at.cursor("listings"), size, batch);
        var bidsLater = listings.bidsOf(actor, at.cursor("bids"), size, batch);
        var negotiationsLater = offers.of(actor, at.cursor("offers"), size, batch);
        var dealtLater = deals.summaries(actor, at.cursor("deals"), size, batch);
        var noticesLater = inbox.list(actor, at.cursor("notifications"), size, batch);
        var membersLater = organizations.users(actor, organization, at.cursor("users"), size, batch);
        batch.send();
        Page<Asset> owned = ownedLater.get();
        OrganizationSummary us = usLater.get().orElseThrow(() -> Rejection.notFound("Organization", organization));
        Set<String> coOwners = new HashSet<>();
        owned.items().forEach(a -> a.owners().forEach(o -> coOwners.add(o.organizationId())));
        coOwners.remove(organization);
        Map<String, OrganizationSummary> summaries = new HashMap<>(reads.organizations(coOwners));
        summaries.put(organization, us);
        model.addAttribute("organization", us);
        model.addAttribute("organizationType", fmt.label(us.type()));
        model.addAttribute("organizationStatus", fmt.label(us.status()));
        var assetRows = rows.assets(owned.items(), summaries, organization);
        var listable = listableLater.get();
        Page<ListingLine> listed = listedLater.get();
        var listingRows = rows.listings(listed.items());
        Page<ListingReading.MyBid> bids = bidsLater.get();
        var bidRows = rows.bids(bids.items());
        Page<OfferBoard.Negotiation> negotiations = negotiationsLater.get();
        var offerRows = rows.offers(negotiations.items());
        Page<DealSummary> dealt = dealtLater.get();
        var dealRows = rows.deals(dealt.items(), organization);
        Inbox.Listing notices = noticesLater.get();
        var noticeRows = rows.notices(notices.page().items());
        Page<User> members = membersLater.get();
        var userRows = rows.users(members.items(), admin);
        model.addAttribute("assets", assetRows);
        model.addAttribute("listings", listingRows);
        model.addAttribute("bids", bidRows);
        model.addAttribute("offers", offerRows);
        model.addAttribute("deals", dealRows);
        model.addAttribute("notices", noticeRows);
        model.addAttribute("unread", notices.unread());
        model.addAttribute(
                "rows",
                html.write(
                        locale,
                        token,
                        admin,
                        assetRows,
                        listable,
                        listingRows,
                        bidRows,
                        offerRows,
                        dealRows,
                        userRows,
                        noticeRows));
        return model.addAttribute(
                "paging",
                at.withNext(Map.of(
                        "assets", owned.nextCursor(),
                        "listings", listed.nextCursor(),
                        "bids", bids.nextCursor(),
                        "offers", negotiations.nextCursor(),
                        "deals", dealt.nextCursor(),
                        "users", members.nextCursor(),
                        "notifications", notices.page().nextCursor())));
    }

    @PostMapping("/assets")
    String registerAsset(
            @AuthenticationPrincipal Actor actor, AssetForm form, RedirectAttributes flash, Locale locale) {
        return refusals.act(
                PATH,
                "assetRegistered",
                flash,
                locale,
                () -> assets.register(actor, form.toInput(actor.requireOrganization())));
    }

    @PostMapping("/listings")
    String draftListing(
            @AuthenticationPrincipal Actor actor, ListingForm form, RedirectAttributes flash, Locale locale) {
        return refusals.act(
                PATH,
                "listingDrafted",
                flash,
                locale,
                () -> lifecycle.draft(actor, form.toNewListing(fmt.zone(), clock)));
    }

    @PostMapping("/users")
    String addUser(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String role,
            RedirectAttributes flash,
            Locale locale) {
        return refusals.act(
                PATH,
                "userAdded",
                flash,
                locale,
                () -> registrations.addUser(
                        actor,
                        actor.requireOrganization(),
                        new Onboarding.NewUser(username, password, displayName),
                        "ORG_ADMIN".equals(role) ? Role.ORG_ADMIN : Role.MEMBER));
    }

    /** The workspace's actions that need only the item's id, by {@code section/step}. */
    @Override
    Map<String, Refusals.Step> steps() {
        return Map.of(
                "assets/co-ownership",
                new Refusals.Step("coOwnershipConfirmed", coOwnership::confirm),
                "listings/submission",
                new Refusals.Step("listingSubmitted", lifecycle::submit),
                "listings/withdrawal",
                new Refusals.Step("listingWithdrawn", lifecycle::withdraw),
                "users/deactivation",
                new Refusals.Step(
                        "userDeactivated", (actor, id) -> standing.deactivate(actor, actor.requireOrganization(), id)),
                "users/reactivation",
                new Refusals.Step(
                        "userReactivated", (actor, id) -> standing.reactivate(actor, actor.requireOrganization(), id)),
                "notifications/read",
                new Refusals.Step("noticeRead", inbox::read));
    }

    @Override
    String page() {
        return PATH;
    }

    @PostMapping("/notifications/read")
    String readAll(@AuthenticationPrincipal Actor actor, RedirectAttributes flash, Locale locale) {
        return refusals.act(PATH, "noticesRead", flash, locale, () -> inbox.readAll(actor));
    }
}

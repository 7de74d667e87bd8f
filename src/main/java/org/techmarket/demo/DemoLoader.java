package org.techmarket.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.Assets;
import org.techmarket.asset.LegalStatus;
import org.techmarket.participant.MarketBootstrap;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.reference.IndustryMapping;
import org.techmarket.reference.IpcCode;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;
import org.techmarket.shared.jobs.StartupLock;

/**
 * Fills an empty market with a demo: the default venue's operator and a regulator, five organizations with
 * their admins, the bundled US patent grants and a dozen Chinese-language assets, before the market is ready; then,
 * once it accepts traffic, its participants trade through the HTTP API ({@link DemoTrading}) on a thread of their
 * own, which {@link DemoHealthIndicator} follows. Passwords are random and printed once. Runs only when
 * {@code techmarket.demo.enabled} and no organization exists yet.
 *
 * <p>The load starts on a thread of its own as soon as this bean exists, while the rest of the application context is
 * still being built, and the start-up runner waits for it: the market is ready, and healthy, only once the demo is
 * loaded, as before. It can start that early because everything it calls exists by then (they are this bean's
 * dependencies), the market's start-up writes come first ({@link MarketBootstrap}), and it publishes no application
 * events, which listeners registered at the end of the context's refresh would miss: it writes its rows, their audit
 * events and their search feed entries in one transaction. That transaction commits only once the context is
 * refreshed, so the search index's start on a fresh market (a rebuild from the database, on the main thread) finds it
 * empty as before and the feed's tail indexes the demo afterwards, off the start's path; a context that closes first
 * rolls it back.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The demo organizations: key used by the demo data, name, type, region and the first 17 code characters. */
    private record DemoOrg(
            String key, String name, OrganizationType type, String region, String codeStem, String username) {}

    private static final List<DemoOrg> ORGS = List.of(
            new DemoOrg(
                    "university",
                    "华北理工大学技术转移中心",
                    OrganizationType.UNIVERSITY,
                    "110000",
                    "12110000MB1234567",
                    "university"),
            new DemoOrg(
                    "institute",
                    "长三角先进技术研究院",
                    OrganizationType.RESEARCH_INSTITUTE,
                    "310000",
                    "12310000MB2345678",
                    "institute"),
            new DemoOrg(
                    "enterprise-a",
                    "深圳智造机器人有限公司",
                    OrganizationType.ENTERPRISE,
                    "440300",
                    "91440300MA5F12345",
                    "robotics"),
            new DemoOrg(
                    "enterprise-b",
                    "合肥新能储能科技有限公司",
                    OrganizationType.ENTERPRISE,
                    "340100",
                    "91340100MA2T67890",
                    "storage"),
            new DemoOrg(
                    "service-provider",
                    "杭州知桥知识产权服务有限公司",
                    OrganizationType.SERVICE_PROVIDER,
                    "330100",
                    "91330100MA2H24680",
                    "ipservices"),
            new DemoOrg(
                    "broker", "北京中关村技术经理人事务所有限公司", OrganizationType.BROKER, "110000", "91110000MA01C2468", "broker"));

    private static final List<String> PATENT_HOLDERS =
            List.of("university", "institute", "enterprise-a", "enterprise-b");

    /** How long a context closing during the load waits for its transaction to end before closing the database. */
    private static final long CLOSE_PATIENCE_SECONDS = 60;

    private final MarketBootstrap bootstrap;
    private final Onboarding onboarding;
    private final Assets assets;
    private final IndustryMapping industries;
    private final TransactionTemplate transactions;
    private final StartupLock startupLock;
    private final Clock clock;
    private final boolean enabled;
    private final Environment environment;
    private final DemoHealthIndicator progress;
    private final SecureRandom random = new SecureRandom();
    private volatile Pending pending;
    private volatile CompletableFuture<Optional<Loaded>> loading;
    /** True once the context is refreshed, false when it closes first: whether the load may commit. */
    private final CompletableFuture<Boolean> mayCommit = new CompletableFuture<>();

    /** What the load did: the assets registered, its milliseconds, the users' passwords and the named assets' ids. */
    private record Loaded(int assets, long millis, Map<String, String> passwords, Map<String, String> cnAssets) {}

    /** What the trading needs from the load: the server's port, the users' passwords and the named assets' ids. */
    private record Pending(int port, Map<String, String> passwords, Map<String, String> cnAssets) {}

    DemoLoader(
            MarketBootstrap bootstrap,
            Onboarding onboarding,
            Assets assets,
            IndustryMapping industries,
            TransactionTemplate transactions,
            StartupLock startupLock,
            Clock clock,
            @Value("${techmarket.demo.enabled:true}") boolean enabled,
            Environment environment,
            DemoHealthIndicator progress) {
        this.bootstrap = bootstrap;
        this.onboarding = onboarding;
        this.assets = assets;
        this.industries = industries;
        this.transactions = transactions;
        this.startupLock = startupLock;
        this.clock = clock;
        this.enabled = enabled;
        this.environment = environment;
        this.progress = progress;
    }

    /** Starts the load beside the rest of the context's creation; the start-up runner waits for it. */
    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            return;
        }
        CompletableFuture<Optional<Loaded>> started = new CompletableFuture<>();
        Thread load = new Thread(
                () -> {
                    try {
                        started.complete(loadIfEmpty());
                    } catch (RuntimeException | Error e) {
                        started.completeExceptionally(e);
                    }
                },
                "demo-load");
        load.setDaemon(true);
        loading = started;
        load.start();
    }

    /** The load's transaction may commit now: the search index has started on the market as it was. */
    @EventListener
    void refreshed(ContextRefreshedEvent event) {
        mayCommit.complete(true);
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Loaded> done = awaitLoad();
        if (done.isEmpty()) {
            return;
        }
        Loaded loaded = done.get();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder banner = new StringBuilder("\n\n  techmarket demo market loaded: ")
                .append(loaded.assets())
                .append(" assets in ")
                .append(loaded.millis())
                .append(" ms\n")
                .append("  Its participants trade through the API once the market is ready (health's demo component")
                .append(" says when they are done)\n")
                .append("  Open http://localhost:")
                .append(port)
                .append("/ (API docs: /swagger-ui.html)\n")
                .append("  Log in for an API token: POST /api/v1/tokens {\"username\":\"...\",\"password\":\"...\"}\n")
                .append("  These passwords are shown only now:\n");
        loaded.passwords().forEach((user, password) -> banner.append(String.format("    %-12s %s%n", user, password)));
        log.info(banner.toString());
        pending = new Pending(Integer.parseInt(port), loaded.passwords(), loaded.cnAssets());
        progress.loaded();
    }

    /**
     * A context that fails or closes while the demo loads waits (a minute at most) for the load's one transaction to
     * end, so the database is not closed under it.
     */
    @Override
    public void destroy() {
        mayCommit.complete(false);
        CompletableFuture<Optional<Loaded>> started = loading;
        if (started == null) {
            return;
        }
        try {
            started.get(CLOSE_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Its failure is the start's to report (the runner rethrows it); closing goes on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // A failed load fails the start with its own exception, as when the runner itself loaded the demo.
    private Optional<Loaded> awaitLoad() {
        CompletableFuture<Optional<Loaded>> started = loading;
        if (started == null) {
            return Optional.empty();
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Optional<Loaded> loadIfEmpty() {
        bootstrap.ensureBootstrapped();
        if (!onboarding.marketIsEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        long[] loadedAt = {started};
        Map<String, String> passwords = new LinkedHashMap<>();
        Map<String, String> cnAssets = new LinkedHashMap<>();
        // A node starting beside another waits for the other's demo and then leaves the market as it found it.
        Integer loaded = transactions.execute(status -> {
            startupLock.holdUntilCommit();
            if (!onboarding.marketIsEmpty()) {
                return null;
            }
            int count = load(passwords, cnAssets);
            loadedAt[0] = System.nanoTime();
            if (!mayCommit.join()) {
                throw new IllegalStateException("the server stopped before its demo market was committed");
            }
            return count;
        });
        if (loaded == null) {
            return Optional.empty();
        }
        // The banner's milliseconds are the load's work, not its wait for the refresh.
        return Optional.of(new Loaded(loaded, (loadedAt[0] - started) / 1_000_000, passwords, cnAssets));
    }

    /**
     * Starts the demo's trading once the market accepts traffic: its trades are requests like any client's, so the
     * market is healthy without them, and its start no longer waits for the trades' requests on a server still cold.
     * After the ready event's own listeners (the statistics' rebuild of empty read models among them), so that
     * nothing the trading does is counted twice.
     */
    @EventListener
    void startTrading(AvailabilityChangeEvent<ReadinessState> event) {
        Pending work = pending;
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || work == null) {
            return;
        }
        pending = null;
        Thread trading = new Thread(() -> trade(work), "demo-trading");
        trading.setDaemon(true);
        trading.start();
    }

    private void trade(Pending work) {
        long started = System.nanoTime();
        try {
            DemoTrading.Traded traded = new DemoTrading(work.port(), clock).trade(work.passwords(), work.cnAssets());
            log.info(new StringBuilder("\n\n  techmarket demo market traded through the API in ")
                    .append((System.nanoTime() - started) / 1_000_000)
                    .append(" ms: a live auction (/api/v1/listings/")
                    .append(traded.auctionId())
                    .append("), a negotiation awaiting an answer (/api/v1/listings/")
                    .append(traded.negotiationId())
                    .append("/offers),\n  a settled and registered licence (/api/v1/deals/")
                    .append(traded.completedDealId())
                    .append(", registration ")
                    .append(traded.registrationNumber())
                    .append(") and a development contract to sign (/api/v1/deals/")
                    .append(traded.proposedDealId())
                    .append(")\n  and the licensed patent valued (/api/v1/valuations/")
                    .append(traded.valuationId())
                    .append(
                            ")\n  Technology needs (/api/v1/needs) and a challenge with two scored proposals (/api/v1/challenges/")
                    .append(traded.challengeId())
                    .append(")\n")
                    .toString());
            progress.traded();
        } catch (RuntimeException refusedOrStopping) {
            // A refused step, or the server stopping under the trading: the demo's data stays, its trading is partial.
            log.warn(
                    "The demo market has its participants and assets, but its trading stopped: {}",
                    refusedOrStopping.getMessage());
            progress.stopped(String.valueOf(refusedOrStopping.getMessage()));
        }
    }

    private int load(Map<String, String> passwords, Map<String, String> cnAssets) {
        passwords.put("operator", password());
        passwords.put("regulator", password());
        ORGS.forEach(org -> passwords.put(org.username(), password()));
        // Eight bcrypt hashes are much of the demo's load: made together on every core, not one by one as each user is
        // added.
        Map<String, Actor> owners = onboarding.hashingAhead(passwords.values(), () -> registerParticipants(passwords));
        return registerAssets(owners, cnAssets);
    }

    /** The operator, the regulator and the organizations with their admins; returns each organization's admin. */
    private Map<String, Actor> registerParticipants(Map<String, String> passwords) {
        Actor operator = staff("operator", Role.OPERATOR, passwords);
        staff("regulator", Role.REGULATOR, passwords);
        Map<String, Actor> owners = new LinkedHashMap<>();
        for (DemoOrg org : ORGS) {
            var registered = onboarding.register(
                    new Onboarding.NewOrganization(
                            org.name(),
                            org.type(),
                            UnifiedSocialCreditCode.withCheckCharacter(org.codeStem()),
                            org.region()),
                    new Onboarding.NewUser(org.username(), passwords.get(org.username()), org.name()));
            onboarding.verify(operator, registered.organizationId());
            owners.put(
                    org.key(),
                    new Actor(
                            registered.userId(),
                            org.username(),
                            Role.ORG_ADMIN,
                            Optional.of(registered.organizationId()),
                            Optional.empty()));
        }
        return owners;
    }

    private int registerAssets(Map<String, Actor> owners, Map<String, String> cnAssets) {
        int count = 0;
        List<DemoPatent> patents = DemoPatents.load();
        for (int i = 0; i < patents.size(); i++) {
            Actor owner = owners.get(PATENT_HOLDERS.get(i % PATENT_HOLDERS.size()));
            assets.registerAsset(owner, usAsset(patents.get(i), owner));
            count++;
        }
        for (DemoCnAsset asset : DemoCnAssets.load()) {
            Actor owner = owners.get(asset.ownerKey());
            String id = assets.registerAsset(owner, cnAsset(asset, owner));
            asset.patentNumber().ifPresent(number -> cnAssets.put(number, id));
            count++;
        }
        return count;
    }

    private Actor staff(String username, Role role, Map<String, String> passwords) {
        String id = onboarding.addStaffMember(
                Actor.SYSTEM,
                new Onboarding.NewUser(
                        username,
                        passwords.get(username),
                        role == Role.OPERATOR ? "Venue operator" : "Market regulator"),
                role);
        return new Actor(id, username, role, Optional.empty(), Optional.empty());
    }

    private AssetInput usAsset(DemoPatent patent, Actor owner) {
        boolean design = patent.isDesign();
        LocalDate expires =
                design ? patent.grantedOn().plusYears(14) : patent.filedOn().plusYears(20);
        LegalStatus status = expires.isAfter(LocalDate.now(clock)) ? LegalStatus.GRANTED : LegalStatus.EXPIRED;
        String description = (patent.abstractText().isBlank() ? patent.firstClaim() : patent.abstractText())
                + "\n\nFirst claim: " + patent.firstClaim() + "\n\nAssignee of record (USPTO): " + patent.assignee();
        List<String> tags = industries
                .suggest(patent.ipc().stream().map(IpcCode::parse).toList())
                .stream()
                .map(Enum::name)
                .toList();
        return new AssetInput(
                design ? AssetKind.DESIGN_PATENT : AssetKind.INVENTION_PATENT,
                patent.title(),
                description,
                "en",
                patent.number(),
                patent.ipc(),
                tags,
                sole(owner),
                status,
                patent.filedOn(),
                patent.grantedOn(),
                expires,
                5);
    }

    private static AssetInput cnAsset(DemoCnAsset asset, Actor owner) {
        LegalStatus status =
                asset.legalStatus() == DemoCnAsset.LegalStatus.GRANTED ? LegalStatus.GRANTED : LegalStatus.PENDING;
        return new AssetInput(
                AssetKind.valueOf(asset.kind()),
                asset.title(),
                asset.abstractText(),
                "zh",
                asset.patentNumber().orElse(null),
                asset.ipc(),
                asset.industries(),
                sole(owner),
                status,
                asset.filedOn(),
                asset.grantedOn().orElse(null),
                asset.expiresOn().orElse(null),
                asset.technologyReadinessLevel());
    }

    private static List<AssetInput.OwnerInput> sole(Actor owner) {
        return new ArrayList<>(List.of(new AssetInput.OwnerInput(owner.requireOrganization(), "100")));
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}

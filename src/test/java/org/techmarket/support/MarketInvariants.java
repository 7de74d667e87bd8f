package org.techmarket.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The market's invariants, checked after every integration test over the whole shared database: the ledger
 * balances (every currency sums to zero, no account is overdrawn, balances match their entries and holds), escrow
 * holds money only for funded deals not yet closed (at least the buyer's broker's commission), and the
 * rights registry's state matches the completed deals exactly — a deal records its grants when it completes and
 * never otherwise, one per asset, to its buyer, and every grant a deal caused is noted on that deal. Each query is
 * one statement, so it reads one consistent snapshot even while background jobs run.
 */
final class MarketInvariants {

    /** The deal statuses in which a deal has recorded (or noted) its grants: completed, then perhaps terminated. */
    private static final String PASSED = "('COMPLETED', 'TERMINATED')";

    private MarketInvariants() {}

    static void check(Api api, JdbcClient jdbc) {
        JsonNode ledger = api.get("/api/v1/ledger/balance-check", IntegrationTest.ADMIN_TOKEN)
                .json();
        assertThat(ledger.path("balanced").asBoolean())
                .as("the ledger balances: %s", ledger)
                .isTrue();

        assertThat(list(
                        jdbc,
                        "select g.deal_id || ' ' || d.status from deal_grant g join deal d on d.id = g.deal_id"
                                + " where d.status not in " + PASSED))
                .as("grants noted on deals that have not completed")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select d.id || '/' || a.asset_id from deal d join deal_asset a on a.deal_id = d.id"
                                + " left join deal_grant g on g.deal_id = d.id and g.asset_id = a.asset_id"
                                + " where d.status in " + PASSED + " and g.grant_id is null"))
                .as("assets of completed deals without a grant")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select g.deal_id || '/' || g.grant_id from deal_grant g join deal d on d.id = g.deal_id"
                                + " left join rights_grant r on r.id = g.grant_id"
                                + " where r.id is null or r.asset_id <> g.asset_id or r.grantee_id <> d.buyer_id"
                                + " or r.type <> d.grant_kind"))
                .as("grants noted on deals that are not the deal's asset, buyer and kind")
                .isEmpty();
        assertThat(
                        list(
                                jdbc,
                                "select r.id || ' caused by ' || d.id from rights_grant r join deal d"
                                        + " on split_part(r.cause_id, '/', 1) = d.id"
                                        + " where not exists (select 1 from deal_grant g where g.deal_id = d.id and g.grant_id = r.id)"))
                .as("grants recorded for a deal but not noted on it")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select t.tally || ' counted, ' || a.assets || ' registered' from (select sum(assets) as tally"
                                + " from asset_tally) t, (select count(*) as assets from asset) a"
                                + " where t.tally <> a.assets"))
                .as("the asset tally the front page shows differs from the assets registered")
                .isEmpty();
        escrowInvariants(jdbc);
        financingInvariants(jdbc);
    }

    /**
     * Escrow holds money only while a deal is funded and not yet closed, and then at least the buyer's broker's
     * commission the contract states: every closing pays the whole escrow out, the commission included.
     */
    private static void escrowInvariants(JdbcClient jdbc) {
        assertThat(
                        list(
                                jdbc,
                                "select d.id || ' ' || d.status || ' ' || a.balance from deal d join ledger_account a"
                                        + " on a.kind = 'ESCROW' and a.owner = d.id"
                                        + " where a.balance <> 0 and d.status not in ('FUNDED', 'DELIVERED', 'ACCEPTED', 'DISPUTED')"))
                .as("deals holding escrow although not funded or already closed")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select d.id || ' holds ' || coalesce(a.balance, 0) || ' of commission ' || b.commission_fen"
                                + " from deal d join deal_broker b on b.deal_id = d.id and b.side = 'BUYER'"
                                + " left join ledger_account a on a.kind = 'ESCROW' and a.owner = d.id"
                                + " where d.status in ('FUNDED', 'DELIVERED', 'ACCEPTED', 'DISPUTED')"
                                + " and coalesce(a.balance, 0) < b.commission_fen"))
                .as("funded deals whose escrow lacks the buyer's broker's commission")
                .isEmpty();
    }

    /**
     * Every loan owing money is secured by its registered pledges, no pledge made for a loan outlives it, and a loan
     * settled by sale was settled by its lender's awarded sale of the owner's assets.
     */
    private static void financingInvariants(JdbcClient jdbc) {
        assertThat(list(
                        jdbc,
                        "select l.id from loan l where not exists (select 1 from loan_pledge p where p.loan_id = l.id)"
                                + " or exists (select 1 from financing_collateral c where c.request_id = l.request_id"
                                + " and not exists (select 1 from loan_pledge p where p.loan_id = l.id"
                                + " and p.asset_id = c.asset_id))"))
                .as("loans without a registered pledge of each of their assets")
                .isEmpty();
        assertThat(
                        list(
                                jdbc,
                                "select l.id || '/' || p.grant_id || ' ' || coalesce(g.status, 'missing') from loan l"
                                        + " join loan_pledge p on p.loan_id = l.id"
                                        + " left join rights_grant g on g.id = p.grant_id"
                                        + " where l.status in ('ACTIVE', 'OVERDUE', 'DEFAULTED') and (g.id is null"
                                        + " or g.status <> 'ACTIVE' or g.type <> 'PLEDGE' or g.grantee_id <> l.lender_id"
                                        + " or g.asset_id <> p.asset_id or g.cause_id <> 'loan:' || l.id || '/' || p.asset_id)"))
                .as("loans owing money whose pledge is not in force to their lender")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select g.id || ' ' || coalesce(l.status, 'no loan') from rights_grant g"
                                + " left join loan_pledge p on p.grant_id = g.id left join loan l on l.id = p.loan_id"
                                + " where g.type = 'PLEDGE' and g.status = 'ACTIVE' and g.cause_id like 'loan:%'"
                                + " and (l.id is null or l.status not in ('ACTIVE', 'OVERDUE', 'DEFAULTED'))"))
                .as("pledges in force for a loan that is repaid or does not exist")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select l.id from loan l where l.outstanding_minor <> (select coalesce(sum(i.principal_minor), 0)"
                                + " from loan_instalment i where i.loan_id = l.id and i.paid_on is null)"
                                + " or l.principal_minor <> (select sum(i.principal_minor) from loan_instalment i"
                                + " where i.loan_id = l.id)"))
                .as("loans whose balance is not their unpaid schedule")
                .isEmpty();
        assertThat(
                        list(
                                jdbc,
                                "select l.id from loan l where l.status = 'SETTLED_BY_SALE' and not exists (select 1"
                                        + " from pledge_listing p join listing s on s.id = p.listing_id where p.loan_id = l.id"
                                        + " and p.pledgee_id = l.lender_id and s.status = 'AWARDED' and s.seller_id = l.owner_id)"))
                .as("loans settled by sale without an awarded sale of the owner's assets listed by their lender")
                .isEmpty();
    }

    private static List<String> list(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}

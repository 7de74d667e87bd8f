package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.techmarket.support.PageClient;
import org.techmarket.support.StatementCounting;

/**
 * The statements of the workspace, printed for a seller with an asset, a listing and a deal and for its buyer, and
 * bounded: each section is one statement over only what the page shows, so the deals section reads no contract text.
 */
class WorkspaceStatementsIT extends DealPageTest {

    @Test
    void bothPartiesSeeTheDealInTheirWorkspaceWithoutItsContractBeingRead() {
        DealKit.Sale sale = kit.awardedAssignment(8_000_00, 800_00);

        PageClient.Counted sellers = signedIn(sale.seller()).counted("/workspace?lang=en");
        System.out.println(StatementCounting.report("the seller's workspace", sellers.sql()));
        assertThat(sellers.page().status()).isEqualTo(200);
        assertThat(deals(sellers.page().html())).contains("Selling").contains("¥8,000.00");

        PageClient.Counted buyers = signedIn(sale.buyer()).counted("/workspace?lang=en");
        assertThat(buyers.page().status()).isEqualTo(200);
        assertThat(deals(buyers.page().html())).contains("Buying").contains("¥8,000.00");
        assertThat(sellers.sql())
                .as("the deals section reads no contract")
                .noneMatch(sql -> sql.contains("contract_zh") || sql.contains("contract_en"));
        assertThat(sellers.statements())
                .as("the session's check; the organization, assets with their owners, the assets to list, the listings,"
                        + " bids, offers, deals, notices with the unread count and users sent together (ADR 0117,"
                        + " 0118); no co-owner to name")
                .isEqualTo(2);
        assertThat(sellers.sql())
                .as("one statement holds the organization and the eight sections' reads")
                .anyMatch(sql -> sql.split(";\\s*(select|with) ").length == 9);
        assertThat(sellers.commits())
                .as("the batch is its own implicit transaction and the session's check runs without one (ADR 0118)")
                .isZero();
    }

    /** The deals section of a workspace page. */
    private static String deals(String html) {
        int start = html.indexOf("<section id=\"deals\"");
        assertThat(start).as("the page has a deals section").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }
}

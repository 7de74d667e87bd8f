package org.techmarket.listing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listings a pledgee listed under its pledge to sell a defaulted loan's collateral: the loan and the pledgee. */
@Repository
public class PledgedListings {

    private final JdbcClient jdbc;

    PledgedListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String listingId, String loanId, String pledgeeId, Instant at) {
        jdbc.sql("insert into pledge_listing (listing_id, loan_id, pledgee_id, created_at) values (?, ?, ?, ?)")
                .params(listingId, loanId, pledgeeId, Timestamp.from(at))
                .update();
    }

    /** The pledgee that listed the listing under its pledge, if it did. */
    public Optional<String> pledgeeOf(String listingId) {
        return jdbc.sql("select pledgee_id from pledge_listing where listing_id = ?")
                .param(listingId)
                .query(String.class)
                .optional();
    }

    /** The loan whose collateral the listing sells, if it was listed under a pledge. */
    public Optional<String> loanOf(String listingId) {
        return jdbc.sql("select loan_id from pledge_listing where listing_id = ?")
                .param(listingId)
                .query(String.class)
                .optional();
    }

    /** The listings the pledgee listed under its pledges. */
    public List<String> listedBy(String pledgeeId) {
        return jdbc.sql("select listing_id from pledge_listing where pledgee_id = ?")
                .param(pledgeeId)
                .query(String.class)
                .list();
    }

    /** Whether the same loan's collateral was listed again after this listing. */
    public boolean superseded(String listingId) {
        return jdbc.sql("""
                select exists (select 1 from pledge_listing p join pledge_listing later on later.loan_id = p.loan_id
                where p.listing_id = ? and later.created_at > p.created_at)""").param(listingId).query(Boolean.class).single();
    }

    /** The loan's sale listing that still stands (not withdrawn, rejected, cancelled or ended unsold), if any. */
    public Optional<String> standingFor(String loanId) {
        return jdbc.sql("""
                select p.listing_id from pledge_listing p join listing l on l.id = p.listing_id
                where p.loan_id = ? and l.status not in ('WITHDRAWN', 'REJECTED', 'CANCELLED', 'UNSOLD')
                order by p.created_at desc limit 1""").param(loanId).query(String.class).optional();
    }
}

package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.ContractRegistration;
import org.techmarket.shared.ReadsTogether;

/** The contract_registration table and the per-venue, per-year serial counter its numbers come from. */
@Repository
public class Registrations {

    /** A stored registration: what the venue certified, for which deal. */
    public record RegistrationRow(
            String number,
            String dealId,
            String venueId,
            String contractHash,
            String contractType,
            long amountMinor,
            String currency,
            String qualification,
            boolean qualifies,
            LocalDate registeredOn,
            Instant registeredAt) {}

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next serial of a venue in a year. The upsert creates or increments the counter row and keeps it locked
     * until the transaction ends, so concurrent registrations at one venue take consecutive serials, never the same.
     */
    public int nextSerial(String venueId, int year) {
        return jdbc.sql("insert into registration_counter (venue_id, year, last_serial) values (?, ?, 1)"
                        + " on conflict (venue_id, year) do update set last_serial = registration_counter.last_serial + 1"
                        + " returning last_serial")
                .params(venueId, year)
                .query(Integer.class)
                .single();
    }

    public void add(String dealId, ContractRegistration r, Instant at) {
        jdbc.sql("insert into contract_registration (number, deal_id, venue_id, contract_hash, contract_type,"
                        + " amount_minor, currency, qualification, qualifies, registered_on, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.number().text(),
                        dealId,
                        r.venueId(),
                        r.contractHash().hex(),
                        r.type().name(),
                        r.transactionAmount().minor(),
                        r.transactionAmount().currency(),
                        r.qualification().name(),
                        r.qualification().qualifies(),
                        r.registeredOn(),
                        Timestamp.from(at))
                .update();
    }

    public Optional<RegistrationRow> find(String number) {
        return jdbc.sql("select * from contract_registration where number = ?")
                .param(number)
                .query(Registrations::map)
                .optional();
    }

    public Optional<RegistrationRow> ofDeal(String dealId) {
        return jdbc.sql(OF_DEAL).param(dealId).query(Registrations::map).optional();
    }

    /** As {@link #ofDeal(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<RegistrationRow>> ofDeal(String dealId, ReadsTogether.Batch batch) {
        return batch.optional(OF_DEAL, List.of(dealId), Registrations::map);
    }

    private static final String OF_DEAL = "select * from contract_registration where deal_id = ?";

    private static RegistrationRow map(ResultSet rs, int row) throws SQLException {
        return new RegistrationRow(
                rs.getString("number"),
                rs.getString("deal_id"),
                rs.getString("venue_id"),
                rs.getString("contract_hash"),
                rs.getString("contract_type"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("qualification"),
                rs.getBoolean("qualifies"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getTimestamp("registered_at").toInstant());
    }
}

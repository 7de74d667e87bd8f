package org.techmarket.listing.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.listing.domain.AuctionState;
import org.techmarket.listing.domain.EnglishState;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.SaleState;
import org.techmarket.listing.domain.SealedBid;
import org.techmarket.listing.domain.SealedState;
import org.techmarket.shared.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes the engine's state as JSON text and reads it back; the domain stays free of any JSON library. */
final class StateJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The longest text whose state is kept: an English or a fixed-price state is a few hundred characters whatever its
     * bids; a sealed one grows with every bid and is parsed each time instead of held.
     */
    static final int KEPT_LENGTH = 1_024;

    /**
     * States written or read, by their text: the same text always reads as the same state and the states are records
     * nobody changes, so nothing kept is stale or differs between nodes. A bid reads its listing's state as the bid
     * before it wrote it, so on the node that wrote it the read parses nothing. Bounded, the least recently used
     * dropped first; a text no longer kept is parsed again.
     */
    private static final Map<String, AuctionState> KEPT =
            Collections.synchronizedMap(new LinkedHashMap<>(8_192, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, AuctionState> eldest) {
                    return size() > KEPT_STATES;
                }
            });

    /** How many states are kept: a venue's open listings' current states, each a few hundred bytes. */
    static final int KEPT_STATES = 4_096;

    private StateJson() {}

    static String write(AuctionState state) {
        String text = text(state);
        if (text.length() <= KEPT_LENGTH) {
            KEPT.put(text, state);
        }
        return text;
    }

    static AuctionState read(String text) {
        if (text.length() > KEPT_LENGTH) {
            return parse(text);
        }
        AuctionState kept = KEPT.get(text);
        if (kept != null) {
            return kept;
        }
        AuctionState parsed = parse(text);
        KEPT.put(text, parsed);
        return parsed;
    }

    private static String text(AuctionState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (state instanceof EnglishState e) {
            json.put("kind", "ENGLISH");
            json.put("bidCount", e.bidCount());
            e.leader()
                    .ifPresent(l -> json.put(
                            "leader", Map.of("bidderId", l.bidderId(), "maximum", l.maximum(), "bidId", l.bidId())));
            e.runnerUpMaximum().ifPresent(m -> json.put("runnerUpMaximum", m));
            json.put("currentPrice", e.currentPrice());
            json.put("endsAt", e.endsAt().toString());
        } else if (state instanceof SealedState s) {
            json.put("kind", "SEALED");
            json.put("lastSequence", s.lastSequence());
            json.put(
                    "bids",
                    s.bids().stream()
                            .map(b -> Map.of(
                                    "bidId",
                                    b.bidId(),
                                    "bidderId",
                                    b.bidderId(),
                                    "amount",
                                    b.amount(),
                                    "sequence",
                                    b.sequence(),
                                    "at",
                                    b.at().toString()))
                            .toList());
        } else {
            json.put("kind", "SALE");
        }
        state.outcome().ifPresent(o -> json.put("outcome", outcome(o)));
        return CanonicalJson.write(json);
    }

    private static AuctionState parse(String text) {
        JsonNode json = JSON.readTree(text);
        Optional<Outcome> outcome = json.has("outcome") ? Optional.of(outcome(json.get("outcome"))) : Optional.empty();
        return switch (json.get("kind").asString()) {
            case "ENGLISH" ->
                new EnglishState(
                        json.get("bidCount").asLong(),
                        json.has("leader")
                                ? Optional.of(new EnglishState.Leader(
                                        json.get("leader").get("bidderId").asString(),
                                        json.get("leader").get("maximum").asLong(),
                                        json.get("leader").get("bidId").asString()))
                                : Optional.empty(),
                        json.has("runnerUpMaximum")
                                ? OptionalLong.of(json.get("runnerUpMaximum").asLong())
                                : OptionalLong.empty(),
                        json.get("currentPrice").asLong(),
                        Instant.parse(json.get("endsAt").asString()),
                        outcome);
            case "SEALED" -> {
                List<SealedBid> bids = new ArrayList<>();
                for (JsonNode b : json.get("bids")) {
                    bids.add(new SealedBid(
                            b.get("bidId").asString(),
                            b.get("bidderId").asString(),
                            b.get("amount").asLong(),
                            b.get("sequence").asLong(),
                            Instant.parse(b.get("at").asString())));
                }
                yield new SealedState(bids, json.get("lastSequence").asLong(), outcome);
            }
            default -> new SaleState(outcome);
        };
    }

    private static Map<String, Object> outcome(Outcome outcome) {
        if (outcome instanceof Outcome.Award award) {
            return Map.of("winnerId", award.winnerId(), "price", award.price());
        }
        return Map.of("unsold", ((Outcome.Unsold) outcome).reason().name());
    }

    private static Outcome outcome(JsonNode json) {
        if (json.has("unsold")) {
            return new Outcome.Unsold(
                    Outcome.UnsoldReason.valueOf(json.get("unsold").asString()));
        }
        return new Outcome.Award(
                json.get("winnerId").asString(), json.get("price").asLong());
    }
}

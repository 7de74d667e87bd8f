package org.techmarket.search.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.ReferenceCodes;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.search.SearchCodes;
import org.techmarket.search.SearchRequest;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A search request checked and typed: words at most {@value #MAX_QUERY_LENGTH} characters with every phrase's quotes closed around some words, known
 * types and facet values, prices that are decimal yuan not below zero with the minimum not above the maximum, a known
 * order, a page size from 1 to {@value #MAX_LIMIT}, and a cursor this server issued for the same order. Anything else
 * is refused with a stable code naming the parameter.
 */
public record Criteria(
        String words,
        Set<String> types,
        Set<String> industries,
        Set<String> provinces,
        Set<String> kinds,
        Set<String> mechanisms,
        Set<String> statuses,
        List<String> ipc,
        Long priceMin,
        Long priceMax,
        Sort sort,
        int limit,
        After after) {

    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    private static final int MAX_VALUES = 50;
    private static final Pattern PRICE = Pattern.compile("(0|[1-9]\\d{0,13})(\\.\\d{1,2})?");

    /** The orders a search can be given. */
    public enum Sort {
        RELEVANCE,
        NEWEST,
        PRICE
    }

    /** Where the previous page ended: its last hit's sort value (score bits, time or price) and key. */
    public record After(Sort sort, long value, String key) {

        public String encode() {
            String text = sort.name() + "\n" + value + "\n" + key;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static After decode(String cursor, Sort sort) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
                if (parts.length == 3 && parts[0].equals(sort.name()) && !parts[2].isEmpty()) {
                    return new After(sort, Long.parseLong(parts[1]), parts[2]);
                }
            } catch (IllegalArgumentException notOurs) {
                // refused below
            }
            throw Rejection.invalid(
                    SharedCodes.INVALID_CURSOR,
                    "cursor",
                    "The cursor is not one this server issued for a search in this order");
        }
    }

    /** What the index may hold besides the fixed vocabularies: a type's, or a facet's value (field, value). */
    public interface Known {
        Set<String> types();

        boolean value(String field, String value);
    }

    public static Criteria of(SearchRequest r, Known known) {
        String words = r.q() == null ? "" : r.q().strip();
        if (words.length() > MAX_QUERY_LENGTH) {
            throw Rejection.invalid(
                    SearchCodes.QUERY_TOO_LONG, "q", "q may hold at most " + MAX_QUERY_LENGTH + " characters");
        }
        requireWellFormed(words);
        Set<String> types = values(r.types(), "types");
        types.stream().filter(t -> !known.types().contains(t)).findFirst().ifPresent(t -> {
            throw Rejection.invalid(
                    SearchCodes.UNKNOWN_TYPE, "types", "unknown type " + quote(t) + "; known: " + known.types());
        });
        Set<String> industries = values(r.industry(), "industry");
        industries.forEach(Criteria::requireIndustry);
        Set<String> provinces = values(r.province(), "province");
        provinces.forEach(Criteria::requireProvince);
        Set<String> kinds = checked(r.kind(), "kind", Vocabulary.KINDS, known);
        Set<String> mechanisms = checked(r.mechanism(), "mechanism", Vocabulary.MECHANISMS, known);
        Set<String> statuses = checked(r.status(), "status", Vocabulary.STATUSES, known);
        List<String> ipc = values(r.ipc(), "ipc").stream()
                .map(symbol -> IpcTerms.normalize(symbol)
                        .orElseThrow(() -> Rejection.invalid(
                                ReferenceCodes.INVALID_IPC,
                                "ipc",
                                quote(symbol) + " is not an IPC symbol such as H01M, H01M10 or H01M 10/0562")))
                .toList();
        Long priceMin = price(r.priceMin(), "priceMin");
        Long priceMax = price(r.priceMax(), "priceMax");
        if (priceMin != null && priceMax != null && priceMin > priceMax) {
            throw Rejection.invalid(
                    SearchCodes.INVERTED_PRICE_RANGE, "priceMin", "priceMin must not be above priceMax");
        }
        Sort sort = sort(r.sort());
        int limit = limit(r.limit());
        After after = r.cursor() == null || r.cursor().isEmpty() ? null : After.decode(r.cursor(), sort);
        return new Criteria(
                words,
                types,
                industries,
                provinces,
                kinds,
                mechanisms,
                statuses,
                ipc,
                priceMin,
                priceMax,
                sort,
                limit,
                after);
    }

    /** Words and double-quoted phrases: every quote that opens a phrase is closed, and no phrase is empty. */
    private static void requireWellFormed(String words) {
        String[] segments = words.split("\"", -1);
        if (segments.length % 2 == 0) {
            throw Rejection.invalid(
                    SearchCodes.QUERY_SYNTAX, "q", "a quote opens a phrase that no quote closes; close it");
        }
        for (int i = 1; i < segments.length; i += 2) {
            if (segments[i].isBlank()) {
                throw Rejection.invalid(
                        SearchCodes.QUERY_SYNTAX, "q", "a phrase in quotes holds no words; write words between them");
            }
        }
    }

    private static Set<String> values(String raw, String field) {
        Set<String> values = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String value : raw.split(",")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        if (values.size() > MAX_VALUES) {
            throw Rejection.invalid(
                    SearchCodes.UNKNOWN_FILTER_VALUE, field, field + " takes at most " + MAX_VALUES + " values");
        }
        return values;
    }

    private static Set<String> checked(String raw, String field, Set<String> vocabulary, Known known) {
        Set<String> values = values(raw, field);
        BiPredicate<String, String> ok = (f, v) -> vocabulary.contains(v) || known.value(f, v);
        values.stream().filter(v -> !ok.test(field, v)).findFirst().ifPresent(v -> {
            throw Rejection.invalid(SearchCodes.UNKNOWN_FILTER_VALUE, field, "unknown " + field + " " + quote(v));
        });
        return values;
    }

    private static void requireIndustry(String value) {
        if (Arrays.stream(FutureIndustry.values()).noneMatch(i -> i.name().equals(value))) {
            throw Rejection.invalid(
                    SearchCodes.UNKNOWN_FILTER_VALUE,
                    "industry",
                    "unknown industry " + quote(value) + "; see GET /api/v1/reference/industries");
        }
    }

    private static void requireProvince(String value) {
        boolean province = Regions.load()
                .find(value)
                .map(region -> region.level() == Region.Level.PROVINCE)
                .orElse(false);
        if (!province) {
            throw Rejection.invalid(
                    ReferenceCodes.UNKNOWN_PROVINCE,
                    "province",
                    quote(value) + " is not a province code such as 440000; see GET /api/v1/reference/regions");
        }
    }

    private static Long price(String raw, String field) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!PRICE.matcher(raw).matches()) {
            throw Rejection.invalid(
                    SearchCodes.INVALID_PRICE,
                    field,
                    field + " must be an amount in yuan not below zero, such as 250000 or 250000.50");
        }
        return new java.math.BigDecimal(raw).movePointRight(2).longValueExact();
    }

    private static Sort sort(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Sort.RELEVANCE;
        }
        return Arrays.stream(Sort.values())
                .filter(s -> s.name().equalsIgnoreCase(raw) && raw.equals(raw.toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> Rejection.invalid(
                        SearchCodes.UNKNOWN_SORT, "sort", "sort is relevance, newest or price, not " + quote(raw)));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (raw.matches("\\d{1,3}")) {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw Rejection.invalid(SharedCodes.INVALID_LIMIT, "limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + shown + "'";
    }
}

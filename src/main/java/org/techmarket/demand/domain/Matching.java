package org.techmarket.demand.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.reference.IpcCode;

/**
 * How well a supply (an asset) answers a need, as points with their reasons, so a reader sees why it ranks where it
 * does. Shared IPC main groups weigh most (30 each, at most 60; else shared subclasses, 15 each, at most 30), then
 * shared future industries (20 each, at most 40), shared terms (5 each, at most 25), the same province (10), the
 * technology readiness level (10 from TRL 7, 5 from TRL 4) and the price against the budget (15 within it, -10 above
 * it). Without a shared IPC code, industry or term, nothing matches.
 */
public final class Matching {

    /** The need's side: its codes, industries, words, region and budget. */
    public record Wanted(List<String> ipc, List<String> industries, String text, String region, Budget budget) {}

    /** An asset's side: its codes, industries, words, its owner's region, readiness and asking price, if known. */
    public record Offered(
            List<String> ipc,
            List<String> industries,
            String text,
            String region,
            Optional<Integer> trl,
            Optional<Long> price) {}

    /** One reason a match scores: what it is ({@code ipc}, {@code industry}, …), what was found, and its points. */
    public record Reason(String kind, List<String> found, int points) {}

    /** The points and their reasons; points count only when {@link #matches()}. */
    public record Score(int points, List<Reason> reasons, boolean matches) {}

    private Matching() {}

    public static Score score(Wanted wanted, Offered offered) {
        return scorer(wanted).score(offered);
    }

    /** Scores many supplies against one need, reading the need's codes and words once. */
    public static Scorer scorer(Wanted wanted) {
        return new Scorer(
                wanted, levels(wanted.ipc(), true), levels(wanted.ipc(), false), Terms.finder(Terms.of(wanted.text())));
    }

    /** One need's side, read once: its IPC main groups and subclasses and a finder of its terms. */
    public record Scorer(Wanted wanted, List<String> groups, List<String> subclasses, Terms.Finder terms) {

        public Score score(Offered offered) {
            List<Reason> reasons = new ArrayList<>();
            boolean related = ipc(this, offered.ipc(), reasons);
            related |= capped("industry", shared(wanted.industries(), offered.industries()), 20, 40, reasons);
            List<String> found = terms.foundIn(offered.text(), 8);
            related |= capped("terms", found, 5, 25, reasons);
            if (sameProvince(wanted.region(), offered.region())) {
                reasons.add(new Reason("region", List.of(offered.region()), 10));
            }
            offered.trl()
                    .filter(trl -> trl >= 4)
                    .ifPresent(trl -> reasons.add(new Reason("readiness", List.of("TRL " + trl), trl >= 7 ? 10 : 5)));
            offered.price()
                    .ifPresent(price -> reasons.add(
                            wanted.budget().affords(price)
                                    ? new Reason("price", List.of("within budget"), 15)
                                    : new Reason("price", List.of("above budget"), -10)));
            int points = reasons.stream().mapToInt(Reason::points).sum();
            return new Score(points, List.copyOf(reasons), related && points > 0);
        }
    }

    private static boolean ipc(Scorer need, List<String> offered, List<Reason> reasons) {
        List<String> groups = shared(need.groups(), levels(offered, true));
        if (!groups.isEmpty()) {
            return capped("ipc", groups, 30, 60, reasons);
        }
        return capped("ipc", shared(need.subclasses(), levels(offered, false)), 15, 30, reasons);
    }

    /**
     * The codes' main groups ({@code H01M 10/00}), or their subclasses ({@code H01M}). The codes are canonical, as the
     * registry and needs store them ({@link IpcCode}), so plain text operations find their levels.
     */
    private static List<String> levels(List<String> codes, boolean mainGroups) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : codes) {
            int slash = code.indexOf('/');
            if (!mainGroups) {
                result.add(code.substring(0, Math.min(4, code.length())));
            } else if (slash > 0) {
                result.add(code.substring(0, slash) + "/00");
            }
        }
        return List.copyOf(result);
    }

    private static boolean capped(String kind, List<String> found, int each, int most, List<Reason> reasons) {
        if (found.isEmpty()) {
            return false;
        }
        reasons.add(new Reason(kind, List.copyOf(found), Math.min(most, each * found.size())));
        return true;
    }

    private static List<String> shared(List<String> first, List<String> second) {
        List<String> shared = new ArrayList<>();
        for (String value : first) {
            if (second.contains(value) && !shared.contains(value)) {
                shared.add(value);
            }
        }
        return shared;
    }

    private static boolean sameProvince(String first, String second) {
        return first != null && second != null && first.length() >= 2 && second.startsWith(first.substring(0, 2));
    }
}

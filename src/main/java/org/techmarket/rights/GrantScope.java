package org.techmarket.rights;

import java.time.LocalDate;
import java.util.List;

/** Fields of use (IPC prefixes or {@code *}) × territories ({@code WORLD}, countries, GB/T 2260 codes) × {@code [start, end)}. */
public record GrantScope(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {

    public GrantScope {
        fields = fields == null ? List.of() : List.copyOf(fields);
        territories = territories == null ? List.of() : List.copyOf(territories);
    }
}

package org.techmarket.shared;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes values as canonical JSON: keys sorted, no insignificant whitespace. Hashes are taken over this text,
 * so the same content always gives the same hash.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Re-reads JSON text and writes it canonically. */
    public static String canonicalize(String json) {
        return write(MAPPER.readTree(json));
    }
}

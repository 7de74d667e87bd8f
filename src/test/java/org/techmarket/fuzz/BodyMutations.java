package org.techmarket.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one plausible body into the bodies a careless or hostile client sends: wrong types, huge and empty strings,
 * NUL bytes and bidi overrides, nulls, unknown and duplicate fields, deep nesting, non-objects and broken JSON. Each
 * is raw text, since several of them (duplicate keys, nesting past the parser's limit) have no tree form. The choice
 * of fields is driven by a seeded {@link Random}, so a run is repeatable.
 */
final class BodyMutations {

    /** One body to send, named for the failure report. */
    record Mutation(String name, String body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    BodyMutations(Random random) {
        this.random = random;
    }

    List<Mutation> of(JsonNode valid) {
        List<Mutation> all = new ArrayList<>();
        all.add(new Mutation("valid", JSON.writeValueAsString(valid)));
        all.add(new Mutation("empty object", "{}"));
        all.add(new Mutation("array", "[]"));
        all.add(new Mutation("string", "\"text\""));
        all.add(new Mutation("number", "42"));
        all.add(new Mutation("null", "null"));
        all.add(new Mutation("empty body", ""));
        all.add(new Mutation("truncated", truncated(JSON.writeValueAsString(valid))));
        all.add(new Mutation("deep arrays", "[".repeat(5_000) + "]".repeat(5_000)));
        all.add(new Mutation("deep objects", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)));
        all.add(new Mutation("huge number", "{\"amount\": 1e400, \"n\": 123456789012345678901234567890}"));
        if (valid instanceof ObjectNode object && !object.isEmpty()) {
            all.add(new Mutation(
                    "unknown field", JSON.writeValueAsString(object.deepCopy().put("zzUnknown", 1))));
            all.add(new Mutation("duplicate key", duplicateFirstKey(object)));
            List<String> fields = new ArrayList<>(object.propertyNames());
            for (int i = 0; i < 4; i++) {
                String field = fields.get(random.nextInt(fields.size()));
                for (Map.Entry<String, JsonNode> replacement :
                        replacements(object.get(field)).entrySet()) {
                    ObjectNode changed = object.deepCopy();
                    changed.set(field, replacement.getValue());
                    all.add(new Mutation(field + ": " + replacement.getKey(), JSON.writeValueAsString(changed)));
                }
            }
        }
        return all;
    }

    private Map<String, JsonNode> replacements(JsonNode original) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("wrong type", original.isString() ? NODES.numberNode(random.nextInt()) : NODES.stringNode("x"));
        values.put("object", NODES.objectNode().put("nested", "x"));
        values.put("array", NODES.arrayNode().add(1).add("two"));
        values.put("empty string", NODES.stringNode(""));
        values.put("huge string", NODES.stringNode("x".repeat(200_000)));
        values.put("NUL", NODES.stringNode("before\u0000after"));
        values.put("bidi override", NODES.stringNode("\u202Egnp.exe"));
        values.put("zero width", NODES.stringNode("\u200B\u200C\u200D"));
        values.put("negative", NODES.numberNode(-1));
        values.put("leading zeros", NODES.stringNode("00100.00"));
        values.put("huge long", NODES.numberNode(Long.MAX_VALUE));
        values.put("epoch", NODES.numberNode(1_700_000_000L));
        values.put("far future", NODES.stringNode("+10000-01-01T00:00:00Z"));
        values.put("past date", NODES.stringNode("2000-01-01"));
        return values;
    }

    private static String duplicateFirstKey(ObjectNode object) {
        String first = object.propertyNames().iterator().next();
        String text = JSON.writeValueAsString(object);
        return "{" + JSON.writeValueAsString(first) + ":" + JSON.writeValueAsString(object.get(first)) + ","
                + text.substring(1);
    }

    private String truncated(String text) {
        return text.length() < 2 ? "{" : text.substring(0, 1 + random.nextInt(text.length() - 1));
    }
}

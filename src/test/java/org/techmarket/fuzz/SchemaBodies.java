package org.techmarket.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a plausible request body from an OpenAPI document's schema: every property filled with a value of its type,
 * format and enum, and for a few well-known names (amounts, currencies, dates) a value the market would accept, so
 * that mutations start from a body that reaches the market's rules rather than the parser's.
 */
final class SchemaBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final JsonNode components;
    private final Map<String, String> knownValues;

    /** {@code knownValues} gives values for properties by name (e.g. an existing organization id). */
    SchemaBodies(JsonNode openApi, Map<String, String> knownValues) {
        this.components = openApi.path("components").path("schemas");
        this.knownValues = knownValues;
    }

    /** The JSON request body schema of one operation, if it takes one. */
    static Optional<JsonNode> requestSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.path("application/json");
        if (json.isMissingNode()) {
            json = content.path("*/*");
        }
        JsonNode schema = json.path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, "", 0);
    }

    /** Resolves a {@code $ref} to its schema in the document's components. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asString();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    private JsonNode sample(JsonNode given, String name, int depth) {
        JsonNode schema = resolve(given);
        if (knownValues.containsKey(name)) {
            return NODES.stringNode(knownValues.get(name));
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return sample(schema.path(combinator).get(0), name, depth);
            }
        }
        return switch (type(schema)) {
            case "object" -> depth >= MAX_DEPTH ? NODES.objectNode() : object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(sample(schema.path("items"), singular(name), depth + 1));
                }
                yield array;
            }
            case "integer" ->
                NODES.numberNode(
                        schema.has("minimum")
                                ? Math.max(1, schema.path("minimum").asLong())
                                : 1);
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(text(schema, name));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
        }
        return object;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static String text(JsonNode schema, String name) {
        String format = schema.path("format").asString();
        String lower = name.toLowerCase();
        if ("date-time".equals(format) || lower.endsWith("at") || lower.equals("deadline")) {
            return Instant.now()
                    .plus(3, ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        if ("date".equals(format) || lower.endsWith("on")) {
            return LocalDate.now().plusDays(30).toString();
        }
        if (lower.equals("currency")) {
            return "CNY";
        }
        if (lower.contains("amount") || lower.equals("price") || lower.equals("share") || lower.contains("revenue")) {
            return "100.00";
        }
        if (lower.contains("sha256") || lower.equals("evidence")) {
            return "a".repeat(64);
        }
        if (lower.equals("region") || lower.endsWith("regioncode")) {
            return "440300";
        }
        if (lower.equals("password")) {
            return "a fuzzed but long passphrase";
        }
        return "fuzz " + (name.isEmpty() ? "value" : name);
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}

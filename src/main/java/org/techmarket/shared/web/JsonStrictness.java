package org.techmarket.shared.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly: unknown fields, a field given twice, wrong types, trailing garbage, text with
 * NUL, control or bidi-override characters, and dates or instants that are not ISO-8601 strings are refused, not
 * guessed at.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        SimpleModule strictValues = new SimpleModule("techmarket-strict-values")
                .addDeserializer(String.class, new CleanStringDeserializer())
                .addDeserializer(Instant.class, new IsoOnly<>(Instant.class, Instant::parse))
                .addDeserializer(LocalDate.class, new IsoOnly<>(LocalDate.class, LocalDate::parse));
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(strictValues);
    }

    /** Every string of a body passes the market's text rule; the refusal is placed under the field's path. */
    static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            Text.textProblem(value).ifPresent(problem -> {
                throw new Rejection(
                        Rejection.Kind.INVALID,
                        SharedCodes.INVALID_CHARACTERS,
                        "A text field has characters the market does not accept: it " + problem,
                        List.of(new Rejection.FieldError("", problem)),
                        Map.of());
            });
            return value;
        }
    }

    /** A date or instant only as an ISO-8601 string: never an epoch number or an array of numbers. */
    static final class IsoOnly<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;

        IsoOnly(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getString();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not an ISO-8601 value");
            }
        }
    }
}

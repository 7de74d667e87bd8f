package org.techmarket.deal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders. Filling is one pass over the template, so a party's name containing
 * braces is copied as it stands and never read as a placeholder; a placeholder without a value is a bug in the
 * wording and fails loudly rather than leaving a gap in a contract.
 */
final class ContractTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9.]+)}}");

    private final String name;
    private final String text;

    ContractTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static ContractTemplate load(String resource) {
        try (InputStream in = ContractTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract template " + resource + " is missing from the classpath");
            }
            return new ContractTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract template " + resource, e);
        }
    }

    String fill(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(name + " uses {{" + matcher.group(1) + "}}, which has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

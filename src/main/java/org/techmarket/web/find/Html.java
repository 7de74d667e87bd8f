package org.techmarket.web.find;

import org.unbescape.html.HtmlEscape;

/**
 * HTML that a page's rows write in Java: markup appended as it is, and text and attribute values escaped exactly as
 * Thymeleaf's {@code th:text} and attribute processors escape them (the markup-significant characters as HTML 4 or
 * XML references, nothing else), so a list written here reads the same as the one the template wrote.
 */
final class Html {

    private final StringBuilder html;

    Html(int capacity) {
        this.html = new StringBuilder(capacity);
    }

    /** Appends markup written by the page itself, never text from the data. */
    Html raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends a text or an attribute's value, escaped; null as nothing, as {@code th:text} prints it. */
    Html text(String text) {
        if (text != null) {
            html.append(HtmlEscape.escapeHtml4Xml(text));
        }
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}

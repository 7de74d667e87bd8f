package org.techmarket.web.find;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message whose arguments are texts, split once at its arguments so that filling it is joining strings. Spring
 * formats a message with arguments through one {@link MessageFormat} per message and language, which every request
 * thread takes in turn under its lock; a search page fills one per reason of each hit. The parts are what that format
 * writes around its arguments, so a filled phrase reads exactly as the format would write it.
 */
final class Phrase {

    /** Marks where an argument stands; a character no message holds. */
    private static final char MARK = '\u0000';

    private final List<String> literals;
    private final int[] arguments;

    private Phrase(List<String> literals, int[] arguments) {
        this.literals = literals;
        this.arguments = arguments;
    }

    /**
     * The phrase of {@code pattern}, a message in the form {@link MessageFormat} reads whose arguments are plain
     * {@code {n}} with {@code n} below {@code count}.
     */
    static Phrase of(String pattern, Locale locale, int count) {
        Object[] marks = new Object[count];
        for (int i = 0; i < count; i++) {
            marks[i] = MARK + Integer.toString(i) + MARK;
        }
        String marked = new MessageFormat(pattern, locale).format(marks);
        List<String> literals = new ArrayList<>();
        List<Integer> arguments = new ArrayList<>();
        int from = 0;
        for (int at = marked.indexOf(MARK); at >= 0; at = marked.indexOf(MARK, from)) {
            int end = marked.indexOf(MARK, at + 1);
            literals.add(marked.substring(from, at));
            arguments.add(Integer.parseInt(marked.substring(at + 1, end)));
            from = end + 1;
        }
        literals.add(marked.substring(from));
        return new Phrase(
                List.copyOf(literals),
                arguments.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The phrase with its arguments in place; a missing or null argument reads as {@link MessageFormat} writes it. */
    String fill(String... values) {
        StringBuilder text = new StringBuilder(literals.get(0));
        for (int i = 0; i < arguments.length; i++) {
            int n = arguments[i];
            text.append(n < values.length ? String.valueOf(values[n]) : "{" + n + "}")
                    .append(literals.get(i + 1));
        }
        return text.toString();
    }
}

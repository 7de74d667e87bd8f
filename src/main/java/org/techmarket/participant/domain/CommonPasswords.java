package org.techmarket.participant.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords, compared without regard to case. The market's list is zxcvbn's 30,000 most frequent
 * leaked passwords (see {@code security/NOTICE.md}).
 */
public final class CommonPasswords {

    private static final String RESOURCE = "/security/common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    /** A list of the given passwords. */
    public static CommonPasswords of(Set<String> passwords) {
        Set<String> lower = new HashSet<>();
        passwords.forEach(p -> lower.add(p.toLowerCase(Locale.ROOT)));
        return new CommonPasswords(lower);
    }

    /** The market's list, read once. */
    public static CommonPasswords standard() {
        return Standard.LIST;
    }

    public boolean contains(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }

    private static final class Standard {
        static final CommonPasswords LIST = read();

        private static CommonPasswords read() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                Set<String> passwords = new HashSet<>();
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .forEach(passwords::add);
                return of(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

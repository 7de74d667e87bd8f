package org.techmarket.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Text;

/**
 * What an organization may add to its registration: the name of its legal representative (法定代表人) and its
 * registered address, both optional. A representative's name is personal: others see it masked (张三丰 as 张**); so
 * is an individual's address (all but its first six characters). Surveillance compares both to relate organizations.
 */
public record OrganizationParticulars(Optional<String> legalRepresentative, Optional<String> registeredAddress) {

    public static final OrganizationParticulars NONE = new OrganizationParticulars(Optional.empty(), Optional.empty());

    static final int MAX_REPRESENTATIVE = 100;
    static final int MAX_ADDRESS = 300;

    public OrganizationParticulars {
        legalRepresentative = legalRepresentative.filter(s -> !s.isBlank()).map(Text::name);
        registeredAddress = registeredAddress.filter(s -> !s.isBlank()).map(Text::name);
    }

    /** Particulars as a request gives them: null or blank means none. */
    public static OrganizationParticulars of(String legalRepresentative, String registeredAddress) {
        return new OrganizationParticulars(
                Optional.ofNullable(legalRepresentative), Optional.ofNullable(registeredAddress));
    }

    /** The problems with the particulars as given, each under {@code prefix} + its field name. */
    public static List<Rejection.FieldError> problems(
            String legalRepresentative, String registeredAddress, String prefix) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        check(legalRepresentative, MAX_REPRESENTATIVE, prefix + "legalRepresentative", errors);
        check(registeredAddress, MAX_ADDRESS, prefix + "registeredAddress", errors);
        return errors;
    }

    private static void check(String value, int max, String field, List<Rejection.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new Rejection.FieldError(field, "must have at most " + max + " characters"));
        }
        Text.nameProblem(value).ifPresent(p -> errors.add(new Rejection.FieldError(field, p)));
    }

    /** The particulars as someone outside the organization sees them. */
    public OrganizationParticulars maskedFor(OrganizationType type) {
        return new OrganizationParticulars(
                legalRepresentative.map(OrganizationParticulars::maskName),
                type.isNaturalPerson()
                        ? registeredAddress.map(OrganizationParticulars::maskAddress)
                        : registeredAddress);
    }

    /** A person's name with all but its first character hidden: 张三丰 → 张**. */
    public static String maskName(String name) {
        int[] points = name.codePoints().toArray();
        StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
        masked.append("*".repeat(points.length - 1));
        return masked.toString();
    }

    private static String maskAddress(String address) {
        int[] points = address.codePoints().toArray();
        return points.length <= 6
                ? "*".repeat(points.length)
                : new String(points, 0, 6) + "*".repeat(points.length - 6);
    }

    /** The key under which two representatives' names count as the same. */
    public Optional<String> legalRepresentativeKey() {
        return legalRepresentative.map(Text::sameNameKey);
    }

    /** The key under which two addresses count as the same. */
    public Optional<String> registeredAddressKey() {
        return registeredAddress.map(Text::sameNameKey);
    }
}

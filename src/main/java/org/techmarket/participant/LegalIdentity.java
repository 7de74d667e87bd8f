package org.techmarket.participant;

import java.util.Objects;

/**
 * How the law identifies a participant, and so how a contract must name it: an organization by its unified social
 * credit code, an individual (a natural person) by the number of their resident identity card.
 */
public record LegalIdentity(Kind kind, String number) {

    /** The kind of identifier: a unified social credit code or a resident identity number. */
    public enum Kind {
        CREDIT_CODE,
        RESIDENT_ID
    }

    public LegalIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
    }

    public static LegalIdentity creditCode(String code) {
        return new LegalIdentity(Kind.CREDIT_CODE, code);
    }

    public static LegalIdentity residentId(String number) {
        return new LegalIdentity(Kind.RESIDENT_ID, number);
    }

    /** The number as it may be shown outside a contract: a credit code in full, an identity number masked. */
    public String shown() {
        return kind == Kind.RESIDENT_ID ? ResidentIdentityNumber.masked(number) : number;
    }

    @Override
    public String toString() {
        return "LegalIdentity[" + kind + " " + shown() + "]";
    }
}

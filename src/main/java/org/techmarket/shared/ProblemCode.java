package org.techmarket.shared;

/**
 * A stable machine code of a refusal, sent as problem+json's {@code code}. Each module names its codes once, in
 * one enum implementing this; the constant's name is the code.
 */
public interface ProblemCode {

    /** The code as callers see it. */
    String name();
}

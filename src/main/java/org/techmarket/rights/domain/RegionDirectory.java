package org.techmarket.rights.domain;

/** Knows which GB/T 2260 province and city codes exist; the application backs it with the vendored list. */
@FunctionalInterface
public interface RegionDirectory {

    /** Whether {@code code}, a six-digit GB/T 2260 code, names an existing province or city. */
    boolean exists(String code);
}

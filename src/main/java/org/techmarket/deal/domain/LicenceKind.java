package org.techmarket.deal.domain;

/** How exclusive a licence is, in the three grades Chinese licensing practice uses. */
public enum LicenceKind {
    /** Only the licensee may exploit, not even the licensor (独占许可). */
    EXCLUSIVE,
    /** The licensee and the licensor may exploit, nobody else (排他许可). */
    SOLE,
    /** The licensor may license others as well (普通许可). */
    NON_EXCLUSIVE
}

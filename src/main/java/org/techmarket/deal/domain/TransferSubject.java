package org.techmarket.deal.domain;

/** What a technology transfer contract assigns; the Civil Code names exactly these three. */
public enum TransferSubject {
    /** A granted patent (专利权转让). */
    PATENT_RIGHT,
    /** The right to apply for, or to pursue, a patent (专利申请权转让). */
    PATENT_APPLICATION_RIGHT,
    /** Unpatented technical information kept secret (技术秘密转让). */
    KNOW_HOW;

    /** Whether the subject is a patent or application, which the contract must then identify by number. */
    public boolean needsPatentNumber() {
        return this != KNOW_HOW;
    }
}

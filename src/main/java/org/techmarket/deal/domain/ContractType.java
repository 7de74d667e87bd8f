package org.techmarket.deal.domain;

/**
 * The kinds of technology contract of the PRC Civil Code (Book III, Chapter 20, "Technology Contracts"):
 * development, transfer, licensing, consulting and service. Transfers and licences pass rights in existing
 * technology; the other three buy work.
 */
public enum ContractType {
    /** Assignment of a patent right, a patent application right or know-how (技术转让合同). */
    TRANSFER,
    /** Permission to exploit a patent or use know-how while the seller keeps it (技术许可合同). */
    LICENSING,
    /** Research and development of new technology commissioned or done jointly (技术开发合同). */
    DEVELOPMENT,
    /** Feasibility studies, forecasts, evaluations and analyses of a technical question (技术咨询合同). */
    CONSULTING,
    /** Solving a particular technical problem with technical knowledge (技术服务合同). */
    SERVICE;

    /** Whether a deal of this type passes rights in an asset, so that the rights module must record it. */
    public boolean passesRights() {
        return this == TRANSFER || this == LICENSING;
    }
}

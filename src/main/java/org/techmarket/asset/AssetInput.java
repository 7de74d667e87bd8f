package org.techmarket.asset;

import java.time.LocalDate;
import java.util.List;

/** An asset as a client describes it, before validation; any field may be missing. */
public record AssetInput(
        AssetKind kind,
        String title,
        String abstractText,
        String language,
        String patentNumber,
        List<String> ipc,
        List<String> industries,
        List<OwnerInput> owners,
        LegalStatus legalStatus,
        LocalDate filedOn,
        LocalDate grantedOn,
        LocalDate expiresOn,
        Integer trl) {

    /** One owner as given: an organization id and a decimal percent string. */
    public record OwnerInput(String organizationId, String share) {}
}

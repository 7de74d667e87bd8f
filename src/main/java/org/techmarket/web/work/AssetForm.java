package org.techmarket.web.work;

import java.util.ArrayList;
import java.util.List;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;

/**
 * The workspace's form for registering or editing an asset, as typed: the organization's own share, and at most one
 * co-owner with theirs, who then confirms on their own workspace.
 */
record AssetForm(
        String kind,
        String title,
        String abstractText,
        String language,
        String patentNumber,
        String ipc,
        List<String> industries,
        String legalStatus,
        String filedOn,
        String grantedOn,
        String expiresOn,
        String trl,
        String ownShare,
        String coOwner,
        String coOwnerShare) {

    /** The asset as registered by {@code organizationId}, with the owners the form names. */
    AssetInput toInput(String organizationId) {
        List<AssetInput.OwnerInput> owners = new ArrayList<>();
        String own = FormValues.text(ownShare);
        owners.add(new AssetInput.OwnerInput(organizationId, own == null ? "100" : own));
        String other = FormValues.text(coOwner);
        if (other != null) {
            owners.add(new AssetInput.OwnerInput(other, FormValues.text(coOwnerShare)));
        }
        return details(owners);
    }

    /** The asset's details as edited; its owners stay as they are, since they change only by assignment. */
    AssetInput toDetails() {
        return details(null);
    }

    private AssetInput details(List<AssetInput.OwnerInput> owners) {
        return new AssetInput(
                FormValues.choice(AssetKind.class, kind, "kind"),
                FormValues.text(title),
                FormValues.text(abstractText),
                FormValues.text(language),
                FormValues.text(patentNumber),
                FormValues.words(ipc),
                industries == null ? List.of() : industries,
                owners,
                FormValues.choice(LegalStatus.class, legalStatus, "legalStatus"),
                FormValues.date(filedOn, "filedOn"),
                FormValues.date(grantedOn, "grantedOn"),
                FormValues.date(expiresOn, "expiresOn"),
                FormValues.integer(trl, "trl"));
    }
}

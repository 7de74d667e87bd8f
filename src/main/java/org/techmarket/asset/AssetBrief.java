package org.techmarket.asset;

import java.util.List;

/** An asset as a list of the newest shows it: its kind, title, legal status, IPC classes and future industries. */
public record AssetBrief(
        String id, AssetKind kind, String title, LegalStatus legalStatus, List<String> ipc, List<String> industries) {

    public AssetBrief {
        ipc = List.copyOf(ipc);
        industries = List.copyOf(industries);
    }
}

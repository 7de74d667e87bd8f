package org.techmarket.rights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.techmarket.shared.Rejection;

/**
 * A conflict found on one of the assets a listing or an offer covers. Its JSON and audit form is
 * {@code {assetId, grantId, reason, message}}, written only by {@link #view()}.
 */
public record AssetConflict(String assetId, RightsConflict conflict) {

    public AssetConflict {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(conflict, "conflict");
    }

    /** Every conflict of one asset's check. */
    public static List<AssetConflict> on(String assetId, RightsCheck check) {
        return check.conflicts().stream()
                .map(c -> new AssetConflict(assetId, c))
                .toList();
    }

    /**
     * The 409 {@code RIGHTS_CONFLICT} carrying every conflict; its detail is {@code lead} followed by the first
     * conflict's message. {@code conflicts} is not empty.
     */
    public static Rejection rejection(String lead, String more, List<AssetConflict> conflicts) {
        return new Rejection(
                Rejection.Kind.CONFLICT,
                RightsCodes.RIGHTS_CONFLICT,
                lead + conflicts.get(0).conflict.message() + more,
                List.of(),
                Map.of("conflicts", views(conflicts)));
    }

    /** The conflicts as the API and the audit log write them. */
    public static List<Map<String, Object>> views(List<AssetConflict> conflicts) {
        return conflicts.stream().map(AssetConflict::view).toList();
    }

    /** {@code {assetId, grantId, reason, message}}, the grant id null when the conflict is with no grant. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assetId", assetId);
        view.put("grantId", conflict.grantId().orElse(null));
        view.put("reason", conflict.reason());
        view.put("message", conflict.message());
        return view;
    }
}

package org.techmarket.rights.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.RightsConflict;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.Conflict;
import org.techmarket.shared.Rejection;

/** The checker's answer in the module's public terms, and the one refusal a conflict becomes. */
final class Conflicts {

    private Conflicts() {}

    static RightsCheck toCheck(CheckResult result) {
        return new RightsCheck(
                result.grantable(),
                result.conflicts().stream().map(Conflicts::toConflict).toList());
    }

    /** A 409 {@code RIGHTS_CONFLICT} carrying {@code conflicts: [{grantId, type, reason, message}]}. */
    static Rejection rejection(CheckResult result) {
        List<Map<String, Object>> conflicts =
                result.conflicts().stream().map(Conflicts::asProperty).toList();
        String detail = result.conflicts().size() == 1
                ? result.conflicts().get(0).message()
                : result.conflicts().size() + " conflicts: "
                        + String.join(
                                "; ",
                                result.conflicts().stream()
                                        .map(Conflict::message)
                                        .toList());
        return new Rejection(
                Rejection.Kind.CONFLICT,
                RightsCodes.RIGHTS_CONFLICT,
                detail,
                List.of(),
                Map.of("conflicts", conflicts));
    }

    private static RightsConflict toConflict(Conflict conflict) {
        return new RightsConflict(
                conflict.grantId(),
                conflict.grantType().map(t -> GrantKind.valueOf(t.name())),
                conflict.reason().name(),
                conflict.message());
    }

    private static Map<String, Object> asProperty(Conflict conflict) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("grantId", conflict.grantId().orElse(null));
        view.put("type", conflict.grantType().map(Enum::name).orElse(null));
        view.put("reason", conflict.reason().name());
        view.put("message", conflict.message());
        return view;
    }
}

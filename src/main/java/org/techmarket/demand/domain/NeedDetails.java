package org.techmarket.demand.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.techmarket.demand.DemandCodes;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.IpcCode;
import org.techmarket.shared.Rejection;

/**
 * What a need says: a title and description, the future industries it belongs to (at least one), IPC codes if the
 * poster knows them (stored canonical), the region (a GB/T 2260 code; the application checks it is known), the budget,
 * the deadline and who may read it.
 */
public record NeedDetails(
        String title,
        String description,
        List<String> industries,
        List<String> ipc,
        String region,
        Budget budget,
        Instant deadline,
        Visibility visibility) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_CODES = 20;

    public NeedDetails {
        title = Fields.name(title, "title", MAX_TITLE);
        description = Fields.text(description, "description", MAX_DESCRIPTION);
        industries = industries(Fields.list(industries, "industries", 1, MAX_CODES));
        ipc = ipc == null ? List.of() : ipc(Fields.list(ipc, "ipc", 0, MAX_CODES));
        Fields.present(region, "region");
        if (!region.matches("\\d{6}")) {
            throw Rejection.invalid(DemandCodes.UNKNOWN_REGION, "region", "region is a six-digit GB/T 2260 code");
        }
        Fields.present(budget, "budget");
        Fields.present(deadline, "deadline");
        if (visibility == null) {
            throw Rejection.invalid(
                    DemandCodes.INVALID_VISIBILITY, "visibility", "visibility is PUBLIC or VERIFIED_ONLY");
        }
    }

    private static List<String> industries(List<String> tags) {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            try {
                result.add(FutureIndustry.valueOf(tags.get(i)).name());
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid(
                        DemandCodes.UNKNOWN_INDUSTRY,
                        "industries[" + i + "]",
                        "'" + tags.get(i) + "' is not a future industry; see /api/v1/reference/industries");
            }
        }
        return List.copyOf(result);
    }

    private static List<String> ipc(List<String> codes) {
        return codes.stream().map(c -> IpcCode.parse(c).text()).distinct().toList();
    }
}

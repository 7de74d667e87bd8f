package org.techmarket.asset.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.techmarket.asset.AssetInput;
import org.techmarket.asset.LegalStatus;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.IpcCode;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * The registry's rules for a well-formed asset: required fields, a valid patent number for patents only, valid
 * IPC codes and industry tags, consistent dates, a readiness level of 1 to 9, and owners' shares of at most two
 * decimals that sum to exactly 100. All problems are reported together.
 */
public final class AssetRules {

    private static final int MAX_TITLE = 500;
    private static final int MAX_ABSTRACT = 20_000;
    private static final int MAX_CODES = 50;

    private AssetRules() {}

    /** A validated asset: its details and owners. */
    public record Valid(Asset.AssetDetails details, List<OwnerShare> owners) {}

    public static Valid validate(AssetInput in) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        if (in.kind() == null) {
            errors.add(error("kind", "is required"));
        }
        text(in.title(), "title", MAX_TITLE, errors);
        Text.nameProblem(in.title()).ifPresent(problem -> errors.add(error("title", problem)));
        text(in.abstractText(), "abstract", MAX_ABSTRACT, errors);
        if (!"zh".equals(in.language()) && !"en".equals(in.language())) {
            errors.add(error("language", "must be zh or en"));
        }
        Optional<String> patentNumber = patentNumber(in, errors);
        List<String> ipc = ipc(in.ipc(), errors);
        List<String> industries = industries(in.industries(), errors);
        if (in.legalStatus() == null) {
            errors.add(error("legalStatus", "is required"));
        }
        dates(in, errors);
        if (in.trl() == null || in.trl() < 1 || in.trl() > 9) {
            errors.add(error("trl", "must be a technology readiness level from 1 to 9"));
        }
        List<OwnerShare> owners = owners(in.owners(), errors);
        if (!errors.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.VALIDATION_FAILED,
                    "The asset has invalid fields",
                    errors,
                    Map.of());
        }
        return new Valid(
                new Asset.AssetDetails(
                        in.kind(),
                        Text.name(in.title()),
                        in.abstractText().strip(),
                        in.language(),
                        patentNumber,
                        ipc,
                        industries,
                        in.legalStatus(),
                        Optional.ofNullable(in.filedOn()),
                        Optional.ofNullable(in.grantedOn()),
                        Optional.ofNullable(in.expiresOn()),
                        in.trl()),
                owners);
    }

    private static Optional<String> patentNumber(AssetInput in, List<Rejection.FieldError> errors) {
        boolean given = in.patentNumber() != null && !in.patentNumber().isBlank();
        if (in.kind() == null) {
            return Optional.empty();
        }
        if (!in.kind().isPatent()) {
            if (given) {
                errors.add(error("patentNumber", "only patents carry a patent number"));
            }
            return Optional.empty();
        }
        if (!given) {
            errors.add(error("patentNumber", "is required for a patent"));
            return Optional.empty();
        }
        try {
            return Optional.of(PatentNumber.parse(in.patentNumber()).text());
        } catch (Rejection r) {
            errors.add(error("patentNumber", r.getMessage()));
            return Optional.empty();
        }
    }

    private static List<String> ipc(List<String> codes, List<Rejection.FieldError> errors) {
        if (codes == null) {
            return List.of();
        }
        if (codes.size() > MAX_CODES) {
            errors.add(error("ipc", "at most " + MAX_CODES + " codes"));
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            try {
                result.add(IpcCode.parse(codes.get(i)).toString());
            } catch (Rejection | NullPointerException r) {
                errors.add(error("ipc[" + i + "]", "is not a valid IPC code, e.g. G06N 3/08"));
            }
        }
        return List.copyOf(result);
    }

    private static List<String> industries(List<String> tags, List<Rejection.FieldError> errors) {
        if (tags == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            try {
                result.add(FutureIndustry.valueOf(tag == null ? "" : tag).name());
            } catch (IllegalArgumentException e) {
                errors.add(
                        error("industries[" + i + "]", "is not a future industry; see /api/v1/reference/industries"));
            }
        }
        return List.copyOf(result);
    }

    private static void dates(AssetInput in, List<Rejection.FieldError> errors) {
        if (in.legalStatus() == LegalStatus.GRANTED
                && in.kind() != null
                && in.kind().isPatent()
                && in.grantedOn() == null) {
            errors.add(error("grantedOn", "is required for a granted patent"));
        }
        if (in.filedOn() != null && in.grantedOn() != null && in.grantedOn().isBefore(in.filedOn())) {
            errors.add(error("grantedOn", "must not be before filedOn"));
        }
        if (in.expiresOn() != null && in.filedOn() != null && !in.expiresOn().isAfter(in.filedOn())) {
            errors.add(error("expiresOn", "must be after filedOn"));
        }
        if (in.expiresOn() != null && in.grantedOn() != null && !in.expiresOn().isAfter(in.grantedOn())) {
            errors.add(error("expiresOn", "must be after grantedOn"));
        }
    }

    private static List<OwnerShare> owners(List<AssetInput.OwnerInput> owners, List<Rejection.FieldError> errors) {
        if (owners == null || owners.isEmpty()) {
            errors.add(error("owners", "at least one owner is required"));
            return List.of();
        }
        List<OwnerShare> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int total = 0;
        boolean wellFormed = true;
        for (int i = 0; i < owners.size(); i++) {
            AssetInput.OwnerInput owner = owners.get(i);
            if (owner == null
                    || owner.organizationId() == null
                    || owner.organizationId().isBlank()) {
                errors.add(error("owners[" + i + "].organizationId", "is required"));
                wellFormed = false;
                continue;
            }
            if (!seen.add(owner.organizationId())) {
                errors.add(error("owners[" + i + "].organizationId", "is listed twice"));
                wellFormed = false;
            }
            Optional<Integer> share = OwnerShare.parsePercent(owner.share());
            if (share.isEmpty() || share.get() <= 0 || share.get() > OwnerShare.WHOLE) {
                errors.add(error(
                        "owners[" + i + "].share",
                        "must be a percent above 0 and at most 100, with at most 2 decimals, e.g. \"33.34\""));
                wellFormed = false;
                continue;
            }
            total += share.get();
            result.add(new OwnerShare(owner.organizationId(), share.get()));
        }
        if (wellFormed && total != OwnerShare.WHOLE) {
            errors.add(error("owners", "shares must sum to exactly 100, not " + new OwnerShare("", total).percent()));
        }
        return List.copyOf(result);
    }

    private static void text(String value, String field, int max, List<Rejection.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "is required"));
        } else if (value.length() > max) {
            errors.add(error(field, "must have at most " + max + " characters"));
        }
    }

    private static Rejection.FieldError error(String field, String message) {
        return new Rejection.FieldError(field, message);
    }
}

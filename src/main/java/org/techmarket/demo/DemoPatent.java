package org.techmarket.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A granted United States patent from the demo data set, as the market seeds it on first start.
 *
 * <p>{@code number} is normalised without leading zeros ("US7861515", "USD513425"); {@code abstractText} is
 * empty for designs, which have none; {@code ipc} holds canonical codes such as "G06N 3/08" and is empty for
 * designs (they are classified by Locarno instead); {@code assignee} is the first inventor when the grant
 * was not assigned.
 */
public record DemoPatent(
        String number,
        String kindCode,
        String title,
        String abstractText,
        String firstClaim,
        List<String> ipc,
        String assignee,
        LocalDate filedOn,
        LocalDate grantedOn) {

    public DemoPatent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kindCode, "kindCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(abstractText, "abstractText");
        Objects.requireNonNull(firstClaim, "firstClaim");
        ipc = List.copyOf(ipc);
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(filedOn, "filedOn");
        Objects.requireNonNull(grantedOn, "grantedOn");
    }

    /** Whether this is a design patent, which protects an ornamental appearance rather than a technique. */
    public boolean isDesign() {
        return number.startsWith("USD");
    }
}

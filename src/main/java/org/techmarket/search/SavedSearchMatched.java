package org.techmarket.search;

import java.util.List;
import org.techmarket.shared.Notice;

/**
 * An item newly matched a user's saved search: published once per item and saved search, whichever node indexed it
 * first. A notice for the saving user; a saved search told by webhook only stays out of the inbox.
 */
public record SavedSearchMatched(
        String savedSearchId,
        String name,
        String organizationId,
        String userId,
        String channel,
        String itemType,
        String itemId,
        String itemTitle)
        implements Notice {

    /** The notice kind webhooks subscribe to. */
    public static final String KIND = "search.matched";

    @Override
    public String noticeKind() {
        return KIND;
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.user(organizationId, userId));
    }

    @Override
    public String noticeSubjectType() {
        return itemType;
    }

    @Override
    public String noticeSubjectId() {
        return itemId;
    }

    @Override
    public String noticeSummary() {
        return "New match for saved search \"" + name + "\": " + itemTitle;
    }

    @Override
    public boolean noticeInInbox() {
        return !"WEBHOOK".equals(channel);
    }
}

package org.techmarket.notification.domain;

import java.util.List;
import org.techmarket.shared.Notice;

/** A notice the notification module files for one of the market's own events. */
public record MarketNotice(
        String kind, List<Recipient> recipients, String subjectType, String subjectId, String summary)
        implements Notice {

    public MarketNotice {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String noticeKind() {
        return kind;
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return recipients;
    }

    @Override
    public String noticeSubjectType() {
        return subjectType;
    }

    @Override
    public String noticeSubjectId() {
        return subjectId;
    }

    @Override
    public String noticeSummary() {
        return summary;
    }
}

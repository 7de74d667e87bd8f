package org.techmarket.shared;

import java.util.List;
import java.util.Objects;

/**
 * A module event that people should hear about. A module that wants its event in someone's inbox (and in the webhooks
 * subscribed to it) makes the event implement {@code Notice} and publishes it as usual; the notification module
 * listens for every {@code Notice}, files it in the recipients' inboxes and delivers it to their webhooks. The
 * publishing module knows nothing of inboxes or webhooks, and depends on nothing but this kernel.
 */
public interface Notice {

    /** A stable dotted name of what happened, e.g. {@code "proposal.received"}; webhooks subscribe to these names. */
    String noticeKind();

    /** Who hears of it: an organization (all its users), or one user of it. */
    List<Recipient> noticeRecipients();

    /** The kind of thing it is about, e.g. {@code "listing"}, {@code "deal"}, {@code "need"}, {@code "challenge"}. */
    String noticeSubjectType();

    /** The id of the thing it is about. */
    String noticeSubjectId();

    /** One line a person can read, e.g. "A proposal was received for challenge Solid-state electrolyte". */
    String noticeSummary();

    /** Whether it goes into the inboxes; a notice meant only for webhooks (a saved search's webhook) says no. */
    default boolean noticeInInbox() {
        return true;
    }

    /** One recipient: an organization, and optionally the one user of it to tell (all its users when null). */
    record Recipient(String organizationId, String userId) {
        public Recipient {
            Objects.requireNonNull(organizationId, "organizationId");
        }

        public static Recipient organization(String organizationId) {
            return new Recipient(organizationId, null);
        }

        public static Recipient user(String organizationId, String userId) {
            return new Recipient(organizationId, Objects.requireNonNull(userId, "userId"));
        }
    }
}

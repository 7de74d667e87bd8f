package org.techmarket.notification;

import org.techmarket.shared.ProblemCode;

/** The codes with which the inbox and webhooks refuse a request. */
public enum NotificationCodes implements ProblemCode {
    /** The webhook's URL is not an absolute http(s) URL, or it points at a loopback or private address. */
    INVALID_WEBHOOK_URL,
    /** A webhook asked for an event kind the market does not send. */
    UNKNOWN_EVENT_KIND,
    /** The organization already has as many webhooks as it may. */
    TOO_MANY_WEBHOOKS,
    /** No notification with that id is in the caller's inbox. */
    NOTIFICATION_NOT_FOUND,
    /** The caller's organization has no webhook with that id. */
    WEBHOOK_NOT_FOUND
}

package org.techmarket.notification.application;

import org.techmarket.audit.AuditEventType;

/** What the notification module records in the market's log. */
enum NotificationEvents implements AuditEventType {
    WebhookRegistered,
    WebhookRemoved,
    WebhookDeliveryAbandoned,
    NotificationsRead
}

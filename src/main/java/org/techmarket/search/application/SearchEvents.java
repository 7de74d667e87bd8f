package org.techmarket.search.application;

import org.techmarket.audit.AuditEventType;

/** What the search module records in the audit log. */
enum SearchEvents implements AuditEventType {
    SavedSearchCreated,
    SavedSearchDeleted,
    SearchRebuildRequested
}

package org.techmarket.valuation.application;

import org.techmarket.audit.AuditEventType;

/** The audit events of valuations, spelt as the log stores them. */
enum ValuationEvents implements AuditEventType {
    AssetValued
}

/**
 * The web market: server-rendered pages in Chinese and English on the same application services as the API. The
 * foundation every page uses (layout, languages, formatting, error pages) is in {@code web.base}; each part of the
 * market has its own subpackage, templates under {@code templates/<part>/} and bundles {@code i18n/<part>*}. Pages
 * call the modules' use cases through the named interfaces each module declares for them (ADR 0051).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "asset",
            "asset :: application",
            "asset :: domain",
            "audit",
            "audit :: domain",
            "audit :: persistence",
            "deal",
            "deal :: application",
            "deal :: domain",
            "deal :: persistence",
            "demand",
            "ledger",
            "ledger :: application",
            "ledger :: domain",
            "listing",
            "listing :: application",
            "listing :: domain",
            "notification",
            "notification :: application",
            "notification :: persistence",
            "operations",
            "operations :: application",
            "participant",
            "participant :: application",
            "participant :: domain",
            "reference",
            "rights",
            "search",
            "search :: application",
            "search :: persistence",
            "shared :: jobs",
            "statistics",
            "statistics :: application",
            "statistics :: domain"
        })
package org.techmarket.web;

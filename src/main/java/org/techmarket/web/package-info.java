/**
 * The market's pages, in Chinese and English: they call the modules' use cases, with the same rules the API applies.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "asset",
            "asset :: application",
            "asset :: domain",
            "audit",
            "audit :: persistence",
            "audit :: domain",
            "deal",
            "deal :: application",
            "deal :: domain",
            "deal :: persistence",
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
            "shared :: jobs",
            "statistics",
            "statistics :: application",
            "statistics :: domain"
        })
package org.techmarket.web;

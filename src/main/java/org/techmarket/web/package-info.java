/**
 * The web market: server-rendered pages in Chinese and English on the same application services as the API. The
 * foundation every page uses (layout, languages, formatting, error pages) is in {@code web.base}; each part of the
 * market has its own subpackage, templates under {@code templates/<part>/} and bundles {@code i18n/<part>*}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "asset",
            "demand",
            "listing",
            "participant",
            "reference",
            "rights",
            "search",
            "statistics"
        })
package org.techmarket.web;

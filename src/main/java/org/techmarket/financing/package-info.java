/**
 * Financing against pledged patents: owners ask for loans on their assets, lenders offer, and the accepted offer
 * registers a pledge of every asset and disburses the loan, which accrues interest daily and is repaid on a schedule.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "asset",
            "audit",
            "deal",
            "ledger",
            "listing",
            "participant",
            "rights",
            "valuation",
            "shared :: jobs"
        })
package org.techmarket.financing;

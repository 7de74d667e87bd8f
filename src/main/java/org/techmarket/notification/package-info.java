/**
 * Notices people should hear about: each participant's inbox (read state per user), the notices the market's own
 * events call for (outbid, awarded, an offer received, a deal step waiting for you) and every {@code shared.Notice}
 * other modules publish, and signed webhooks delivered with retries outside the market's transactions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "deal", "listing", "shared :: jobs"})
package org.techmarket.notification;

/**
 * Background work done item by item: each due item claimed with {@code FOR UPDATE SKIP LOCKED} and handled in its
 * own transaction, failures recorded, retried with back-off and, after a bounded number of attempts, left for an
 * operator. Every module's scheduled job runs through {@link org.techmarket.shared.jobs.BackgroundJobs}.
 */
@org.springframework.modulith.NamedInterface("jobs")
package org.techmarket.shared.jobs;

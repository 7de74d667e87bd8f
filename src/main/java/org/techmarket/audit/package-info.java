/** The market's tamper-evident log: a hash chain of events, each appended in the transaction that makes the change. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared :: jobs"})
package org.techmarket.audit;

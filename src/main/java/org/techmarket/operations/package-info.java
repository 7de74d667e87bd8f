/**
 * Operating the market's machinery: the background items that failed too often and wait for an operator, and
 * releasing them for another attempt.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared :: jobs"})
package org.techmarket.operations;

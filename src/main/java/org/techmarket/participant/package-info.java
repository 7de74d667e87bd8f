/** Organizations, their users, roles, tokens and statuses, and who may do what in the market. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "reference", "shared :: jobs"})
package org.techmarket.participant;

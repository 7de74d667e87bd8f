/** The module's aggregates and values, as its use cases return them to their callers. */
@org.springframework.modulith.NamedInterface("domain")
package org.techmarket.deal.domain;

/** The deal's stored rows as its use cases return them to their callers. */
@org.springframework.modulith.NamedInterface("persistence")
package org.techmarket.deal.persistence;

/** The log's store and the verifier of its hash chain, which regulators run from the API and the pages. */
@org.springframework.modulith.NamedInterface("persistence")
package org.techmarket.audit.persistence;

/** The saved searches' rows as the module's use cases return them to their callers. */
@org.springframework.modulith.NamedInterface("persistence")
package org.techmarket.search.persistence;

/**
 * The rights algebra: grants over an asset, their scopes (fields of use × territories × term) and the
 * conflict rules that decide whether a new grant may be made. Plain Java; no Spring, SQL or Jackson.
 *
 * <p>The rules themselves are stated once, on {@link org.techmarket.rights.domain.ConflictChecker}.
 */
package org.techmarket.rights.domain;

/** The module's use cases, called alike by its API and by the market's pages. */
@org.springframework.modulith.NamedInterface("application")
package org.techmarket.search.application;

/**
 * The value-chain observatory: inter-country input–output tables, the value added that gross exports carry (the
 * Leontief and Koopman–Wang–Wei decompositions), each country's position and participation in global value chains,
 * and the market's deals by future industry beside the position of the industries they belong to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"reference", "statistics"})
package org.techmarket.observatory;

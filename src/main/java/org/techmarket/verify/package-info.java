/**
 * Checking the market's log from outside, as anyone can: RFC 9162 inclusion and consistency proofs, C2SP signed notes,
 * checkpoints and cosignatures (this package, plain Java), the {@code verify-log} command and an independent witness
 * ({@code witness}), and the market's side of witnessing: sending each new checkpoint to the configured witnesses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared :: jobs"})
package org.techmarket.verify;

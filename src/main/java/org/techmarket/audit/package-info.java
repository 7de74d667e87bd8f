/**
 * The market's tamper-evident log: each event appended in the transaction that makes the change, then sealed into a
 * hash chain and an RFC 9162 Merkle tree whose signed checkpoints and proofs anyone can check ({@link TransparencyLog}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared :: jobs"})
package org.techmarket.audit;

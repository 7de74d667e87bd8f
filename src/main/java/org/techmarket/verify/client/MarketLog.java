package org.techmarket.verify.client;

import java.util.List;

/** What a verifier asks a market's log for: its public endpoints under {@code /api/v1/log}. */
public interface MarketLog {

    /** One entry: its index, the exact bytes hashed into its leaf, and the leaf hash the market states. */
    record Entry(long index, byte[] leafInput, byte[] leafHash) {}

    /** The log's verifier key in {@code vkey} form ({@code GET /key}). */
    String key();

    /** The latest checkpoint as a signed note with any cosignatures ({@code GET /checkpoint}). */
    String checkpoint();

    /** {@code GET /entries/{index}}. */
    Entry entry(long index);

    /** {@code GET /proofs/inclusion?index=&treeSize=}: the hashes. */
    List<byte[]> inclusionProof(long index, long treeSize);

    /** {@code GET /proofs/consistency?from=&to=}: the hashes. */
    List<byte[]> consistencyProof(long from, long to);
}

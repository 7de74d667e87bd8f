package org.techmarket.search.meaning;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the embedding model in tests: each character bigram adds to one of 64 dimensions, so texts that
 * share bigrams point the same way. A closed gate makes every call wait, as a busy model would.
 */
final class HashingEmbedder implements TextEmbedder {

    static final int DIMENSION = 64;

    private final CountDownLatch gate;

    HashingEmbedder() {
        this(new CountDownLatch(0));
    }

    HashingEmbedder(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return texts.stream().map(HashingEmbedder::vector).toList();
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        String t = text.toLowerCase();
        for (int i = 0; i + 1 < t.length(); i++) {
            v[Math.floorMod(t.substring(i, i + 2).hashCode(), DIMENSION)] += 1;
        }
        v[0] += 0.01f; // never the zero vector
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }
}

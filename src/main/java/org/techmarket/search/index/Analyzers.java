package org.techmarket.search.index;

import org.apache.lucene.analysis.Analyzer;

/** The analyzers a node shares: Chinese, English, and the index's per-field one. Thread-safe. */
public record Analyzers(Analyzer chinese, Analyzer english, Analyzer perField) {

    public static Analyzers create() {
        return new Analyzers(Analysis.chinese(), Analysis.english(), Analysis.perField());
    }
}

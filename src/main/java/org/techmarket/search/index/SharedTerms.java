package org.techmarket.search.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The terms of one search, each looked up once in every segment's term dictionary of the searcher's reader: the page's
 * pass, the facets' pass and the hits' snippets and reasons read the same {@link TermStates}, where each pass would
 * otherwise seek every term in every segment again. A term's states hold its statistics over the whole reader, so a
 * query given them scores exactly as one that looks its terms up itself. One search's, on one thread.
 */
final class SharedTerms {

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    SharedTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /**
     * {@code query} with each of its term queries (within boolean and boosted queries) reading this search's states of
     * its term; any other query is kept as it is and looks its terms up itself.
     */
    Query sharing(Query query) throws IOException {
        if (query instanceof TermQuery term) {
            return new TermQuery(term.getTerm(), states(term.getTerm()));
        }
        if (query instanceof BoostQuery boosted) {
            return new BoostQuery(sharing(boosted.getQuery()), boosted.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder shared =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                shared.add(sharing(clause.getQuery()), clause.getOccur());
            }
            return shared.build();
        }
        return query;
    }

    /** The states of {@code term} in every segment, with its statistics; looked up on first use. */
    TermStates states(Term term) throws IOException {
        TermStates known = states.get(term);
        if (known == null) {
            known = TermStates.build(searcher, term, true);
            states.put(term, known);
        }
        return known;
    }

    /** Whether this search has looked {@code term} up already. */
    boolean knows(Term term) {
        return states.containsKey(term);
    }

    /**
     * Where a term this search {@link #knows} stands in segment {@code leaf}'s dictionary; null when the segment lacks
     * it.
     */
    TermState state(Term term, LeafReaderContext leaf) throws IOException {
        return states.get(term).get(leaf);
    }
}

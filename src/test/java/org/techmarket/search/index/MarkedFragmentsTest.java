package org.techmarket.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.junit.jupiter.api.Test;
import org.techmarket.demo.DemoCnAssets;
import org.techmarket.demo.DemoPatents;
import org.techmarket.search.index.MarkedFragments.Span;

/** Snippets from the words' offsets: marked, escaped and chosen as Lucene's highlighter does, without analysis. */
class MarkedFragmentsTest {

    private static final SimpleHTMLEncoder HTML = new SimpleHTMLEncoder();

    @Test
    void theWordsAreMarkedAndTheRestEscaped() {
        String text = "A sulfide <solid> electrolyte & lithium";

        String snippet = MarkedFragments.best(
                text, List.of(new Span(11, 16, "solid", 1), new Span(32, 39, "lithium", 1)), 160, 2, HTML);

        assertThat(snippet).isEqualTo("A sulfide &lt;<mark>solid</mark>&gt; electrolyte &amp; <mark>lithium</mark>");
    }

    @Test
    void theHeaviestFragmentsComeFirstTheEarlierOnATieAndAtMostTwo() {
        String text = "aa bb cc dd ee ff gg hh";
        List<Span> spans = List.of(
                new Span(0, 2, "aa", 1), new Span(6, 8, "cc", 1), new Span(12, 14, "ee", 3), new Span(18, 20, "gg", 1));

        assertThat(MarkedFragments.best(text, spans, 6, 2, HTML))
                .isEqualTo("<mark>ee</mark> ff  … <mark>aa</mark> bb ");
    }

    @Test
    void aWordHeldTwiceInAFragmentCountsOnce() {
        String text = "cell cell cell; anode cathode";
        List<Span> spans = List.of(
                new Span(0, 4, "cell", 1),
                new Span(5, 9, "cell", 1),
                new Span(10, 14, "cell", 1),
                new Span(16, 21, "anode", 1),
                new Span(22, 29, "cathode", 1));

        assertThat(MarkedFragments.best(text, spans, 15, 1, HTML))
                .isEqualTo(" <mark>anode</mark> <mark>cathode</mark>");
    }

    @Test
    void aFragmentEndsOutsideLatinWordsAndMatchedWords() {
        String text = "electrolyte 固态电解质";

        assertThat(MarkedFragments.best(text, List.of(new Span(0, 11, "electrolyt", 1)), 4, 2, HTML))
                .isEqualTo("<mark>electrolyte</mark>");
        assertThat(MarkedFragments.best(text, List.of(new Span(12, 14, "固态", 1)), 13, 2, HTML))
                .isEqualTo("electrolyte <mark>固态</mark>");
        assertThat(MarkedFragments.best(text, List.of(new Span(12, 14, "固态", 1)), 12, 2, HTML))
                .isEqualTo("<mark>固态</mark>电解质");
    }

    @Test
    void noMatchedWordMeansNoSnippet() {
        assertThat(MarkedFragments.best("a text", List.of(), 160, 2, HTML)).isNull();
        assertThat(MarkedFragments.best("a text", List.of(new Span(4, 99, "text", 1)), 160, 2, HTML))
                .isNull();
    }

    /**
     * The demo market's titles (each shorter than a fragment), with weighted words taken from other titles: the snippet
     * from the words' offsets is the one Lucene's highlighter gives by analysing the title.
     */
    @Test
    void theSnippetIsTheHighlightersOnTheDemoMarketsTitles() throws Exception {
        List<String> titles = new ArrayList<>();
        DemoPatents.load().forEach(p -> titles.add(p.title()));
        DemoCnAssets.load().forEach(a -> titles.add(a.title()));
        Analyzers analyzers = Analyzers.create();
        Random random = new Random(7);
        int compared = 0;
        for (String title : titles) {
            if (title.length() >= 150) {
                continue;
            }
            for (Analyzer analyzer : List.of(analyzers.chinese(), analyzers.english())) {
                List<String> words = new ArrayList<>();
                QueryPlan.tokens(analyzer, title).forEach(t -> words.add(t.term()));
                QueryPlan.tokens(analyzer, titles.get(random.nextInt(titles.size())))
                        .forEach(t -> words.add(t.term()));
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                Set<String> chosen = new HashSet<>();
                for (String word : words) {
                    if (random.nextInt(3) == 0 && chosen.add(word)) {
                        float weight = 1 + random.nextInt(4);
                        query.add(new BoostQuery(new TermQuery(new Term("f", word)), weight), Occur.SHOULD);
                    }
                }
                BooleanQuery q = query.build();
                List<Span> spans = new ArrayList<>();
                for (QueryPlan.Token t : QueryPlan.tokens(analyzer, title)) {
                    weightOf(q, t.term()).ifPresent(w -> spans.add(new Span(t.start(), t.end(), t.term(), w)));
                }
                assertThat(MarkedFragments.best(title, spans, 160, 2, HTML))
                        .as(title + " / " + q)
                        .isEqualTo(highlighted(title, q, analyzer));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    private static java.util.Optional<Float> weightOf(BooleanQuery q, String term) {
        return q.clauses().stream()
                .map(c -> (BoostQuery) c.getQuery())
                .filter(b -> ((TermQuery) b.getQuery()).getTerm().text().equals(term))
                .map(BoostQuery::getBoost)
                .findFirst();
    }

    private static String highlighted(String text, BooleanQuery q, Analyzer analyzer)
            throws IOException, InvalidTokenOffsetsException {
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HTML, new QueryTermScorer(q, "f"));
        highlighter.setTextFragmenter(new SimpleFragmenter(160));
        String best = highlighter.getBestFragments(analyzer.tokenStream("f", text), text, 2, " … ");
        return best == null || best.isEmpty() ? null : best;
    }
}

package org.techmarket.search.meaning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Measures the judged set ({@code judged-queries.tsv}) against a {@link JudgedCorpus}: nDCG@10 (binary relevance)
 * and recall@10, per search mode, overall and per language of query and items.
 */
public final class RelevanceEvaluation {

    static final int AT = 10;

    /** A judged query: its language pair, text, relevant item keys and whether it was tuned for or held out. */
    public record Judged(String language, String query, Set<String> relevant, String set) {}

    record Scores(double ndcg, double recall, int queries) {
        @Override
        public String toString() {
            return String.format("nDCG@10 %.3f  recall@10 %.3f  (%d queries)", ndcg, recall, queries);
        }
    }

    /** One query's outcome in one mode: its top keys and their scores. */
    record Outcome(Judged judged, List<String> top, double ndcg, double recall) {}

    final Map<SearchMode, List<Outcome>> outcomes = new EnumMap<>(SearchMode.class);

    RelevanceEvaluation(JudgedCorpus corpus, List<Judged> judged) {
        for (SearchMode mode : SearchMode.values()) {
            List<Outcome> list = new ArrayList<>();
            for (Judged j : judged) {
                List<String> top = corpus.search(j.query(), mode, AT);
                list.add(new Outcome(j, top, ndcg(top, j.relevant()), recall(top, j.relevant())));
            }
            outcomes.put(mode, list);
        }
    }

    Scores overall(SearchMode mode) {
        return mean(outcomes.get(mode));
    }

    /** Scores per language of the judged set ("en", "zh", "zh-en", …), in the set's order. */
    Map<String, Scores> byLanguage(SearchMode mode) {
        return by(mode, Judged::language);
    }

    /** Scores of the tuned and of the held-out queries. */
    Map<String, Scores> bySet(SearchMode mode) {
        return by(mode, Judged::set);
    }

    private Map<String, Scores> by(SearchMode mode, Function<Judged, String> group) {
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        outcomes.get(mode)
                .forEach(o -> groups.computeIfAbsent(group.apply(o.judged()), k -> new ArrayList<>())
                        .add(o));
        Map<String, Scores> scores = new LinkedHashMap<>();
        groups.forEach((language, list) -> scores.put(language, mean(list)));
        return scores;
    }

    String report() {
        StringBuilder out = new StringBuilder();
        for (SearchMode mode : SearchMode.values()) {
            out.append(String.format("%-8s all      %s%n", mode, overall(mode)));
            bySet(mode).forEach((set, s) -> out.append(String.format("%-8s %-8s %s%n", "", set, s)));
            byLanguage(mode).forEach((language, s) -> out.append(String.format("%-8s %-8s %s%n", "", language, s)));
        }
        return out.toString();
    }

    private static Scores mean(List<Outcome> list) {
        double ndcg = list.stream().mapToDouble(Outcome::ndcg).average().orElse(0);
        double recall = list.stream().mapToDouble(Outcome::recall).average().orElse(0);
        return new Scores(ndcg, recall, list.size());
    }

    static double ndcg(List<String> top, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(AT, top.size()); i++) {
            if (relevant.contains(top.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(AT, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    static double recall(List<String> top, Set<String> relevant) {
        long found = top.stream().limit(AT).filter(relevant::contains).count();
        return relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public static List<Judged> judgedSet() {
        List<Judged> judged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                RelevanceEvaluation.class.getResourceAsStream("/search/meaning/judged-queries.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("language\t")) {
                    continue;
                }
                String[] cells = line.split("\t");
                judged.add(new Judged(cells[0], cells[1], Set.of(cells[2].split(";")), cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }

    /** Prints the figures: {@code java -cp … org.techmarket.search.meaning.RelevanceEvaluation}. */
    public static void main(String[] args) throws IOException {
        try (JudgedCorpus corpus = new JudgedCorpus(new BgeSmallZhEmbedder())) {
            RelevanceEvaluation evaluation = new RelevanceEvaluation(corpus, judgedSet());
            System.out.print(evaluation.report());
            if (args.length > 0 && args[0].equals("tune")) {
                for (boolean terms : new boolean[] {true, false}) {
                    BilingualDictionary dictionary = BilingualDictionary.load(terms);
                    for (boolean instruction : new boolean[] {true, false}) {
                        for (double weight : new double[] {1.0, 0.5, 0.3, 0.1}) {
                            corpus.tune(new BgeSmallZhEmbedder(instruction), dictionary, weight);
                            RelevanceEvaluation e = new RelevanceEvaluation(corpus, judgedSet());
                            System.out.printf(
                                    "terms %s instruction %s weight %.1f%n%s", terms, instruction, weight, e.report());
                        }
                    }
                }
            } else if (args.length > 0) {
                for (SearchMode mode : SearchMode.values()) {
                    for (Outcome o : evaluation.outcomes.get(mode)) {
                        if (o.recall() < 1) {
                            System.out.printf(
                                    "%s %s %s recall %.2f top %s%n",
                                    mode, o.judged().language(), o.judged().query(), o.recall(), o.top());
                        }
                    }
                }
                QueryTranslator translator = new QueryTranslator(BilingualDictionary.standard());
                judgedSet()
                        .forEach(j -> System.out.println(
                                translator.translate(j.query()).describe()));
            }
        }
    }
}

package org.techmarket.search.meaning;

import java.util.List;

/** Turns texts into dense vectors whose cosine similarity stands for closeness of meaning. */
public interface TextEmbedder {

    /** The vectors of these texts, in order, each of {@link #dimension()} floats and unit length. */
    List<float[]> embedAll(List<String> texts);

    /** The vector of a search query; a model trained with a query instruction adds it here. */
    default float[] embedQuery(String query) {
        return embedAll(List.of(query)).get(0);
    }

    int dimension();
}

package org.techmarket.search.meaning;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * BGE-small-zh v1.5 (quantized ONNX, 512 dimensions) computed in process on the calling thread; Chinese and English.
 * The model is loaded from its jar on first use (about 24 MB of weights).
 */
public final class BgeSmallZhEmbedder implements TextEmbedder {

    /** BGE's instruction for short queries searched against passages. */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private static final int DIMENSION = 512;

    private final boolean queryInstruction;
    private volatile BgeSmallZhV15QuantizedEmbeddingModel model;

    public BgeSmallZhEmbedder() {
        this(true);
    }

    /** @param queryInstruction whether queries get BGE's retrieval instruction in front */
    public BgeSmallZhEmbedder(boolean queryInstruction) {
        this.queryInstruction = queryInstruction;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedAll(List.of(queryInstruction ? QUERY_INSTRUCTION + query : query))
                .get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream()
                .map(text -> TextSegment.from(text.isBlank() ? " " : text))
                .toList();
        return model().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toList();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    private BgeSmallZhV15QuantizedEmbeddingModel model() {
        BgeSmallZhV15QuantizedEmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    // Runnable::run: the caller's thread does the work, so the caller's executor bounds it.
                    model = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
                }
                loaded = model;
            }
        }
        return loaded;
    }
}

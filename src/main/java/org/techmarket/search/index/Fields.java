package org.techmarket.search.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.domain.IpcTerms;
import org.techmarket.search.domain.PriceBands;

/**
 * The index's fields and how a {@link SearchDocument} becomes a Lucene document and back. Facet fields are indexed
 * (for filters) and kept as doc values (for counts); texts are indexed in Chinese and in English words and stored once;
 * a document's industries are indexed by their Chinese and English names too, so that a search for 新型储能 or
 * "energy storage" finds what is tagged {@code NEW_ENERGY_STORAGE}.
 */
public final class Fields {

    /** The index's schema: a change to fields or analysis raises it, and each node rebuilds its index at start. */
    public static final String SCHEMA_VERSION = "3";

    public static final String KEY = "key";
    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String TITLE_ZH = "title_zh";
    public static final String TITLE_EN = "title_en";
    public static final String TEXT_ZH = "text_zh";
    public static final String TEXT_EN = "text_en";
    public static final String INDUSTRY_ZH = "industry_zh";
    public static final String INDUSTRY_EN = "industry_en";
    public static final String INDUSTRY = "industry";
    public static final String PROVINCE = "province";
    public static final String KIND = "kind";
    public static final String MECHANISM = "mechanism";
    public static final String STATUS = "status";
    public static final String PRICE_BAND = "priceBand";
    public static final String IPC = "ipc";
    public static final String IPC_SYMBOL = "ipc_symbol";
    public static final String PATENT = "patent";
    public static final String PRICE = "price";
    public static final String CURRENCY = "currency";
    public static final String VISIBILITY = "visibility";
    public static final String ORGANIZATION = "organization";
    public static final String PUBLISHED = "published";
    /** A document's meaning as a vector, when the embedder gave one in time. */
    public static final String VECTOR = "vector";

    /** The facets, in the order the answer lists them. */
    public static final List<String> FACETS = List.of(INDUSTRY, PROVINCE, KIND, MECHANISM, PRICE_BAND, STATUS);

    /**
     * Titles and texts keep where each word stands in the stored text, so that a snippet marks its words without
     * analysing the text again.
     */
    private static final FieldType WITH_OFFSETS = withOffsets();

    private Fields() {}

    private static FieldType withOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The key of an item in the index: its type and id. */
    public static String key(String type, String id) {
        return type + ":" + id;
    }

    public static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        String key = key(d.type(), d.id());
        doc.add(new StringField(KEY, key, Field.Store.YES));
        doc.add(new SortedDocValuesField(KEY, new BytesRef(key)));
        doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
        doc.add(new StoredField(ID, d.id()));
        doc.add(new StoredField(TITLE, d.title()));
        doc.add(new Field(TITLE_ZH, d.title(), WITH_OFFSETS));
        doc.add(new Field(TITLE_EN, d.title(), WITH_OFFSETS));
        if (d.text() != null && !d.text().isBlank()) {
            doc.add(new StoredField(TEXT, d.text()));
            doc.add(new Field(TEXT_ZH, d.text(), WITH_OFFSETS));
            doc.add(new Field(TEXT_EN, d.text(), WITH_OFFSETS));
        }
        for (String industry : d.industries()) {
            facet(doc, INDUSTRY, industry, true);
            names(industry).forEach(name -> {
                doc.add(new TextField(INDUSTRY_ZH, name, Field.Store.NO));
                doc.add(new TextField(INDUSTRY_EN, name, Field.Store.NO));
            });
        }
        facet(doc, PROVINCE, d.province(), true);
        facet(doc, KIND, d.kind(), true);
        facet(doc, MECHANISM, d.mechanism(), true);
        facet(doc, STATUS, d.status(), true);
        facet(doc, PRICE_BAND, d.price() == null ? null : PriceBands.of(d.price()), false);
        for (String symbol : d.ipc()) {
            doc.add(new StoredField(IPC_SYMBOL, symbol));
            IpcTerms.levels(symbol).forEach(term -> doc.add(new StringField(IPC, term, Field.Store.NO)));
        }
        if (d.patentNumber() != null) {
            doc.add(new StringField(PATENT, patentTerm(d.patentNumber()), Field.Store.NO));
            doc.add(new StoredField(PATENT, d.patentNumber()));
        }
        if (d.price() != null) {
            doc.add(new LongPoint(PRICE, d.price()));
            doc.add(new NumericDocValuesField(PRICE, d.price()));
            doc.add(new StoredField(PRICE, d.price()));
            if (d.currency() != null) {
                doc.add(new StoredField(CURRENCY, d.currency()));
            }
        }
        doc.add(new StringField(VISIBILITY, d.visibility(), Field.Store.NO));
        if (d.organizationId() != null) {
            doc.add(new StoredField(ORGANIZATION, d.organizationId()));
        }
        long published = d.published() == null ? 0 : d.published().toEpochMilli();
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        return doc;
    }

    /** The Chinese and English names of a future industry, by which its items are found; none for another value. */
    public static List<String> names(String industry) {
        try {
            FutureIndustry known = FutureIndustry.valueOf(industry);
            return List.of(known.zhName(), known.enName());
        } catch (IllegalArgumentException unknown) {
            return List.of();
        }
    }

    /** A patent number as searched: upper case, without blanks, dots, commas or dashes. */
    public static String patentTerm(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("[\\s.,\\-]", "");
    }

    private static void facet(Document doc, String field, String value, boolean stored) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    /** The stored values of a field. */
    static List<String> values(Document doc, String field) {
        List<String> values = new ArrayList<>();
        for (IndexableField f : doc.getFields(field)) {
            if (f.stringValue() != null) {
                values.add(f.stringValue());
            }
        }
        return values;
    }
}

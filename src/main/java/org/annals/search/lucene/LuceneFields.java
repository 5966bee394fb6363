package org.annals.search.lucene;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.annals.search.Audience;
import org.annals.search.DocumentGroup;
import org.annals.search.SearchDocument;
import org.annals.search.SearchKind;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link SearchDocument} is laid out in Lucene, and read back. Keyword fields (exact terms) serve
 * deletes and filters; analysed fields serve the words; stored fields give the hit back whole.
 */
final class LuceneFields {

    static final String KEY = "key";
    static final String GROUP = "group";
    static final String PROJECT = "project";
    static final String KIND = "kind";
    /**
     * Doc values: the kind's position in {@link SearchKind}, on which every segment is sorted
     * ({@link #INDEX_SORT}). A kind's documents sit side by side, so a search among sources reads the words'
     * postings of the sources' stretch alone instead of stepping through millions of passages between them.
     */
    static final String KIND_ORDER = "kind_order";
    static final Sort INDEX_SORT = new Sort(new SortField(KIND_ORDER, SortField.Type.INT));
    static final String AUDIENCE = "audience";
    static final String OWNER = "owner";
    static final String CHANGESET = "changeset";
    static final String RECORD_KIND = "record_kind";
    static final String RECORD_ID = "record_id";
    static final String SOURCE = "source";
    static final String SUBTYPE = "subtype";
    /** Analysed: the title of a source, an event or an entity (the thing itself is called so). */
    static final String TITLE = "title";
    /** Stored: every document's title as shown (Lucene wants one field indexed alike in every document). */
    static final String SHOWN_TITLE = "shown_title";
    /**
     * Analysed, not stored: the title of what a passage, an annotation or a comment belongs to (a source's
     * title, a record's name) and a passage's section. Weighted little: every passage of a source titled
     * "Aleppo" should not outrank the passages that speak of Aleppo, yet "Aleppo curfew" still finds the
     * passage about a curfew in that source.
     */
    static final String CONTEXT = "context";
    /** Analysed, folded, stored with offsets: the text shown in context. */
    static final String TEXT = "text";
    /** Analysed, folded and stemmed, with offsets (so the highlighter marks "offensive" for "offensives"); not stored. */
    static final String TEXT_STEMMED = "text_stemmed";
    /** Analysed, folded: names in every script (multi-valued). */
    static final String NAMES = "names";
    /**
     * Analysed into pairs of neighbouring words ("siege of", "of maarat"), positions only, not stored: what
     * an exact phrase is matched on. A pair is far rarer than either of its words, so a phrase of frequent
     * words reads short lists instead of the millions of positions of "of" and "the".
     */
    static final String TEXT_PAIRS = "text_pairs";
    /** Epoch days of the document's date range, stored as given. */
    static final String FROM_DAY = "from_day";
    static final String TO_DAY = "to_day";
    /**
     * The document's date range as one range (a one-dimensional {@link LongRange}): a date filter is one
     * "intersects" query on it, which visits only the documents dated within the filter's range.
     */
    static final String DAYS = "days";
    static final String START = "start";
    static final String END = "end";
    static final String SECTION = "section";
    /** Epoch milliseconds of the last change: doc values, the tie breaker. */
    static final String UPDATED = "updated";

    /** The text field keeps offsets in its postings, so the highlighter need not analyse hits again. */
    private static final FieldType TEXT_WITH_OFFSETS = withOffsets(TextField.TYPE_STORED);
    private static final FieldType STEMMED_WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);

    private LuceneFields() {
    }

    private static FieldType withOffsets(FieldType base) {
        var type = new FieldType(base);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Document toLucene(SearchDocument doc) {
        var lucene = new Document();
        lucene.add(new StringField(KEY, doc.key(), Field.Store.YES));
        lucene.add(new StringField(GROUP, doc.group().key(), Field.Store.YES));
        lucene.add(new StringField(PROJECT, doc.projectId().toString(), Field.Store.YES));
        lucene.add(new StringField(KIND, doc.kind().name(), Field.Store.YES));
        lucene.add(new NumericDocValuesField(KIND_ORDER, doc.kind().ordinal()));
        lucene.add(new StringField(AUDIENCE, doc.audience().name(), Field.Store.YES));
        keyword(lucene, OWNER, doc.ownerId());
        keyword(lucene, CHANGESET, doc.changesetId());
        lucene.add(new StringField(RECORD_KIND, doc.record().kind(), Field.Store.YES));
        lucene.add(new StringField(RECORD_ID, doc.record().id().toString(), Field.Store.YES));
        keyword(lucene, SOURCE, doc.sourceId());
        if (doc.subtype() != null) {
            lucene.add(new StringField(SUBTYPE, doc.subtype(), Field.Store.YES));
        }
        lucene.add(new StoredField(SHOWN_TITLE, doc.title()));
        if (namesItself(doc.kind())) {
            lucene.add(new TextField(TITLE, doc.title(), Field.Store.NO));
        } else {
            lucene.add(new TextField(CONTEXT, doc.title(), Field.Store.NO));
            if (doc.section() != null) {
                lucene.add(new TextField(CONTEXT, doc.section(), Field.Store.NO));
            }
        }
        lucene.add(new Field(TEXT, doc.text(), TEXT_WITH_OFFSETS));
        lucene.add(new Field(TEXT_STEMMED, doc.text(), STEMMED_WITH_OFFSETS));
        lucene.add(new TextField(TEXT_PAIRS, doc.text(), Field.Store.NO));
        for (String name : doc.names()) {
            lucene.add(new TextField(NAMES, name, Field.Store.YES));
        }
        days(lucene, doc.from(), doc.to());
        lucene.add(new StoredField(START, doc.start()));
        lucene.add(new StoredField(END, doc.end()));
        if (doc.section() != null) {
            lucene.add(new StoredField(SECTION, doc.section()));
        }
        long updated = doc.updated().toEpochMilli();
        lucene.add(new NumericDocValuesField(UPDATED, updated));
        lucene.add(new StoredField(UPDATED, updated));
        return lucene;
    }

    /** Whether a document's title is its own name rather than that of the thing it belongs to. */
    static boolean namesItself(SearchKind kind) {
        return kind == SearchKind.SOURCE || kind == SearchKind.EVENT || kind == SearchKind.ENTITY;
    }

    private static void keyword(Document lucene, String field, @Nullable UUID value) {
        if (value != null) {
            lucene.add(new StringField(field, value.toString(), Field.Store.YES));
        }
    }

    /**
     * A document with one date only (an event of one day given as its start) is filtered as lasting that
     * day: the filter reads "starts before the range ends and ends after it starts". The stored values stay
     * as given.
     */
    private static void days(Document lucene, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null && to == null) {
            return;
        }
        long first = (from != null ? from : to).toEpochDay();
        long last = (to != null ? to : from).toEpochDay();
        lucene.add(new LongRange(DAYS, new long[] {Math.min(first, last)}, new long[] {Math.max(first, last)}));
        if (from != null) {
            lucene.add(new StoredField(FROM_DAY, from.toEpochDay()));
        }
        if (to != null) {
            lucene.add(new StoredField(TO_DAY, to.toEpochDay()));
        }
    }

    static SearchDocument fromLucene(Document stored) {
        String group = stored.get(GROUP);
        int colon = group.indexOf(':');
        var groupKey = DocumentGroup.parse(group.substring(0, colon).toUpperCase(java.util.Locale.ROOT),
                UUID.fromString(group.substring(colon + 1)));
        List<String> names = new ArrayList<>();
        for (IndexableField name : stored.getFields(NAMES)) {
            names.add(name.stringValue());
        }
        return new SearchDocument(stored.get(KEY), groupKey, SearchKind.valueOf(stored.get(KIND)),
                new RecordRef(stored.get(RECORD_KIND), UUID.fromString(stored.get(RECORD_ID))),
                UUID.fromString(stored.get(PROJECT)), Audience.valueOf(stored.get(AUDIENCE)), uuid(stored, OWNER),
                uuid(stored, CHANGESET), stored.get(SHOWN_TITLE), stored.get(TEXT), names, uuid(stored, SOURCE),
                stored.get(SUBTYPE), day(stored, FROM_DAY), day(stored, TO_DAY), number(stored, START),
                number(stored, END), stored.get(SECTION),
                Instant.ofEpochMilli(stored.getField(UPDATED).numericValue().longValue()));
    }

    private static @Nullable UUID uuid(Document stored, String field) {
        String value = stored.get(field);
        return value == null ? null : UUID.fromString(value);
    }

    private static @Nullable LocalDate day(Document stored, String field) {
        IndexableField value = stored.getField(field);
        return value == null ? null : LocalDate.ofEpochDay(value.numericValue().longValue());
    }

    private static int number(Document stored, String field) {
        return stored.getField(field).numericValue().intValue();
    }
}

package org.annals.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.annals.search.Audience;
import org.annals.search.EngineQuery;
import org.annals.search.SearchKind;
import org.annals.search.UserQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Translates an {@link EngineQuery} into Lucene: the person's words over the analysed fields, the filters,
 * and what the viewer may see.
 * <p>
 * A word matches in the title or the names (weighted most: a record called so is what one looks for),
 * in the text as folded, in the text as stemmed (weighted less, so the exact form ranks first), and in
 * the title of what a passage belongs to (weighted least, see {@link LuceneFields#CONTEXT}).
 * Phrases match the folded title, names and text only, word for word. Prefixes and fuzzy words expand to a bounded
 * number of the index's words (the most frequent ones, scored as one term), never to a scan over every
 * word; with many of them in one query each gets fewer, so the query stays within Lucene's clause limit.
 */
final class LuceneQueries {

    static final float TITLE_BOOST = 3f;
    static final float NAMES_BOOST = 3f;
    static final float STEMMED_BOOST = 0.7f;
    /** The title of what a passage, annotation or comment belongs to: enough to match, little to rank. */
    static final float CONTEXT_BOOST = 0.3f;
    /** A word matched with a spelling difference counts less than the word itself. */
    static final float FUZZY_BOOST = 0.5f;
    /** Most words a prefix expands to per field. */
    static final int PREFIX_TERMS = 64;
    /** Most words a fuzzy word expands to per field. */
    static final int FUZZY_TERMS = 32;
    /** Expanded words in one query, over all its prefixes and fuzzy words (Lucene refuses more than 1,024 clauses). */
    private static final int EXPANSION_BUDGET = 600;
    /** The folded fields a prefix or fuzzy word expands in. */
    private static final int EXPANDED_FIELDS = 4;
    /** Words shorter than this are never matched fuzzily: one letter off makes another common word. */
    static final int FUZZY_MIN_LETTERS = 4;
    /** From this length, two letters may differ. */
    static final int FUZZY_TWO_EDITS_LETTERS = 8;

    private final Analyzer folding;
    private final Analyzer stemming;
    private final QueryBuilder phrases;

    LuceneQueries(Analyzer folding, Analyzer stemming) {
        this.folding = folding;
        this.stemming = stemming;
        this.phrases = new QueryBuilder(folding);
    }

    /**
     * The words only: what is ranked and what the highlighter marks. Parts that hold no word once analysed
     * (punctuation alone) are left out; with no word left, nothing matches.
     */
    Query words(UserQuery query, Predicate<String> misspellable) {
        return words(query, misspellable, false);
    }

    /** No word is tried with spelling differences: the exact search. */
    static final Predicate<String> EXACT = word -> false;

    /**
     * As {@link #words(UserQuery, Predicate)}; {@code marking}: the query the highlighter marks words with, in which
     * phrases match the text word by word rather than by pairs of words (which hold no offsets to mark).
     */
    Query words(UserQuery query, Predicate<String> misspellable, boolean marking) {
        var expansions = new Expansions(query, misspellable != EXACT);
        var all = new BooleanQuery.Builder();
        boolean any = false;
        for (UserQuery.Part part : query.required()) {
            Query matching = part(part, misspellable, expansions, marking);
            if (matching != null) {
                all.add(matching, Occur.MUST);
                any = true;
            }
        }
        if (!any) {
            return new MatchNoDocsQuery("no words to search for");
        }
        for (UserQuery.Part part : query.excluded()) {
            Query matching = part(part, EXACT, expansions, marking);
            if (matching != null) {
                all.add(matching, Occur.MUST_NOT);
            }
        }
        return all.build();
    }

    private @Nullable Query part(UserQuery.Part part, Predicate<String> misspellable, Expansions expansions,
            boolean marking) {
        return switch (part) {
            case UserQuery.Word word when word.prefix() -> prefix(word.text(), expansions);
            case UserQuery.Word word -> word(word.text(), misspellable, expansions);
            case UserQuery.Phrase phrase -> phrase(phrase.text(), marking);
            case UserQuery.AnyOf any -> {
                var either = new BooleanQuery.Builder();
                boolean found = false;
                for (UserQuery.Part each : any.parts()) {
                    Query matching = part(each, misspellable, expansions, marking);
                    if (matching != null) {
                        either.add(matching, Occur.SHOULD);
                        found = true;
                    }
                }
                yield found ? either.build() : null;
            }
        };
    }

    /**
     * Each word the analyser finds in what was typed as one word ("al-Jolani" is "al" and "jolani") must
     * match, in any field; those {@code misspellable} says may be misspelled also with small spelling differences.
     */
    private @Nullable Query word(String typed, Predicate<String> misspellable, Expansions expansions) {
        List<String> folded = terms(folding, typed);
        List<String> stems = terms(stemming, typed);
        boolean aligned = stems.size() == folded.size();
        var all = new BooleanQuery.Builder();
        for (int i = 0; i < folded.size(); i++) {
            String term = folded.get(i);
            var fields = new BooleanQuery.Builder();
            fields.add(boosted(new TermQuery(new Term(LuceneFields.TITLE, term)), TITLE_BOOST), Occur.SHOULD);
            fields.add(boosted(new TermQuery(new Term(LuceneFields.NAMES, term)), NAMES_BOOST), Occur.SHOULD);
            fields.add(new TermQuery(new Term(LuceneFields.TEXT, term)), Occur.SHOULD);
            fields.add(boosted(new TermQuery(new Term(LuceneFields.CONTEXT, term)), CONTEXT_BOOST), Occur.SHOULD);
            if (aligned) {
                fields.add(boosted(new TermQuery(new Term(LuceneFields.TEXT_STEMMED, stems.get(i))), STEMMED_BOOST),
                        Occur.SHOULD);
            }
            int letters = term.codePointCount(0, term.length());
            if (letters >= FUZZY_MIN_LETTERS && misspellable.test(term)) {
                int edits = letters >= FUZZY_TWO_EDITS_LETTERS ? 2 : 1;
                for (String field : List.of(LuceneFields.TITLE, LuceneFields.NAMES, LuceneFields.TEXT)) {
                    fields.add(boosted(new FuzzyQuery(new Term(field, term), edits, 1, expansions.fuzzy(), true),
                            FUZZY_BOOST), Occur.SHOULD);
                }
            }
            all.add(fields.build(), Occur.MUST);
        }
        return single(all.build());
    }

    /** The last word is a prefix; words before it (in "al-Jol*") must match whole. */
    private @Nullable Query prefix(String typed, Expansions expansions) {
        List<String> folded = terms(folding, typed);
        if (folded.isEmpty()) {
            return null;
        }
        String last = folded.getLast();
        if (last.codePointCount(0, last.length()) < org.annals.search.QuerySyntax.MIN_PREFIX) {
            return word(typed, EXACT, expansions);
        }
        var all = new BooleanQuery.Builder();
        for (String term : folded.subList(0, folded.size() - 1)) {
            all.add(inFoldedFields(field -> new TermQuery(new Term(field, term))), Occur.MUST);
        }
        var rewrite = new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(expansions.prefix());
        all.add(inFoldedFields(field -> new PrefixQuery(new Term(field, last), rewrite)), Occur.MUST);
        return single(all.build());
    }

    /**
     * The words in this order, next to each other, in the title, a name or the text (folded, not stemmed).
     * Not in the title of what a passage belongs to: a phrase asks for these words in the thing itself, the
     * source's own document is found by its title, and matching positions in a title repeated on each of a
     * source's hundreds of passages is what made phrases the slowest searches.
     */
    private @Nullable Query phrase(String typed, boolean marking) {
        Query title = phrases.createPhraseQuery(LuceneFields.TITLE, typed, 0);
        if (title == null) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(boosted(title, TITLE_BOOST), Occur.SHOULD)
                .add(boosted(phrases.createPhraseQuery(LuceneFields.NAMES, typed, 0), NAMES_BOOST), Occur.SHOULD)
                .add(marking ? phrases.createPhraseQuery(LuceneFields.TEXT, typed, 0) : inText(typed), Occur.SHOULD)
                .build();
    }

    /**
     * A phrase in the text, matched on {@link LuceneFields#TEXT_PAIRS}: "siege of maarat" is the pairs "siege
     * of" and "of maarat" one position apart, which is exactly the words in that order. One word is just the
     * word.
     */
    private Query inText(String typed) {
        List<String> words = terms(folding, typed);
        if (words.size() < 2) {
            return new TermQuery(new Term(LuceneFields.TEXT, words.getFirst()));
        }
        var pairs = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < words.size(); i++) {
            pairs.add(new Term(LuceneFields.TEXT_PAIRS, words.get(i) + " " + words.get(i + 1)), i);
        }
        return pairs.build();
    }

    private static Query inFoldedFields(java.util.function.Function<String, Query> query) {
        return new BooleanQuery.Builder()
                .add(boosted(query.apply(LuceneFields.TITLE), TITLE_BOOST), Occur.SHOULD)
                .add(boosted(query.apply(LuceneFields.NAMES), NAMES_BOOST), Occur.SHOULD)
                .add(query.apply(LuceneFields.TEXT), Occur.SHOULD)
                .add(boosted(query.apply(LuceneFields.CONTEXT), CONTEXT_BOOST), Occur.SHOULD)
                .build();
    }

    private static Query boosted(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    private static @Nullable Query single(BooleanQuery query) {
        if (query.clauses().isEmpty()) {
            return null;
        }
        return query.clauses().size() == 1 ? query.clauses().getFirst().query() : query;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** How many index words each prefix and fuzzy word may expand to, sharing one budget per query. */
    private static final class Expansions {

        private final int prefix;
        private final int fuzzy;

        Expansions(UserQuery query, boolean fuzzy) {
            int expanding = count(query.required(), fuzzy) + count(query.excluded(), false);
            int each = expanding == 0 ? PREFIX_TERMS : EXPANSION_BUDGET / (EXPANDED_FIELDS * expanding);
            this.prefix = Math.clamp(each, 4, PREFIX_TERMS);
            this.fuzzy = Math.clamp(each, 4, FUZZY_TERMS);
        }

        private static int count(List<UserQuery.Part> parts, boolean fuzzy) {
            int count = 0;
            for (UserQuery.Part part : parts) {
                count += switch (part) {
                    case UserQuery.Word word -> word.prefix() || fuzzy ? 1 : 0;
                    case UserQuery.Phrase phrase -> 0;
                    case UserQuery.AnyOf any -> count(any.parts(), fuzzy);
                };
            }
            return count;
        }

        int prefix() {
            return prefix;
        }

        int fuzzy() {
            return fuzzy;
        }
    }

    /**
     * The words, the project, the filters and the viewer's rights together; not the kinds wanted, as every
     * kind is counted ({@link #ofKinds}).
     */
    Query matching(EngineQuery query, Query words) {
        var all = new BooleanQuery.Builder();
        all.add(words, Occur.MUST);
        all.add(new TermQuery(new Term(LuceneFields.PROJECT, query.projectId().toString())), Occur.FILTER);
        all.add(visibleTo(query), Occur.FILTER);
        if (query.sourceId() != null) {
            all.add(new TermQuery(new Term(LuceneFields.SOURCE, query.sourceId().toString())), Occur.FILTER);
        }
        if (!query.subtypes().isEmpty()) {
            all.add(anyOf(LuceneFields.SUBTYPE, query.subtypes()), Occur.FILTER);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochDay();
            all.add(LongRange.newIntersectsQuery(LuceneFields.DAYS, new long[] {from}, new long[] {to}), Occur.FILTER);
        }
        return all.build();
    }

    /** Only documents of these kinds. */
    Query ofKinds(Query matching, Set<SearchKind> kinds) {
        if (kinds.size() == SearchKind.values().length) {
            return matching;
        }
        // The kinds are a required clause scoring nothing, not a filter: a filter beside one disjunction of words
        // is checked on every document the words match (millions for a common word, most of them passages),
        // where a second required clause makes a conjunction that the rarer side leads. The index is sorted by
        // kind, so each kind is one stretch of document numbers found by a binary search, and the conjunction
        // reads only that stretch of the words' postings: "killed" among 100,000 sources no longer steps through
        // the 4.7 million passages between them.
        return new BooleanQuery.Builder()
                .add(matching, Occur.MUST)
                .add(new BoostQuery(new ConstantScoreQuery(kindStretches(kinds)), 0f), Occur.MUST)
                .build();
    }

    /** The kinds as stretches of neighbouring kind positions, one range query each. */
    private static Query kindStretches(Set<SearchKind> kinds) {
        var stretches = new BooleanQuery.Builder();
        int[] ordinals = kinds.stream().mapToInt(Enum::ordinal).sorted().toArray();
        int first = 0;
        for (int i = 1; i <= ordinals.length; i++) {
            if (i == ordinals.length || ordinals[i] != ordinals[i - 1] + 1) {
                long from = ordinals[first];
                long to = ordinals[i - 1];
                stretches.add(new IndexSortSortedNumericDocValuesRangeQuery(LuceneFields.KIND_ORDER, from, to,
                        NumericDocValuesField.newSlowRangeQuery(LuceneFields.KIND_ORDER, from, to)), Occur.SHOULD);
                first = i;
            }
        }
        return stretches.build();
    }

    /** Vetted data for every member, proposals for editors and up, a draft for its author alone. */
    private static Query visibleTo(EngineQuery query) {
        var visible = new BooleanQuery.Builder();
        visible.add(new TermQuery(new Term(LuceneFields.AUDIENCE, Audience.MEMBERS.name())), Occur.SHOULD);
        if (query.seesProposals()) {
            visible.add(new TermQuery(new Term(LuceneFields.AUDIENCE, Audience.EDITORS.name())), Occur.SHOULD);
        }
        var ownDraft = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneFields.AUDIENCE, Audience.OWNER.name())), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneFields.OWNER, query.viewerId().toString())), Occur.FILTER)
                .build();
        visible.add(ownDraft, Occur.SHOULD);
        return visible.build();
    }

    private static Query anyOf(String field, Collection<String> values) {
        var any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return any.build();
    }
}

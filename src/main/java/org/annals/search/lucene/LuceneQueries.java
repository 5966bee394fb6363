package org.annals.search.lucene;

import org.annals.search.Audience;
import org.annals.search.EngineQuery;
import org.annals.search.SearchKind;
import org.annals.search.UserQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Translates an {@link EngineQuery} into Lucene: the person's words over the analysed fields, the filters,
 * and what the viewer may see.
 */
final class LuceneQueries {

    private final QueryBuilder folded;
    private final QueryBuilder stemmed;

    LuceneQueries(Analyzer folding, Analyzer stemming) {
        this.folded = new QueryBuilder(folding);
        this.stemmed = new QueryBuilder(stemming);
    }

    /** The words only: what the highlighter marks. */
    Query words(UserQuery query, boolean fuzzy) {
        var all = new BooleanQuery.Builder();
        for (UserQuery.Part part : query.required()) {
            all.add(part(part), Occur.MUST);
        }
        for (UserQuery.Part part : query.excluded()) {
            all.add(part(part), Occur.MUST_NOT);
        }
        return all.build();
    }

    private Query part(UserQuery.Part part) {
        return switch (part) {
            case UserQuery.Word word -> anyField(word.text());
            case UserQuery.Phrase phrase -> anyField(phrase.text());
            case UserQuery.AnyOf any -> {
                var either = new BooleanQuery.Builder();
                any.parts().forEach(p -> either.add(part(p), Occur.SHOULD));
                yield either.build();
            }
        };
    }

    private Query anyField(String words) {
        var fields = new BooleanQuery.Builder();
        addIfAny(fields, folded.createBooleanQuery(LuceneFields.TEXT, words, Occur.MUST));
        addIfAny(fields, stemmed.createBooleanQuery(LuceneFields.TEXT_STEMMED, words, Occur.MUST));
        addIfAny(fields, folded.createBooleanQuery(LuceneFields.TITLE, words, Occur.MUST));
        addIfAny(fields, folded.createBooleanQuery(LuceneFields.NAMES, words, Occur.MUST));
        BooleanQuery built = fields.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("no words") : built;
    }

    private static void addIfAny(BooleanQuery.Builder fields, @Nullable Query query) {
        if (query != null) {
            fields.add(query, Occur.SHOULD);
        }
    }

    /** The words, the filters and the viewer's rights together. */
    Query full(EngineQuery query, @Nullable SearchKind onlyKind) {
        var all = new BooleanQuery.Builder();
        all.add(words(query.query(), query.fuzzy()), Occur.MUST);
        all.add(new TermQuery(new Term(LuceneFields.PROJECT, query.projectId().toString())), Occur.FILTER);
        all.add(visibleTo(query), Occur.FILTER);
        if (onlyKind != null) {
            all.add(new TermQuery(new Term(LuceneFields.KIND, onlyKind.name())), Occur.FILTER);
        } else if (!query.kinds().isEmpty()) {
            all.add(anyOf(LuceneFields.KIND, query.kinds().stream().map(Enum::name).toList()), Occur.FILTER);
        }
        if (query.sourceId() != null) {
            all.add(new TermQuery(new Term(LuceneFields.SOURCE, query.sourceId().toString())), Occur.FILTER);
        }
        if (!query.subtypes().isEmpty()) {
            all.add(anyOf(LuceneFields.SUBTYPE, query.subtypes()), Occur.FILTER);
        }
        if (query.from() != null) {
            all.add(LongPoint.newRangeQuery(LuceneFields.TO_DAY, query.from().toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
        }
        if (query.to() != null) {
            all.add(LongPoint.newRangeQuery(LuceneFields.FROM_DAY, Long.MIN_VALUE, query.to().toEpochDay()), Occur.FILTER);
        }
        return all.build();
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

    private static Query anyOf(String field, java.util.Collection<String> values) {
        var any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return any.build();
    }
}

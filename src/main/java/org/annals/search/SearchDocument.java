package org.annals.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * One thing search can find, in engine-neutral terms: what the engine indexes, filters on and gives
 * back. Built from the database's current state by {@link SearchDocuments}; never edited in place.
 *
 * @param key unique within the index, e.g. {@code passage:<source>:<ordinal>} or {@code proposal:<operation>}
 * @param group what the document is replaced or removed with ({@link DocumentGroup#key()})
 * @param record the record the hit opens (for passages and source metadata: the source; for a proposal:
 *     the record proposed; for a comment: the comment's record)
 * @param changesetId for proposals and drafts: the changeset holding them
 * @param ownerId for {@link Audience#OWNER}: whose draft it is
 * @param title what the hit is called on a results page (a source's title, a record's name)
 * @param text the words searched and shown in context (passage text, quote, notes, aliases, body)
 * @param names names in every script (an entity's name and aliases, an event's places and actors): matched
 *     more strongly and with the fuzzy fallback for transliterations
 * @param sourceId the source a passage, a source, or an annotation belongs to
 * @param subtype annotation type or entity kind name (a filter), else null
 * @param from,to the dates the document is about (an event's date range, a source's publication date), for
 *     date filters; null when it has none
 * @param start,end for passages and annotations: UTF-16 offsets into the source's frozen text; -1 otherwise
 * @param section the section path of a passage ("History › 2024 offensive"), else null
 * @param updated when it last changed: newer first among equally relevant hits
 */
public record SearchDocument(String key, DocumentGroup group, SearchKind kind, RecordRef record, UUID projectId,
        Audience audience, @Nullable UUID ownerId, @Nullable UUID changesetId, String title, String text,
        List<String> names, @Nullable UUID sourceId, @Nullable String subtype, @Nullable LocalDate from,
        @Nullable LocalDate to, int start, int end, @Nullable String section, Instant updated) {

    public SearchDocument {
        names = List.copyOf(names);
    }
}

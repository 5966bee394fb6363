package org.annals.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * Hand-made documents put straight into the index through the port, so that pages and the API can be tested
 * apart from indexing. Each document gets a group of its own that nothing in the database has, so the
 * indexer never replaces it.
 */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** Puts the documents into the index and makes them searchable, leaving the feed position as it was. */
    public static void put(SearchEngine engine, SearchDocument... documents) {
        for (SearchDocument document : documents) {
            engine.replace(document.group(), List.of(document));
        }
        engine.commit(engine.position());
    }

    public static SearchDocument passage(UUID project, UUID source, String title, String section, String text,
            int start, int end) {
        return document(SearchKind.PASSAGE, new RecordRef("SOURCE", source), project, Audience.MEMBERS, null, null,
                title, text, source, null, null, start, end, section);
    }

    public static SearchDocument source(UUID project, UUID source, String title, String text) {
        return document(SearchKind.SOURCE, new RecordRef("SOURCE", source), project, Audience.MEMBERS, null, null,
                title, text, source, null, null, -1, -1, null);
    }

    public static SearchDocument annotation(UUID project, UUID annotation, UUID source, String quote, String type,
            int start, int end) {
        return document(SearchKind.ANNOTATION, new RecordRef("ANNOTATION", annotation), project, Audience.MEMBERS,
                null, null, quote, quote, source, type, null, start, end, null);
    }

    public static SearchDocument event(UUID project, UUID event, String title, String notes, LocalDate day) {
        return document(SearchKind.EVENT, new RecordRef("EVENT", event), project, Audience.MEMBERS, null, null, title,
                notes, null, null, day, -1, -1, null);
    }

    public static SearchDocument entity(UUID project, UUID entity, String name, String kind) {
        return document(SearchKind.ENTITY, new RecordRef("ENTITY", entity), project, Audience.MEMBERS, null, null,
                name, name, null, kind, null, -1, -1, null);
    }

    public static SearchDocument comment(UUID project, RecordRef on, String title, String body) {
        return document(SearchKind.COMMENT, on, project, Audience.MEMBERS, null, null, title, body, null, null, null,
                -1, -1, null);
    }

    /** An entity proposed for review ({@link Audience#EDITORS}) or in {@code owner}'s draft ({@link Audience#OWNER}). */
    public static SearchDocument proposedEntity(UUID project, UUID entity, String name, String kind, Audience audience,
            UUID owner, UUID changeset) {
        return document(SearchKind.ENTITY, new RecordRef("ENTITY", entity), project, audience, owner, changeset, name,
                name, null, kind, null, -1, -1, null);
    }

    private static SearchDocument document(SearchKind kind, RecordRef record, UUID project, Audience audience,
            @Nullable UUID owner, @Nullable UUID changeset, String title, String text, @Nullable UUID source,
            @Nullable String subtype, @Nullable LocalDate day, int start, int end, @Nullable String section) {
        UUID group = UUID.randomUUID();
        return new SearchDocument("test:" + group, new DocumentGroup(DocumentGroup.Type.COMMENT, group), kind, record,
                project, audience, owner, changeset, title, text, List.of(), source, subtype, day, day, start, end,
                section, Instant.now());
    }
}

package org.annals.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.annals.annotation.AnnotationPayload;
import org.annals.entity.Alias;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * The one shape of each record kind's document, built from the kind's payload: vetted records are read
 * into a payload and proposals carry one, so a proposal is found by the same words as the record it
 * would become.
 */
final class RecordDocuments {

    /** Between the parts of a document's text, so that words of different parts never run together. */
    static final String PARTS = "\n";

    private RecordDocuments() {
    }

    /** Where a document comes from and who may see it: everything that is not the record's values. */
    record Origin(String key, DocumentGroup group, RecordRef record, UUID projectId, Audience audience,
            @Nullable UUID ownerId, @Nullable UUID changesetId, Instant updated) {
    }

    /** An entity: its name, every alias in every script, and what was merged into it, as names. */
    static SearchDocument entity(Origin origin, EntityPayload p, List<String> mergedNames) {
        var names = new LinkedHashSet<String>();
        names.add(p.name());
        p.aliases().stream().map(Alias::name).forEach(names::add);
        names.addAll(mergedNames);
        var text = new ArrayList<String>();
        text.add(p.name());
        p.aliases().stream().map(Alias::name).forEach(text::add);
        text.add(p.description());
        return document(origin, SearchKind.ENTITY, p.name(), join(text), List.copyOf(names), null,
                p.kind().name(), null, null, -1, -1);
    }

    /** An event: its words, its date written out, and the names of its place and actors. */
    static SearchDocument event(Origin origin, EventPayload p, RecordNames.Names known, List<String> mergedTitles) {
        var names = new LinkedHashSet<String>();
        names.addAll(known.entity(p.placeId()));
        for (EventActor actor : p.actors()) {
            names.addAll(known.entity(actor.entityId()));
        }
        String type = known.eventType(p.typeId());
        var text = new ArrayList<String>();
        text.add(p.title());
        text.add(p.end() == null ? p.start().display() : p.start().display() + " – " + p.end().display());
        text.add(type);
        text.add(known.eventType(p.subTypeId()));
        text.add(p.notes());
        text.add(p.tags().isEmpty() ? null : String.join(" ", p.tags()));
        text.addAll(names);
        var allNames = new ArrayList<>(names);
        allNames.addAll(mergedTitles);
        return document(origin, SearchKind.EVENT, p.title(), join(text), allNames, null, type, p.start().date(),
                p.end() == null ? p.start().lastDay() : p.end().lastDay(), -1, -1);
    }

    /** An annotation: its quote, found by the name of what it is linked to as well. */
    static SearchDocument annotation(Origin origin, AnnotationPayload p, RecordNames.Names known) {
        List<String> linked = EntityRecordType.KIND.equals(p.linkKind()) ? known.entity(p.linkId())
                : EventRecordType.KIND.equals(p.linkKind()) ? known.event(p.linkId()) : List.of();
        String title = linked.isEmpty() ? p.type().displayName() : linked.getFirst();
        return document(origin, SearchKind.ANNOTATION, title, p.exact(), linked, p.sourceId(), p.type().name(), null,
                null, p.start(), p.end());
    }

    private static SearchDocument document(Origin o, SearchKind kind, String title, String text, List<String> names,
            @Nullable UUID sourceId, @Nullable String subtype, java.time.@Nullable LocalDate from,
            java.time.@Nullable LocalDate to, int start, int end) {
        return new SearchDocument(o.key(), o.group(), kind, o.record(), o.projectId(), o.audience(), o.ownerId(),
                o.changesetId(), title, text, names, sourceId, subtype, from, to, start, end, null, o.updated());
    }

    /** The non-empty parts, one per line. */
    static String join(List<@Nullable String> parts) {
        return String.join(PARTS, parts.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
    }
}

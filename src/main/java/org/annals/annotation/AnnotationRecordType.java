package org.annals.annotation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntitiesMerged;
import org.annals.entity.EntityDeleting;
import org.annals.entity.EntityDirectory;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventDeleting;
import org.annals.event.EventDirectory;
import org.annals.event.EventRecordType;
import org.annals.event.EventsMerged;
import org.annals.event.QuoteDeleting;
import org.annals.review.ChangeAction;
import org.annals.review.KnockOnChanges;
import org.annals.review.RecordRef;
import org.annals.review.RecordType;
import org.annals.source.AnchorText;
import org.annals.source.SourceAnchors;
import org.annals.source.SourceReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Annotations as records of the moderation engine. A span must lie inside one passage of its source's
 * frozen text, quote exactly what the text says there, and carry the text around it; anything else is
 * refused with the reason, whether it comes from the editor, the API or a hand-made request.
 */
@Component
public class AnnotationRecordType implements RecordType<AnnotationPayload> {

    public static final String KIND = "ANNOTATION";
    /** Characters of context kept on each side of the quote, as the W3C TextQuoteSelector suggests. */
    public static final int CONTEXT_LENGTH = 32;
    /** A span is a phrase or a few sentences of evidence, not a chapter. */
    public static final int MAX_LENGTH = 10_000;

    private final AnnotationRepository annotations;
    private final SourceAnchors anchors;
    private final EntityDirectory entities;
    private final EventDirectory events;
    private final ApplicationEventPublisher publisher;

    AnnotationRecordType(AnnotationRepository annotations, SourceAnchors anchors, EntityDirectory entities,
            EventDirectory events, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.annotations = annotations;
        this.anchors = anchors;
        this.entities = entities;
        this.events = events;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String displayName() {
        return "Annotation";
    }

    @Override
    public Class<AnnotationPayload> payloadType() {
        return AnnotationPayload.class;
    }

    @Override
    public Optional<Current<AnnotationPayload>> current(UUID projectId, UUID recordId) {
        return annotations.findByIdAndProjectId(recordId, projectId).map(a -> new Current<>(a.values(), a.getVersion()));
    }

    @Override
    public @Nullable UUID context(AnnotationPayload payload) {
        return payload.sourceId();
    }

    @Override
    public boolean idTaken(UUID recordId) {
        return annotations.existsById(recordId);
    }

    @Override
    public void validate(UUID projectId, UUID recordId, ChangeAction action, AnnotationPayload p) {
        if (p.sourceId() == null || p.type() == null || p.exact() == null || p.prefix() == null || p.suffix() == null) {
            throw new InvalidInputException("An annotation needs a source, a type, the quote and its context.");
        }
        AnchorText text = anchors.anchorText(projectId, p.sourceId())
                .orElseThrow(() -> new InvalidInputException("The source does not exist in this project."));
        checkSpan(text, p.start(), p.end());
        String actual = text.slice(p.start(), p.end());
        if (!actual.equals(p.exact())) {
            throw new InvalidInputException("The quote does not match the text at " + p.start() + "–" + p.end()
                    + ": the text there reads \"" + abbreviate(actual) + "\", the quote \"" + abbreviate(p.exact())
                    + "\".");
        }
        if (!text.prefix(p.start(), CONTEXT_LENGTH).equals(p.prefix())
                || !text.suffix(p.end(), CONTEXT_LENGTH).equals(p.suffix())) {
            throw new InvalidInputException("The text around the quote does not match the source: send the "
                    + CONTEXT_LENGTH + " characters before and after the span as they are in the text.");
        }
        checkLink(p);
    }

    /** The span rules alone, shared with the editor so that it can refuse a selection before anything is typed. */
    static void checkSpan(AnchorText text, int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new InvalidInputException("The span " + start + "–" + end + " lies outside the text, which has "
                    + text.length() + " characters.");
        }
        if (start == end) {
            throw new InvalidInputException("Select at least one character to annotate.");
        }
        if (end - start > MAX_LENGTH) {
            throw new InvalidInputException("An annotation spans at most " + MAX_LENGTH + " characters; this one has "
                    + (end - start) + ". Mark the sentences that matter.");
        }
        if (text.splitsSurrogatePair(start) || text.splitsSurrogatePair(end)) {
            throw new InvalidInputException("The span begins or ends inside a character (an emoji or a rare letter).");
        }
        OptionalInt passage = text.passageAt(start);
        if (passage.isEmpty()) {
            throw new InvalidInputException("The span starts outside the source's passages, in text that is not part"
                    + " of the source (page chrome or separators dropped on import).");
        }
        if (end > text.passageEnd(passage.getAsInt())) {
            throw new InvalidInputException("An annotation must stay within one passage; this selection crosses a"
                    + " passage boundary. Annotate each passage on its own.");
        }
        if (isBlank(text.slice(start, end))) {
            throw new InvalidInputException("The selection holds only spaces or line breaks: select the words to"
                    + " annotate.");
        }
    }

    /**
     * Nothing a reader could see: white space of any script (no-break and ideographic spaces included)
     * and invisible format characters such as zero-width spaces.
     */
    static boolean isBlank(String span) {
        return span.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    private static void checkLink(AnnotationPayload p) {
        if ((p.linkKind() == null) != (p.linkId() == null)) {
            throw new InvalidInputException("A link needs both the kind and the id of the record.");
        }
        if (p.linkKind() != null && !p.linkKind().equals(EventRecordType.KIND)
                && !p.linkKind().equals(EntityRecordType.KIND)) {
            throw new InvalidInputException("An annotation links to an event or an entity.");
        }
        String required = p.type().requiredLinkKind();
        if (required != null && !required.equals(p.linkKind())) {
            throw new InvalidInputException("An " + p.type().displayName().toLowerCase(java.util.Locale.ROOT)
                    + " must link to " + (required.equals(EventRecordType.KIND) ? "an event." : "an entity."));
        }
    }

    @Override
    public Set<RecordRef> references(AnnotationPayload p) {
        var refs = new java.util.LinkedHashSet<RecordRef>();
        if (p.sourceId() != null) {
            refs.add(new RecordRef(SourceReferences.KIND, p.sourceId()));
        }
        if (p.linkKind() != null && p.linkId() != null) {
            refs.add(new RecordRef(p.linkKind(), p.linkId()));
        }
        return refs;
    }

    @Override
    public Set<RecordRef> apply(UUID projectId, UUID recordId, ChangeAction action, @Nullable AnnotationPayload p) {
        Instant now = Instant.now();
        switch (action) {
            case CREATE -> {
                AnchorText text = anchors.anchorText(projectId, p.sourceId())
                        .orElseThrow(() -> new InvalidInputException("The source no longer exists."));
                annotations.save(new Annotation(recordId, projectId, text.textVersionId(), p, now));
            }
            case UPDATE -> existing(projectId, recordId).set(p, now);
            case DELETE -> {
                Annotation annotation = existing(projectId, recordId);
                // Claims it backs lose their quote (and keep value and source), each with a revision.
                var unquoted = new KnockOnChanges();
                publisher.publishEvent(new QuoteDeleting(projectId, recordId, unquoted));
                annotations.delete(annotation);
                return unquoted.records();
            }
        }
        return Set.of();
    }

    private Annotation existing(UUID projectId, UUID recordId) {
        return annotations.findByIdAndProjectId(recordId, projectId)
                .orElseThrow(() -> new InvalidInputException("The annotation no longer exists."));
    }

    /** Annotations of a merged entity now point at the survivor, like events do. */
    @EventListener
    void entitiesMerged(EntitiesMerged merged) {
        relink(merged.projectId(), EntityRecordType.KIND, merged.duplicate(), merged.survivor(), merged.changes());
    }

    @EventListener
    void eventsMerged(EventsMerged merged) {
        relink(merged.projectId(), EventRecordType.KIND, merged.duplicate(), merged.survivor(), merged.changes());
    }

    private void relink(UUID projectId, String kind, UUID duplicate, UUID survivor, KnockOnChanges changes) {
        Instant now = Instant.now();
        for (Annotation annotation : annotations.findLinkedTo(projectId, kind, duplicate)) {
            annotation.relink(kind, survivor, now);
            changes.changed(KIND, annotation.getId());
        }
    }

    /** A record that is evidenced cannot be deleted; its annotations would point at nothing. */
    @EventListener
    void entityDeleting(EntityDeleting deleting) {
        refuseIfEvidenced(deleting.projectId(), EntityRecordType.KIND, deleting.entityId(), "entity");
    }

    @EventListener
    void eventDeleting(EventDeleting deleting) {
        refuseIfEvidenced(deleting.projectId(), EventRecordType.KIND, deleting.eventId(), "event");
    }

    private void refuseIfEvidenced(UUID projectId, String kind, UUID id, String what) {
        long count = annotations.countLinkedTo(projectId, kind, id);
        if (count > 0) {
            throw new InvalidInputException("The " + what + " cannot be deleted: " + count + " annotations link to it."
                    + " Merge it into another " + what + " or relink the annotations first.");
        }
    }

    @Override
    public String label(AnnotationPayload p) {
        return p.type().displayName() + ": “" + abbreviate(p.exact()) + "”";
    }

    @Override
    public LinkedHashMap<String, String> describe(AnnotationPayload p) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Type", p.type().displayName());
        fields.put("Quote in context", "…" + p.prefix() + "«" + p.exact() + "»" + p.suffix() + "…");
        fields.put("Source", anchorTitle(p.sourceId()));
        fields.put("Position", p.start() + "–" + p.end());
        fields.put("Links to", linkLabel(p.linkKind(), p.linkId()));
        return fields;
    }

    String linkLabel(@Nullable String kind, @Nullable UUID id) {
        if (kind == null || id == null) {
            return "";
        }
        return kind.equals(EventRecordType.KIND) ? "Event: " + events.displayName(id)
                : "Entity: " + entities.displayName(id);
    }

    private String anchorTitle(UUID sourceId) {
        return anchors.title(sourceId).orElse("(unknown source)");
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
    }
}

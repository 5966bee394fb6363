package org.annals.entity;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.LanguageTags;
import org.annals.review.ChangeAction;
import org.annals.review.KnockOnChanges;
import org.annals.review.RecordRef;
import org.annals.review.RecordType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Entities as records of the moderation engine: their rules, and how an approved change is applied. */
@Component
public class EntityRecordType implements RecordType<EntityPayload> {

    public static final String KIND = "ENTITY";
    public static final int NAME_MAX_LENGTH = 300;
    public static final int MAX_ALIASES = 100;
    public static final int DESCRIPTION_MAX_LENGTH = 4000;
    private static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9][0-9]{0,11}");

    private final EntityRecordRepository entities;
    private final ApplicationEventPublisher events;

    EntityRecordType(EntityRecordRepository entities, ApplicationEventPublisher events) {
        this.entities = entities;
        this.events = events;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String displayName() {
        return "Entity";
    }

    @Override
    public Class<EntityPayload> payloadType() {
        return EntityPayload.class;
    }

    @Override
    public Optional<Current<EntityPayload>> current(UUID projectId, UUID recordId) {
        return entities.findByIdAndProjectId(recordId, projectId).map(e -> new Current<>(e.values(), e.getVersion()));
    }

    @Override
    public boolean idTaken(UUID recordId) {
        return entities.existsById(recordId);
    }

    @Override
    public void validate(UUID projectId, UUID recordId, ChangeAction action, EntityPayload p) {
        if (p.kind() == null) {
            throw new InvalidInputException("Choose what kind of entity this is.");
        }
        requireText(p.name(), "name", NAME_MAX_LENGTH);
        if (p.aliases().size() > MAX_ALIASES) {
            throw new InvalidInputException("An entity can have at most " + MAX_ALIASES + " aliases; this one has "
                    + p.aliases().size() + ".");
        }
        var seen = new HashSet<String>();
        for (Alias alias : p.aliases()) {
            requireText(alias.name(), "alias", NAME_MAX_LENGTH);
            if (alias.language() != null && !LanguageTags.isValid(alias.language())) {
                throw new InvalidInputException("Give an alias's language as a code such as en, ar or pt-BR.");
            }
            if (!seen.add(alias.name().strip() + "|" + alias.language())) {
                throw new InvalidInputException("The alias \"" + alias.name().strip() + "\" is listed twice.");
            }
        }
        if (p.description() != null && p.description().length() > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + DESCRIPTION_MAX_LENGTH + " characters for the description.");
        }
        if (p.wikidataId() != null && !WIKIDATA_ID.matcher(p.wikidataId()).matches()) {
            throw new InvalidInputException("A Wikidata id is Q followed by digits, for example Q3766.");
        }
        validateCoordinates(p);
        if (recordId.equals(p.partOf())) {
            throw new InvalidInputException("An entity cannot be part of itself.");
        }
        if (p.partOf() != null && isAncestor(recordId, p.partOf())) {
            throw new InvalidInputException("This would make the entity part of one of its own parts.");
        }
        if (recordId.equals(p.mergedInto())) {
            throw new InvalidInputException("An entity cannot be merged into itself.");
        }
        if (p.mergedInto() != null) {
            entities.findByIdAndProjectId(p.mergedInto(), projectId).filter(e -> e.getMergedInto() != null)
                    .ifPresent(e -> {
                        throw new InvalidInputException("Merge into the surviving entity, not into one that was merged.");
                    });
        }
    }

    private static void validateCoordinates(EntityPayload p) {
        if (p.precision() != null && p.kind() != EntityKind.PLACE) {
            throw new InvalidInputException("Only places have a precision: it says what a place's coordinates stand for.");
        }
        if (p.latitude() == null && p.longitude() == null) {
            if (p.precision() != null) {
                // A precision qualifies coordinates; without them it would claim a location the place does not have.
                throw new InvalidInputException("A precision needs coordinates: give the place's latitude and longitude,"
                        + " or leave the precision unset (the place then takes its location from what it is part of).");
            }
            return;
        }
        if (p.kind() != EntityKind.PLACE) {
            throw new InvalidInputException("Only places have coordinates.");
        }
        if (p.latitude() == null || p.longitude() == null) {
            throw new InvalidInputException("Give both latitude and longitude, or neither.");
        }
        if (p.latitude() < -90 || p.latitude() > 90 || p.longitude() < -180 || p.longitude() > 180) {
            throw new InvalidInputException("Latitude lies between -90 and 90, longitude between -180 and 180.");
        }
    }

    /** Whether {@code candidate} is {@code parent} or lies above it in the part-of chain of vetted records. */
    private boolean isAncestor(UUID candidate, UUID parent) {
        UUID current = parent;
        for (int depth = 0; current != null && depth < 1000; depth++) {
            if (current.equals(candidate)) {
                return true;
            }
            current = entities.findById(current).map(EntityRecord::getPartOf).orElse(null);
        }
        return false;
    }

    private static void requireText(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The " + field + " must not be empty.");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException("Use at most " + max + " characters for the " + field + ".");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The " + field + " must not contain control characters.");
        }
    }

    @Override
    public Set<RecordRef> references(EntityPayload p) {
        var refs = new LinkedHashSet<RecordRef>();
        if (p.partOf() != null) {
            refs.add(new RecordRef(KIND, p.partOf()));
        }
        if (p.mergedInto() != null) {
            refs.add(new RecordRef(KIND, p.mergedInto()));
        }
        return refs;
    }

    @Override
    public Set<RecordRef> apply(UUID projectId, UUID recordId, ChangeAction action, @Nullable EntityPayload p) {
        Instant now = Instant.now();
        switch (action) {
            case CREATE -> {
                entities.save(new EntityRecord(recordId, projectId, tidy(p), now));
                return Set.of();
            }
            case UPDATE -> {
                EntityRecord record = existing(projectId, recordId);
                boolean merging = record.getMergedInto() == null && p.mergedInto() != null;
                record.set(tidy(p), now);
                return merging ? moveReferences(projectId, record, p.mergedInto(), now) : Set.of();
            }
            case DELETE -> {
                EntityRecord record = existing(projectId, recordId);
                long parts = entities.countByPartOf(recordId);
                int merged = entities.findByMergedInto(recordId).size();
                if (parts > 0 || merged > 0) {
                    throw new InvalidInputException("\"" + record.getName() + "\" cannot be deleted: "
                            + (parts > 0 ? parts + (parts == 1 ? " entity is" : " entities are") + " part of it" : "")
                            + (parts > 0 && merged > 0 ? " and " : "")
                            + (merged > 0 ? merged + (merged == 1 ? " entity was" : " entities were") + " merged into it" : "")
                            + ". Merge it into another entity instead.");
                }
                events.publishEvent(new EntityDeleting(projectId, recordId));
                entities.delete(record);
                return Set.of();
            }
        }
        return Set.of();
    }

    /** After a merge, parts of the duplicate become parts of the survivor, and earlier redirects point at it. */
    private Set<RecordRef> moveReferences(UUID projectId, EntityRecord duplicate, UUID survivor, Instant now) {
        var moved = new KnockOnChanges();
        for (EntityRecord part : entities.findByPartOf(duplicate.getId())) {
            part.movePartOf(survivor, now);
            moved.changed(KIND, part.getId());
        }
        for (EntityRecord redirect : entities.findByMergedInto(duplicate.getId())) {
            redirect.set(redirect.values().mergedInto(survivor), now);
            moved.changed(KIND, redirect.getId());
        }
        // Events and annotations that point at the duplicate move too, and say which they moved.
        events.publishEvent(new EntitiesMerged(projectId, duplicate.getId(), survivor, moved));
        return moved.records();
    }

    private EntityRecord existing(UUID projectId, UUID recordId) {
        return entities.findByIdAndProjectId(recordId, projectId)
                .orElseThrow(() -> new InvalidInputException("The entity no longer exists."));
    }

    /** Trims names and drops empty optional values, so that stored records compare cleanly. */
    private static EntityPayload tidy(EntityPayload p) {
        return new EntityPayload(p.kind(), p.name().strip(),
                p.aliases().stream().map(a -> new Alias(a.name().strip(), blankToNull(a.language()))).toList(),
                blankToNull(p.description()), blankToNull(p.wikidataId()), p.latitude(), p.longitude(), p.precision(), p.partOf(),
                p.mergedInto());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String label(EntityPayload p) {
        return p.kind().displayName() + ": " + p.name().strip();
    }

    @Override
    public LinkedHashMap<String, String> describe(EntityPayload p) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Kind", p.kind().displayName());
        fields.put("Name", p.name());
        fields.put("Aliases", p.aliases().stream()
                .map(a -> a.language() == null ? a.name() : a.name() + " (" + a.language() + ")")
                .collect(Collectors.joining("; ")));
        fields.put("Description", p.description() == null ? "" : p.description());
        fields.put("Wikidata", p.wikidataId() == null ? "" : p.wikidataId());
        fields.put("Coordinates", p.latitude() == null ? "" : p.latitude() + ", " + p.longitude());
        // Unset on a place with coordinates reads as an exact point (decision 0038); shown as set, so a diff shows
        // a change from unset to "Exact point" for what it is.
        fields.put("Precision", p.precision() == null ? "" : p.precision().label());
        fields.put("Part of", p.partOf() == null ? "" : nameOf(p.partOf()));
        fields.put("Merged into", p.mergedInto() == null ? "" : nameOf(p.mergedInto()));
        return fields;
    }

    private String nameOf(UUID id) {
        return entities.findById(id).map(EntityRecord::getName).orElse("(proposed entity)");
    }
}

package org.annals.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules that hold an event's claims and its plain fields together (decision 0030):
 * <ul>
 * <li>every field with a value has claims, and exactly one of them (per kind of count, for casualties) is
 * preferred;</li>
 * <li>the event's date, type, place and actors are its preferred claims' values: the timeline, the filters and
 * the ACLED-style columns read them there, as before claims;</li>
 * <li>a field with a single plain claim (no source, no quote) is edited as a plain field: the value typed into
 * the event's field becomes the claim's value. That keeps an uncontested value as simple to enter as ever.</li>
 * </ul>
 * {@link #normalise} applies them to a proposed payload; it is pure, so the same payload gives the same claims
 * (with the same ids) in validation, review and application.
 */
public final class EventClaims {

    public static final int MAX_CLAIMS = 100;

    private EventClaims() {
    }

    /**
     * The payload with its claims made whole: plain fields turned into (or kept in step with) plain preferred
     * claims, a preferred claim chosen where none was (the one agreeing with the field's value, else the first),
     * and the fields set from the preferred claims.
     *
     * @throws InvalidInputException when one field has two preferred claims
     */
    public static EventPayload normalise(UUID eventId, EventPayload p) {
        List<EventClaim> given = new ArrayList<>();
        for (int i = 0; i < p.claims().size(); i++) {
            EventClaim claim = p.claims().get(i);
            if (claim == null || claim.field() == null) {
                throw new InvalidInputException("Every claim needs the field it is about (date, place, type, actors"
                        + " or casualties).");
            }
            checkShape(claim);
            given.add(claim.id() != null ? claim : withId(claim, givenId(eventId, claim.field(), i)));
        }
        var result = new ArrayList<EventClaim>();
        EventPayload values = p;
        for (ClaimField field : ClaimField.values()) {
            List<EventClaim> ofField = given.stream().filter(c -> c.field() == field).toList();
            if (field == ClaimField.CASUALTIES) {
                result.addAll(preferOnePerGroup(ofField));
                continue;
            }
            EventClaim typed = plainValue(eventId, field, p);
            if (ofField.isEmpty()) {
                if (typed != null) {
                    result.add(typed);
                }
                continue;
            }
            if (ofField.size() == 1 && ofField.getFirst().plain()) {
                if (typed != null) {
                    result.add(withId(typed, ofField.getFirst().id()));
                }
                continue;
            }
            List<EventClaim> chosen = preferOne(ofField, typed);
            result.addAll(chosen);
            values = withValueOf(values, chosen.stream().filter(EventClaim::preferred).findFirst().orElseThrow());
        }
        return values.withClaims(result);
    }

    /** The claims of one field as each says its value, keyed by claim; the preferred first. */
    public static List<EventClaim> of(List<EventClaim> claims, ClaimField field) {
        return claims.stream().filter(c -> c.field() == field)
                .sorted(Comparator.comparing((EventClaim c) -> !c.preferred())).toList();
    }

    /** The preferred claim of a field (for casualties, of each kind of count). */
    public static List<EventClaim> preferred(List<EventClaim> claims, ClaimField field) {
        return claims.stream().filter(c -> c.field() == field && c.preferred()).toList();
    }

    /**
     * Where the sources disagree: for each field (each kind of count, for casualties) whose claims give
     * different values, the values in the order preferred first. Casualty figures disagree when no one number
     * fits them all ("at least 12" and "15" agree; "12" and "8" do not).
     */
    public static List<Dispute> disputes(List<EventClaim> claims) {
        Map<Object, List<EventClaim>> byCompetition = new LinkedHashMap<>();
        claims.stream().sorted(Comparator.comparing((EventClaim c) -> c.field().ordinal())
                        .thenComparing(c -> !c.preferred()))
                .forEach(c -> byCompetition.computeIfAbsent(c.competition(), k -> new ArrayList<>()).add(c));
        var disputes = new ArrayList<Dispute>();
        byCompetition.forEach((competition, competing) -> {
            if (competing.size() < 2) {
                return;
            }
            ClaimField field = competing.getFirst().field();
            boolean disagree = field == ClaimField.CASUALTIES ? !overlap(competing)
                    : competing.stream().anyMatch(c -> !c.sameValue(competing.getFirst()));
            if (disagree) {
                var distinct = new ArrayList<EventClaim>();
                for (EventClaim c : competing) {
                    if (distinct.stream().noneMatch(d -> d.sameValue(c))) {
                        distinct.add(c);
                    }
                }
                disputes.add(new Dispute(field, competing.getFirst().casualties() == null ? null
                        : competing.getFirst().casualties().group(), distinct));
            }
        });
        return disputes;
    }

    /** The fields the sources disagree on, each once, in field order. */
    public static List<ClaimField> contestedFields(List<EventClaim> claims) {
        return disputes(claims).stream().map(Dispute::field).distinct().toList();
    }

    /** {@link #contestedFields} as stored in {@code event_record.contested_fields}: "DATE,CASUALTIES"; empty for none. */
    public static String contestedColumn(List<EventClaim> claims) {
        return contestedFields(claims).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * Sources disagree on a field: "date disputed: 30 Nov 2024 or 1 Dec 2024".
     *
     * @param group for casualties, what is counted
     * @param values one claim per distinct value, the preferred one first
     */
    public record Dispute(ClaimField field, Casualties.@Nullable Group group, List<EventClaim> values) {

        /** "date disputed: 30 Nov 2024 or 1 Dec 2024", with values written by {@code valueText}. */
        public String display(Function<EventClaim, String> valueText) {
            String what = group == null ? field.inSentence() : group.display();
            return what + " disputed: " + values.stream().map(valueText).collect(Collectors.joining(" or "));
        }
    }

    /**
     * A claim's value as text, names resolved by the caller: "30 November 2024", "Aleppo", "Armed clash /
     * Attack", "Primary: HTS; Target: SAA", "at least 12 civilians killed".
     */
    public static String valueText(EventClaim c, Function<UUID, String> entityName, Function<UUID, String> typeName) {
        return switch (c.field()) {
            case DATE -> c.start() == null ? "" : c.start().display() + (c.end() == null ? "" : " – " + c.end().display());
            case PLACE -> c.placeId() == null ? "" : entityName.apply(c.placeId());
            case TYPE -> c.typeId() == null ? "" : typeName.apply(c.typeId())
                    + (c.subTypeId() == null ? "" : " / " + typeName.apply(c.subTypeId()));
            case ACTORS -> c.actors().stream().map(a -> a.role().displayName() + ": " + entityName.apply(a.entityId()))
                    .collect(Collectors.joining("; "));
            case CASUALTIES -> c.casualties() == null ? "" : c.casualties().display();
        };
    }

    /** The id of a claim made from a plain field: the same for the same event and field, so review and application agree. */
    public static UUID plainId(UUID eventId, ClaimField field) {
        return derivedId(eventId, "plain/" + field.name());
    }

    /**
     * The id given to the {@code index}th claim of a proposal that came without ids (and to fatality claims
     * stored before claims, by V24).
     */
    public static UUID givenId(UUID eventId, ClaimField field, int index) {
        return derivedId(eventId, field.name() + "/" + index);
    }

    private static UUID derivedId(UUID eventId, String what) {
        return UUID.nameUUIDFromBytes(("annals:event-claim:" + eventId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** The field's value as typed into the event's plain field, as a plain preferred claim; null when empty. */
    private static @Nullable EventClaim plainValue(UUID eventId, ClaimField field, EventPayload p) {
        UUID id = plainId(eventId, field);
        EventClaim claim = switch (field) {
            case DATE -> p.start() == null ? null : EventClaim.date(id, p.start(), p.end(), null, null);
            case TYPE -> p.typeId() == null ? null : EventClaim.type(id, p.typeId(), p.subTypeId(), null, null);
            case PLACE -> p.placeId() == null ? null : EventClaim.place(id, p.placeId(), null, null);
            case ACTORS -> p.actors().isEmpty() ? null : EventClaim.actors(id, p.actors(), null, null);
            case CASUALTIES -> null;
        };
        return claim == null ? null : claim.preferred(true, null);
    }

    /** Exactly one preferred: the one marked, else the one agreeing with the typed value, else the first. */
    private static List<EventClaim> preferOne(List<EventClaim> competing, @Nullable EventClaim typed) {
        List<EventClaim> marked = competing.stream().filter(EventClaim::preferred).toList();
        if (marked.size() > 1) {
            throw twoPreferred(competing.getFirst());
        }
        if (marked.size() == 1) {
            return competing;
        }
        EventClaim choice = typed == null ? competing.getFirst()
                : competing.stream().filter(c -> c.sameValue(typed)).findFirst().orElse(competing.getFirst());
        return competing.stream().map(c -> c == choice ? c.preferred(true, null) : c).toList();
    }

    private static List<EventClaim> preferOnePerGroup(List<EventClaim> casualties) {
        Map<Object, List<EventClaim>> groups = new LinkedHashMap<>();
        for (EventClaim c : casualties) {
            if (c.casualties() == null) {
                throw new InvalidInputException("A casualties claim needs a figure.");
            }
            groups.computeIfAbsent(c.competition(), k -> new ArrayList<>()).add(c);
        }
        var result = new ArrayList<EventClaim>();
        groups.values().forEach(group -> result.addAll(preferOne(group, null)));
        return result;
    }

    /** A claim holds the value of its own field, whole, and nothing else. */
    private static void checkShape(EventClaim c) {
        String field = c.field().inSentence();
        boolean date = c.start() != null || c.end() != null;
        boolean type = c.typeId() != null || c.subTypeId() != null;
        boolean place = c.placeId() != null;
        boolean actors = !c.actors().isEmpty();
        boolean figure = c.casualties() != null;
        boolean own = switch (c.field()) {
            case DATE -> c.start() != null;
            case TYPE -> c.typeId() != null;
            case PLACE -> place;
            case ACTORS -> actors;
            case CASUALTIES -> figure;
        };
        if (!own) {
            throw new InvalidInputException("A claim about the " + field + " needs a " + switch (c.field()) {
                case DATE -> "start date.";
                case TYPE -> "event type.";
                case PLACE -> "place.";
                case ACTORS -> "list of actors.";
                case CASUALTIES -> "figure.";
            });
        }
        int slots = (date ? 1 : 0) + (type ? 1 : 0) + (place ? 1 : 0) + (actors ? 1 : 0) + (figure ? 1 : 0);
        if (slots > 1) {
            throw new InvalidInputException("A claim about the " + field + " holds that value only: make one claim"
                    + " per field.");
        }
        if (c.field() == ClaimField.DATE && c.end() != null && c.end().lastDay().isBefore(c.start().date())) {
            throw new InvalidInputException("A claimed end (" + c.end().display() + ") is before its start ("
                    + c.start().display() + ").");
        }
        if (c.field() == ClaimField.ACTORS) {
            var seen = new java.util.HashSet<String>();
            for (EventActor actor : c.actors()) {
                if (actor == null || actor.entityId() == null || actor.role() == null) {
                    throw new InvalidInputException("Every actor of a claim needs an entity and a role.");
                }
                if (!seen.add(actor.entityId() + "|" + actor.role())) {
                    throw new InvalidInputException("A claim lists the same actor twice in the same role.");
                }
            }
        }
        if (c.note() != null && c.note().length() > EventClaim.REASON_MAX_LENGTH) {
            throw new InvalidInputException("Keep a claim's note to at most " + EventClaim.REASON_MAX_LENGTH
                    + " characters.");
        }
        if (c.reason() != null && c.reason().length() > EventClaim.REASON_MAX_LENGTH) {
            throw new InvalidInputException("Give the reason for preferring a claim in at most "
                    + EventClaim.REASON_MAX_LENGTH + " characters.");
        }
    }

    private static InvalidInputException twoPreferred(EventClaim example) {
        String what = example.field() == ClaimField.CASUALTIES && example.casualties() != null
                ? "figure of " + example.casualties().group().display() : example.field().inSentence();
        return new InvalidInputException("Two claims for the " + what + " are marked preferred: one claim per field"
                + " is preferred, choose one.");
    }

    private static boolean overlap(List<EventClaim> figures) {
        long highestMinimum = figures.stream().mapToLong(c -> c.casualties().minimum()).max().orElse(0);
        long lowestMaximum = figures.stream().mapToLong(c -> c.casualties().qualifier() == CountQualifier.AT_LEAST
                ? Long.MAX_VALUE : c.casualties().maximum()).min().orElse(0);
        return highestMinimum <= lowestMaximum;
    }

    private static EventPayload withValueOf(EventPayload p, EventClaim preferred) {
        return switch (preferred.field()) {
            case DATE -> new EventPayload(p.title(), Objects.requireNonNull(preferred.start()), preferred.end(),
                    p.typeId(), p.subTypeId(), p.placeId(), p.actors(), p.claims(), p.notes(), p.tags(), p.parentId(),
                    p.mergedInto());
            case TYPE -> p.withType(Objects.requireNonNull(preferred.typeId()), preferred.subTypeId());
            case PLACE -> p.withPlace(preferred.placeId());
            case ACTORS -> p.withActors(preferred.actors());
            case CASUALTIES -> p;
        };
    }

    /**
     * The event's values with one more claim, as a quote proposes it (decision 0030): where a claim without a quote
     * already says the same value, uncited or citing the same source, that claim becomes this one, keeping its id
     * and its preference (the value gains its quote, and its source); otherwise the claim is added. When the new claim
     * comes marked preferred, the claims it competes with give up their preference. The values are normalised
     * first, so that their plain fields are claims to compare with.
     */
    public static EventPayload withQuotedClaim(UUID eventId, EventPayload values, EventClaim quoted) {
        if (quoted.id() == null) {
            throw new IllegalArgumentException("A quoted claim is given its id by the one who proposes it.");
        }
        EventPayload whole = normalise(eventId, values);
        var claims = new ArrayList<EventClaim>(whole.claims());
        if (claims.stream().anyMatch(c -> quoted.id().equals(c.id()))) {
            throw new InvalidInputException("The event already has this claim.");
        }
        EventClaim added = quoted;
        int same = -1;
        for (int i = 0; i < claims.size(); i++) {
            EventClaim c = claims.get(i);
            if (c.annotationId() == null && c.sameValue(quoted)
                    && (c.sourceId() == null || c.sourceId().equals(quoted.sourceId()))) {
                same = i;
                break;
            }
        }
        if (same >= 0) {
            EventClaim replaced = claims.get(same);
            added = withId(quoted, replaced.id()).preferred(replaced.preferred() || quoted.preferred(),
                    replaced.preferred() ? replaced.reason() : quoted.reason()).noted(quoted.note() != null
                            ? quoted.note() : replaced.note());
            claims.set(same, added);
        } else {
            claims.add(added);
        }
        if (added.preferred()) {
            EventClaim chosen = added;
            claims.replaceAll(c -> c != chosen && c.preferred() && c.competition().equals(chosen.competition())
                    ? c.preferred(false, null) : c);
        }
        return whole.withClaims(claims);
    }

    private static EventClaim withId(EventClaim c, UUID id) {
        return new EventClaim(id, c.field(), c.preferred(), c.start(), c.end(), c.typeId(), c.subTypeId(),
                c.placeId(), c.actors(), c.casualties(), c.sourceId(), c.annotationId(), c.reason(), c.note());
    }
}

package org.annals.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules of {@link EventClaims} on their own (decision 0030): pure, so plain unit tests. */
class EventClaimsTest {

    private static final UUID EVENT = UUID.fromString("0193a000-0000-7000-8000-000000000001");
    private static final UUID TYPE = UUID.randomUUID();
    private static final UUID PLACE = UUID.randomUUID();
    private static final UUID OTHER_PLACE = UUID.randomUUID();
    private static final UUID REUTERS = UUID.randomUUID();
    private static final UUID MINISTRY = UUID.randomUUID();
    private static final PartialDate NOV_30 = PartialDate.parse("2024-11-30");
    private static final PartialDate DEC_1 = PartialDate.parse("2024-12-01");

    private static EventPayload plain() {
        return EventPayload.of("Strike", NOV_30, TYPE).withPlace(PLACE);
    }

    private static Casualties figure(CasualtyCategory category, CasualtyParty party, int minimum, int maximum,
            CountQualifier qualifier) {
        return new Casualties(category, party, minimum, maximum, qualifier);
    }

    private static EventClaim casualties(Casualties figure, UUID source) {
        return EventClaim.casualties(null, figure, source, null);
    }

    @Test
    void plain_fields_become_preferred_plain_claims_with_ids_derived_from_the_event() {
        EventPayload whole = EventClaims.normalise(EVENT, plain());

        assertThat(whole.claims()).extracting(EventClaim::field).containsExactly(ClaimField.DATE, ClaimField.PLACE,
                ClaimField.TYPE);
        assertThat(whole.claims()).allSatisfy(c -> {
            assertThat(c.preferred()).isTrue();
            assertThat(c.plain()).isTrue();
            assertThat(c.id()).isEqualTo(EventClaims.plainId(EVENT, c.field()));
        });
        // pure: the same payload gives the same claims, and normalising twice changes nothing
        assertThat(EventClaims.normalise(EVENT, plain())).isEqualTo(whole);
        assertThat(EventClaims.normalise(EVENT, whole)).isEqualTo(whole);
        assertThat(EventClaims.normalise(UUID.randomUUID(), plain()).claims().getFirst().id())
                .isNotEqualTo(whole.claims().getFirst().id());
    }

    @Test
    void a_single_plain_claim_follows_the_typed_value() {
        EventPayload whole = EventClaims.normalise(EVENT, plain());
        EventPayload retyped = EventClaims.normalise(EVENT, whole.withPlace(OTHER_PLACE));

        assertThat(EventClaims.of(retyped.claims(), ClaimField.PLACE)).singleElement().satisfies(c -> {
            assertThat(c.placeId()).isEqualTo(OTHER_PLACE);
            assertThat(c.id()).isEqualTo(EventClaims.plainId(EVENT, ClaimField.PLACE));
        });
        assertThat(EventClaims.of(EventClaims.normalise(EVENT, whole.withPlace(null)).claims(), ClaimField.PLACE))
                .isEmpty();
    }

    @Test
    void without_a_marked_claim_the_one_agreeing_with_the_typed_value_is_preferred_else_the_first() {
        EventPayload agreeing = EventClaims.normalise(EVENT, plain().withClaims(List.of(
                EventClaim.date(null, DEC_1, null, MINISTRY, null), EventClaim.date(null, NOV_30, null, REUTERS, null))));
        assertThat(EventClaims.preferred(agreeing.claims(), ClaimField.DATE)).singleElement()
                .satisfies(c -> assertThat(c.sourceId()).isEqualTo(REUTERS));
        assertThat(agreeing.start()).isEqualTo(NOV_30);
        assertThat(agreeing.claims()).extracting(EventClaim::id).contains(EventClaims.givenId(EVENT, ClaimField.DATE, 0),
                EventClaims.givenId(EVENT, ClaimField.DATE, 1));

        EventPayload first = EventClaims.normalise(EVENT, plain().withPlace(null).withClaims(List.of(
                EventClaim.place(null, OTHER_PLACE, MINISTRY, null), EventClaim.place(null, PLACE, REUTERS, null))));
        assertThat(first.placeId()).isEqualTo(OTHER_PLACE);
    }

    @Test
    void a_marked_claim_sets_the_events_value() {
        EventPayload marked = EventClaims.normalise(EVENT, plain().withClaims(List.of(
                EventClaim.date(null, NOV_30, null, REUTERS, null),
                EventClaim.date(null, DEC_1, null, MINISTRY, null).preferred(true, "The ministry was there"))));

        assertThat(marked.start()).isEqualTo(DEC_1);
        assertThat(EventClaims.preferred(marked.claims(), ClaimField.DATE)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("The ministry was there"));
    }

    @Test
    void one_preferred_per_field_and_per_kind_of_count() {
        assertThatThrownBy(() -> EventClaims.normalise(EVENT, plain().withClaims(List.of(
                EventClaim.date(null, NOV_30, null, REUTERS, null).preferred(true, null),
                EventClaim.date(null, DEC_1, null, MINISTRY, null).preferred(true, null)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Two claims for the date are marked preferred: one claim per field is preferred, choose one.");

        // killed civilians and injured people do not compete: each kind of count has its preferred figure
        EventPayload counts = EventClaims.normalise(EVENT, plain().withCasualties(List.of(
                casualties(figure(CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, 12, 12, CountQualifier.AT_LEAST),
                        REUTERS),
                casualties(figure(CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, 8, 8, CountQualifier.EXACTLY),
                        MINISTRY),
                casualties(figure(CasualtyCategory.INJURED, CasualtyParty.ALL, 30, 30, CountQualifier.EXACTLY),
                        MINISTRY))));
        assertThat(EventClaims.preferred(counts.claims(), ClaimField.CASUALTIES)).extracting(c -> c.casualties().display())
                .containsExactly("at least 12 civilians killed", "30 injured");
        assertThatThrownBy(() -> EventClaims.normalise(EVENT, plain().withCasualties(List.of(
                EventClaim.killed(12, 12, REUTERS).preferred(true, null),
                EventClaim.killed(8, 8, MINISTRY).preferred(true, null)))))
                .hasMessageContaining("Two claims for the figure of killed are marked preferred");
    }

    @Test
    void a_claim_holds_the_value_of_its_own_field_whole() {
        assertThatThrownBy(() -> EventClaims.normalise(EVENT, plain().withClaims(List.of(new EventClaim(null,
                ClaimField.DATE, false, NOV_30, null, null, null, PLACE, List.of(), null, REUTERS, null, null, null)))))
                .hasMessage("A claim about the date holds that value only: make one claim per field.");
        assertThatThrownBy(() -> EventClaims.normalise(EVENT, plain().withClaims(List.of(new EventClaim(null,
                ClaimField.PLACE, false, null, null, null, null, null, List.of(), null, REUTERS, null, null, null)))))
                .hasMessage("A claim about the place needs a place.");
        assertThatThrownBy(() -> EventClaims.normalise(EVENT, plain().withClaims(List.of(
                EventClaim.date(null, DEC_1, NOV_30, REUTERS, null)))))
                .hasMessageContaining("is before its start");
        assertThatThrownBy(() -> new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, -1, 3,
                CountQualifier.EXACTLY)).hasMessage("A casualty figure cannot be negative.");
        assertThatThrownBy(() -> new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, 12, 8,
                CountQualifier.EXACTLY)).hasMessageContaining("12–8 is inverted");
    }

    @Test
    void figures_disagree_only_when_no_one_number_fits_them_all() {
        var atLeast12 = casualties(figure(CasualtyCategory.KILLED, CasualtyParty.ALL, 12, 12, CountQualifier.AT_LEAST),
                REUTERS);
        var fifteen = EventClaim.killed(15, 15, MINISTRY);
        var range = EventClaim.killed(10, 20, MINISTRY);
        var eight = EventClaim.killed(8, 8, MINISTRY);
        var injured = casualties(figure(CasualtyCategory.INJURED, CasualtyParty.ALL, 8, 8, CountQualifier.EXACTLY),
                MINISTRY);

        assertThat(EventClaims.disputes(List.of(atLeast12, fifteen, range))).isEmpty();
        assertThat(EventClaims.disputes(List.of(atLeast12.preferred(true, null), eight))).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo(ClaimField.CASUALTIES);
            assertThat(d.display(c -> c.casualties().figure())).isEqualTo("killed disputed: at least 12 or 8");
        });
        // an injured count does not dispute a killed one
        assertThat(EventClaims.disputes(List.of(fifteen, injured))).isEmpty();
    }

    @Test
    void values_disagree_when_they_differ_and_the_preferred_is_named_first_and_each_value_once() {
        var reutersDate = EventClaim.date(null, NOV_30, null, REUTERS, null);
        var ministryDate = EventClaim.date(null, DEC_1, null, MINISTRY, null).preferred(true, null);
        var sameAsMinistry = EventClaim.date(null, DEC_1, null, REUTERS, null);

        assertThat(EventClaims.disputes(List.of(reutersDate, ministryDate, sameAsMinistry))).singleElement()
                .satisfies(d -> assertThat(d.display(c -> c.start().display()))
                        .isEqualTo("date disputed: 1 December 2024 or 30 November 2024"));
        assertThat(EventClaims.disputes(List.of(ministryDate, sameAsMinistry))).isEmpty();
        assertThat(EventClaims.contestedColumn(List.of(reutersDate, ministryDate, EventClaim.killed(1, 1, REUTERS),
                EventClaim.killed(5, 5, MINISTRY)))).isEqualTo("DATE,CASUALTIES");
        assertThat(EventClaims.contestedColumn(List.of(reutersDate))).isEmpty();
    }

    @Test
    void a_quoted_claim_agreeing_with_a_plain_value_takes_its_place_and_otherwise_joins_the_field() {
        UUID claimId = UUID.randomUUID();
        UUID annotation = UUID.randomUUID();
        var sameDate = new EventClaim(claimId, ClaimField.DATE, false, NOV_30, null, null, null, null, List.of(), null,
                REUTERS, annotation, null, null);
        EventPayload sourced = EventClaims.normalise(EVENT, EventClaims.withQuotedClaim(EVENT, plain(), sameDate));
        assertThat(EventClaims.of(sourced.claims(), ClaimField.DATE)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(EventClaims.plainId(EVENT, ClaimField.DATE));
            assertThat(c.sourceId()).isEqualTo(REUTERS);
            assertThat(c.annotationId()).isEqualTo(annotation);
            assertThat(c.preferred()).isTrue();
        });

        var otherDate = new EventClaim(claimId, ClaimField.DATE, false, DEC_1, null, null, null, null, List.of(), null,
                MINISTRY, annotation, null, null);
        EventPayload joined = EventClaims.normalise(EVENT, EventClaims.withQuotedClaim(EVENT, plain(), otherDate));
        assertThat(EventClaims.of(joined.claims(), ClaimField.DATE)).extracting(EventClaim::id, EventClaim::preferred)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventClaims.plainId(EVENT, ClaimField.DATE), true),
                        org.assertj.core.groups.Tuple.tuple(claimId, false));
        assertThat(joined.start()).isEqualTo(NOV_30);

        EventPayload preferred = EventClaims.normalise(EVENT, EventClaims.withQuotedClaim(EVENT, plain(),
                otherDate.preferred(true, "The ministry's own date")));
        assertThat(preferred.start()).isEqualTo(DEC_1);
        assertThat(EventClaims.preferred(preferred.claims(), ClaimField.DATE)).extracting(EventClaim::id)
                .containsExactly(claimId);

        // a figure read from the same source without a quote (the event form's suggestion) gains the quote
        EventPayload withFigure = EventClaims.normalise(EVENT, plain().withCasualties(List.of(
                EventClaim.killed(12, 12, REUTERS))));
        var quotedFigure = EventClaim.casualties(UUID.randomUUID(), Casualties.killed(12), REUTERS, annotation);
        assertThat(EventClaims.withQuotedClaim(EVENT, withFigure, quotedFigure).casualties()).singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo(EventClaims.givenId(EVENT, ClaimField.CASUALTIES, 0));
                    assertThat(c.annotationId()).isEqualTo(annotation);
                });
        // the same figure from another source is another claim
        assertThat(EventClaims.withQuotedClaim(EVENT, withFigure, EventClaim.casualties(UUID.randomUUID(),
                Casualties.killed(12), MINISTRY, annotation)).casualties()).hasSize(2);
    }
}

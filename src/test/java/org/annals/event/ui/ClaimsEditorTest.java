package org.annals.event.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.junit.jupiter.api.Test;

/** How the event form turns its plain fields and claim rows into claims (no browser, no Spring). */
class ClaimsEditorTest {

    static final UUID BLOG = UUID.randomUUID();
    static final UUID ALEPPO = UUID.randomUUID();

    static EventClaim date(String day, UUID source) {
        return EventClaim.date(UUID.randomUUID(), PartialDate.parse(day), null, source, null);
    }

    static EventClaim typed(String day) {
        return EventClaim.date(null, PartialDate.parse(day), null, null, null);
    }

    @Test
    void a_field_without_claim_rows_keeps_its_plain_claim_for_the_typed_value() {
        EventClaim hidden = EventClaim.date(UUID.randomUUID(), PartialDate.parse("2024-11-30"), null, null, null)
                .preferred(true, null);
        assertThat(ClaimsEditor.combine(List.of(), hidden, typed("2024-12-01"), typed("2024-11-30")))
                .containsExactly(hidden);
        assertThat(ClaimsEditor.combine(List.of(), null, typed("2024-12-01"), null)).isEmpty();
    }

    @Test
    void a_source_added_to_a_plain_value_is_an_alternative_and_the_typed_value_stays_preferred() {
        EventClaim hidden = EventClaim.date(UUID.randomUUID(), PartialDate.parse("2024-11-30"), null, null, null)
                .preferred(true, null);
        EventClaim aleppo = date("2024-12-01", ALEPPO);

        List<EventClaim> claims = ClaimsEditor.combine(List.of(aleppo), hidden, typed("2024-11-30"),
                typed("2024-11-30"));

        assertThat(claims).hasSize(2);
        assertThat(claims.get(0).id()).isEqualTo(hidden.id());
        assertThat(claims.get(0).preferred()).isTrue();
        assertThat(claims.get(0).plain()).isTrue();
        assertThat(claims.get(1)).isEqualTo(aleppo);
    }

    @Test
    void a_source_saying_the_typed_value_replaces_the_plain_claim() {
        EventClaim hidden = EventClaim.date(UUID.randomUUID(), PartialDate.parse("2024-11-30"), null, null, null)
                .preferred(true, null);
        EventClaim blog = date("2024-11-30", BLOG);
        EventClaim aleppo = date("2024-12-01", ALEPPO);

        List<EventClaim> claims = ClaimsEditor.combine(List.of(blog, aleppo), hidden, typed("2024-11-30"),
                typed("2024-11-30"));

        assertThat(claims).extracting(EventClaim::id).containsExactly(blog.id(), aleppo.id());
        assertThat(claims).extracting(EventClaim::preferred).containsExactly(true, false);
    }

    @Test
    void typing_another_value_into_the_plain_field_makes_the_claim_saying_it_preferred() {
        EventClaim blog = date("2024-11-30", BLOG).preferred(true, "first report");
        EventClaim aleppo = date("2024-12-01", ALEPPO);

        List<EventClaim> claims = ClaimsEditor.combine(List.of(blog, aleppo), null, typed("2024-12-01"),
                typed("2024-11-30"));

        assertThat(claims).extracting(EventClaim::preferred).containsExactly(false, true);
        assertThat(claims.get(0).reason()).isNull();
    }

    @Test
    void an_unchanged_plain_field_leaves_the_reviewers_preference_alone() {
        EventClaim blog = date("2024-11-30", BLOG);
        EventClaim aleppo = date("2024-12-01", ALEPPO).preferred(true, "later report");

        assertThat(ClaimsEditor.combine(List.of(blog, aleppo), null, typed("2024-12-01"), typed("2024-12-01")))
                .containsExactly(blog, aleppo);
    }

    @Test
    void a_new_typed_value_no_source_gives_becomes_a_preferred_claim_without_a_source() {
        EventClaim blog = date("2024-11-30", BLOG).preferred(true, null);
        EventClaim aleppo = date("2024-12-01", ALEPPO);

        List<EventClaim> claims = ClaimsEditor.combine(List.of(blog, aleppo), null, typed("2024-12-02"),
                typed("2024-11-30"));

        assertThat(claims).hasSize(3);
        assertThat(claims.getFirst().plain()).isTrue();
        assertThat(claims.getFirst().id()).isNotNull();
        assertThat(claims).extracting(EventClaim::preferred).containsExactly(true, false, false);
    }

    @Test
    void figures_are_read_as_people_write_them() {
        assertThat(ClaimsEditor.figure("16", CasualtyCategory.KILLED_AND_INJURED, CasualtyParty.CIVILIANS,
                CountQualifier.EXACTLY)).isEqualTo(new Casualties(CasualtyCategory.KILLED_AND_INJURED,
                        CasualtyParty.CIVILIANS, 16, 16, CountQualifier.EXACTLY));
        assertThat(ClaimsEditor.figure("at least 40–60", CasualtyCategory.KILLED, CasualtyParty.ALL,
                CountQualifier.EXACTLY).display()).isEqualTo("at least 40–60 killed");
        assertThat(ClaimsEditor.figure("30", CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, CountQualifier.ABOUT)
                .display()).isEqualTo("about 30 civilians killed");
        assertThatThrownBy(() -> ClaimsEditor.figure("twelve", CasualtyCategory.KILLED, CasualtyParty.ALL,
                CountQualifier.EXACTLY)).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"twelve\"");
        assertThatThrownBy(() -> ClaimsEditor.figure("60-40", CasualtyCategory.KILLED, CasualtyParty.ALL,
                CountQualifier.EXACTLY)).isInstanceOf(InvalidInputException.class).hasMessageContaining("inverted");
    }
}

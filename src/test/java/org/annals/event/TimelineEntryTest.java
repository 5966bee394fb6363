package org.annals.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the timeline says of the dead, from the casualty claims. */
class TimelineEntryTest {

    private static TimelineEntry with(Casualties... figures) {
        UUID type = UUID.randomUUID();
        List<EventClaim> claims = java.util.Arrays.stream(figures)
                .map(f -> EventClaim.casualties(UUID.randomUUID(), f, null, null)).toList();
        EventPayload values = EventPayload.of("Strike", PartialDate.parse("2024-12-02"), type).withCasualties(claims);
        return new TimelineEntry(UUID.randomUUID(), 0, "Strike", values.start(), null, "Battles", null, null, null,
                List.of(), claims, 0, EventClaims.disputes(claims), null, values, Map.of(), Map.of());
    }

    private static Casualties killed(CasualtyParty party, int minimum, int maximum) {
        return new Casualties(CasualtyCategory.KILLED, party, minimum, maximum, CountQualifier.EXACTLY);
    }

    @Test
    void the_dead_are_the_killed_of_everyone_over_all_claims() {
        assertThat(with(Casualties.killed(12), killed(CasualtyParty.ALL, 40, 60)).fatalitiesDisplay()).isEqualTo("12–60");
        // a figure of the civilians alone does not change a count of everyone
        assertThat(with(Casualties.killed(12), killed(CasualtyParty.CIVILIANS, 3, 3)).fatalitiesDisplay()).isEqualTo("12");
    }

    @Test
    void without_a_count_of_everyone_civilians_and_combatants_add_up() {
        assertThat(with(killed(CasualtyParty.CIVILIANS, 11, 11)).fatalitiesDisplay()).isEqualTo("11");
        assertThat(with(killed(CasualtyParty.CIVILIANS, 11, 11), killed(CasualtyParty.COMBATANTS, 2, 5))
                .fatalitiesDisplay()).isEqualTo("13–16");
    }

    @Test
    void the_injured_are_not_the_dead() {
        assertThat(with(new Casualties(CasualtyCategory.INJURED, CasualtyParty.ALL, 62, 62, CountQualifier.EXACTLY))
                .fatalitiesDisplay()).isEmpty();
        assertThat(with().fatalitiesDisplay()).isEmpty();
    }
}

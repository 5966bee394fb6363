package org.annals.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.event.EventQuery.DateRange;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    private static final UUID ALEPPO = UUID.randomUUID();
    private static final UUID HTS = UUID.randomUUID();
    private static final Map<String, Set<UUID>> NAMES = Map.of("aleppo", Set.of(ALEPPO), "حلب", Set.of(ALEPPO), "halab", Set.of(ALEPPO),
            "hay at tahrir al sham", Set.of(HTS), "hts", Set.of(HTS));

    private static EventQuery parse(String query, Integer year) {
        return EventQuery.parse(query, year, phrase -> NAMES.getOrDefault(phrase, Set.of()));
    }

    private static DateRange day(int y, int m, int d) {
        return new DateRange(LocalDate.of(y, m, d), LocalDate.of(y, m, d));
    }

    @Test
    void days_are_read_in_every_common_form() {
        assertThat(parse("2024-12-01", null).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("1/12/2024", null).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("12/31/2024", null).dates()).containsExactly(day(2024, 12, 31));
        assertThat(parse("1 Dec", 2024).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("Dec 1", 2024).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("the 1st of December 2024", null).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("30 November, 2024", 2023).dates()).containsExactly(day(2024, 11, 30));
    }

    @Test
    void months_and_years_are_ranges() {
        assertThat(parse("December 2024", null).dates())
                .containsExactly(new DateRange(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)));
        assertThat(parse("2024-02", null).dates())
                .containsExactly(new DateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(parse("2024", null).dates())
                .containsExactly(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void arabic_month_names_and_digits_are_dates() {
        assertThat(parse("٣٠ تشرين الثاني ٢٠٢٤", null).dates()).containsExactly(day(2024, 11, 30));
        assertThat(parse("1 كانون الأول", 2024).dates()).containsExactly(day(2024, 12, 1));
        assertThat(parse("5 ديسمبر 2024", null).dates()).containsExactly(day(2024, 12, 5));
        assertThat(parse("أيلول 2024", null).dates())
                .containsExactly(new DateRange(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30)));
    }

    @Test
    void a_day_without_a_year_and_without_context_is_left_as_words() {
        EventQuery q = parse("1 Dec", null);
        assertThat(q.dates()).isEmpty();
        assertThat(q.words()).containsExactly("1", "dec");
    }

    @Test
    void places_and_actors_are_found_by_name_or_alias_in_any_script_and_the_rest_are_words() {
        EventQuery q = parse("Aleppo 30 Nov", 2024);
        assertThat(q.dates()).containsExactly(day(2024, 11, 30));
        assertThat(q.entities()).singleElement().satisfies(t -> assertThat(t.ids()).containsExactly(ALEPPO));
        assertThat(q.words()).isEmpty();

        EventQuery combined = parse("Hay'at Tahrir al-Sham citadel ḤALAB", null);
        assertThat(combined.entities()).extracting(EventQuery.EntityTerm::ids)
                .containsExactly(Set.of(HTS), Set.of(ALEPPO));
        assertThat(combined.words()).containsExactly("citadel");
        assertThat(parse("حلب", null).entities()).singleElement().satisfies(t -> assertThat(t.ids()).contains(ALEPPO));
        assertThat(parse("citadel captured", null).words()).containsExactly("citadel", "captured");
    }

    @Test
    void may_and_march_stay_words_unless_they_come_with_a_day_or_year() {
        assertThat(parse("protest march", 2024).dates()).isEmpty();
        assertThat(parse("protest march", 2024).words()).containsExactly("protest", "march");
        assertThat(parse("3 March", 2024).dates()).containsExactly(day(2024, 3, 3));
    }

    @Test
    void a_selection_gives_its_year_and_its_dates() {
        String selection = "In the early hours of 30 November 2024, rebel forces captured the Citadel of Aleppo.";
        assertThat(EventQuery.yearIn(selection)).isEqualTo(2024);
        assertThat(EventQuery.datesIn(selection, 2024)).containsExactly(day(2024, 11, 30));
        assertThat(EventQuery.datesIn("On 1 December the army withdrew.", 2024)).containsExactly(day(2024, 12, 1));
        assertThat(EventQuery.yearIn("No date here.")).isNull();
    }
}

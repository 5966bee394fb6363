package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.DatePrecision;
import org.annals.event.PartialDate;
import org.annals.suggest.Suggestion.DateValue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Dates as reports write them; the English sentences are from the sample corpus (/work/shared/corpus). */
class DateRecogniserTest {

    /** The sample sources' published date, a Sunday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2024, 12, 15);

    private static List<Suggestion> read(String text, @Nullable LocalDate published) {
        return new DateRecogniser().recognise(new Reading(text, published, "en", RegistryMatcher.EMPTY));
    }

    private static List<PartialDate> dates(String text, @Nullable LocalDate published) {
        return read(text, published).stream().map(s -> ((DateValue) s.value()).date()).toList();
    }

    private static List<PartialDate> dates(String text) {
        return dates(text, PUBLISHED);
    }

    private static DateValue only(String text) {
        List<Suggestion> found = read(text, PUBLISHED);
        assertThat(found).hasSize(1);
        return (DateValue) found.getFirst().value();
    }

    private static PartialDate day(int year, int month, int day) {
        return PartialDate.day(LocalDate.of(year, month, day));
    }

    private static PartialDate month(int year, int month) {
        return new PartialDate(LocalDate.of(year, month, 1), DatePrecision.MONTH, null);
    }

    @Test
    void english_dates_are_read_in_every_usual_form_with_their_precision() {
        assertThat(dates("on 30 November 2024")).containsExactly(day(2024, 11, 30));
        assertThat(dates("on 5 Dec the city fell")).containsExactly(day(2024, 12, 5));
        assertThat(dates("on Nov. 30 the city fell")).containsExactly(day(2024, 11, 30));
        assertThat(dates("December 5, 2024")).containsExactly(day(2024, 12, 5));
        assertThat(dates("Thursday, 5 December 2024")).containsExactly(day(2024, 12, 5));
        assertThat(dates("dated 30/11/2024")).containsExactly(day(2024, 11, 30));
        assertThat(dates("dated 2024-12-05")).containsExactly(day(2024, 12, 5));
        assertThat(dates("fighting in December 2024")).containsExactly(month(2024, 12));
        assertThat(dates("since March 2020 Idlib ceasefire")).containsExactly(month(2020, 3));
        assertThat(dates("clashes in 2024 grew")).containsExactly(
                new PartialDate(LocalDate.of(2024, 1, 1), DatePrecision.YEAR, null));
        assertThat(dates("around 3 December the army withdrew")).containsExactly(
                new PartialDate(LocalDate.of(2024, 12, 3), DatePrecision.APPROXIMATE, null));
    }

    @Test
    void a_time_of_day_before_a_date_keeps_the_day_and_late_in_a_month_is_that_month() {
        var early = read("An unverified photo started circulating around on early 1 December, showing rebel forces", PUBLISHED);
        assertThat(early).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("early 1 December");
            assertThat(((DateValue) s.value()).date()).isEqualTo(day(2024, 12, 1));
        });
        var late = read("Preparations began in late November.", PUBLISHED);
        assertThat(late).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("late November");
            assertThat(((DateValue) s.value()).date()).isEqualTo(month(2024, 11));
        });
    }

    @Test
    void dates_across_line_breaks_and_citation_markers_are_one_date_quoted_as_written() {
        String text = "captured Hama on 5 December[3] 2024 and Homs on 8\nDecember[a][12].";
        var found = read(text, null);
        assertThat(found).extracting(Suggestion::text).containsExactly("5 December[3] 2024", "8\nDecember");
        assertThat(found).extracting(s -> ((DateValue) s.value()).date())
                .containsExactly(day(2024, 12, 5), day(2024, 12, 8));
        assertThat(found).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
    }

    @Test
    void ranges_are_one_suggestion_with_their_end() {
        assertThat(only("Date: 27 November – 5 December 2024")).isEqualTo(
                new DateValue(day(2024, 11, 27), day(2024, 12, 5)));
        assertThat(only("Date30 November 2024 – 5 December 2024")).isEqualTo(
                new DateValue(day(2024, 11, 30), day(2024, 12, 5)));
        assertThat(only("fighting on 5-8 December")).isEqualTo(new DateValue(day(2024, 12, 5), day(2024, 12, 8)));
        assertThat(only("from December 5 to 8, 2024")).isEqualTo(new DateValue(day(2024, 12, 5), day(2024, 12, 8)));
        assertThat(only("between 28 December and 3 January 2025")).isEqualTo(
                new DateValue(day(2024, 12, 28), day(2025, 1, 3)));
        assertThat(only("وبين 5 و8 كانون الأول 2024 نزح")).isEqualTo(new DateValue(day(2024, 12, 5), day(2024, 12, 8)));
    }

    @Test
    void a_night_is_the_two_days_it_spans() {
        var night = read("On the night of 7/8 December, the army withdrew from Homs.", PUBLISHED);
        assertThat(night).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("the night of 7/8 December");
            assertThat(s.value()).isEqualTo(new DateValue(day(2024, 12, 7), day(2024, 12, 8)));
        });
        assertThat(only("On 7/8 December, it was confirmed")).isEqualTo(new DateValue(day(2024, 12, 7), day(2024, 12, 8)));
    }

    @Test
    void relative_dates_follow_the_last_day_the_text_gave() {
        String text = "On 1 December 2024 the general arrived in Hama. The next day, the army counterattacked. Two days"
                + " later the rebels returned, and on Thursday they entered the city. On the same day the prison was"
                + " opened; the previous day had been quiet.";
        assertThat(dates(text, null)).containsExactly(day(2024, 12, 1), day(2024, 12, 2), day(2024, 12, 4),
                day(2024, 12, 5), day(2024, 12, 5), day(2024, 12, 4));
        // a day without its year takes the year of the story, across a new year
        assertThat(dates("On 30 December 2024 the talks began; on 2 January they failed.", null))
                .containsExactly(day(2024, 12, 30), day(2025, 1, 2));
        // a month just named gives its year to a day in it; a month or year named in passing does not
        assertThat(dates("Rebels launched the offensive in early March 2013, and declared control on 5 March.", null))
                .containsExactly(month(2013, 3), day(2013, 3, 5));
        assertThat(dates("On 27 November 2024 HTS attacked, the first offensive since the March 2020 ceasefire. On 5"
                + " December they took Hama.", null)).containsExactly(day(2024, 11, 27), month(2020, 3), day(2024, 12, 5));
        assertThat(dates("وفي 30 تشرين الثاني 2024 بدأ الهجوم، وفي اليوم التالي سيطرت الفصائل", null))
                .containsExactly(day(2024, 11, 30), day(2024, 12, 1));
    }

    @Test
    void words_for_the_day_of_writing_are_read_against_the_published_date_or_not_at_all() {
        assertThat(dates("The town fell yesterday")).containsExactly(day(2024, 12, 14));
        assertThat(dates("Rebels entered the city on Saturday")).containsExactly(day(2024, 12, 14));
        assertThat(dates("three days ago")).containsExactly(day(2024, 12, 12));
        assertThat(dates("وقال المرصد أمس إن")).containsExactly(day(2024, 12, 14));
        assertThat(dates("قصفت الطائرات المدينة يوم السبت")).containsExactly(day(2024, 12, 14));
        assertThat(dates("The town fell yesterday", null)).isEmpty();
        assertThat(dates("on 2 December", null)).isEmpty();
        // nothing before them to count from: not read
        assertThat(dates("Two days later the army withdrew")).isEmpty();
        assertThat(dates("The next day the army withdrew")).isEmpty();
        assertThat(dates("Last week the army withdrew")).isEmpty();
    }

    @Test
    void arabic_dates_are_read_with_the_published_year_when_they_have_none() {
        assertThat(dates("وقعت الغارة في 30 نوفمبر على المدينة")).containsExactly(day(2024, 11, 30));
        assertThat(dates("وقعت الغارة في 30 نوفمبر على المدينة", null)).isEmpty();
        assertThat(dates("في شهر كانون الأول 2024")).containsExactly(month(2024, 12));
        assertThat(dates("أعلنت الفصائل في 27 تشرين الثاني/نوفمبر 2024 بدء هجوم")).containsExactly(day(2024, 11, 27));
        assertThat(dates("وفي ٣٠ تشرين الثاني ٢٠٢٤ سيطرت")).containsExactly(day(2024, 11, 30));
    }

    @Test
    void words_that_could_mean_two_days_or_no_day_give_nothing() {
        assertThat(dates("dated 05/12/2024")).isEmpty();
        assertThat(dates("on 31 February 2024")).isEmpty();
        assertThat(dates("2000 fighters")).isEmpty();
        assertThat(dates("up to 5 may be held")).isEmpty();
        assertThat(dates("Aleppo, 3 march towards Hama")).isEmpty();
    }
}

package org.annals.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-12-05        | 2024-12-05 | DAY         | 5 December 2024
            5 December 2024   | 2024-12-05 | DAY         | 5 December 2024
            Dec 5, 2024       | 2024-12-05 | DAY         | 5 December 2024
            2024-12           | 2024-12-01 | MONTH       | December 2024
            December 2024     | 2024-12-01 | MONTH       | December 2024
            dec. 2024         | 2024-12-01 | MONTH       | December 2024
            2024              | 2024-01-01 | YEAR        | 2024
            ~2024-11-27       | 2024-11-27 | APPROXIMATE | about 27 November 2024
            c. 27 Nov 2024    | 2024-11-27 | APPROXIMATE | about 27 November 2024
            29 November 2024  | 2024-11-29 | DAY         | 29 November 2024
            29/11/2024        | 2024-11-29 | DAY         | 29 November 2024
            11/29/2024        | 2024-11-29 | DAY         | 29 November 2024
            7.7.2024          | 2024-07-07 | DAY         | 7 July 2024
            ~ 29 November 2024| 2024-11-29 | APPROXIMATE | about 29 November 2024
            """)
    void what_people_type_is_read_with_its_precision_and_round_trips(String input, LocalDate date,
            DatePrecision precision, String display) {
        PartialDate parsed = PartialDate.parse(input);
        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.precision()).isEqualTo(precision);
        assertThat(parsed.display()).isEqualTo(display);
        assertThat(PartialDate.parse(parsed.input())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-13", "31 April 2024", "Smarch 2024", "yesterday", "", "~2024",
            "13/13/2024", "2024/11/29x"})
    void impossible_or_unreadable_dates_are_refused_with_a_reason(String input) {
        assertThatThrownBy(() -> PartialDate.parse(input)).isInstanceOf(InvalidInputException.class)
                .hasMessageMatching("(?s).*(date|month|About|day).*");
    }

    @org.junit.jupiter.api.Test
    void a_slashed_date_whose_order_is_unclear_is_refused_with_both_readings() {
        assertThatThrownBy(() -> PartialDate.parse("05/12/2024")).isInstanceOf(InvalidInputException.class)
                .hasMessage("\"05/12/2024\" could be 5 December or 12 May. Write 2024-12-05 or 5 December 2024.");
        assertThatThrownBy(() -> PartialDate.parse("31/02/2024")).hasMessageContaining("not a date that exists");
    }

    @org.junit.jupiter.api.Test
    void a_time_of_day_needs_an_exact_day() {
        assertThat(PartialDate.parse("2024-12-08", LocalTime.of(4, 30)).display()).isEqualTo("8 December 2024, 04:30");
        assertThatThrownBy(() -> PartialDate.parse("December 2024", LocalTime.NOON)).hasMessageContaining("exact day");
    }

    @org.junit.jupiter.api.Test
    void the_last_day_of_a_month_or_year_is_what_an_end_is_compared_with() {
        assertThat(PartialDate.parse("2024-02").lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PartialDate.parse("2024").lastDay()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -500          | The year -500 is outside the years Annals supports (1 to 9999).
            -0500-03-01   | The year -500 is outside the years Annals supports (1 to 9999).
            0000          | The year 0 is outside the years Annals supports (1 to 9999).
            0000-06-01    | The year 0 is outside the years Annals supports (1 to 9999).
            10000         | The year 10000 is outside the years Annals supports (1 to 9999).
            12345-01-02   | The year 12345 is outside the years Annals supports (1 to 9999).
            500           | Write the year with four digits: 0500.
            """)
    void years_outside_1_to_9999_are_refused_with_the_range_not_changed(String input, String message) {
        assertThatThrownBy(() -> PartialDate.parse(input)).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void a_date_built_from_stored_or_sent_values_is_held_to_the_same_years() {
        assertThatThrownBy(() -> PartialDate.day(LocalDate.of(-500, 1, 1)))
                .hasMessage("The year -500 is outside the years Annals supports (1 to 9999).");
        assertThatThrownBy(() -> new PartialDate(LocalDate.of(10_000, 1, 1), DatePrecision.YEAR, null))
                .hasMessageContaining("1 to 9999");
        assertThat(PartialDate.parse("0001-01-01").date()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(PartialDate.parse("9999-12-31").date()).isEqualTo(LocalDate.of(9999, 12, 31));
    }
}

package org.annals.event.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.annals.base.InvalidInputException;
import org.annals.event.DatePrecision;
import org.junit.jupiter.api.Test;

/** The date field on its own (no browser): what it reads, what it says under itself, and what it refuses. */
class PartialDateFieldTest {

    @Test
    void a_month_is_read_as_a_month_and_said_so_and_spans_its_days_in_a_filter() {
        var field = new PartialDateField("From");
        field.setValue("November 2024");

        assertThat(field.isInvalid()).isFalse();
        assertThat(field.getHelperText()).isEqualTo("Read as November 2024");
        assertThat(field.requiredDate().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(field.firstDay()).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(field.lastDay()).isEqualTo(LocalDate.of(2024, 11, 30));
    }

    @Test
    void text_that_is_no_date_marks_the_field_with_the_reason_and_keeps_the_text() {
        var field = new PartialDateField("Start");
        field.setValue("Smarch 2024");

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("\"Smarch\" is not a month");
        assertThat(field.getValue()).isEqualTo("Smarch 2024");
        assertThat(field.readableDate()).isNull();
        assertThatThrownBy(field::requiredDate).isInstanceOf(InvalidInputException.class);

        field.setValue("~2024-11-29");
        assertThat(field.isInvalid()).isFalse();
        assertThat(field.getHelperText()).isEqualTo("Read as about 29 November 2024");
    }

    @Test
    void nothing_typed_is_no_date_and_a_required_one_says_what_to_type() {
        var field = new PartialDateField("Start");
        assertThat(field.partialDate()).isEmpty();
        assertThat(field.isInvalid()).isFalse();
        assertThatThrownBy(field::requiredDate).hasMessageContaining("Give the start, for example 2024-11-29");
    }
}

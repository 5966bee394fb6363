package org.annals.event.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Optional;
import org.annals.base.InvalidInputException;
import org.annals.event.PartialDate;
import org.jspecify.annotations.Nullable;

/**
 * The one field in which dates are typed, everywhere: it reads what the user guide teaches (a day, a
 * month, a year, or "about" a day: {@code 2024-11-29}, {@code 29 November 2024}, {@code November 2024},
 * {@code 2024}, {@code ~2024-11-29}; see {@link PartialDate#parse}), says under the field how it read
 * the date, and says what is wrong with one it cannot read. The text stays as typed, so nothing typed
 * is lost to a correction.
 */
public class PartialDateField extends TextField {

    static final String EXAMPLES = "2024-11-29, 29 November 2024, November 2024, 2024, ~2024-11-29";
    private final String helper;

    public PartialDateField(String label) {
        this(label, "A day, a month, a year, or ~ for about");
    }

    public PartialDateField(String label, String helper) {
        super(label);
        this.helper = helper;
        addClassName("partial-date-field");
        setPlaceholder("2024-11-29, November 2024, 2024");
        setHelperText(helper);
        // No clear button: with one, Esc in the field would empty it instead of asking the dialog.
    }

    /** The date typed; empty when nothing is typed. Throws with the reason when the text is not a date. */
    public Optional<PartialDate> partialDate() {
        String text = getValue().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(PartialDate.parse(text));
    }

    /** The date typed, which is required: says so when nothing is typed. */
    public PartialDate requiredDate() {
        return partialDate().orElseThrow(() -> new InvalidInputException(
                "Give the " + getLabel().toLowerCase(java.util.Locale.ROOT) + ", for example " + EXAMPLES + "."));
    }

    /** The date typed if it can be read; null when nothing or something unreadable is typed (filters). */
    public @Nullable PartialDate readableDate() {
        try {
            return partialDate().orElse(null);
        } catch (InvalidInputException unreadable) {
            return null;
        }
    }

    /** The first day the typed date may mean (a month's first day): where a range that starts here starts. */
    public @Nullable LocalDate firstDay() {
        PartialDate date = readableDate();
        return date == null ? null : date.date();
    }

    /** The last day the typed date may mean (a month's last day): where a range that ends here ends. */
    public @Nullable LocalDate lastDay() {
        PartialDate date = readableDate();
        return date == null ? null : date.lastDay();
    }

    public void setPartialDate(@Nullable PartialDate date) {
        setValue(date == null ? "" : date.input());
    }

    /**
     * Vaadin validates on every change and when the field loses focus: marks the field when the text is
     * no date, with the reason; otherwise shows how it was read.
     */
    @Override
    protected void validate() {
        try {
            Optional<PartialDate> date = partialDate();
            setInvalid(false);
            setHelperText(date.map(d -> "Read as " + d.display()).orElse(helper));
        } catch (InvalidInputException unreadable) {
            setErrorMessage(unreadable.getMessage());
            setInvalid(true);
        }
    }
}

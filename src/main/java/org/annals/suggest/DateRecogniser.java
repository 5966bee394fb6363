package org.annals.suggest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates with their precision, ranges as one suggestion with their end, relative ones resolved against the nearest
 * day before them in the text or the source's published date ({@link DateReader}). The event form and the link
 * dialog read their pre-fills through {@link #read} too, so a date suggested in the text and in a form agree.
 */
@Component
public final class DateRecogniser implements Recogniser {

    static final double RANK = 0.7;

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.DATE;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        return DateReader.read(reading.plain(), reading.publishedOn(), RANK);
    }

    /** The dates of a text (or a passage of it), in text order, each a {@link Suggestion.DateValue}. */
    public static List<Suggestion> read(String text, @Nullable LocalDate publishedOn) {
        return DateReader.read(text, publishedOn, RANK);
    }
}

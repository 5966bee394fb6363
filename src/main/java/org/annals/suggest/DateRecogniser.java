package org.annals.suggest;

import java.util.List;
import org.annals.event.prefill.DateReader;
import org.springframework.stereotype.Component;

/** Dates with their precision, relative ones resolved against the source's published date. SKELETON: the prefill reader as it is. */
@Component
class DateRecogniser implements Recogniser {

    static final double RANK = 0.7;

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.DATE;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        return DateReader.read(reading.text(), reading.publishedOn()).stream()
                .map(f -> new Suggestion(SuggestionKind.DATE, f.span().start(), f.span().end(), f.span().text(),
                        new Suggestion.DateValue(f.value(), null), RANK))
                .toList();
    }
}

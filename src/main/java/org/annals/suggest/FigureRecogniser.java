package org.annals.suggest;

import java.util.List;
import org.annals.event.prefill.CasualtyReader;
import org.springframework.stereotype.Component;

/** Casualty figures with their category. SKELETON: the prefill reader as it is. */
@Component
class FigureRecogniser implements Recogniser {

    static final double RANK = 0.7;

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.FIGURE;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        return CasualtyReader.read(reading.text()).stream()
                .map(f -> new Suggestion(SuggestionKind.FIGURE, f.span().start(), f.span().end(), f.span().text(),
                        new Suggestion.Figure(f.value()), RANK))
                .toList();
    }
}

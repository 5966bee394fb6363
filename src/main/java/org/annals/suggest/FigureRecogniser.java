package org.annals.suggest;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Casualty figures with their category, party and qualifier ({@link CasualtyReader}). The event form and the link
 * dialog read their pre-fills through {@link #read} too, so a figure suggested in the text and in a form agree.
 */
@Component
public final class FigureRecogniser implements Recogniser {

    static final double RANK = 0.7;

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.FIGURE;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        return CasualtyReader.read(reading.plain(), RANK);
    }

    /** The casualty figures of a text (or a passage of it), in text order, each a {@link Suggestion.Figure}. */
    public static List<Suggestion> read(String text) {
        return CasualtyReader.read(text, RANK);
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.annals.suggest.Candidate;

/**
 * The quick choice when a name in the text is shared by several registry entities: one row per candidate
 * with what tells them apart (kind, description, what it is part of), chosen with a click or its number
 * key; Esc leaves the suggestion as it was.
 */
final class CandidateChooser extends Dialog {

    private static final Key[] DIGITS = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6,
            Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9};

    CandidateChooser(String words, List<Candidate> candidates, Consumer<Candidate> chosen) {
        setHeaderTitle("Which \"" + words + "\"?");
        addClassName("candidate-chooser");
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            var choose = new Button((i < DIGITS.length ? (i + 1) + " · " : "") + EditorSuggestions.candidate(candidate),
                    e -> {
                        close();
                        chosen.accept(candidate);
                    });
            choose.addClassName("candidate-choice");
            if (i < DIGITS.length) {
                choose.addClickShortcut(DIGITS[i]).listenOn(this);
            }
            var row = new Div(choose, new Span(about(candidate)));
            row.addClassName("candidate-row");
            add(row);
            if (i == 0) {
                choose.focus();
            }
        }
        getFooter().add(new Button("Cancel", e -> close()));
    }

    /** What tells this candidate from the others: its description and what it is part of, or that nothing does. */
    static String about(Candidate c) {
        String description = c.description() == null || c.description().isBlank() ? "no description" : c.description();
        return c.partOf() == null ? description : description + " · part of " + c.partOf();
    }
}

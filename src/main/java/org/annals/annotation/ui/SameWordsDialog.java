package org.annals.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Function;
import org.annals.source.TextMatch;
import org.jspecify.annotations.Nullable;

/**
 * For an annotation already made: the same words in other sources, to add as evidence of the same
 * record in one step. {@code add} returns an error message, or null when done.
 */
class SameWordsDialog extends Dialog {

    private final SameWordsList places = new SameWordsList();
    private final Div error = new Div();

    SameWordsDialog(List<TextMatch> found, Function<List<TextMatch>, @Nullable String> add) {
        setHeaderTitle("Same words elsewhere");
        addClassName("same-words-dialog");
        setWidth("min(40rem, 95vw)");
        places.show(found);
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        var layout = new VerticalLayout(places, error);
        layout.setPadding(false);
        add(layout);
        var addButton = new Button("Add as evidence", e -> {
            List<TextMatch> chosen = places.chosen();
            String problem = chosen.isEmpty() ? "Tick at least one place, or cancel." : add.apply(chosen);
            if (problem == null) {
                close();
            } else {
                error.setText(problem);
            }
        });
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), addButton);
    }
}

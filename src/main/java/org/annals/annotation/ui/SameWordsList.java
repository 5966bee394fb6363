package org.annals.annotation.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import java.util.List;
import org.annals.source.TextMatch;

/**
 * "Same words elsewhere": the places in other sources where the marked sentence occurs, each with its
 * source's title and a little context, to be added as evidence of the same record. All are ticked at
 * first (they are the same sentence); the person unticks what does not belong. Rendered as text.
 */
class SameWordsList extends CheckboxGroup<TextMatch> {

    SameWordsList() {
        setLabel("Same words elsewhere: add as evidence of the same record");
        addClassName("same-words");
        addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        setItemLabelGenerator(SameWordsList::label);
        setVisible(false);
    }

    /** Shows the places found, all ticked; hidden when there are none. */
    void show(List<TextMatch> matches) {
        setItems(matches);
        setValue(new java.util.LinkedHashSet<>(matches));
        setVisible(!matches.isEmpty());
    }

    /** The ticked places, in the order shown. */
    List<TextMatch> chosen() {
        return getListDataView().getItems().filter(getValue()::contains).toList();
    }

    static String label(TextMatch m) {
        String before = m.before().length() > 40 ? "…" + m.before().substring(m.before().length() - 40) : m.before();
        String after = m.after().length() > 40 ? m.after().substring(0, 40) + "…" : m.after();
        String exact = m.exact().length() > 160 ? m.exact().substring(0, 159) + "…" : m.exact();
        return m.sourceTitle() + ": " + (before + "«" + exact + "»" + after).replaceAll("\\s+", " ").strip();
    }
}

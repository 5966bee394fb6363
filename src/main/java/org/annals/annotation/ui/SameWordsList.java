package org.annals.annotation.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annals.source.TextMatch;

/**
 * "Same words elsewhere": the places in other sources where the marked sentence occurs, each with its
 * source's title and a little context, to be added as evidence of the same record. All are ticked at
 * first (they are the same sentence); the person unticks what does not belong. Rendered as text. One
 * checkbox per place (the committed bundles hold the checkbox, not the checkbox group).
 */
class SameWordsList extends Div {

    private final Map<TextMatch, Checkbox> places = new LinkedHashMap<>();
    private final Div items = new Div();

    SameWordsList() {
        addClassName("same-words");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Same words elsewhere");
        add(new Span("Same words elsewhere: add as evidence of the same record"), items);
        setVisible(false);
    }

    /** Shows the places found, all ticked; hidden when there are none. */
    void show(List<TextMatch> matches) {
        places.clear();
        items.removeAll();
        for (TextMatch match : matches) {
            var box = new Checkbox(label(match), true);
            places.put(match, box);
            items.add(new Div(box));
        }
        setVisible(!matches.isEmpty());
    }

    /** Every place shown, in order. */
    List<TextMatch> offered() {
        return List.copyOf(places.keySet());
    }

    /** Ticks or unticks one place. */
    void tick(TextMatch place, boolean ticked) {
        places.get(place).setValue(ticked);
    }

    /** The ticked places, in the order shown. */
    List<TextMatch> chosen() {
        return places.entrySet().stream().filter(e -> e.getValue().getValue()).map(Map.Entry::getKey).toList();
    }

    static String label(TextMatch m) {
        String before = m.before().length() > 40 ? "…" + m.before().substring(m.before().length() - 40) : m.before();
        String after = m.after().length() > 40 ? m.after().substring(0, 40) + "…" : m.after();
        String exact = m.exact().length() > 160 ? m.exact().substring(0, 159) + "…" : m.exact();
        return m.sourceTitle() + ": " + (before + "«" + exact + "»" + after).replaceAll("\\s+", " ").strip();
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * "Find in this source": a field, a count ("3 of 17"), previous and next. The words are matched on
 * the server over the whole text ({@link TextHits}), never over what the browser has drawn, and the
 * text component is asked to scroll to the current hit and mark it, with the hits around it marked
 * lightly. Enter and Shift+Enter in the field step forward and back (wrapping round), Esc clears.
 * Typing is debounced, and the text is read again only when the words change.
 */
final class FindBar extends Div {

    /** Hits marked lightly on each side of the current one: enough for a screenful, bounded for any text. */
    static final int MARKED_AROUND = 100;
    private static final int TYPING_PAUSE_MS = 300;

    private final Supplier<String> text;
    private final AnnotatedText target;
    private final TextField field = new TextField();
    private final Span count = new Span();
    private final Button previous = new Button(VaadinIcon.ANGLE_UP.create(), e -> step(-1));
    private final Button next = new Button(VaadinIcon.ANGLE_DOWN.create(), e -> step(1));
    private TextHits hits = TextHits.NONE;
    /** What the hits were found for, folded as typed. */
    private String searched = "";
    /** The hit shown as current, or -1 when none is (nothing found yet, or the page opened at a range). */
    private int current = -1;
    /** Where the reader is in the text: new words start from the first hit here or after it. */
    private int anchor;
    /** A range the page was opened at and still marks as current (from the address), or null. */
    private AnnotatedText.@Nullable Span opened;

    FindBar(Supplier<String> text, AnnotatedText target) {
        this.text = text;
        this.target = target;
        addClassName("find-bar");
        field.setPlaceholder("Find in this source");
        field.setAriaLabel("Find in this source");
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setMaxLength(TextHits.MAX_QUERY);
        field.addClassName("find-field");
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TYPING_PAUSE_MS);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                opened = null; // words typed now start from the range opened at, not at it
            }
            search(e.getValue());
        });
        // Enter and Shift+Enter step; the value comes along, so Enter right after typing finds first.
        field.getElement().addEventListener("keydown", e -> {
            String value = e.getEventData().get("element.value").asString("");
            if ("Escape".equals(e.getEventData().get("event.key").asString(""))) {
                close();
            } else if (!value.equals(searched)) {
                opened = null;
                field.setValue(value);
            } else {
                step(e.getEventData().get("event.shiftKey").asBoolean(false) ? -1 : 1);
            }
        }).setFilter("event.key === 'Enter' || event.key === 'Escape'")
                .addEventData("event.key").addEventData("event.shiftKey").addEventData("element.value");
        previous.setAriaLabel("Previous match (Shift+Enter)");
        previous.setTooltipText("Previous match (Shift+Enter)");
        next.setAriaLabel("Next match (Enter)");
        next.setTooltipText("Next match (Enter)");
        for (Button button : List.of(previous, next)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        count.addClassName("find-count");
        count.getElement().setAttribute("aria-live", "polite");
        add(field, count, previous, next);
        showCount();
    }

    /**
     * Marks a range the page was opened at (the address's {@code at}) and scrolls to it; with words,
     * fills the field and makes the hit of those words at the range (or the nearest after it) current.
     */
    void openAt(AnnotatedText.Span range, @Nullable String words) {
        opened = range;
        anchor = range.start();
        if (words != null && !words.isBlank()) {
            find(words);
        } else {
            mark(true);
        }
    }

    /** Fills the field with words and makes their first hit current (the address's {@code q} alone). */
    void find(String words) {
        field.setValue(words.length() > TextHits.MAX_QUERY ? words.substring(0, TextHits.MAX_QUERY) : words);
    }

    /** Clears the words and every mark (Esc in the field). */
    void close() {
        opened = null;
        if (field.isEmpty()) {
            search("");
        } else {
            field.clear(); // and so search("")
        }
    }

    String countText() {
        return count.getText();
    }

    private void search(String words) {
        if (words.equals(searched) && !words.isBlank()) {
            return;
        }
        searched = words;
        if (current >= 0) {
            anchor = hits.start(current);
        }
        hits = words.isBlank() ? TextHits.NONE : TextHits.find(text.get(), words);
        current = -1;
        if (hits.kept() > 0) {
            AnnotatedText.Span range = opened;
            current = range != null
                    ? hits.overlapping(range.start(), range.end()).orElse(-1)
                    : hits.firstAtOrAfter(anchor);
        }
        if (words.isBlank()) {
            opened = null;
        }
        showCount();
        mark(true);
    }

    /** Moves to the next hit (delta 1) or the previous one (-1), wrapping round at either end. */
    void step(int delta) {
        if (hits.kept() == 0) {
            return;
        }
        if (current < 0) {
            current = delta > 0 ? hits.firstAtOrAfter(anchor) : hits.lastBefore(anchor);
        } else {
            current = Math.floorMod(current + delta, hits.kept());
        }
        opened = null;
        anchor = hits.start(current);
        showCount();
        mark(true);
    }

    private void showCount() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        boolean any = hits.kept() > 0;
        previous.setEnabled(any);
        next.setEnabled(any);
        if (searched.isBlank()) {
            count.setText("");
        } else if (!any) {
            count.setText("No matches");
        } else if (current < 0) {
            count.setText(numbers.format(hits.total()) + (hits.total() == 1 ? " match" : " matches"));
        } else if (hits.total() > hits.kept()) {
            // Every hit is counted; only the first KEPT can be stepped through.
            count.setText((current + 1) + " of " + numbers.format(hits.total()) + " (first "
                    + numbers.format(hits.kept()) + ")");
        } else {
            count.setText((current + 1) + " of " + numbers.format(hits.total()));
        }
    }

    /** Sends the current hit (or the range opened at) and the hits around it to the text. */
    private void mark(boolean scroll) {
        AnnotatedText.Span now = current >= 0 ? new AnnotatedText.Span(hits.start(current), hits.end(current)) : opened;
        if (now == null && hits.kept() == 0) {
            target.clearFindMarks();
            return;
        }
        target.showFindMarks(now, around(now), scroll && now != null);
    }

    /** The kept hits within {@link #MARKED_AROUND} of the current one (or of the anchor), the current left out. */
    List<AnnotatedText.Span> around(AnnotatedText.@Nullable Span now) {
        if (hits.kept() == 0) {
            return List.of();
        }
        int middle = current >= 0 ? current : Math.max(0, hits.firstAtOrAfter(anchor));
        var spans = new ArrayList<AnnotatedText.Span>();
        for (int i = Math.max(0, middle - MARKED_AROUND); i <= Math.min(hits.kept() - 1, middle + MARKED_AROUND); i++) {
            if (i != current) {
                spans.add(new AnnotatedText.Span(hits.start(i), hits.end(i)));
            }
        }
        return spans;
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.annals.suggest.Candidate;
import org.annals.suggest.Suggestion;
import org.annals.suggest.SuggestionKind;
import org.jspecify.annotations.Nullable;

/**
 * The suggestions part of the editor's side panel: how many of each kind are left, the list of them in
 * text order (rows drawn lazily in the browser, so two thousand cost what the visible ten do), and the
 * current one with what accepting it does and its buttons (the same as the keys in the legend).
 */
final class SuggestionPanel extends Div {

    private final Span summary = new Span();
    private final Div counts = new Div();
    private final VirtualList<Suggestion> list = new VirtualList<>();
    /**
     * The list's place, empty until the first suggestions are shown: the suggestions are drawn once the source's
     * text is (see {@link EditorSuggestions#prefetch}), and an empty virtual list built with the page cost the
     * browser's build of the view before that text (issue 21, round 6).
     */
    private final Div listPlace = new Div();
    private final Div current = new Div();
    private Consumer<String> choose = key -> { };
    private BiConsumer<String, String> act = (key, action) -> { };

    SuggestionPanel() {
        addClassName("suggestion-panel");
        summary.addClassName("suggestion-summary");
        counts.addClassName("suggestion-counts");
        listPlace.addClassName("suggestion-list");
        list.addClassName("suggestion-rows");
        current.addClassName("suggestion-current");
        list.setRenderer(LitRenderer.<Suggestion>of("""
                <div class="suggestion-item" role="button" tabindex="0" aria-label="${item.aria}" @click="${choose}"
                    @keydown="${e => { if (e.key === 'Enter') choose(); }}"
                  ><span class="suggest-sample suggest-${item.css}">${item.words}</span
                  > <span class="suggestion-label">${item.label}</span></div>""")
                .withProperty("css", s -> s.kind().cssName())
                .withProperty("words", s -> AnnotationPanel.abbreviate(s.text(), 40))
                .withProperty("label", EditorSuggestions::label)
                .withProperty("aria", s -> s.kind().displayName() + ": " + s.text())
                .withFunction("choose", s -> choose.accept(s.key())));
        add(new H3("Suggestions"), summary, counts, listPlace, current);
    }

    void onChoose(Consumer<String> choose) {
        this.choose = choose;
    }

    void onAction(BiConsumer<String, String> act) {
        this.act = act;
    }

    /** The counts per kind and the list; kinds with none left show 0, so the counts stay where they were. */
    void show(Map<SuggestionKind, Integer> byKind, Collection<Suggestion> suggestions) {
        int total = suggestions.size();
        summary.setText(total == 0 ? "No suggestions left in this source." : total + (total == 1 ? " suggestion" : " suggestions"));
        counts.removeAll();
        for (SuggestionKind kind : SuggestionKind.values()) {
            var count = new Span(kind.displayName() + " " + byKind.getOrDefault(kind, 0));
            count.addClassName("suggestion-count");
            count.getElement().setAttribute("data-kind", kind.name());
            counts.add(count);
        }
        list.setItems(new ArrayList<>(suggestions));
        if (list.getParent().isEmpty()) {
            listPlace.add(list);
        }
        listPlace.setVisible(total > 0);
    }

    /** The current suggestion and what can be done with it; null: none is current. */
    void showCurrent(@Nullable Suggestion s, boolean eventToLinkTo) {
        current.removeAll();
        if (s == null) {
            current.add(new Span("Press . or , to step to a suggestion, or click a mark."));
            return;
        }
        var heading = new Div(new Span(s.kind().displayName() + ": \u201c" + s.text() + "\u201d"));
        heading.addClassName("annotation-detail-heading");
        current.add(heading, new Div(new Span(EditorSuggestions.label(s))));
        switch (s.value()) {
            case Suggestion.Mention m when m.candidates().size() > 1 -> {
                current.add(new Div(new Span("Accepting asks which of them it is:")));
                for (Candidate c : m.candidates()) {
                    current.add(new Div(new Span(EditorSuggestions.candidate(c) + " — " + CandidateChooser.about(c))));
                }
            }
            case Suggestion.Mention m -> current.add(new Div(new Span(CandidateChooser.about(m.candidates().getFirst()))));
            case Suggestion.DateValue _, Suggestion.Figure _ -> current.add(new Div(new Span(eventToLinkTo
                    ? "Accepting links it to the event you last linked a passage to, with this value."
                    : "Accepting marks it unlinked; link it to an event later.")));
            case Suggestion.NewName n -> current.add(new Div(new Span("Accepting proposes a new "
                    + n.proposedKind().displayName().toLowerCase(java.util.Locale.ROOT) + " of this name.")));
        }
        var accept = button("Accept", "a", "accept", s);
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var buttons = new Div(accept, button("Reject", "x", "reject", s));
        if (s.value() instanceof Suggestion.Mention || s.value() instanceof Suggestion.NewName) {
            buttons.add(button("Never here", "Shift+X", "never", s));
        }
        if (s.value() instanceof Suggestion.Mention m) {
            if (m.candidates().size() == 1) {
                buttons.add(button("Accept all of " + m.candidates().getFirst().name(), "Shift+A", "accept-all", s));
            }
        }
        buttons.addClassName("suggestion-actions");
        current.add(buttons);
    }

    private Button button(String text, String key, String action, Suggestion s) {
        var button = new Button(text, e -> act.accept(s.key(), action));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("title", text + " (" + key + ")");
        button.getElement().setAttribute("aria-keyshortcuts", key);
        return button;
    }
}

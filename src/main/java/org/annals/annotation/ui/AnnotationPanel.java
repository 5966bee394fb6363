package org.annals.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.EditorAnnotation.State;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventRecordType;
import org.annals.project.ui.ProjectRoutes;
import org.jspecify.annotations.Nullable;

/**
 * The side panel of the editor: the source's annotations grouped by the record they link to, with
 * filters by type and state, and the chosen annotation with what can be done to it. Rows render
 * lazily, so five hundred annotations cost what the visible twenty do.
 */
class AnnotationPanel extends VerticalLayout {

    static final String ALL = "All states";
    static final String VETTED = "Vetted";
    static final String PENDING = "Pending review";
    static final String MINE = "My drafts";

    /** What the panel asks of the view for the chosen annotation. */
    interface Actions {
        void step(EditorAnnotation annotation, boolean endEdge, boolean extend);

        void relink(EditorAnnotation annotation);

        void delete(EditorAnnotation annotation);

        /** Offers the same words found in other sources as evidence of the annotation's record. */
        default void sameWords(EditorAnnotation annotation) {
        }
    }

    private sealed interface Row {
    }

    private record Group(String key, String label, int count) implements Row {
    }

    private record Item(EditorAnnotation annotation) implements Row {
    }

    private final UUID projectId;
    private final boolean canEdit;
    private final Consumer<String> chosen;
    private final Actions actions;
    private final Select<AnnotationType> typeFilter = new Select<>();
    private final Select<String> stateFilter = new Select<>();
    private final VirtualList<Row> list = new VirtualList<>();
    private final Div detail = new Div();
    private final Span summary = new Span();
    private Collection<EditorAnnotation> annotations = List.of();
    /**
     * The rows the list shows, behind one provider for the panel's life that knows rows by group or
     * annotation key: a reload that changes some rows in place (an annotation turning vetted) sends
     * those rows only, not the whole visible range again.
     */
    private final List<Row> rows = new ArrayList<>();
    private final ListDataProvider<Row> provider = new ListDataProvider<>(rows) {
        @Override
        public Object getId(Row row) {
            return rowId(row);
        }
    };
    private @Nullable String selectedKey;
    /** Holds the two filters; they are put in it with the list (see {@link #listWaitsForText}). */
    private final Div filters = new Div();
    /**
     * Whether the filters and the list are left out of the page until the source's text is drawn
     * ({@link #fillListOnceTextDrawn}). The browser's work for them (a virtual list sets itself up reading the
     * page's computed styles, two selects build their items and overlays, the list lays out its first rows) came
     * before the first frame with the text: about 40 ms for the rows (issue 21, round 5) and a quarter of the
     * view's build with them (round 6, docs/performance.md). The reader came for the text; the counts show at once.
     */
    private boolean listWaitsForText;
    private java.util.function.Function<UUID, Component> threads = id -> new Div();
    /** The chosen vetted annotation's thread, kept while it stays chosen so that a redraw keeps what is typed. */
    private @Nullable UUID threadOf;
    private @Nullable Component thread;

    AnnotationPanel(UUID projectId, boolean canEdit, Consumer<String> chosen, Actions actions) {
        this.projectId = projectId;
        this.canEdit = canEdit;
        this.chosen = chosen;
        this.actions = actions;
        addClassName("annotation-panel");
        setPadding(false);
        setSpacing(false);

        typeFilter.setLabel("Type");
        typeFilter.setItems(AnnotationType.values());
        typeFilter.setItemLabelGenerator(t -> t == null ? "All types" : t.displayName());
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption("All types");
        stateFilter.setLabel("State");
        stateFilter.setItems(canEdit ? List.of(ALL, VETTED, PENDING, MINE) : List.of(ALL, VETTED));
        stateFilter.setValue(ALL);
        typeFilter.addValueChangeListener(e -> rebuild());
        stateFilter.addValueChangeListener(e -> rebuild());
        filters.add(typeFilter, stateFilter);
        filters.addClassName("annotation-filters");

        list.addClassName("annotation-list");
        list.setRenderer(rowRenderer());
        list.setDataProvider(provider);
        detail.addClassName("annotation-detail");
        summary.addClassName("annotation-summary");
        add(filters, summary, list, detail);
        setFlexGrow(1, list);
    }

    /** How to build the discussion of a vetted annotation, shown with its details. */
    void setThreads(java.util.function.Function<UUID, Component> threads) {
        this.threads = threads;
    }

    /**
     * The filters and the list go into the page, filled, once {@link #textDrawn()} is called; the counts show at
     * once. Called before the panel is attached (the view's build), so the browser never gets them earlier.
     */
    void fillListOnceTextDrawn() {
        listWaitsForText = true;
        filters.remove(typeFilter, stateFilter);
        remove(list);
    }

    /** The text is on screen: the filters and the list come, scrolled to the chosen annotation if there is one. */
    void textDrawn() {
        if (listWaitsForText) {
            listWaitsForText = false;
            filters.add(typeFilter, stateFilter);
            addComponentAtIndex(indexOf(summary) + 1, list);
            setFlexGrow(1, list);
            rebuild();
            if (selectedKey != null) {
                scrollTo(selectedKey);
            }
        }
    }

    void setAnnotations(Collection<EditorAnnotation> all) {
        this.annotations = all;
        rebuild();
    }

    /** Shows this annotation's details and scrolls the list to it. */
    void select(@Nullable String key) {
        show(key, true);
    }

    /** Shows the annotation's details; scrolls the list to it only when the person chose it. */
    private void show(@Nullable String key, boolean scroll) {
        selectedKey = key;
        detail.removeAll();
        EditorAnnotation chosenOne = key == null ? null
                : annotations.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
        if (chosenOne == null) {
            selectedKey = null;
        } else {
            detail.add(details(chosenOne));
            if (scroll) {
                scrollTo(key);
            }
        }
        provider.refreshAll();
    }

    private void rebuild() {
        AnnotationType type = typeFilter.getValue();
        String state = stateFilter.getValue();
        Map<String, List<EditorAnnotation>> groups = new LinkedHashMap<>();
        annotations.stream()
                .filter(a -> type == null || a.type() == type)
                .filter(a -> state == null || ALL.equals(state)
                        || VETTED.equals(state) && a.state() == State.VETTED
                        || PENDING.equals(state) && a.state() == State.PENDING
                        || MINE.equals(state) && a.state() == State.DRAFT)
                .sorted(Comparator.comparing((EditorAnnotation a) -> a.linkId() == null)
                        .thenComparing(EditorAnnotation::linkLabel, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(a -> Objects.toString(a.linkId(), ""))
                        .thenComparingInt(EditorAnnotation::start))
                .forEach(a -> groups.computeIfAbsent(groupKey(a), k -> new ArrayList<>()).add(a));
        var built = new ArrayList<Row>();
        int shown = 0;
        for (List<EditorAnnotation> members : groups.values()) {
            EditorAnnotation first = members.getFirst();
            built.add(new Group(groupKey(first), groupLabel(first), members.size()));
            members.forEach(a -> built.add(new Item(a)));
            shown += members.size();
        }
        if (listWaitsForText) {
            built.clear();
        }
        // Unchanged rows (a reload after someone else's change elsewhere, say) are not sent again, and rows
        // changed in place are sent alone.
        boolean sameRows = built.stream().map(AnnotationPanel::rowId).toList()
                .equals(rows.stream().map(AnnotationPanel::rowId).toList());
        if (sameRows) {
            for (int i = 0; i < built.size(); i++) {
                if (!built.get(i).equals(rows.get(i))) {
                    rows.set(i, built.get(i));
                    provider.refreshItem(built.get(i));
                }
            }
        } else {
            rows.clear();
            rows.addAll(built);
            provider.refreshAll();
        }
        summary.setText(shown == annotations.size() ? annotations.size() + " annotations"
                : shown + " of " + annotations.size() + " annotations");
        if (selectedKey != null) {
            // Redrawn after a change (perhaps someone else's): keep the details, leave the list where it is.
            show(selectedKey, false);
        }
    }

    /** Scrolls the list to this annotation's row. */
    private void scrollTo(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof Item item && item.annotation().key().equals(key)) {
                list.scrollToIndex(i);
                return;
            }
        }
    }

    private static String rowId(Row row) {
        return switch (row) {
            case Group group -> "group:" + group.key();
            case Item item -> "item:" + item.annotation().key();
        };
    }

    private static String groupKey(EditorAnnotation a) {
        return a.linkId() == null ? "" : a.linkKind() + ":" + a.linkId();
    }

    private static String groupLabel(EditorAnnotation a) {
        if (a.linkId() == null) {
            return "Not linked";
        }
        return (EventRecordType.KIND.equals(a.linkKind()) ? "Event: " : "Entity: ") + a.linkLabel();
    }

    /**
     * Rows are drawn in the browser from a few properties each (a Lit template), not as server-side
     * components: redrawing the list after a change, which every open editor does when anyone's change
     * touches the source, costs the server a little JSON instead of a component tree per visible row.
     */
    private LitRenderer<Row> rowRenderer() {
        return LitRenderer.<Row>of("""
                ${item.group
                  ? html`<div class="annotation-group"><span>${item.label}</span><span> · ${item.count}</span></div>`
                  : html`<div class="annotation-item ${item.selected ? 'selected' : ''}" data-key="${item.key}"
                        role="button" tabindex="0" aria-label="${item.aria}" @click="${choose}"
                        @keydown="${e => { if (e.key === 'Enter') choose(); }}"
                      ><span class="annotation-swatch" style="background: ${item.colour}"></span
                      ><span class="annotation-quote">${item.quote}</span
                      ><span class="annotation-state state-${item.state}">${item.stateLabel}</span></div>`}""")
                .withProperty("group", row -> row instanceof Group)
                .withProperty("label", row -> row instanceof Group group ? group.label() : "")
                .withProperty("count", row -> row instanceof Group group ? group.count() : 0)
                .withProperty("key", row -> row instanceof Item item ? item.annotation().key() : "")
                .withProperty("selected", row -> row instanceof Item item && item.annotation().key().equals(selectedKey))
                .withProperty("aria", row -> row instanceof Item item
                        ? item.annotation().type().displayName() + ": " + item.annotation().exact() : "")
                .withProperty("colour", row -> row instanceof Item item ? item.annotation().type().colour() : "")
                .withProperty("quote", row -> row instanceof Item item ? abbreviate(item.annotation().exact(), 90) : "")
                .withProperty("state", row -> row instanceof Item item
                        ? item.annotation().state().name().toLowerCase(java.util.Locale.ROOT) : "")
                .withProperty("stateLabel", row -> row instanceof Item item ? stateLabel(item.annotation()) : "")
                .withFunction("choose", row -> {
                    if (row instanceof Item item) {
                        chosen.accept(item.annotation().key());
                    }
                });
    }

    private Component details(EditorAnnotation a) {
        var box = new Div();
        var heading = new Div(new Span(a.type().displayName() + " · " + stateLabel(a)));
        heading.addClassName("annotation-detail-heading");
        var context = new Div(new Span("…" + a.prefix()), strong(a.exact()), new Span(a.suffix() + "…"));
        context.addClassName("annotation-context");
        box.add(heading, context);
        if (a.linkId() != null) {
            String href = EventRecordType.KIND.equals(a.linkKind()) ? ProjectRoutes.eventPath(projectId, a.linkId())
                    : EntityRecordType.KIND.equals(a.linkKind()) ? ProjectRoutes.entityPath(projectId, a.linkId()) : null;
            var link = new Anchor(href == null ? "" : href, groupLabel(a));
            link.getElement().setAttribute("router-link", true);
            box.add(new Div(new Span("Links to "), link));
        } else {
            box.add(new Div(new Span("Not linked yet")));
        }
        boolean editable = canEdit && !a.deletionProposed()
                && (a.state() == State.VETTED || a.state() == State.DRAFT);
        if (editable) {
            var span = new Div(
                    button("Start ◀", "Extend the start by a word", () -> actions.step(a, false, true)),
                    button("Start ▶", "Shrink the start by a word", () -> actions.step(a, false, false)),
                    button("◀ End", "Shrink the end by a word", () -> actions.step(a, true, false)),
                    button("End ▶", "Extend the end by a word", () -> actions.step(a, true, true)));
            span.addClassName("annotation-span-actions");
            var relink = new Button("Change type or link…", e -> actions.relink(a));
            var delete = new Button(a.state() == State.DRAFT ? "Remove from draft" : "Propose deletion",
                    e -> actions.delete(a));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            box.add(span, new Div(relink, delete));
            if (a.linkId() != null) {
                var elsewhere = new Button("Same words elsewhere…", e -> actions.sameWords(a));
                elsewhere.addClassName("same-words-action");
                box.add(new Div(elsewhere));
            }
        } else if (a.state() == State.PENDING) {
            box.add(new Div(new Span("Waiting for review; it can be changed once decided.")));
        } else if (a.deletionProposed()) {
            box.add(new Div(new Span("Deletion proposed.")));
        }
        if (a.state() == State.VETTED) {
            if (thread == null || !a.id().equals(threadOf)) {
                thread = threads.apply(a.id());
                threadOf = a.id();
            }
            box.add(thread);
        }
        return box;
    }

    private static Button button(String text, String label, Runnable action) {
        var button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", label);
        return button;
    }

    private static Span strong(String text) {
        var span = new Span(text);
        span.addClassName("annotation-exact");
        return span;
    }

    static String stateLabel(EditorAnnotation a) {
        if (a.deletionProposed()) {
            return "deletion proposed";
        }
        return switch (a.state()) {
            case VETTED -> "vetted";
            case PENDING -> "pending review";
            case DRAFT -> "my draft";
        };
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}

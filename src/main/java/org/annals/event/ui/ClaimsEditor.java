package org.annals.event.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.EventClaim;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * Casualty claims of the killed, one row each: a number or a range ("at least" and "about" too), the source that
 * says so, and a note. A claim loaded from the event keeps its id, quote and preference.
 */
class ClaimsEditor extends Div {

    private final SourceService sources;
    private final UUID projectId;
    private final Div rows = new Div();
    private final List<Row> entries = new ArrayList<>();

    private record Row(HorizontalLayout layout, TextField figure, ComboBox<SourceSummary> source, TextField note,
            @Nullable EventClaim loaded) {
    }

    ClaimsEditor(SourceService sources, UUID projectId) {
        this.sources = sources;
        this.projectId = projectId;
        addClassName("claims-editor");
        var add = new Button("Add a fatality claim", VaadinIcon.PLUS.create(), e -> addRow(null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Span("Fatalities, as each source reports them"), rows, add);
    }

    void setClaims(List<EventClaim> claims) {
        rows.removeAll();
        entries.clear();
        claims.forEach(this::addRow);
    }

    /** Adds a claim read from a passage, saying under its figure which words it was read from. */
    void addSuggested(EventClaim claim, String fromText) {
        addRow(claim);
        TextField figure = entries.getLast().figure();
        figure.setHelperText(fromText);
        figure.addClassName("from-the-text");
    }

    private void addRow(@Nullable EventClaim claim) {
        var figure = new TextField();
        figure.setPlaceholder("12, 40-60, at least 12");
        figure.setAriaLabel("Fatalities");
        figure.setWidth("8em");
        var source = new ComboBox<SourceSummary>();
        source.setPlaceholder("Source");
        source.setAriaLabel("Source of the claim");
        source.setItemLabelGenerator(SourceSummary::title);
        source.setItems(q -> sources.library(projectId, q.getFilter().orElse(""), Sort.by("title"), 0,
                q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
        source.setClearButtonVisible(true);
        var note = new TextField();
        note.setPlaceholder("Note, e.g. \"civilians only\"");
        note.setAriaLabel("Note on the claim");
        var layout = new HorizontalLayout(figure, source, note);
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var row = new Row(layout, figure, source, note, claim);
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            rows.remove(layout);
            entries.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove claim");
        layout.add(remove);
        if (claim != null) {
            figure.setValue(claim.casualties() == null ? "" : claim.casualties().figure());
            note.setValue(claim.note() == null ? "" : claim.note());
            if (claim.sourceId() != null) {
                sources.library(projectId, "", Sort.by("title"), 0, 500).stream()
                        .filter(s -> s.id().equals(claim.sourceId())).findFirst().ifPresent(source::setValue);
            }
        }
        entries.add(row);
        rows.add(layout);
    }

    List<EventClaim> claims() {
        var claims = new ArrayList<EventClaim>();
        for (Row row : entries) {
            String text = row.figure().getValue().strip().replace('–', '-');
            if (text.isEmpty()) {
                continue;
            }
            CountQualifier qualifier = CountQualifier.EXACTLY;
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("at least")) {
                qualifier = CountQualifier.AT_LEAST;
                text = text.substring("at least".length()).strip();
            } else if (lower.startsWith("about")) {
                qualifier = CountQualifier.ABOUT;
                text = text.substring("about".length()).strip();
            }
            Casualties figure;
            try {
                String[] range = text.split("-", 2);
                int min = Integer.parseInt(range[0].strip());
                int max = range.length > 1 ? Integer.parseInt(range[1].strip()) : min;
                figure = new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, min, max, qualifier);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("\"" + row.figure().getValue().strip()
                        + "\" is not a number or a range such as 40-60 (\"at least 12\" and \"about 12\" too).");
            }
            EventClaim loaded = row.loaded();
            var claim = EventClaim.casualties(loaded == null ? null : loaded.id(), figure,
                    row.source().getValue() == null ? null : row.source().getValue().id(),
                    loaded == null ? null : loaded.annotationId())
                    .noted(row.note().getValue().isBlank() ? null : row.note().getValue().strip());
            claims.add(loaded != null && loaded.preferred() ? claim.preferred(true, loaded.reason()) : claim);
        }
        return claims;
    }
}

package org.annals.event.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.EditorAnnotation;
import org.annals.base.InvalidInputException;
import org.annals.base.Uuids;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.entity.ui.EntityChoices;
import org.annals.event.ActorRole;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.ClaimField;
import org.annals.event.CountQualifier;
import org.annals.event.EventActor;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * What each source says about the event (decision 0030), one row per claim: the field it is about, the value the
 * source gives, the source, the quote (an annotation of that source, optional) and a note. A field with one value
 * entered without a source stays a plain field of the form and has no row here; a claim loaded from the event
 * keeps its id, quote, preference and reason. Bad input is said next to its row, and nothing typed is lost.
 */
class ClaimsEditor extends Div {

    /**
     * The claims the editor shows, and the names of the places, actors, types and sources they give (for the
     * pickers), by id.
     */
    record Shown(List<EventClaim> claims, Map<UUID, String> names) {
    }

    private final SourceService sources;
    private final AnnotationService annotations;
    private final EntityService entities;
    private final List<TaxonomyService.TypeNode> types;
    private final UUID projectId;
    private final Div rows = new Div();
    private final List<Row> entries = new ArrayList<>();

    ClaimsEditor(SourceService sources, AnnotationService annotations, EntityService entities,
            List<TaxonomyService.TypeNode> types, UUID projectId) {
        this.sources = sources;
        this.annotations = annotations;
        this.entities = entities;
        this.types = types;
        this.projectId = projectId;
        addClassName("claims-editor");
        var intro = new Span("What the sources say: add a claim when a source gives its own value for a field"
                + " (another date, place, type, actors), or a casualty figure. A value without a source stays in the"
                + " fields above.");
        intro.addClassName("claims-intro");
        var adders = new HorizontalLayout();
        adders.setWrap(true);
        for (ClaimField field : ClaimField.values()) {
            var add = new Button(addLabel(field), VaadinIcon.PLUS.create(), e -> addRow(field, null, Map.of()));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            adders.add(add);
        }
        add(intro, rows, adders);
    }

    static String addLabel(ClaimField field) {
        return field == ClaimField.CASUALTIES ? "Add a casualty figure" : "Add a " + field.inSentence() + " claim";
    }

    /** Shows these claims, one row each (the claims a form shows: see {@link #shown}). */
    void setClaims(Shown shown) {
        rows.removeAll();
        entries.clear();
        shown.claims().forEach(c -> addRow(c.field(), c, shown.names()));
    }

    /**
     * The claims of an event that the form shows as rows: all but a field's single value entered without a
     * source, which its plain field edits. Casualty figures are always rows.
     */
    static List<EventClaim> shown(List<EventClaim> claims) {
        return claims.stream().filter(c -> hiddenPlain(claims, c.field()) != c).toList();
    }

    /** The single plain claim of a field (no source, no quote), which the form edits as a plain field; else null. */
    static @Nullable EventClaim hiddenPlain(List<EventClaim> claims, ClaimField field) {
        if (field == ClaimField.CASUALTIES) {
            return null;
        }
        List<EventClaim> ofField = claims.stream().filter(c -> c.field() == field).toList();
        return ofField.size() == 1 && ofField.getFirst().plain() ? ofField.getFirst() : null;
    }

    /**
     * The claims of one field as the form proposes them, from the rows, the field's hidden plain claim and the
     * value typed into the plain field. The plain field holds the event's preferred value: when the person types
     * another one there, it becomes the preferred claim (the row that says the same, or a claim without a source);
     * otherwise the rows keep their preference. Pure, so that it can be tested without a browser.
     *
     * @param typed the value of the plain field as a claim; null when the field is empty
     * @param before the event's value of the field before editing, as a claim; null for a new event
     */
    static List<EventClaim> combine(List<EventClaim> rowClaims, @Nullable EventClaim hidden,
            @Nullable EventClaim typed, @Nullable EventClaim before) {
        if (rowClaims.isEmpty()) {
            // the plain field is the field's only value: normalise puts what was typed into the hidden claim
            return hidden == null ? List.of() : List.of(hidden);
        }
        if (typed == null) {
            return rowClaims;
        }
        boolean changed = before == null || !typed.sameValue(before);
        boolean rowPreferred = rowClaims.stream().anyMatch(EventClaim::preferred);
        if (!changed && rowPreferred) {
            return rowClaims;
        }
        EventClaim same = rowClaims.stream().filter(c -> c.sameValue(typed)).findFirst().orElse(null);
        if (same != null) {
            return rowClaims.stream().map(c -> c == same ? (c.preferred() ? c : c.preferred(true, null))
                    : c.preferred(false, null)).toList();
        }
        EventClaim plainRow = rowClaims.stream().filter(EventClaim::plain).findFirst().orElse(null);
        var result = new ArrayList<EventClaim>();
        if (plainRow == null) {
            result.add(valueOf(typed, hidden != null ? hidden.id() : Uuids.timeOrdered(), null, null, null)
                    .preferred(true, null));
        }
        for (EventClaim c : rowClaims) {
            result.add(c == plainRow ? valueOf(typed, c.id(), null, null, c.note()).preferred(true, null)
                    : c.preferred(false, null));
        }
        return result;
    }

    /** A claim with the value of {@code value} and the given id, source, quote and note. */
    private static EventClaim valueOf(EventClaim value, @Nullable UUID id, @Nullable UUID sourceId,
            @Nullable UUID annotationId, @Nullable String note) {
        return new EventClaim(id, value.field(), false, value.start(), value.end(), value.typeId(), value.subTypeId(),
                value.placeId(), value.actors(), value.casualties(), sourceId, annotationId, null, note);
    }

    /** Adds a claim read from a passage, saying under its figure which words it was read from. */
    void addSuggested(EventClaim claim, String fromText) {
        addRow(claim.field(), new EventClaim(null, claim.field(), claim.preferred(), claim.start(), claim.end(),
                claim.typeId(), claim.subTypeId(), claim.placeId(), claim.actors(), claim.casualties(),
                claim.sourceId(), claim.annotationId(), claim.reason(), claim.note()), Map.of());
        Row row = entries.getLast();
        row.value.setHelperText(fromText);
        row.value.addClassName("from-the-text");
    }

    private void addRow(ClaimField field, @Nullable EventClaim loaded, Map<UUID, String> names) {
        var row = new Row(field, loaded, loaded != null && loaded.id() != null ? loaded.id() : Uuids.timeOrdered(),
                names);
        entries.add(row);
        rows.add(row.layout);
    }

    /** The claims of the rows, in order; a row with bad input is marked and the reason thrown. */
    List<EventClaim> claims() {
        var claims = new ArrayList<EventClaim>();
        entries.forEach(row -> row.error.setText(""));
        for (Row row : entries) {
            try {
                EventClaim claim = row.claim();
                if (claim != null) {
                    claims.add(claim);
                }
            } catch (InvalidInputException bad) {
                row.error.setText(bad.getMessage());
                throw new InvalidInputException(row.field.displayName() + " claim: " + bad.getMessage());
            }
        }
        return claims;
    }

    /** The rows' claims of one field. */
    List<EventClaim> claims(ClaimField field) {
        return claims().stream().filter(c -> c.field() == field).toList();
    }

    /** A figure as people write it: "12", "40-60", "at least 12", "about 40–60". */
    static Casualties figure(String typed, CasualtyCategory category, CasualtyParty party, CountQualifier chosen) {
        String text = typed.strip().replace('–', '-');
        CountQualifier qualifier = chosen;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("at least")) {
            qualifier = CountQualifier.AT_LEAST;
            text = text.substring("at least".length()).strip();
        } else if (lower.startsWith("about")) {
            qualifier = CountQualifier.ABOUT;
            text = text.substring("about".length()).strip();
        }
        try {
            String[] range = text.split("-", 2);
            int min = Integer.parseInt(range[0].strip());
            int max = range.length > 1 ? Integer.parseInt(range[1].strip()) : min;
            return new Casualties(category, party, min, max, qualifier);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("\"" + typed.strip() + "\" is not a number or a range such as 40-60"
                    + " (\"at least 12\" and \"about 12\" too).");
        }
    }

    /** A type or a sub-type of the project's taxonomy, as a claim gives it. */
    private record TypeChoice(UUID typeId, @Nullable UUID subTypeId, String label) {
    }

    /** One claim being edited. */
    private final class Row {
        final ClaimField field;
        final @Nullable EventClaim loaded;
        final UUID id;
        final HorizontalLayout layout = new HorizontalLayout();
        final Div error = new Div();
        /** The component that holds the value (the date, the figure…): hints go under it. */
        final TextField value;
        final PartialDateField end = new PartialDateField("To", "Optional");
        final ComboBox<EntitySummary> place = new ComboBox<>("Place per the source");
        final Select<TypeChoice> type = new Select<>();
        final Select<ActorRole> role = new Select<>();
        final MultiSelectComboBox<EntitySummary> actors = new MultiSelectComboBox<>("Actors per the source");
        final Select<CasualtyCategory> category = new Select<>();
        final Select<CasualtyParty> party = new Select<>();
        final Select<CountQualifier> qualifier = new Select<>();
        final ComboBox<SourceSummary> source = new ComboBox<>("According to");
        final ComboBox<EditorAnnotation> quote = new ComboBox<>("Quote (optional)");
        final TextField note = new TextField("Note");
        /** The roles of the loaded claim's actors, kept for those still chosen. */
        final Map<UUID, ActorRole> loadedRoles = new LinkedHashMap<>();

        Row(ClaimField field, @Nullable EventClaim loaded, UUID id, Map<UUID, String> names) {
            this.field = field;
            this.loaded = loaded;
            this.id = id;
            layout.addClassName("claim-row");
            layout.getElement().setAttribute("data-field", field.name());
            layout.setWrap(true);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            value = field == ClaimField.DATE ? new PartialDateField("Date per the source")
                    : new TextField(field == ClaimField.CASUALTIES ? "Figure" : "");
            var label = new Span(field.displayName());
            label.addClassName("claim-row-field");
            layout.add(label);
            switch (field) {
                case DATE -> layout.add(value, end);
                case PLACE -> {
                    var places = EntityChoices.of(entities, projectId, EntityKind.PLACE);
                    place.setItemLabelGenerator(places.label(EntitySummary::name));
                    place.setItems(q -> places.items(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
                    layout.add(place);
                }
                case TYPE -> {
                    var choices = new ArrayList<TypeChoice>();
                    for (var t : types) {
                        choices.add(new TypeChoice(t.id(), null, t.name()));
                        t.subTypes().forEach(s -> choices.add(new TypeChoice(t.id(), s.id(), t.name() + " / "
                                + s.name())));
                    }
                    type.setLabel("Type per the source");
                    type.setItems(choices);
                    type.setItemLabelGenerator(c -> c == null ? "" : c.label());
                    layout.add(type);
                }
                case ACTORS -> {
                    var any = EntityChoices.of(entities, projectId, null);
                    actors.setItemLabelGenerator(any.label(EntitySummary::name));
                    actors.setItems(q -> any.items(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
                    role.setLabel("As");
                    role.setItems(ActorRole.values());
                    role.setItemLabelGenerator(r -> r == null ? "" : r.displayName());
                    role.setValue(ActorRole.PRIMARY);
                    layout.add(actors, role);
                }
                case CASUALTIES -> {
                    value.setPlaceholder("12, 40-60");
                    value.setWidth("8em");
                    qualifier.setLabel("Count");
                    qualifier.setItems(CountQualifier.values());
                    qualifier.setItemLabelGenerator(q -> q == null ? "" : switch (q) {
                        case EXACTLY -> "exactly";
                        case AT_LEAST -> "at least";
                        case ABOUT -> "about";
                    });
                    qualifier.setValue(CountQualifier.EXACTLY);
                    category.setLabel("Of the");
                    category.setItems(CasualtyCategory.values());
                    category.setItemLabelGenerator(c -> c == null ? "" : c.words());
                    category.setValue(CasualtyCategory.KILLED);
                    party.setLabel("Among");
                    party.setItems(CasualtyParty.values());
                    party.setItemLabelGenerator(p -> p == null ? "" : p == CasualtyParty.ALL ? "everyone" : p.words());
                    party.setValue(CasualtyParty.ALL);
                    layout.add(qualifier, value, category, party);
                }
            }
            source.setItemLabelGenerator(SourceSummary::title);
            source.setItems(q -> sources.library(projectId, q.getFilter().orElse(""), Sort.by("title"), 0,
                    q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
            source.setClearButtonVisible(true);
            quote.setItemLabelGenerator(a -> "“" + (a.exact().length() > 80 ? a.exact().substring(0, 79) + "…"
                    : a.exact()) + "”");
            quote.setClearButtonVisible(true);
            quote.setEnabled(false);
            quote.setHelperText("A marked passage of the source that says it");
            source.addValueChangeListener(e -> quotesOf(e.getValue() == null ? null : e.getValue().id(), null));
            note.setPlaceholder("e.g. \"the ministry's figure\"");
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                rows.remove(layout);
                entries.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove claim");
            error.addClassName("form-error");
            error.getElement().setAttribute("role", "alert");
            layout.add(source, quote, note, remove, error);
            if (loaded != null) {
                fill(loaded, names);
            }
        }

        private void fill(EventClaim c, Map<UUID, String> names) {
            switch (field) {
                case DATE -> {
                    value.setValue(c.start() == null ? "" : c.start().input());
                    end.setPartialDate(c.end());
                }
                case PLACE -> {
                    if (c.placeId() != null) {
                        place.setValue(summary(c.placeId(), names));
                    }
                }
                case TYPE -> type.getListDataView().getItems()
                        .filter(t -> t.typeId().equals(c.typeId()) && Objects.equals(t.subTypeId(), c.subTypeId()))
                        .findFirst().ifPresent(type::setValue);
                case ACTORS -> {
                    c.actors().forEach(a -> loadedRoles.put(a.entityId(), a.role()));
                    actors.setValue(c.actors().stream().map(a -> summary(a.entityId(), names))
                            .collect(Collectors.toCollection(LinkedHashSet::new)));
                    if (!c.actors().isEmpty()) {
                        role.setValue(c.actors().getFirst().role());
                    }
                }
                case CASUALTIES -> {
                    Casualties figure = c.casualties();
                    if (figure != null) {
                        value.setValue(figure.minimum() == figure.maximum() ? Integer.toString(figure.minimum())
                                : figure.minimum() + "-" + figure.maximum());
                        qualifier.setValue(figure.qualifier());
                        category.setValue(figure.category());
                        party.setValue(figure.party());
                    }
                }
            }
            note.setValue(c.note() == null ? "" : c.note());
            if (c.sourceId() != null) {
                // by the title the event page knows, so that a claim of a large library keeps its source
                String title = names.get(c.sourceId());
                if (title != null) {
                    source.setValue(new SourceSummary(c.sourceId(), title, null, null, 0, java.time.Instant.EPOCH));
                } else {
                    sources.library(projectId, "", Sort.by("title"), 0, 500).stream()
                            .filter(s -> s.id().equals(c.sourceId())).findFirst().ifPresent(source::setValue);
                }
                quotesOf(c.sourceId(), c.annotationId());
            }
        }

        private EntitySummary summary(UUID id, Map<UUID, String> names) {
            return new EntitySummary(id, EntityKind.OTHER, names.getOrDefault(id, "?"), null, java.time.Instant.EPOCH);
        }

        /** Offers the vetted annotations of the source as quotes; chooses {@code chosen} when it is one of them. */
        private void quotesOf(@Nullable UUID sourceId, @Nullable UUID chosen) {
            if (sourceId == null) {
                quote.setItems(List.of());
                quote.setEnabled(false);
                return;
            }
            List<EditorAnnotation> marked = annotations.editor(projectId, sourceId).annotations().stream()
                    .filter(a -> a.state() == EditorAnnotation.State.VETTED && a.id() != null)
                    .sorted(java.util.Comparator.comparingInt(EditorAnnotation::start)).toList();
            quote.setItems(marked);
            quote.setEnabled(true);
            if (chosen != null) {
                marked.stream().filter(a -> chosen.equals(a.id())).findFirst().ifPresent(quote::setValue);
            }
        }

        /** The claim this row holds; null when nothing is filled in. */
        @Nullable EventClaim claim() {
            UUID sourceId = source.getValue() == null ? null : source.getValue().id();
            // a loaded quote not offered (not vetted yet) stays while the source does
            UUID annotationId = quote.getValue() != null ? quote.getValue().id()
                    : loaded != null && loaded.annotationId() != null && Objects.equals(sourceId, loaded.sourceId())
                    && quote.getListDataView().getItems().noneMatch(a -> loaded.annotationId().equals(a.id()))
                    ? loaded.annotationId() : null;
            EventClaim value = switch (field) {
                case DATE -> {
                    if (this.value.getValue().isBlank() && end.getValue().isBlank()) {
                        yield null;
                    }
                    PartialDate start = ((PartialDateField) this.value).requiredDate();
                    yield EventClaim.date(id, start, end.partialDate().orElse(null), sourceId, annotationId);
                }
                case PLACE -> place.getValue() == null ? null
                        : EventClaim.place(id, place.getValue().id(), sourceId, annotationId);
                case TYPE -> type.getValue() == null ? null
                        : EventClaim.type(id, type.getValue().typeId(), type.getValue().subTypeId(), sourceId,
                                annotationId);
                case ACTORS -> actors.getValue().isEmpty() ? null : EventClaim.actors(id, actors.getValue().stream()
                        .map(a -> new EventActor(a.id(), loadedRoles.getOrDefault(a.id(),
                                role.getValue() == null ? ActorRole.PRIMARY : role.getValue())))
                        .toList(), sourceId, annotationId);
                case CASUALTIES -> this.value.getValue().isBlank() ? null
                        : EventClaim.casualties(id, figure(this.value.getValue(), category.getValue(), party.getValue(),
                                qualifier.getValue()), sourceId, annotationId);
            };
            if (value == null) {
                return null;
            }
            EventClaim claim = value.noted(note.getValue());
            EventClaim before = loaded;
            // a claim keeps its preference (and the reviewer's reason) while it says what it said
            return before != null && before.preferred() ? claim.preferred(true, before.reason()) : claim;
        }
    }
}

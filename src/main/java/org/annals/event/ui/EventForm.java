package org.annals.event.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.ui.TypedWork;
import org.annals.collab.CollabService;
import org.annals.event.EventRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.annals.review.ui.CompareDialog;
import org.annals.review.ui.ConflictNotice;
import org.annals.review.ui.FormField;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.entity.ui.EntityChoices;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.event.prefill.EventPrefill;
import org.annals.event.prefill.Suggestions;
import org.annals.event.prefill.Suggestions.Candidate;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.annals.source.SourceService;
import org.jspecify.annotations.Nullable;

/**
 * Proposes a new event or new values for one: partial dates as people write them, types from the
 * project's taxonomy, entity pickers that search names and aliases, and a warning about events on
 * the same day at the same place before anything is saved.
 */
class EventForm extends Dialog {

    private final TextField title = new TextField("Title");
    private final PartialDateField start = new PartialDateField("Start");
    private final TimePicker startTime = new TimePicker("Start time");
    private final PartialDateField end = new PartialDateField("End", "Optional: when it went on for a while");
    private final Select<TaxonomyService.TypeNode> type = new Select<>();
    private final Select<TaxonomyService.SubType> subType = new Select<>();
    private final ComboBox<EntitySummary> place = new ComboBox<>("Place");
    private final Map<ActorRole, MultiSelectComboBox<EntitySummary>> actors = new java.util.EnumMap<>(ActorRole.class);
    private final ClaimsEditor claims;
    /** Why the last save was refused, shown in the form (nothing typed is lost). */
    private final Div saveError = new Div();
    private final TextArea notes = new TextArea("Notes");
    private final TextField tags = new TextField("Tags");
    private final TextField message = new TextField("Message for the reviewers");
    private final Div duplicates = new Div();
    private final ConflictNotice conflict = new ConflictNotice();
    private final EventService events;
    private final UUID projectId;
    private final List<FormField<TimelineEntry, ?>> fields;
    private final TypedWork work;
    private final EntityService entities;
    /** The version the proposal is based on: replaced when the person carries their values over a newer one. */
    private @Nullable TimelineEntry existing;
    /** What a picker offers as its last choice when the name typed is nobody's yet: create it here. */
    private static final UUID CREATE = new UUID(0, 0);
    /** Entities created in this form (by the ids its pickers hold), proposed with the event; in order. */
    private final Map<UUID, EntityPayload> newEntities = new LinkedHashMap<>();
    /** Whether the pickers offer to create what they do not find (only where the saver proposes them too). */
    private boolean createsEntities;

    /** How the form's values become a changeset: a new proposal, or a revision of an existing one. */
    @FunctionalInterface
    interface Saver {
        /** {@code basedOn} is the version of the event the values are based on (null for a new event). */
        EventService.Proposal save(@Nullable TimelineEntry basedOn, EventPayload values, String message, boolean submit);
    }

    private Saver saver;
    /** Saves without submitting: "Add to my draft" for new proposals, "Save as draft" when revising one. */
    private final Button keep = new Button("Save as draft");
    private boolean keepsInWorkingDraft;

    /** A new event ({@code existing} null) or changes to the vetted {@code existing}, proposed as a new changeset. */
    EventForm(EventService events, EntityService entities, TaxonomyService taxonomy, SourceService sources,
            AnnotationService annotations, UUID projectId, @Nullable TimelineEntry existing,
            Consumer<EventService.Proposal> saved) {
        this(events, entities, taxonomy, sources, annotations, projectId, existing,
                existing == null ? "" : "Update " + existing.title(),
                existing == null ? newEventForm(projectId) : changeForm(projectId, existing.id()),
                newProposal(events, projectId), saved);
        setHeaderTitle(existing == null ? "Propose an event" : "Propose changes to " + existing.title());
        keep.setText("Add to my draft");
        keepsInWorkingDraft = true;
    }

    /**
     * The form for a new event from a marked passage: filled with what the passage says (each value
     * marked with the words it came from, for the person to confirm or change), pickers that create the
     * places and actors not in the registry yet, and one "Save to draft" that hands the event and those
     * entities to {@code saver}, which answers with the reason it refused them, or null.
     */
    static EventForm forSelection(EventService events, EntityService entities, TaxonomyService taxonomy,
            SourceService sources, AnnotationService annotations, UUID projectId, String quote, Suggestions suggestions,
            EventFromSelection.Saver saver, EventFromSelection.@Nullable Submitter submitter) {
        var form = new EventForm(events, entities, taxonomy, sources, annotations, projectId, null, "", null,
                (basedOn, values, message, submit) -> {
                    throw new IllegalStateException("An event from a selection is saved to the working draft.");
                }, proposal -> {
                });
        form.setHeaderTitle("New event from the selection");
        form.addClassName("event-from-selection");
        form.createsEntities = true;
        form.place.setAllowCustomValue(true);
        form.actors.values().forEach(picker -> picker.setAllowCustomValue(true));
        form.message.setVisible(false);
        var quoted = new com.vaadin.flow.component.html.Paragraph(quote.length() > 300 ? quote.substring(0, 299) + "…"
                : quote);
        quoted.addClassName("link-dialog-quote");
        form.addComponentAsFirst(quoted);
        var error = new Div();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        form.add(error);
        var save = new Button("Save to draft", e -> form.saveFromSelection(saver, null, error));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.getFooter().removeAll();
        form.getFooter().add(new Button("Cancel", e -> form.close()));
        if (submitter != null) {
            // One event, told now: no need to collect more in the draft before the review.
            var saveAndSubmit = new Button("Save and submit for review", e -> form.saveFromSelection(saver, submitter, error));
            saveAndSubmit.setTooltipText("Saves to your draft and sends the whole draft to review, with the event's"
                    + " title as the message");
            form.getFooter().add(saveAndSubmit);
        }
        form.getFooter().add(save);
        form.fillFrom(quote, suggestions);
        form.work.baseline();
        return form;
    }

    /** Saves the event from the selection; then, with a submitter, sends the draft to review. */
    private void saveFromSelection(EventFromSelection.Saver saver, EventFromSelection.@Nullable Submitter submitter,
            Div error) {
        String problem;
        EventPayload values;
        try {
            values = values(null);
            problem = saver.save(values, namedNewEntities(values));
        } catch (InvalidInputException refused) {
            error.setText(refused.getMessage());
            return;
        }
        if (problem != null) {
            error.setText(problem);
            return;
        }
        work.finished();
        close();
        if (submitter != null) {
            String refused = submitter.submit(values.title());
            // The event is safe in the draft either way; a refused submission says why where the page shows it.
            Notification.show(refused == null ? "Submitted for review." : "Saved to your draft, not submitted: " + refused,
                    6000, Notification.Position.BOTTOM_START);
        }
    }

    /**
     * Fills in what the passage says, each value with the words it came from under its field; what the
     * passage leaves open (several dates, a name several records share) is listed there, not chosen.
     */
    private void fillFrom(String quote, Suggestions suggestions) {
        String text = quote.strip().replaceAll("\\s+", " ");
        title.setValue(text.length() > 120 ? text.substring(0, 119).strip() + "…" : text);
        title.setHelperText("From the selected text: shorten it to a title");
        var onlyDate = EventPrefill.onlyDate(suggestions);
        if (onlyDate != null) {
            setDate(start, onlyDate.value().date(), onlyDate.span().text());
            setDate(end, onlyDate.value().endDate(), onlyDate.span().text());
        } else if (!suggestions.dates().isEmpty()) {
            start.setHelperText("The text gives several dates: " + suggestions.dates().stream()
                    .map(d -> "“" + d.span().text() + "” (" + d.value().display() + ")")
                    .collect(Collectors.joining(", ")) + ". Type the start.");
        }
        NameMatch onlyPlace = EventPrefill.onlyPlace(suggestions);
        if (onlyPlace != null) {
            Candidate c = onlyPlace.candidates().getFirst();
            place.setValue(new EntitySummary(c.id(), c.kind(), c.name(), null, java.time.Instant.EPOCH));
            place.setHelperText(fromText(onlyPlace.span().text()));
        } else if (!suggestions.places().isEmpty()) {
            place.setHelperText("The text names " + candidates(suggestions.places()) + ". Choose the place.");
        }
        var primary = actors.get(ActorRole.PRIMARY);
        var named = suggestions.actors().stream().filter(m -> !m.ambiguous()).toList();
        var open = suggestions.actors().stream().filter(NameMatch::ambiguous).toList();
        if (!named.isEmpty()) {
            primary.setValue(named.stream().map(m -> m.candidates().getFirst())
                    .map(c -> new EntitySummary(c.id(), c.kind(), c.name(), null, java.time.Instant.EPOCH))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        var notes = new ArrayList<String>();
        if (!named.isEmpty()) {
            notes.add("From the text: " + named.stream().map(m -> "“" + m.span().text() + "”")
                    .collect(Collectors.joining(", ")) + "; move each to its role");
        }
        if (!open.isEmpty()) {
            notes.add("The text also names " + candidates(open) + ": choose");
        }
        if (!notes.isEmpty()) {
            primary.setHelperText(String.join(". ", notes) + ".");
        }
        suggestions.casualties().forEach(f -> claims.addSuggested(f.value(), fromText(f.span().text())));
    }

    private static void setDate(PartialDateField field, @Nullable PartialDate date, String words) {
        if (date == null) {
            return;
        }
        field.setValue(date.input());
        field.setHelperText(fromText(words) + ", read as " + date.display());
        field.addClassName("from-the-text");
    }

    private static String fromText(String words) {
        return "From the text: “" + words + "”";
    }

    /** "“Hama”: Hama (Place) or Hama Governorate (Place)", for every name that is not one record. */
    private static String candidates(List<NameMatch> matches) {
        return matches.stream().map(m -> "“" + m.span().text() + "”" + (m.ambiguous() ? ": " + m.candidates().stream()
                .map(c -> c.name() + " (" + c.kind().displayName() + ")").collect(Collectors.joining(" or ")) : ""))
                .collect(Collectors.joining("; "));
    }

    /** The name under which the browser keeps what is typed for a new event (see {@link TypedWork}). */
    static String newEventForm(UUID projectId) {
        return "event:" + projectId + ":new";
    }

    /** The name under which the browser keeps what is typed for changes to an event. */
    static String changeForm(UUID projectId, UUID eventId) {
        return "event:" + projectId + ":" + eventId;
    }

    /** Submitted at once as a changeset of its own, or added to the person's working draft for the project. */
    private static Saver newProposal(EventService events, UUID projectId) {
        return (basedOn, values, message, submit) -> {
            if (!submit) {
                return basedOn == null ? events.addCreateToDraft(projectId, values, message)
                        : events.addUpdateToDraft(projectId, basedOn.id(), basedOn.version(), values, message);
            }
            return basedOn == null ? events.proposeCreate(projectId, values, message, true)
                    : events.proposeUpdate(projectId, basedOn.id(), basedOn.version(), values, message, true);
        };
    }

    /**
     * A form filled with {@code existing} (the vetted event, or the values of a proposal being revised)
     * whose values go where {@code saver} puts them; what is typed is kept in the browser as {@code formName}
     * (null: only guarded against Esc).
     */
    EventForm(EventService events, EntityService entities, TaxonomyService taxonomy, SourceService sources,
            AnnotationService annotations, UUID projectId, @Nullable TimelineEntry existing, String initialMessage,
            @Nullable String formName, Saver saver, Consumer<EventService.Proposal> saved) {
        this.events = events;
        this.entities = entities;
        this.work = new TypedWork(this, formName);
        this.projectId = projectId;
        this.existing = existing;
        this.saver = saver;
        setHeaderTitle(existing == null ? "Propose an event" : "Edit your proposal for " + existing.title());
        setWidth("min(95vw, 56rem)");
        title.setRequired(true);
        title.setMaxLength(300);
        start.setRequired(true);
        var types = taxonomy.taxonomy(projectId);
        claims = new ClaimsEditor(sources, annotations, entities, types, projectId);
        type.setLabel("Type");
        type.setItems(types);
        type.setItemLabelGenerator(TaxonomyService.TypeNode::name);
        subType.setLabel("Sub-type");
        subType.setItemLabelGenerator(s -> s == null ? "" : s.name());
        subType.setEmptySelectionAllowed(true);
        type.addValueChangeListener(e -> subType.setItems(e.getValue() == null ? List.of() : e.getValue().subTypes()));
        // Vetted places first, then pending ones (marked), then the offer to create the name typed.
        var places = EntityChoices.of(entities, projectId, EntityKind.PLACE);
        place.setItemLabelGenerator(places.label(e -> label(e, "place")));
        place.setItems(q -> withCreateOffer(places.items(q.getFilter().orElse(""), q.getOffset(), q.getLimit()), q,
                EntityKind.PLACE));
        place.addValueChangeListener(e -> {
            if (e.getValue() != null && CREATE.equals(e.getValue().id())) {
                place.setValue(e.getOldValue());
                createInline(EntityKind.PLACE, e.getValue().name(), place::setValue);
            }
        });
        place.addCustomValueSetListener(e -> createInline(EntityKind.PLACE, e.getDetail(), place::setValue));
        var anyEntity = EntityChoices.of(entities, projectId, null);
        for (ActorRole role : ActorRole.values()) {
            var picker = new MultiSelectComboBox<EntitySummary>(role.displayName() + "s");
            picker.setItemLabelGenerator(anyEntity.label(e -> label(e, "person or group")));
            // A new actor starts as an organisation or armed group, what most actors of an event are (as in
            // ACLED's actor lists); a person is one choice away in the form that opens.
            picker.setItems(q -> withCreateOffer(anyEntity.items(q.getFilter().orElse(""), q.getOffset(),
                    q.getLimit()), q, EntityKind.ORGANIZATION));
            picker.addValueChangeListener(e -> e.getValue().stream().filter(a -> CREATE.equals(a.id())).findFirst()
                    .ifPresent(offer -> {
                        var kept = new LinkedHashSet<>(e.getValue());
                        kept.remove(offer);
                        picker.setValue(kept);
                        createInline(EntityKind.ORGANIZATION, offer.name(), created -> addTo(picker, created));
                    }));
            picker.addCustomValueSetListener(e -> createInline(EntityKind.ORGANIZATION, e.getDetail(),
                    created -> addTo(picker, created)));
            actors.put(role, picker);
        }
        tags.setHelperText("Separated by commas");
        message.setRequired(true);
        message.setValue(initialMessage);
        start.addValueChangeListener(e -> showDuplicates(events, projectId, this.existing));
        place.addValueChangeListener(e -> showDuplicates(events, projectId, this.existing));
        fields = fields(types);
        if (existing != null) {
            fill(existing);
        }

        var form = new FormLayout(title, start, startTime, end, type, subType, place);
        actors.values().forEach(form::add);
        form.add(claims, notes, tags, message);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(title, 2);
        form.setColspan(notes, 2);
        form.setColspan(claims, 2);
        form.setColspan(message, 2);
        duplicates.addClassName("duplicate-warning");
        duplicates.setVisible(false);
        saveError.addClassName("form-error");
        saveError.getElement().setAttribute("role", "alert");
        add(conflict, duplicates, form, saveError);

        var submit = new Button("Submit for review", e -> save(true, saved));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.addClickListener(e -> save(false, saved));
        getFooter().add(new Button("Cancel", e -> close()), keep, submit);
        keepTypedWork();
    }

    /** Text is kept by the browser as it is typed; choices by their ids (entities by id, several by commas). */
    private void keepTypedWork() {
        work.text(title, "title").text(start, "start").text(startTime, "startTime").text(end, "end")
                .text(notes, "notes").text(tags, "tags").text(message, "message")
                .choice(type, "type", t -> t.id().toString())
                .choice(subType, "subType", s -> s.id().toString())
                .choice(place, "place", p -> p.id().toString());
        actors.forEach((role, picker) -> work.choice(picker, "actors-" + role.name(),
                chosen -> chosen.stream().map(a -> a.id().toString()).collect(Collectors.joining(","))));
        work.baseline();
    }

    /** Opens the form and keeps what is typed in it from now on. */
    @Override
    public void open() {
        super.open();
        work.start(Map.of());
    }

    /** Puts back what was kept in the browser after a reload or an expired session. */
    void restore(Map<String, String> kept) {
        work.restore(kept, choices -> {
            Optional.ofNullable(choices.get("type")).flatMap(id -> type.getListDataView().getItems()
                    .filter(t -> t.id().toString().equals(id)).findFirst()).ifPresent(type::setValue);
            Optional.ofNullable(choices.get("subType")).flatMap(id -> subType.getListDataView().getItems()
                    .filter(s -> s.id().toString().equals(id)).findFirst()).ifPresent(subType::setValue);
            Optional.ofNullable(choices.get("place")).flatMap(this::entity).ifPresent(place::setValue);
            actors.forEach((role, picker) -> Optional.ofNullable(choices.get("actors-" + role.name()))
                    .filter(ids -> !ids.isBlank())
                    .ifPresent(ids -> picker.setValue(java.util.Arrays.stream(ids.split(",")).map(this::entity)
                            .flatMap(Optional::stream).collect(Collectors.toCollection(LinkedHashSet::new)))));
        });
    }

    private Optional<EntitySummary> entity(String id) {
        try {
            var details = entities.get(projectId, UUID.fromString(id));
            return Optional.of(new EntitySummary(details.id(), details.values().kind(), details.values().name(), null,
                    details.updatedAt()));
        } catch (IllegalArgumentException | NotFoundException gone) {
            return Optional.empty();
        }
    }

    /**
     * The form's fields as a record sets them: filling the form and comparing it with a newer version
     * read them the same way. The type comes before its sub-type, whose choices it sets.
     */
    private List<FormField<TimelineEntry, ?>> fields(List<TaxonomyService.TypeNode> types) {
        var list = new ArrayList<FormField<TimelineEntry, ?>>();
        list.add(FormField.of("Title", e -> e.values().title(), title::getValue, v -> title.setValue(orEmpty(v)),
                v -> v));
        list.add(FormField.of("Start", e -> e.values().start().input(), start::getValue,
                v -> start.setValue(orEmpty(v)), v -> v));
        list.add(FormField.of("Start time", e -> e.values().start().time(), startTime::getValue, startTime::setValue,
                java.time.LocalTime::toString));
        list.add(FormField.of("End", e -> e.values().end() == null ? "" : e.values().end().input(), end::getValue,
                v -> end.setValue(orEmpty(v)), v -> v));
        list.add(new FormField<TimelineEntry, TaxonomyService.TypeNode>("Type",
                e -> types.stream().filter(t -> t.id().equals(e.values().typeId())).findFirst().orElse(null),
                type::getValue, type::setValue, TaxonomyService.TypeNode::name, TaxonomyService.TypeNode::id));
        list.add(new FormField<TimelineEntry, TaxonomyService.SubType>("Sub-type",
                e -> types.stream().flatMap(t -> t.subTypes().stream())
                        .filter(st -> st.id().equals(e.values().subTypeId())).findFirst().orElse(null),
                subType::getValue, subType::setValue, TaxonomyService.SubType::name, TaxonomyService.SubType::id));
        list.add(new FormField<TimelineEntry, EntitySummary>("Place",
                e -> e.placeId() == null ? null : new EntitySummary(e.placeId(), EntityKind.PLACE, e.placeName(), null,
                        java.time.Instant.EPOCH),
                place::getValue, place::setValue, EntitySummary::name, EntitySummary::id));
        for (ActorRole role : ActorRole.values()) {
            var picker = actors.get(role);
            list.add(new FormField<TimelineEntry, Set<EntitySummary>>(role.displayName() + "s",
                    e -> e.actors().stream().filter(a -> a.role() == role)
                            .map(a -> new EntitySummary(a.entityId(), EntityKind.OTHER, a.name(), null,
                                    java.time.Instant.EPOCH))
                            .collect(Collectors.toCollection(LinkedHashSet::new)),
                    picker::getValue, v -> picker.setValue(v == null ? Set.of() : v),
                    v -> v.stream().map(EntitySummary::name).collect(Collectors.joining("; ")),
                    v -> v.stream().map(EntitySummary::id).collect(Collectors.toSet())));
        }
        // The claims beyond a field's single plain value (which the plain fields above edit), names resolved.
        list.add(new FormField<TimelineEntry, ClaimsEditor.Shown>("Claims",
                e -> new ClaimsEditor.Shown(ClaimsEditor.shown(e.values().claims()), names(e)),
                () -> new ClaimsEditor.Shown(claims.claims(), Map.of()),
                v -> claims.setClaims(v == null ? new ClaimsEditor.Shown(List.of(), Map.of()) : v),
                v -> v.claims().stream().map(c -> c.field().displayName() + ": " + org.annals.event.EventClaims
                        .valueText(c, id -> v.names().getOrDefault(id, "?"), id -> v.names().getOrDefault(id, "?")))
                        .collect(Collectors.joining("; ")), ClaimsEditor.Shown::claims));
        list.add(FormField.of("Notes", e -> orEmpty(e.values().notes()), notes::getValue,
                v -> notes.setValue(orEmpty(v)), v -> v));
        list.add(new FormField<TimelineEntry, String>("Tags", e -> String.join(", ", e.values().tags()),
                tags::getValue, v -> tags.setValue(orEmpty(v)), v -> v, v -> tagList(v)));
        return List.copyOf(list);
    }

    /** The names a record's claims give, sources' titles among them, by id. */
    private static Map<UUID, String> names(TimelineEntry e) {
        var names = new java.util.HashMap<UUID, String>(e.claimNames());
        names.putAll(e.claimSources());
        return names;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private void fill(TimelineEntry record) {
        for (var field : fields) {
            fillField(field, record);
        }
    }

    private static <V> void fillField(FormField<TimelineEntry, V> field, TimelineEntry record) {
        field.write().accept(field.of().apply(record));
    }

    /**
     * Tells the person, while the form is open, when someone else's change to this event is approved,
     * or the event is deleted or merged, and lets them carry their values over. Only for changes to an
     * existing event.
     */
    void followChanges(CollabService collab, ChangesetService changesets) {
        TimelineEntry record = existing;
        if (record == null) {
            return;
        }
        conflict.follow(this, collab, changesets, projectId, new RecordRef(EventRecordType.KIND, record.id()),
                this::recordMayHaveChanged);
    }

    private void recordMayHaveChanged(@Nullable String approvedBy) {
        TimelineEntry started = existing;
        if (started == null) {
            return;
        }
        TimelineEntry now;
        try {
            now = events.get(projectId, started.id());
        } catch (NotFoundException deleted) {
            conflict.gone("This event was deleted while you were editing. Everything you typed is still here: copy"
                    + " what you need, or propose it as a new event.", "Propose as a new event", this::asNewEvent);
            return;
        }
        if (!now.id().equals(started.id())) {
            conflict.gone("This event was merged into \"" + now.title() + "\" while you were editing. Everything you"
                    + " typed is still here: copy what you need, or propose it as a new event.",
                    "Propose as a new event", this::asNewEvent);
            return;
        }
        if (now.version() == started.version()) {
            return;
        }
        conflictWith(now, (approvedBy == null ? "Someone" : approvedBy) + "'s change to this event was approved while"
                + " you were editing.", started);
    }

    /**
     * Says that {@code now} is newer than what the form's values were based on ({@code started}), and
     * lets the person compare and carry their values over to it.
     */
    void conflictWith(TimelineEntry now, String what, TimelineEntry started) {
        conflict.changed(what + " Nothing you typed is lost: compare, then carry your values over to the new version.",
                "Compare and carry over…", () -> new CompareDialog<>(what, fields, started, now, () -> {
                    existing = now;
                    conflict.resolved("Your values are now based on the version just approved. Submit when ready.");
                }).open());
    }

    private void asNewEvent() {
        existing = null;
        saver = newProposal(events, projectId);
        keep.setText("Add to my draft");
        keepsInWorkingDraft = true;
        setHeaderTitle("Propose an event");
        conflict.resolved("Submitting now proposes a new event with these values.");
    }

    private void showDuplicates(EventService events, UUID projectId, @Nullable TimelineEntry existing) {
        duplicates.removeAll();
        duplicates.setVisible(false);
        PartialDate day = start.readableDate();
        if (place.getValue() == null || day == null) {
            return;
        }
        try {
            var same = events.likelyDuplicates(projectId, day, place.getValue().id())
                    .stream().filter(e -> existing == null || !e.id().equals(existing.id())).toList();
            if (!same.isEmpty()) {
                duplicates.add(new Span("Already on the timeline for this day and place: "
                        + same.stream().map(TimelineEntry::title).collect(Collectors.joining("; "))
                        + ". If it is the same event, propose changes to that one instead."));
                duplicates.setVisible(true);
            }
        } catch (InvalidInputException notADateYet) {
            // The person is still typing the date.
        }
    }

    private void save(boolean submit, Consumer<EventService.Proposal> saved) {
        if (conflict.holdsSave("event")) {
            return;
        }
        TimelineEntry existing = this.existing;
        EventService.Proposal proposal;
        try {
            saveError.setText("");
            EventPayload values = values(existing);
            proposal = saver.save(existing, values, message.getValue(), submit);
        } catch (InvalidInputException refused) {
            // said in the form, next to the claim it is about when it is one; the form stays open as typed
            saveError.setText(refused.getMessage());
            return;
        }
        work.finished();
        close();
        Notification.show(submit ? "Submitted for review. It appears on the timeline once a reviewer approves it."
                : keepsInWorkingDraft ? "Added to your draft: submit it from My draft with everything else."
                : "Saved as a draft under My changes.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        saved.accept(proposal);
    }

    private EventPayload values(@Nullable TimelineEntry existing) {
        if (type.getValue() == null) {
            throw new InvalidInputException("Choose an event type.");
        }
        var actorList = new ArrayList<EventActor>();
        actors.forEach((role, picker) -> picker.getValue().forEach(e -> actorList.add(new EventActor(e.id(), role))));
        start.requiredDate(); // says what is wrong when nothing, or no date, is typed
        EventPayload typed = new EventPayload(title.getValue(), PartialDate.parse(start.getValue(), startTime.getValue()),
                end.partialDate().orElse(null), type.getValue().id(),
                subType.getValue() == null ? null : subType.getValue().id(),
                place.getValue() == null ? null : place.getValue().id(), actorList, List.of(),
                notes.getValue(), tagList(tags.getValue()), existing == null ? null : existing.parentId(), null);
        List<EventClaim> rows = claims.claims();
        List<EventClaim> before = existing == null ? List.of() : existing.values().claims();
        var all = new ArrayList<EventClaim>();
        for (ClaimField field : ClaimField.values()) {
            List<EventClaim> ofField = rows.stream().filter(c -> c.field() == field).toList();
            if (field == ClaimField.CASUALTIES) {
                all.addAll(ofField);
                continue;
            }
            all.addAll(ClaimsEditor.combine(ofField, ClaimsEditor.hiddenPlain(before, field), plainClaim(typed, field),
                    existing == null ? null : plainClaim(existing.values(), field)));
        }
        return typed.withClaims(all);
    }

    /** A field's value in {@code values} as a claim without a source; null when the field is empty. */
    static @Nullable EventClaim plainClaim(EventPayload values, ClaimField field) {
        return switch (field) {
            case DATE -> values.start() == null ? null : EventClaim.date(null, values.start(), values.end(), null, null);
            case TYPE -> values.typeId() == null ? null : EventClaim.type(null, values.typeId(), values.subTypeId(),
                    null, null);
            case PLACE -> values.placeId() == null ? null : EventClaim.place(null, values.placeId(), null, null);
            case ACTORS -> values.actors().isEmpty() ? null : EventClaim.actors(null, values.actors(), null, null);
            case CASUALTIES -> null;
        };
    }

    /** A choice as a picker shows it: the offer to create one, an entity created in this form, or a record. */
    private String label(EntitySummary entity, String what) {
        if (CREATE.equals(entity.id())) {
            return "Create “" + entity.name() + "” as a new " + what + "…";
        }
        return newEntities.containsKey(entity.id()) ? entity.name() + " (new)" : entity.name();
    }

    /**
     * A page of a picker's choices, with the offer to create the name typed at its end when the form
     * creates entities, the name is nobody's yet, and this is the list's last page.
     */
    private java.util.stream.Stream<EntitySummary> withCreateOffer(List<EntitySummary> page,
            com.vaadin.flow.data.provider.Query<EntitySummary, String> query, EntityKind kind) {
        String typed = query.getFilter().orElse("").strip();
        if (!createsEntities || typed.isEmpty() || page.size() >= query.getLimit()
                || page.stream().anyMatch(e -> e.name().equalsIgnoreCase(typed))) {
            return page.stream();
        }
        var offered = new ArrayList<>(page);
        offered.add(new EntitySummary(CREATE, kind, typed, null, java.time.Instant.EPOCH));
        return offered.stream();
    }

    /** Opens the compact entity form for a name; what it adds is proposed with the event and chosen here. */
    private void createInline(EntityKind kind, String name, Consumer<EntitySummary> chosen) {
        if (!createsEntities || name.isBlank()) {
            return;
        }
        org.annals.entity.ui.InlineEntityForm.open(entities, projectId, kind, name.strip(), values -> {
            if (kind == EntityKind.PLACE && values.kind() != EntityKind.PLACE) {
                return "The place of an event is an entity of kind Place.";
            }
            UUID id = org.annals.base.Uuids.timeOrdered();
            newEntities.put(id, values);
            chosen.accept(new EntitySummary(id, values.kind(), values.name(), null, java.time.Instant.now()));
            return null;
        });
    }

    private static void addTo(MultiSelectComboBox<EntitySummary> picker, EntitySummary created) {
        var chosen = new LinkedHashSet<>(picker.getValue());
        chosen.add(created);
        picker.setValue(chosen);
    }

    /** The entities created in this form that the event still names (one chosen and then removed is dropped). */
    private Map<UUID, EntityPayload> namedNewEntities(EventPayload values) {
        var named = new LinkedHashMap<UUID, EntityPayload>();
        newEntities.forEach((id, entity) -> {
            if (id.equals(values.placeId()) || values.actors().stream().anyMatch(a -> a.entityId().equals(id))) {
                named.put(id, entity);
            }
        });
        return named;
    }

    static List<String> tagList(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return List.copyOf(tags);
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkCandidate;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.ui.DuplicateWarning;
import org.annals.event.EventClaim;
import org.annals.event.EventClaims;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.TaxonomyService;
import org.annals.source.TextMatch;
import org.annals.base.ui.TypedWork;
import org.annals.event.ui.PartialDateField;
import org.annals.review.ui.PendingChoices;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the type of a span and what it links to: an existing event or entity (searched by name,
 * alias or title; the editor's own proposals first), a new one proposed together with the
 * annotation, or nothing yet. Saving hands the choice to {@code save}; if the service refuses, the
 * reason shows here and everything typed stays.
 */
class LinkDialog extends Dialog {

    static final String EXISTING = "Existing record";
    static final String NEW_ENTITY = "New entity";
    static final String NEW_EVENT = "New event";
    static final String NONE = "No link yet";

    /**
     * What the person chose; the view turns it into a service call and returns an error message or null.
     * {@code sameWords} are the places elsewhere to mark as evidence of the same record.
     */
    record Choice(AnnotationType type, LinkChoice link, List<TextMatch> sameWords, @Nullable EventClaim claim) {

        Choice(AnnotationType type, LinkChoice link) {
            this(type, link, List.of(), null);
        }

        Choice(AnnotationType type, LinkChoice link, List<TextMatch> sameWords) {
            this(type, link, sameWords, null);
        }
    }

    private final Select<AnnotationType> type = new Select<>();
    private final RadioButtonGroup<String> linkTo = new RadioButtonGroup<>("Link to");
    private final ComboBox<LinkCandidate> existing = new ComboBox<>("Record");
    private final Select<EntityKind> entityKind = new Select<>();
    private final TextField entityName = new TextField("Name");
    private final TextField eventTitle = new TextField("Title");
    private final PartialDateField eventDate = new PartialDateField("Date");
    private final Select<TaxonomyService.TypeNode> eventType = new Select<>();
    private final Div error = new Div();
    private final SameWordsList sameWords = new SameWordsList();
    /** The claim a date or casualty-figure quote makes about the event it links to, for the person to confirm. */
    private final Checkbox claim = new Checkbox();
    private Function<AnnotationType, Optional<EventClaim>> claimReader = t -> Optional.empty();
    private @Nullable EventClaim proposedClaim;
    private final String quote;
    private @Nullable UUID sourceId;
    private final VerticalLayout entityFields;
    private final VerticalLayout eventFields;
    private final TypedWork work;
    private final Function<Choice, @Nullable String> save;
    private @Nullable EventFormOpener fullEventForm;

    /** Opens the full event form for the passage; what it saves goes through the {@code save} it is given. */
    @FunctionalInterface
    interface EventFormOpener {
        void open(Function<LinkChoice.NewEvent, @Nullable String> save);
    }

    /**
     * @param formName the name under which what is typed is kept in the browser (see {@link TypedWork}): the
     *     source for a new annotation, which the source page offers back; null for a change to an annotation
     *     (only guarded against Esc)
     */
    LinkDialog(UUID projectId, AnnotationService annotations, List<TaxonomyService.TypeNode> taxonomy, String quote,
            AnnotationType initialType, @Nullable String formName, Function<Choice, @Nullable String> save) {
        work = new TypedWork(this, formName);
        this.save = save;
        this.quote = quote;
        setHeaderTitle("Annotate");
        addClassName("link-dialog");
        setWidth("min(36rem, 95vw)");

        var quoted = new Paragraph(quote.length() > 300 ? quote.substring(0, 299) + "…" : quote);
        quoted.addClassName("link-dialog-quote");

        type.setLabel("Type");
        type.setItems(AnnotationType.values());
        type.setItemLabelGenerator(t -> t.displayName() + " (" + t.key() + ")");
        type.setValue(initialType);
        work.choice(type, "type", AnnotationType::name);

        existing.setItemLabelGenerator(c -> c.proposed() ? c.label() + " " + PendingChoices.mark(c.draft()) : c.label());
        existing.setPlaceholder("Search by words, date, place or actor");
        existing.setHelperText("For example \"Aleppo 30 Nov\" or \"2024-12-01 shelling\"; events of the"
                + " dates in the passage come first.");
        existing.setWidthFull();
        // Candidates come as one short list, the best first; later pages are empty.
        existing.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return offset > 0 ? java.util.stream.Stream.empty()
                    : (sourceId == null
                            ? annotations.linkCandidates(projectId, requiredKind(), query.getFilter().orElse(""), limit)
                            : annotations.linkCandidates(projectId, sourceId, requiredKind(),
                                    query.getFilter().orElse(""), this.quote, limit)).stream();
        });

        entityKind.setLabel("Kind");
        entityKind.setItems(EntityKind.values());
        entityKind.setItemLabelGenerator(EntityKind::displayName);
        entityKind.setPlaceholder("Choose a kind");
        work.choice(entityKind, "entityKind", EntityKind::name);
        entityName.setValue(quote.strip());
        entityName.setWidthFull();
        work.text(entityName, "entityName");
        var duplicates = new DuplicateWarning(annotations::possibleDuplicates, projectId);
        // The name reaches the server as it is typed: Esc right after typing must find the name changed
        // and ask before throwing it away (a lazily or on-change synced name arrived too late for that).
        entityName.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        entityName.addValueChangeListener(e -> duplicates.check(entityKind.getValue(), entityName.getValue(), List.of(), null));
        entityKind.addValueChangeListener(e -> duplicates.check(entityKind.getValue(), entityName.getValue(), List.of(), null));
        entityFields = new VerticalLayout(entityKind, entityName, duplicates);

        eventTitle.setValue(quote.strip().length() > 120 ? quote.strip().substring(0, 120) : quote.strip());
        eventTitle.setWidthFull();
        work.text(eventTitle, "eventTitle");
        work.text(eventDate, "eventDate");
        eventType.setLabel("Event type");
        eventType.setItems(taxonomy);
        eventType.setItemLabelGenerator(TaxonomyService.TypeNode::name);
        work.choice(eventType, "eventType", t -> t.id().toString());
        eventFields = new VerticalLayout(eventTitle, eventDate, eventType);
        for (var layout : List.of(entityFields, eventFields)) {
            layout.setPadding(false);
            layout.setSpacing(false);
        }

        type.addValueChangeListener(e -> optionsFor(e.getValue()));
        existing.addValueChangeListener(e -> offerClaim());
        claim.setValue(true);
        claim.setVisible(false);
        claim.addClassName("link-dialog-claim");
        linkTo.addValueChangeListener(e -> {
            showFields();
            if (e.isFromClient() && NEW_EVENT.equals(e.getValue()) && fullEventForm != null) {
                openFullEventForm();
            }
        });
        optionsFor(initialType);

        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        var form = new VerticalLayout(quoted, type, linkTo, existing, entityFields, eventFields, claim, sameWords, error);
        form.setPadding(false);
        add(form);

        var saveButton = new Button("Save to draft", e -> {
            if (NEW_EVENT.equals(linkTo.getValue()) && fullEventForm != null) {
                openFullEventForm();
                return;
            }
            String problem = problem();
            if (problem == null) {
                problem = save.apply(new Choice(type.getValue(), link(), sameWords.isVisible() ? sameWords.chosen() : List.of(),
                        confirmedClaim()));
            }
            if (problem == null) {
                close();
            } else {
                error.setText(problem);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
        work.baseline();
    }

    /**
     * "New event" opens the full event form (pre-filled from the passage by {@code opener}) instead of
     * the short title, date and type here; saving it saves the event, the entities created in it and
     * the annotation in one step, and closes this dialog too.
     */
    void useFullEventForm(EventFormOpener opener) {
        fullEventForm = opener;
        var explain = new Paragraph("The event form opens with what the passage says filled in.");
        var openForm = new Button("Open the event form…", e -> openFullEventForm());
        eventFields.removeAll();
        eventFields.add(explain, openForm);
    }

    private void openFullEventForm() {
        EventFormOpener opener = fullEventForm;
        if (opener == null) {
            return;
        }
        if (type.getValue() == null) {
            error.setText("Choose a type.");
            return;
        }
        opener.open(newEvent -> {
            String problem = save.apply(new Choice(type.getValue(), newEvent,
                    sameWords.isVisible() ? sameWords.chosen() : List.of(), confirmedClaim()));
            if (problem == null) {
                close();
            }
            return problem;
        });
    }

    /**
     * Searches events with the passage's context (its dates, the source's published year), and offers the
     * places in other sources where the same words occur.
     */
    void forPassageIn(UUID sourceId, List<TextMatch> sameWordsElsewhere) {
        this.sourceId = sourceId;
        existing.getDataProvider().refreshAll();
        sameWords.show(sameWordsElsewhere);
    }

    /**
     * Offers, for a date or casualty-figure quote linked to an event, the claim {@code reader} reads from the
     * quote (decision 0030): shown with its value and ticked, so that saving confirms it and unticking leaves the
     * annotation alone. Only for a new annotation: its claim is proposed with it.
     */
    void proposeClaims(Function<AnnotationType, Optional<EventClaim>> reader) {
        claimReader = reader;
        offerClaim();
    }

    private void offerClaim() {
        AnnotationType chosen = type.getValue();
        String choice = linkTo.getValue();
        boolean toEvent = NEW_EVENT.equals(choice) || EXISTING.equals(choice) && existing.getValue() != null
                && EventRecordType.KIND.equals(existing.getValue().kind());
        proposedClaim = chosen == null || chosen.claimField() == null || !toEvent ? null
                : claimReader.apply(chosen).orElse(null);
        claim.setVisible(proposedClaim != null);
        if (proposedClaim != null) {
            claim.setLabel("Add to the event what this quote says: " + EventClaims.valueText(proposedClaim,
                    id -> "", id -> "") + " (the " + proposedClaim.field().inSentence() + " per this source)");
        }
    }

    private @Nullable EventClaim confirmedClaim() {
        return claim.isVisible() && claim.getValue() ? proposedClaim : null;
    }

    /** Opens the dialog and keeps what is typed in it; {@code context} is kept with it for offering it back. */
    void open(Map<String, String> context) {
        open();
        work.start(context);
    }

    /**
     * Puts back what was typed before a reload or an expired session: the typed text (names, titles,
     * dates) and the kinds and types chosen; the record searched for is quick to find again.
     */
    void restore(Map<String, String> fields) {
        String name = fields.getOrDefault("entityName", "");
        String title = fields.getOrDefault("eventTitle", "");
        String date = fields.getOrDefault("eventDate", "");
        boolean eventTyped = !date.isBlank() || !title.isBlank() && !title.equals(eventTitle.getValue());
        boolean entityTyped = !name.isBlank() && !name.equals(entityName.getValue());
        work.restore(fields, kept -> {
            chosen(kept, "entityKind", List.of(EntityKind.values()), EntityKind::name).ifPresent(entityKind::setValue);
            chosen(kept, "eventType", eventType.getListDataView().getItems().toList(), t -> t.id().toString())
                    .ifPresent(eventType::setValue);
        });
        var options = linkTo.getListDataView().getItems().toList();
        if (eventTyped && options.contains(NEW_EVENT)) {
            linkTo.setValue(NEW_EVENT);
        } else if (entityTyped && options.contains(NEW_ENTITY)) {
            linkTo.setValue(NEW_ENTITY);
        }
    }

    private static <T> java.util.Optional<T> chosen(Map<String, String> kept, String name, List<T> items,
            Function<T, String> keyOf) {
        String key = kept.get(name);
        return key == null ? java.util.Optional.empty() : items.stream().filter(i -> keyOf.apply(i).equals(key)).findFirst();
    }

    private void optionsFor(AnnotationType chosen) {
        var options = new ArrayList<String>();
        options.add(EXISTING);
        String required = chosen.requiredLinkKind();
        if (required == null || required.equals(EntityRecordType.KIND)) {
            options.add(NEW_ENTITY);
        }
        if (required == null || required.equals(EventRecordType.KIND)) {
            options.add(NEW_EVENT);
        }
        if (required == null) {
            options.add(NONE);
        }
        String previous = linkTo.getValue();
        linkTo.setItems(options);
        linkTo.setValue(previous != null && options.contains(previous) ? previous : EXISTING);
        existing.getDataProvider().refreshAll();
        existing.setLabel(required == null ? "Event or entity" : required.equals(EventRecordType.KIND) ? "Event" : "Entity");
        // Entities are found by name or alias; events also by dates, places and actors.
        existing.setPlaceholder(required != null && !required.equals(EventRecordType.KIND) ? "Search by name or alias"
                : "Search by words, date, place or actor");
        showFields();
    }

    private void showFields() {
        String choice = linkTo.getValue();
        existing.setVisible(EXISTING.equals(choice));
        entityFields.setVisible(NEW_ENTITY.equals(choice));
        eventFields.setVisible(NEW_EVENT.equals(choice));
        offerClaim();
    }

    private @Nullable String requiredKind() {
        return type.getValue() == null ? null : type.getValue().requiredLinkKind();
    }

    private @Nullable String problem() {
        if (type.getValue() == null) {
            return "Choose a type.";
        }
        return switch (linkTo.getValue()) {
            case EXISTING -> existing.getValue() == null ? "Choose the record to link to, or another option." : null;
            case NEW_ENTITY -> entityKind.getValue() == null ? "Choose the kind of the new entity."
                    : entityName.getValue().isBlank() ? "Give the new entity a name." : null;
            case NEW_EVENT -> eventTitle.getValue().isBlank() ? "Give the new event a title."
                    : eventDate.getValue().isBlank() ? "Give the date of the new event, for example 2024-11-29,"
                            + " November 2024 or 2024."
                    : dateProblem() != null ? dateProblem()
                    : eventType.getValue() == null ? "Choose the event type." : null;
            case null, default -> null;
        };
    }

    private @Nullable String dateProblem() {
        try {
            eventDate.requiredDate();
            return null;
        } catch (org.annals.base.InvalidInputException unreadable) {
            return unreadable.getMessage();
        }
    }

    private LinkChoice link() {
        return switch (linkTo.getValue()) {
            case EXISTING -> new LinkChoice.Existing(existing.getValue().kind(), existing.getValue().id());
            case NEW_ENTITY -> new LinkChoice.NewEntity(EntityPayload.of(entityKind.getValue(), entityName.getValue().strip()));
            case NEW_EVENT -> new LinkChoice.NewEvent(EventPayload.of(eventTitle.getValue().strip(),
                    eventDate.requiredDate(), eventType.getValue().id()));
            case null, default -> new LinkChoice.None();
        };
    }
}

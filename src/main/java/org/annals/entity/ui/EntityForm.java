package org.annals.entity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.ui.TypedWork;
import org.annals.collab.CollabService;
import org.annals.entity.EntityDetails;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.annals.review.ui.CompareDialog;
import org.annals.review.ui.ConflictNotice;
import org.annals.review.ui.FormField;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.entity.GeoPrecision;
import org.jspecify.annotations.Nullable;

/**
 * Proposes a new entity or new values for one. Saving never changes the registry: it creates a
 * changeset, submitted for review or kept as a draft.
 */
class EntityForm extends Dialog {

    private final Select<EntityKind> kind = new Select<>();
    private final TextField name = new TextField("Name");
    private final TextArea aliases = new TextArea("Aliases");
    private final TextArea description = new TextArea("Description");
    private final TextField wikidata = new TextField("Wikidata id");
    private final NumberField latitude = new NumberField("Latitude");
    private final NumberField longitude = new NumberField("Longitude");
    /** What the coordinates stand for; empty = not said, which reads as an exact point (decision 0038). */
    private final Select<GeoPrecision> precision = new Select<>();
    private final ComboBox<EntitySummary> partOf = new ComboBox<>("Part of");
    private final TextField message = new TextField("Message for the reviewers");
    private final DuplicateWarning duplicates;
    private final ConflictNotice conflict = new ConflictNotice();
    private final EntityService entities;
    private final UUID projectId;
    private final List<FormField<EntityPayload, ?>> fields;
    /** The values the form started from, and their version: replaced when the person carries their values over. */
    private @Nullable EntityPayload existing;
    private long baseVersion;
    private Saver saver;
    /** Saves without submitting: "Add to my draft" for new proposals, "Save as draft" when revising one. */
    private final Button keep = new Button("Save as draft");
    private boolean keepsInWorkingDraft;
    private final TypedWork work;

    /** How the form's values become a changeset: a new proposal, or a revision of an existing one. */
    @FunctionalInterface
    interface Saver {
        /** {@code baseVersion} is the version of the record the values are based on (unused for new records). */
        EntityService.Proposal save(EntityPayload values, long baseVersion, String message, boolean submit);
    }

    static EntityForm forNew(EntityService entities, UUID projectId, Consumer<EntityService.Proposal> saved) {
        var form = new EntityForm(entities, projectId, null, "", newEntityForm(projectId), newEntity(entities, projectId),
                saved);
        form.keepInWorkingDraft();
        return form;
    }

    /** The name under which the browser keeps what is typed for a new entity (see {@link TypedWork}). */
    static String newEntityForm(UUID projectId) {
        return "entity:" + projectId + ":new";
    }

    /** The name under which the browser keeps what is typed for changes to an entity. */
    static String changeForm(UUID projectId, UUID entityId) {
        return "entity:" + projectId + ":" + entityId;
    }

    /** Submitted at once as a changeset of its own, or added to the person's working draft for the project. */
    private static Saver newEntity(EntityService entities, UUID projectId) {
        return (values, version, message, submit) -> submit ? entities.proposeCreate(projectId, values, message, true)
                : entities.addCreateToDraft(projectId, values, message);
    }

    static EntityForm forChange(EntityService entities, UUID projectId, EntityPayload current, UUID entityId,
            long baseVersion, Consumer<EntityService.Proposal> saved) {
        var form = new EntityForm(entities, projectId, current, "Update " + current.name(),
                changeForm(projectId, entityId), (values, version, message, submit) -> submit
                        ? entities.proposeUpdate(projectId, entityId, version, values, message, true)
                        : entities.addUpdateToDraft(projectId, entityId, version, values, message), saved);
        form.baseVersion = baseVersion;
        form.keepInWorkingDraft();
        return form;
    }

    /**
     * @param existing the values to start from (the vetted entity, or a proposal being revised), or null
     * @param formName the name under which what is typed is kept in the browser; null: only guarded against Esc
     */
    EntityForm(EntityService entities, UUID projectId, @Nullable EntityPayload existing, String initialMessage,
            @Nullable String formName, Saver saver, Consumer<EntityService.Proposal> saved) {
        this.entities = entities;
        this.work = new TypedWork(this, formName);
        this.projectId = projectId;
        this.existing = existing;
        this.saver = saver;
        this.duplicates = new DuplicateWarning(entities::possibleDuplicates, projectId);
        setHeaderTitle(existing == null ? "Propose a new entity" : "Propose changes to " + existing.name());
        setWidth("min(95vw, 48rem)");
        kind.setLabel("Kind");
        kind.setItems(EntityKind.values());
        kind.setItemLabelGenerator(EntityKind::displayName);
        kind.setValue(existing == null ? EntityKind.PERSON : existing.kind());
        name.setMaxLength(EntityRecordType.NAME_MAX_LENGTH);
        name.setRequired(true);
        aliases.setHelperText("One per line, optionally with a language code after a bar: حلب | ar");
        description.setMaxLength(EntityRecordType.DESCRIPTION_MAX_LENGTH);
        wikidata.setPlaceholder("Q3766");
        wikidata.setHelperText("Q followed by digits");
        EntityChoices.of(entities, projectId, null).offerIn(partOf, e -> e.name() + " (" + e.kind().displayName() + ")");
        partOf.setHelperText("A unit of an organisation, a district of a city");
        precision.setLabel("Precision");
        precision.setItems(GeoPrecision.values());
        precision.setItemLabelGenerator(p -> p == null ? "" : p.label());
        precision.setEmptySelectionAllowed(true);
        precision.setEmptySelectionCaption("Not said (an exact point)");
        precision.setHelperText("What the coordinates stand for. Without coordinates the place takes those of what it"
                + " is part of.");
        message.setRequired(true);
        message.setValue(initialMessage);
        kind.addValueChangeListener(e -> showCoordinates(e.getValue() == EntityKind.PLACE));
        fields = fields();
        if (existing != null) {
            fill(existing);
        }
        showCoordinates(kind.getValue() == EntityKind.PLACE);

        if (existing == null) {
            name.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            name.addValueChangeListener(e -> checkDuplicates());
            aliases.addValueChangeListener(e -> checkDuplicates());
            kind.addValueChangeListener(e -> checkDuplicates());
        }
        var form = new FormLayout(kind, name, duplicates, aliases, description, wikidata, partOf, latitude, longitude,
                precision, message);
        form.setColspan(duplicates, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(aliases, 2);
        form.setColspan(description, 2);
        form.setColspan(message, 2);
        add(conflict, form);

        var submit = new Button("Submit for review", e -> save(true, saved));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.addClickListener(e -> save(false, saved));
        getFooter().add(new Button("Cancel", e -> close()), keep, submit);
        work.text(name, "name").text(aliases, "aliases").text(description, "description").text(wikidata, "wikidata")
                .text(latitude, "latitude").text(longitude, "longitude").text(message, "message")
                .choice(kind, "kind", EntityKind::name)
                .choice(precision, "precision", GeoPrecision::name)
                .choice(partOf, "partOf", p -> p.id().toString());
        work.baseline();
    }

    /**
     * Turns the form into the compact one another form opens to create an entity on the spot: kind,
     * name, aliases and description only, and "Add", which hands the values to {@code added} instead
     * of proposing them (the other form proposes them with its own record, in one changeset); {@code added}
     * answers with the reason it cannot take them, or null.
     */
    void compact(String title, java.util.function.Function<EntityPayload, @Nullable String> added) {
        setHeaderTitle(title);
        setWidth("min(95vw, 36rem)");
        for (com.vaadin.flow.component.Component hidden : List.<com.vaadin.flow.component.Component>of(wikidata, partOf,
                latitude, longitude, precision, message)) {
            hidden.setVisible(false);
        }
        kind.addValueChangeListener(e -> showCoordinates(false));
        showCoordinates(false);
        var error = new com.vaadin.flow.component.html.Div();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        add(error);
        var add = new Button("Add", e -> {
            if (name.getValue().isBlank()) {
                error.setText("Give the new entity a name.");
                return;
            }
            EntityPayload values;
            try {
                values = values(null);
                values = new EntityPayload(values.kind(), values.name().strip(), values.aliases(),
                        values.description() == null || values.description().isBlank() ? null
                                : values.description().strip(), null, null, null, null, null, null);
            } catch (InvalidInputException refused) {
                error.setText(refused.getMessage());
                return;
            }
            String problem = added.apply(values);
            if (problem == null) {
                work.finished();
                close();
            } else {
                error.setText(problem);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        getFooter().removeAll();
        getFooter().add(new Button("Cancel", e -> close()), add);
    }

    /** Starts the form with a kind and a name (the name typed in the picker that offered to create it). */
    void startWith(EntityKind initialKind, String initialName) {
        kind.setValue(initialKind);
        name.setValue(initialName);
        work.baseline();
    }

    private void keepInWorkingDraft() {
        keep.setText("Add to my draft");
        keepsInWorkingDraft = true;
    }

    /** Opens the form and keeps what is typed in it from now on. */
    @Override
    public void open() {
        super.open();
        work.start(java.util.Map.of());
    }

    /** Puts back what was kept in the browser after a reload or an expired session. */
    void restore(java.util.Map<String, String> kept) {
        work.restore(kept, choices -> {
            java.util.Optional.ofNullable(choices.get("kind")).flatMap(k -> java.util.Arrays.stream(EntityKind.values())
                    .filter(v -> v.name().equals(k)).findFirst()).ifPresent(kind::setValue);
            java.util.Optional.ofNullable(choices.get("partOf")).filter(id -> !id.isBlank()).flatMap(id -> {
                try {
                    return java.util.Optional.ofNullable(summary(UUID.fromString(id)));
                } catch (IllegalArgumentException unreadable) {
                    return java.util.Optional.empty();
                }
            }).ifPresent(partOf::setValue);
            java.util.Optional.ofNullable(choices.get("precision")).flatMap(p -> java.util.Arrays.stream(
                    GeoPrecision.values()).filter(v -> v.name().equals(p)).findFirst()).ifPresent(precision::setValue);
        });
    }

    /** The form's fields as a record sets them: filling and comparing read them the same way. */
    private List<FormField<EntityPayload, ?>> fields() {
        var list = new ArrayList<FormField<EntityPayload, ?>>();
        list.add(FormField.of("Kind", EntityPayload::kind, kind::getValue, kind::setValue, EntityKind::displayName));
        list.add(FormField.of("Name", EntityPayload::name, name::getValue, v -> name.setValue(orEmpty(v)), v -> v));
        list.add(new FormField<EntityPayload, String>("Aliases", v -> String.join("\n", v.aliases().stream()
                        .map(a -> a.language() == null ? a.name() : a.name() + " | " + a.language()).toList()),
                aliases::getValue, v -> aliases.setValue(orEmpty(v)), v -> v.replace("\n", "; "), v -> parseAliases(v)));
        list.add(FormField.of("Description", v -> orEmpty(v.description()), description::getValue,
                v -> description.setValue(orEmpty(v)), v -> v));
        list.add(FormField.of("Wikidata id", v -> orEmpty(v.wikidataId()), wikidata::getValue,
                v -> wikidata.setValue(orEmpty(v)), v -> v));
        list.add(new FormField<EntityPayload, EntitySummary>("Part of", v -> v.partOf() == null ? null : summary(v.partOf()),
                partOf::getValue, partOf::setValue, EntitySummary::name, EntitySummary::id));
        list.add(FormField.of("Latitude", EntityPayload::latitude, latitude::getValue, latitude::setValue,
                v -> Double.toString(v)));
        list.add(FormField.of("Longitude", EntityPayload::longitude, longitude::getValue, longitude::setValue,
                v -> Double.toString(v)));
        list.add(FormField.of("Precision", EntityPayload::precision, precision::getValue, precision::setValue,
                GeoPrecision::label));
        return List.copyOf(list);
    }

    private @Nullable EntitySummary summary(UUID entityId) {
        try {
            var parent = entities.get(projectId, entityId);
            return new EntitySummary(parent.id(), parent.values().kind(), parent.values().name(),
                    parent.values().wikidataId(), parent.updatedAt());
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private void fill(EntityPayload values) {
        for (var field : fields) {
            fillField(field, values);
        }
    }

    private static <V> void fillField(FormField<EntityPayload, V> field, EntityPayload values) {
        field.write().accept(field.of().apply(values));
    }

    /**
     * Tells the person, while the form is open, when someone else's change to this entity is approved,
     * or it is deleted or merged, and lets them carry their values over.
     */
    void followChanges(CollabService collab, ChangesetService changesets, UUID entityId) {
        conflict.follow(this, collab, changesets, projectId, new RecordRef(EntityRecordType.KIND, entityId),
                approvedBy -> recordMayHaveChanged(entityId, approvedBy));
    }

    private void recordMayHaveChanged(UUID entityId, @Nullable String approvedBy) {
        EntityDetails now;
        try {
            now = entities.get(projectId, entityId);
        } catch (NotFoundException deleted) {
            conflict.gone("This entity was deleted while you were editing. Everything you typed is still here: copy"
                    + " what you need, or propose it as a new entity.", "Propose as a new entity", this::asNewEntity);
            return;
        }
        if (now.redirectedFrom() != null) {
            conflict.gone("This entity was merged into \"" + now.values().name() + "\" while you were editing."
                    + " Everything you typed is still here: copy what you need into that entity.", null, null);
            return;
        }
        if (now.version() == baseVersion) {
            return;
        }
        conflictWith(now.values(), now.version(), (approvedBy == null ? "Someone" : approvedBy)
                + "'s change to this entity was approved while you were editing.", existing == null ? now.values() : existing);
    }

    /**
     * Says that {@code now} (at {@code version}) is newer than what the form started from, and lets the
     * person compare and carry their values over to it. {@code started} is what the person's values
     * were based on.
     */
    void conflictWith(EntityPayload now, long version, String what, EntityPayload started) {
        conflict.changed(what + " Nothing you typed is lost: compare, then carry your values over to the new version.",
                "Compare and carry over…", () -> new CompareDialog<>(what, fields, started, now, () -> {
                    existing = now;
                    baseVersion = version;
                    conflict.resolved("Your values are now based on the version just approved. Submit when ready.");
                }).open());
    }

    private void asNewEntity() {
        existing = null;
        saver = newEntity(entities, projectId);
        keepInWorkingDraft();
        setHeaderTitle("Propose a new entity");
        conflict.resolved("Submitting now proposes a new entity with these values.");
    }

    /** Warns, without blocking, when the new entity's name or an alias is already in the registry. */
    private void checkDuplicates() {
        duplicates.check(kind.getValue(), name.getValue(),
                parseAliases(aliases.getValue()).stream().map(Alias::name).toList(), null);
    }

    private void showCoordinates(boolean place) {
        latitude.setVisible(place);
        longitude.setVisible(place);
        precision.setVisible(place);
    }

    private void save(boolean submit, Consumer<EntityService.Proposal> saved) {
        if (conflict.holdsSave("entity")) {
            return;
        }
        EntityService.Proposal proposal = saver.save(values(existing), baseVersion, message.getValue(), submit);
        work.finished();
        close();
        Notification.show(submit ? "Submitted for review. It appears in the registry once a reviewer approves it."
                : keepsInWorkingDraft ? "Added to your draft: submit it from My draft with everything else."
                : "Saved as a draft under My changes.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        saved.accept(proposal);
    }

    private EntityPayload values(@Nullable EntityPayload existing) {
        if (kind.getValue() == null) {
            throw new InvalidInputException("Choose what kind of entity this is.");
        }
        boolean place = kind.getValue() == EntityKind.PLACE;
        return new EntityPayload(kind.getValue(), name.getValue(), parseAliases(aliases.getValue()),
                description.getValue(), wikidata.getValue().strip().isEmpty() ? null : wikidata.getValue().strip(),
                place ? latitude.getValue() : null, place ? longitude.getValue() : null,
                place ? precision.getValue() : null,
                partOf.getValue() == null ? null : partOf.getValue().id(), existing == null ? null : existing.mergedInto());
    }

    static List<Alias> parseAliases(String text) {
        var result = new ArrayList<Alias>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            result.add(bar < 0 ? new Alias(line.strip(), null)
                    : new Alias(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
        }
        return result;
    }
}

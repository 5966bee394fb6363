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
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
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
    private final ComboBox<EntitySummary> partOf = new ComboBox<>("Part of");
    private final TextField message = new TextField("Message for the reviewers");

    /** How the form's values become a changeset: a new proposal, or a revision of an existing one. */
    @FunctionalInterface
    interface Saver {
        EntityService.Proposal save(EntityPayload values, String message, boolean submit);
    }

    static EntityForm forNew(EntityService entities, UUID projectId, Consumer<EntityService.Proposal> saved) {
        return new EntityForm(entities, projectId, null, "",
                (values, message, submit) -> entities.proposeCreate(projectId, values, message, submit), saved);
    }

    static EntityForm forChange(EntityService entities, UUID projectId, EntityPayload current, UUID entityId,
            long baseVersion, Consumer<EntityService.Proposal> saved) {
        return new EntityForm(entities, projectId, current, "Update " + current.name(),
                (values, message, submit) -> entities.proposeUpdate(projectId, entityId, baseVersion, values, message,
                        submit), saved);
    }

    /**
     * @param existing the values to start from (the vetted entity, or a proposal being revised), or null
     */
    EntityForm(EntityService entities, UUID projectId, @Nullable EntityPayload existing, String initialMessage,
            Saver saver, Consumer<EntityService.Proposal> saved) {
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
        partOf.setItemLabelGenerator(e -> e.name() + " (" + e.kind().displayName() + ")");
        partOf.setItems(query -> entities.search(projectId, query.getFilter().orElse(""), null, 0,
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        partOf.setHelperText("A unit of an organisation, a district of a city");
        message.setRequired(true);
        message.setValue(initialMessage);
        kind.addValueChangeListener(e -> showCoordinates(e.getValue() == EntityKind.PLACE));
        if (existing != null) {
            fill(entities, projectId, existing);
        }
        showCoordinates(kind.getValue() == EntityKind.PLACE);

        var form = new FormLayout(kind, name, aliases, description, wikidata, partOf, latitude, longitude, message);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(aliases, 2);
        form.setColspan(description, 2);
        form.setColspan(message, 2);
        add(form);

        var submit = new Button("Submit for review", e -> save(saver, existing, true, saved));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var draft = new Button("Save as draft", e -> save(saver, existing, false, saved));
        getFooter().add(new Button("Cancel", e -> close()), draft, submit);
    }

    private void fill(EntityService entities, UUID projectId, EntityPayload existing) {
        name.setValue(existing.name());
        aliases.setValue(String.join("\n", existing.aliases().stream()
                .map(a -> a.language() == null ? a.name() : a.name() + " | " + a.language()).toList()));
        description.setValue(existing.description() == null ? "" : existing.description());
        wikidata.setValue(existing.wikidataId() == null ? "" : existing.wikidataId());
        latitude.setValue(existing.latitude());
        longitude.setValue(existing.longitude());
        if (existing.partOf() != null) {
            var parent = entities.get(projectId, existing.partOf());
            partOf.setValue(new EntitySummary(parent.id(), parent.values().kind(), parent.values().name(),
                    parent.values().wikidataId(), parent.updatedAt()));
        }
    }

    private void showCoordinates(boolean place) {
        latitude.setVisible(place);
        longitude.setVisible(place);
    }

    private void save(Saver saver, @Nullable EntityPayload existing, boolean submit,
            Consumer<EntityService.Proposal> saved) {
        EntityService.Proposal proposal = saver.save(values(existing), message.getValue(), submit);
        close();
        Notification.show(submit ? "Submitted for review. It appears in the registry once a reviewer approves it."
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

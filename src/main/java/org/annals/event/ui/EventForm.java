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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.source.SourceService;
import org.jspecify.annotations.Nullable;

/**
 * Proposes a new event or new values for one: partial dates as people write them, types from the
 * project's taxonomy, entity pickers that search names and aliases, and a warning about events on
 * the same day at the same place before anything is saved.
 */
class EventForm extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextField start = new TextField("Start");
    private final TimePicker startTime = new TimePicker("Start time");
    private final TextField end = new TextField("End");
    private final Select<TaxonomyService.TypeNode> type = new Select<>();
    private final Select<TaxonomyService.SubType> subType = new Select<>();
    private final ComboBox<EntitySummary> place = new ComboBox<>("Place");
    private final Map<ActorRole, MultiSelectComboBox<EntitySummary>> actors = new java.util.EnumMap<>(ActorRole.class);
    private final ClaimsEditor fatalities;
    private final TextArea notes = new TextArea("Notes");
    private final TextField tags = new TextField("Tags");
    private final TextField message = new TextField("Message for the reviewers");
    private final Div duplicates = new Div();

    EventForm(EventService events, EntityService entities, TaxonomyService taxonomy, SourceService sources,
            UUID projectId, @Nullable TimelineEntry existing, Consumer<EventService.Proposal> saved) {
        fatalities = new ClaimsEditor(sources, projectId);
        setHeaderTitle(existing == null ? "Propose an event" : "Propose changes to " + existing.title());
        setWidth("min(95vw, 56rem)");
        title.setRequired(true);
        title.setMaxLength(300);
        start.setRequired(true);
        start.setPlaceholder("2024-12-05, December 2024, ~2024-12-05");
        start.setHelperText("A day, a month, a year, or ~ for about");
        end.setPlaceholder("optional");
        var types = taxonomy.taxonomy(projectId);
        type.setLabel("Type");
        type.setItems(types);
        type.setItemLabelGenerator(TaxonomyService.TypeNode::name);
        subType.setLabel("Sub-type");
        subType.setItemLabelGenerator(s -> s == null ? "" : s.name());
        subType.setEmptySelectionAllowed(true);
        type.addValueChangeListener(e -> subType.setItems(e.getValue() == null ? List.of() : e.getValue().subTypes()));
        place.setItemLabelGenerator(EntitySummary::name);
        place.setItems(q -> entities.search(projectId, q.getFilter().orElse(""), EntityKind.PLACE, 0,
                q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
        for (ActorRole role : ActorRole.values()) {
            var picker = new MultiSelectComboBox<EntitySummary>(role.displayName() + "s");
            picker.setItemLabelGenerator(EntitySummary::name);
            picker.setItems(q -> entities.search(projectId, q.getFilter().orElse(""), null, 0,
                    q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
            actors.put(role, picker);
        }
        tags.setHelperText("Separated by commas");
        message.setRequired(true);
        message.setValue(existing == null ? "" : "Update " + existing.title());
        start.addValueChangeListener(e -> showDuplicates(events, projectId, existing));
        place.addValueChangeListener(e -> showDuplicates(events, projectId, existing));
        if (existing != null) {
            fill(existing, types);
        }

        var form = new FormLayout(title, start, startTime, end, type, subType, place);
        actors.values().forEach(form::add);
        form.add(fatalities, notes, tags, message);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(title, 2);
        form.setColspan(notes, 2);
        form.setColspan(fatalities, 2);
        form.setColspan(message, 2);
        duplicates.addClassName("duplicate-warning");
        duplicates.setVisible(false);
        add(duplicates, form);

        var submit = new Button("Submit for review", e -> save(events, projectId, existing, true, saved));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var draft = new Button("Save as draft", e -> save(events, projectId, existing, false, saved));
        getFooter().add(new Button("Cancel", e -> close()), draft, submit);
    }

    private void fill(TimelineEntry existing, List<TaxonomyService.TypeNode> types) {
        EventPayload v = existing.values();
        title.setValue(v.title());
        start.setValue(v.start().input());
        startTime.setValue(v.start().time());
        end.setValue(v.end() == null ? "" : v.end().input());
        types.stream().filter(t -> t.id().equals(v.typeId())).findFirst().ifPresent(t -> {
            type.setValue(t);
            t.subTypes().stream().filter(s -> s.id().equals(v.subTypeId())).findFirst().ifPresent(subType::setValue);
        });
        if (existing.placeId() != null) {
            place.setValue(new EntitySummary(existing.placeId(), EntityKind.PLACE, existing.placeName(), null,
                    java.time.Instant.EPOCH));
        }
        for (ActorRole role : ActorRole.values()) {
            actors.get(role).setValue(existing.actors().stream().filter(a -> a.role() == role)
                    .map(a -> new EntitySummary(a.entityId(), EntityKind.OTHER, a.name(), null, java.time.Instant.EPOCH))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        fatalities.setClaims(v.fatalities());
        notes.setValue(v.notes() == null ? "" : v.notes());
        tags.setValue(String.join(", ", v.tags()));
    }

    private void showDuplicates(EventService events, UUID projectId, @Nullable TimelineEntry existing) {
        duplicates.removeAll();
        duplicates.setVisible(false);
        if (place.getValue() == null || start.getValue().isBlank()) {
            return;
        }
        try {
            var same = events.likelyDuplicates(projectId, PartialDate.parse(start.getValue()), place.getValue().id())
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

    private void save(EventService events, UUID projectId, @Nullable TimelineEntry existing, boolean submit,
            Consumer<EventService.Proposal> saved) {
        EventPayload values = values(existing);
        EventService.Proposal proposal = existing == null
                ? events.proposeCreate(projectId, values, message.getValue(), submit)
                : events.proposeUpdate(projectId, existing.id(), existing.version(), values, message.getValue(), submit);
        close();
        Notification.show(submit ? "Submitted for review. It appears on the timeline once a reviewer approves it."
                : "Saved as a draft under My changes.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        saved.accept(proposal);
    }

    private EventPayload values(@Nullable TimelineEntry existing) {
        if (type.getValue() == null) {
            throw new InvalidInputException("Choose an event type.");
        }
        var actorList = new ArrayList<EventActor>();
        actors.forEach((role, picker) -> picker.getValue().forEach(e -> actorList.add(new EventActor(e.id(), role))));
        return new EventPayload(title.getValue(), PartialDate.parse(start.getValue(), startTime.getValue()),
                end.getValue().isBlank() ? null : PartialDate.parse(end.getValue()), type.getValue().id(),
                subType.getValue() == null ? null : subType.getValue().id(),
                place.getValue() == null ? null : place.getValue().id(), actorList, fatalities.claims(),
                notes.getValue(), tagList(tags.getValue()), existing == null ? null : existing.parentId(), null);
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

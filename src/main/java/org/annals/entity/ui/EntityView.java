package org.annals.entity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.ui.TypedWork;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.entity.EntityKind;
import org.annals.entity.GeoPrecision;
import org.annals.entity.PlaceLocator;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.HistoryService;
import org.annals.review.ui.RecordHistory;
import org.annals.annotation.AnnotationRecordType;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.collab.ui.PresenceBar;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.ui.EvidenceList;

/** One entity: its values, what it is part of and what is part of it, its history, and proposals to change it. */
@Route(ProjectRoutes.PREFIX + "/entities/:entityId")
@PermitAll
public class EntityView extends ProjectPage {

    static final String ENTITY_ID = "entityId";

    private final EntityService entities;
    private final HistoryService history;
    private final AnnotationService annotations;
    private final CollabService collab;
    private final ChangesetService changesets;
    private final PresenceService presence;
    private final LiveRefresh live;
    private final org.annals.discussion.ui.CommentThreads threads;
    private final org.annals.suggest.SuggestionService suggestions;
    private final org.annals.map.MapService maps;
    private final PlaceLocator places;
    /** The entity's facts, evidence and history: redrawn in place when an approval changes them. */
    private final Div record = new Div();

    EntityView(ProjectService projects, EntityService entities, HistoryService history, AnnotationService annotations,
            CollabService collab, ChangesetService changesets, PresenceService presence,
            org.annals.discussion.ui.CommentThreads threads, org.annals.suggest.SuggestionService suggestions,
            org.annals.map.MapService maps, PlaceLocator places) {
        this.threads = threads;
        this.maps = maps;
        this.places = places;
        this.suggestions = suggestions;
        this.annotations = annotations;
        this.collab = collab;
        this.changesets = changesets;
        this.presence = presence;
        super(projects, ProjectRole.VIEWER, "Entity");
        this.live = LiveRefresh.of(this, collab);
        this.entities = entities;
        this.history = history;
    }

    public static RouteParameters parameters(UUID projectId, UUID entityId) {
        return new RouteParameters(Map.of(ProjectRoutes.PROJECT_ID, projectId.toString(), ENTITY_ID, entityId.toString()));
    }

    @Override
    protected boolean showsPageHeading() {
        return false;
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID id = routeParameters().get(ENTITY_ID).flatMap(ProjectRoutes::parseId)
                .orElseThrow(() -> new NotFoundException("Entity"));
        EntityDetails entity = entities.get(project.id(), id);
        setPageTitle(entity.values().name() + " · " + project.name() + " · Annals");
        var presenceBar = new PresenceBar(presence, collab);
        presenceBar.show(project.id(), entity.id());
        add(presenceBar);
        record.addClassName("record-live");
        add(record);
        showRecord(project, id, entity);
        // Outside the redrawn record part: a live redraw keeps the chosen passages and what is typed in the thread.
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            add(new UnmarkedMentions(suggestions, project.id(), entity.id()));
        }
        add(threads.forRecord(project.id(), new RecordRef(EntityRecordType.KIND, entity.id())));
        RecordRef shown = new RecordRef(EntityRecordType.KIND, entity.id());
        live.follow(project.id(), e -> concerns(e, shown), e -> showRecord(project, id, null));
    }

    /**
     * Approvals of this entity, of merges into it and of what refers to it (all name it among their
     * records), and of annotations (which may be its evidence) change what the page shows; so may events
     * that were lost.
     */
    static boolean concerns(CollabEvent event, RecordRef shown) {
        return event.kind() == CollabEvent.Kind.RESYNC || event.kind() == CollabEvent.Kind.APPROVED
                && (event.concernsRecord(shown)
                        || event.records().stream().anyMatch(r -> r.kind().equals(AnnotationRecordType.KIND)
                                || r.kind().equals(EntityRecordType.KIND)));
    }

    /** Draws the entity into its container; an open dialog (a form being filled in) is not part of it and stays. */
    private void showRecord(ProjectSummary project, UUID id, @Nullable EntityDetails loaded) {
        EntityDetails entity;
        try {
            entity = loaded != null ? loaded : entities.get(project.id(), id);
        } catch (NotFoundException deleted) {
            record.removeAll();
            var gone = new Paragraph("This entity was deleted meanwhile.");
            gone.addClassName("record-gone");
            record.add(gone);
            return;
        }
        var values = entity.values();
        record.removeAll();
        record.add(new H2(values.name()));
        if (entity.redirectedFrom() != null) {
            record.add(new Paragraph("The entity you opened was merged into this one."));
        }
        // Where a place lies, read once for its facts and its small map.
        java.util.Optional<org.annals.entity.PlaceLocation> where = values.kind() == EntityKind.PLACE
                ? places.locate(project.id(), entity.id()) : java.util.Optional.empty();
        record.add(facts(project, entity, where));
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            record.add(actions(project, entity));
        }
        smallMap(project, entity, where).ifPresent(record::add);
        record.add(new H3("Evidence"));
        record.add(new EvidenceList(project.id(), annotations.evidence(project.id(), EntityRecordType.KIND, entity.id())));
        record.add(new H3("History"));
        record.add(new RecordHistory(history, project, EntityRecordType.KIND, entity.id()));
    }

    /**
     * A place's location and the events at it or inside it; an actor's events. Nothing (and no map) for an entity
     * that is in no located event and is not a place.
     */
    private java.util.Optional<org.annals.map.ui.SmallMap> smallMap(ProjectSummary project, EntityDetails entity,
            java.util.Optional<org.annals.entity.PlaceLocation> where) {
        var points = maps.pointsOfEntity(project.id(), entity.id());
        if (entity.values().kind() == org.annals.entity.EntityKind.PLACE) {
            return java.util.Optional.of(org.annals.map.ui.SmallMap.ofPlace(project.id(), entity.id(),
                    entity.values().name(), where, points));
        }
        return points.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(org.annals.map.ui.SmallMap.ofActor(project.id(), entity.id(), points));
    }

    private Component facts(ProjectSummary project, EntityDetails entity,
            java.util.Optional<org.annals.entity.PlaceLocation> where) {
        var values = entity.values();
        var facts = new Div();
        facts.addClassName("entity-facts");
        facts.add(line("Kind", values.kind().displayName()));
        if (!values.aliases().isEmpty()) {
            facts.add(line("Aliases", values.aliases().stream()
                    .map(a -> a.language() == null ? a.name() : a.name() + " (" + a.language() + ")")
                    .collect(Collectors.joining("; "))));
        }
        if (values.description() != null) {
            facts.add(line("Description", values.description()));
        }
        if (values.wikidataId() != null) {
            var link = new Anchor("https://www.wikidata.org/wiki/" + values.wikidataId(), values.wikidataId(),
                    AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            facts.add(new Div(new Span("Wikidata: "), link));
        }
        if (values.kind() == EntityKind.PLACE) {
            location(project, entity, where.orElse(null)).forEach(facts::add);
        }
        if (entity.partOf() != null) {
            facts.add(new Div(new Span("Part of: "), link(project, entity.partOf())));
        }
        if (!entity.parts().isEmpty()) {
            var parts = new Div(new Span("Parts: "));
            entity.parts().forEach(p -> parts.add(link(project, p), new Span(" ")));
            facts.add(parts);
        }
        return facts;
    }

    private Component actions(ProjectSummary project, EntityDetails entity) {
        var edit = new Button("Propose changes", e -> {
            var form = EntityForm.forChange(entities, project.id(), entity.values(), entity.id(), entity.version(),
                    proposal -> { });
            form.followChanges(collab, changesets, entity.id());
            form.open();
        });
        // Changes being typed when the page was left (reload, expired session) come back.
        TypedWork.offer(UI.getCurrent(), EntityForm.changeForm(project.id(), entity.id()), kept -> {
            var form = EntityForm.forChange(entities, project.id(), entity.values(), entity.id(), entity.version(),
                    proposal -> { });
            form.restore(kept.fields());
            form.followChanges(collab, changesets, entity.id());
            form.open();
            TypedWork.announceRestored("change");
        });
        var merge = new Button("Merge into…", e -> openMerge(project, entity));
        var delete = new Button("Propose deletion", e -> {
            var confirm = new ConfirmDialog("Propose deleting " + entity.values().name() + "?",
                    "A reviewer decides. Entities that others refer to cannot be deleted: merge duplicates instead.",
                    "Propose deletion", ok -> {
                        entities.proposeDelete(project.id(), entity.id(), entity.version(),
                                "Delete " + entity.values().name(), true);
                        Notification.show("Deletion proposed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, merge, delete);
    }

    private void openMerge(ProjectSummary project, EntityDetails entity) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Merge " + entity.values().name() + " into…");
        var survivor = new ComboBox<EntitySummary>("The entity that stays");
        survivor.setItemLabelGenerator(e -> e.name() + " (" + e.kind().displayName() + ")");
        survivor.setItems(query -> entities.search(project.id(), query.getFilter().orElse(""), null, 0,
                        query.getOffset() + query.getLimit()).stream()
                .filter(e -> !e.id().equals(entity.id())).skip(query.getOffset()).limit(query.getLimit()));
        survivor.setWidthFull();
        dialog.add(new Paragraph("Once approved, " + entity.values().name() + " becomes a redirect to the entity you"
                + " choose, and everything that pointed at it moves over."), survivor);
        var propose = new Button("Propose merge", e -> {
            if (survivor.getValue() == null) {
                Notification.show("Choose the entity that stays.");
                return;
            }
            entities.proposeMerge(project.id(), entity.id(), survivor.getValue().id(),
                    "Merge " + entity.values().name() + " into " + survivor.getValue().name(), true);
            dialog.close();
            Notification.show("Merge proposed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), propose);
        dialog.open();
    }

    /**
     * Where a place lies (decision 0038): its own coordinates and what they stand for, or the ancestor whose
     * coordinates stand in; and the administrative areas above it, outermost first.
     */
    private List<Component> location(ProjectSummary project, EntityDetails entity,
            org.annals.entity.@Nullable PlaceLocation where) {
        var lines = new java.util.ArrayList<Component>();
        var values = entity.values();
        if (values.latitude() != null) {
            GeoPrecision precision = where != null ? where.precision()
                    : values.precision() == null ? GeoPrecision.EXACT : values.precision();
            lines.add(line("Coordinates", values.latitude() + ", " + values.longitude() + " (" + precision.label() + ")"));
        } else if (where != null && where.locatedBy() != null) {
            var by = new RouterLink(String.valueOf(where.locatedByName()), EntityView.class,
                    parameters(project.id(), where.locatedBy()));
            lines.add(new Div(new Span("Located by: "), by, new Span(" (its coordinates, "
                    + where.precision().label() + ")")));
        }
        if (where != null) {
            String areas = java.util.stream.Stream.of(where.country(), where.admin1(), where.admin2())
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining(" › "));
            if (!areas.isEmpty()) {
                lines.add(line("Administrative areas", areas));
            }
        }
        return lines;
    }

    private static Component line(String label, String value) {
        return new Div(new Span(label + ": "), new Span(value));
    }

    private static RouterLink link(ProjectSummary project, EntitySummary e) {
        return new RouterLink(e.name(), EntityView.class, parameters(project.id(), e.id()));
    }
}

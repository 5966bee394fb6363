package org.annals.entity.ui;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.HistoryService;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.ui.EvidenceList;

/** One entity: its values, what it is part of and what is part of it, its history, and proposals to change it. */
@Route(ProjectRoutes.PREFIX + "/entities/:entityId")
@PermitAll
public class EntityView extends ProjectPage {

    static final String ENTITY_ID = "entityId";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final EntityService entities;
    private final HistoryService history;
    private final AnnotationService annotations;
    private final org.annals.discussion.ui.CommentThreads threads;

    EntityView(ProjectService projects, EntityService entities, HistoryService history, AnnotationService annotations,
            org.annals.discussion.ui.CommentThreads threads) {
        this.annotations = annotations;
        this.threads = threads;
        super(projects, ProjectRole.VIEWER, "Entity");
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
        var values = entity.values();
        setPageTitle(values.name() + " · " + project.name() + " · Annals");
        add(new H2(values.name()));
        if (entity.redirectedFrom() != null) {
            add(new Paragraph("The entity you opened was merged into this one."));
        }
        add(facts(project, entity));
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            add(actions(project, entity));
        }
        add(new H3("Evidence"));
        add(new EvidenceList(project.id(), annotations.evidence(project.id(), EntityRecordType.KIND, entity.id())));
        add(new H3("History"));
        add(history(project, entity));
        add(threads.forRecord(project.id(), new org.annals.review.RecordRef(EntityRecordType.KIND, entity.id())));
    }

    private Component facts(ProjectSummary project, EntityDetails entity) {
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
        if (values.latitude() != null) {
            facts.add(line("Coordinates", values.latitude() + ", " + values.longitude()));
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
        var edit = new Button("Propose changes", e -> EntityForm.forChange(entities, project.id(), entity.values(),
                entity.id(), entity.version(), proposal -> { }).open());
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

    private Component history(ProjectSummary project, EntityDetails entity) {
        var list = new Div();
        list.addClassName("history");
        var revisions = history.history(project.id(), EntityRecordType.KIND, entity.id());
        for (int i = revisions.size() - 1; i >= 0; i--) {
            var revision = revisions.get(i);
            var item = new Div();
            item.addClassName("revision");
            item.add(new Div(new Span(WHEN.format(revision.appliedAt()) + " · " + revision.action().name().toLowerCase(
                    java.util.Locale.ROOT) + " proposed by " + revision.author() + ", approved by " + revision.reviewer()
                    + " · \"" + revision.changesetMessage() + "\"")));
            for (var change : revision.changes()) {
                var row = new Div(new Span(change.field() + ": "), strike(change.before()), new Span(" → "),
                        new Span(change.after() == null ? "" : change.after()));
                row.addClassName("revision-change");
                item.add(row);
            }
            if (i < revisions.size() - 1 && project.myRole().includes(ProjectRole.EDITOR)) {
                var revert = new Button("Revert to this", e -> {
                    history.revert(project.id(), EntityRecordType.KIND, entity.id(), revision.id(), true);
                    Notification.show("A changeset restoring these values was submitted for review.")
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
                revert.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(revert);
            }
            list.add(item);
        }
        if (revisions.isEmpty()) {
            list.add(new Paragraph("No history."));
        }
        return list;
    }

    private static Span strike(String before) {
        var span = new Span(before == null ? "" : before);
        span.addClassName("before");
        return span;
    }

    private static Component line(String label, String value) {
        return new Div(new Span(label + ": "), new Span(value));
    }

    private static RouterLink link(ProjectSummary project, EntitySummary e) {
        return new RouterLink(e.name(), EntityView.class, parameters(project.id(), e.id()));
    }
}

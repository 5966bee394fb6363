package org.annals.event.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityService;
import org.annals.event.EventRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.ui.EvidenceList;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.HistoryService;

/** One event: all its fields, parent and parts, what sources claim side by side, evidence and history. */
@Route(ProjectRoutes.PREFIX + "/events/:eventId")
@PermitAll
public class EventView extends ProjectPage {

    static final String EVENT_ID = "eventId";

    private final EventService events;
    private final EntityService entities;
    private final TaxonomyService taxonomy;
    private final HistoryService history;
    private final org.annals.source.SourceService sources;
    private final AnnotationService annotations;
    private final org.annals.discussion.ui.CommentThreads threads;

    EventView(ProjectService projects, EventService events, EntityService entities, TaxonomyService taxonomy,
            HistoryService history, org.annals.source.SourceService sources, AnnotationService annotations,
            org.annals.discussion.ui.CommentThreads threads) {
        this.threads = threads;
        this.annotations = annotations;
        this.sources = sources;
        super(projects, ProjectRole.VIEWER, "Event");
        this.events = events;
        this.entities = entities;
        this.taxonomy = taxonomy;
        this.history = history;
    }

    public static RouteParameters parameters(UUID projectId, UUID eventId) {
        return new RouteParameters(Map.of(ProjectRoutes.PROJECT_ID, projectId.toString(), EVENT_ID, eventId.toString()));
    }

    @Override
    protected boolean showsPageHeading() {
        return false;
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID id = routeParameters().get(EVENT_ID).flatMap(ProjectRoutes::parseId)
                .orElseThrow(() -> new NotFoundException("Event"));
        TimelineEntry event = events.get(project.id(), id);
        setPageTitle(event.title() + " · " + project.name() + " · Annals");
        add(new H2(event.title()));
        if (!event.id().equals(id)) {
            add(new Paragraph("The event you opened was merged into this one."));
        }
        add(facts(project, event));
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            add(actions(project, event));
        }
        add(new H3("What the sources say about fatalities"));
        if (event.fatalities().isEmpty()) {
            add(new Paragraph("No claims yet."));
        } else {
            var claims = new Div();
            claims.addClassName("claims");
            event.fatalities().forEach(c -> claims.add(new Div(new Span(c.display()),
                    new Span(c.note() == null ? "" : " · " + c.note()))));
            if (event.sourcesDisagree()) {
                var note = new Span("The claims do not agree.");
                note.addClassName("disagree-badge");
                claims.add(note);
            }
            add(claims);
        }
        add(new H3("Evidence"));
        add(new EvidenceList(project.id(), annotations.evidence(project.id(), EventRecordType.KIND, event.id())));
        add(new H3("History"));
        var revisions = new Div();
        history.history(project.id(), EventRecordType.KIND, event.id()).reversed().forEach(r -> revisions.add(
                new Div(new Span(r.appliedAt() + " · " + r.action().name().toLowerCase(java.util.Locale.ROOT)
                        + " proposed by " + r.author() + ", approved by " + r.reviewer() + " · \"" + r.changesetMessage()
                        + "\""))));
        revisions.addClassName("history");
        add(revisions);
        add(threads.forRecord(project.id(), new org.annals.review.RecordRef(EventRecordType.KIND, event.id())));
    }

    private Component actions(ProjectSummary project, TimelineEntry event) {
        var edit = new Button("Propose changes", e -> new EventForm(events, entities, taxonomy, sources, project.id(),
                event, proposal -> { }).open());
        var merge = new Button("Merge into…", e -> {
            var dialog = new com.vaadin.flow.component.dialog.Dialog();
            dialog.setHeaderTitle("Merge " + event.title() + " into…");
            var survivor = new com.vaadin.flow.component.combobox.ComboBox<TimelineEntry>("The event that stays");
            survivor.setItemLabelGenerator(t -> t.title() + " (" + t.start().display() + ")");
            survivor.setItems(q -> events.timeline(project.id(), new org.annals.event.TimelineFilter(null, null, null,
                            null, null, q.getFilter().orElse("")), 0, q.getOffset() + q.getLimit()).stream()
                    .filter(t -> !t.id().equals(event.id())).skip(q.getOffset()).limit(q.getLimit()));
            survivor.setWidthFull();
            var propose = new Button("Propose merge", ok -> {
                if (survivor.getValue() != null) {
                    events.proposeMerge(project.id(), event.id(), survivor.getValue().id(),
                            "Merge " + event.title() + " into " + survivor.getValue().title(), true);
                    dialog.close();
                    com.vaadin.flow.component.notification.Notification.show("Merge proposed.");
                }
            });
            dialog.add(new Paragraph("Once approved, this event redirects to the one you choose, and its parts move"
                    + " over."), survivor);
            dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), propose);
            dialog.open();
        });
        var delete = new Button("Propose deletion", e -> {
            events.proposeDelete(project.id(), event.id(), event.version(), "Delete " + event.title(), true);
            com.vaadin.flow.component.notification.Notification.show("Deletion proposed.");
        });
        delete.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        return new com.vaadin.flow.component.orderedlayout.HorizontalLayout(edit, merge, delete);
    }

    private Component facts(ProjectSummary project, TimelineEntry e) {
        var facts = new Div();
        facts.addClassName("entity-facts");
        facts.add(new Div(new Span("When: " + e.start().display() + (e.end() == null ? "" : " – " + e.end().display()))));
        facts.add(new Div(new Span("Type: " + e.typeName() + (e.subTypeName() == null ? "" : " / " + e.subTypeName()))));
        if (e.placeName() != null) {
            facts.add(new Div(new Span("Place: " + e.placeName())));
        }
        if (!e.actors().isEmpty()) {
            facts.add(new Div(new Span("Actors: " + e.actors().stream()
                    .map(a -> a.name() + " (" + a.role().displayName().toLowerCase(java.util.Locale.ROOT) + ")")
                    .collect(Collectors.joining("; ")))));
        }
        if (e.values().notes() != null) {
            facts.add(new Div(new Span("Notes: " + e.values().notes())));
        }
        if (!e.values().tags().isEmpty()) {
            facts.add(new Div(new Span("Tags: " + String.join(", ", e.values().tags()))));
        }
        if (e.parentId() != null) {
            var parent = events.get(project.id(), e.parentId());
            facts.add(new Div(new Span("Part of: "), new RouterLink(parent.title(), EventView.class,
                    parameters(project.id(), parent.id()))));
        }
        var parts = events.parts(project.id(), e.id());
        if (!parts.isEmpty()) {
            var line = new Div(new Span("Parts: "));
            parts.forEach(p -> line.add(new RouterLink(p.title(), EventView.class, parameters(project.id(), p.id())),
                    new Span(" ")));
            facts.add(line);
        }
        return facts;
    }
}

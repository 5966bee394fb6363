package org.annals.event.ui;

import com.vaadin.flow.component.UI;
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
import org.annals.base.ui.TypedWork;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityService;
import org.annals.event.EventRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.ui.EvidenceList;
import org.annals.event.EventService;
import org.annals.event.EventClaim;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.HistoryService;
import org.annals.review.ui.CitedSources;
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
    private final CollabService collab;
    private final ChangesetService changesets;
    private final PresenceService presence;
    private final LiveRefresh live;
    private final org.annals.discussion.ui.CommentThreads threads;
    private final org.annals.map.MapService maps;
    private final org.annals.entity.PlaceLocator places;
    /** The event's facts, claims, evidence and history: redrawn in place when an approval changes them. */
    private final Div record = new Div();

    EventView(ProjectService projects, EventService events, EntityService entities, TaxonomyService taxonomy,
            HistoryService history, org.annals.source.SourceService sources, AnnotationService annotations,
            CollabService collab, ChangesetService changesets, PresenceService presence,
            org.annals.discussion.ui.CommentThreads threads, org.annals.map.MapService maps,
            org.annals.entity.PlaceLocator places) {
        this.threads = threads;
        this.maps = maps;
        this.places = places;
        this.annotations = annotations;
        this.collab = collab;
        this.changesets = changesets;
        this.presence = presence;
        this.sources = sources;
        super(projects, ProjectRole.VIEWER, "Event");
        this.live = LiveRefresh.of(this, collab);
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
        var presenceBar = new PresenceBar(presence, collab);
        presenceBar.show(project.id(), event.id());
        add(presenceBar);
        record.addClassName("record-live");
        add(record);
        showRecord(project, id, event);
        // Outside the redrawn record part: a live redraw keeps what someone is typing in the thread.
        add(threads.forRecord(project.id(), new RecordRef(EventRecordType.KIND, event.id())));
        RecordRef shown = new RecordRef(EventRecordType.KIND, event.id());
        live.follow(project.id(), e -> concerns(e, shown), e -> showRecord(project, id, null));
    }

    /**
     * Approvals of this event, of its parts or merges into it (all name it among their records), and of
     * annotations (which may be its evidence) change what the page shows; so may events that were lost.
     */
    static boolean concerns(CollabEvent event, RecordRef shown) {
        return event.kind() == CollabEvent.Kind.RESYNC || event.kind() == CollabEvent.Kind.APPROVED
                && (event.concernsRecord(shown)
                        || event.records().stream().anyMatch(r -> r.kind().equals(AnnotationRecordType.KIND)));
    }

    /** Draws the event into its container; an open dialog (a form being filled in) is not part of it and stays. */
    private void showRecord(ProjectSummary project, UUID id, @Nullable TimelineEntry loaded) {
        TimelineEntry event;
        try {
            event = loaded != null ? loaded : events.get(project.id(), id);
        } catch (NotFoundException deleted) {
            record.removeAll();
            var gone = new Paragraph("This event was deleted meanwhile. Its history stays with the changesets that"
                    + " changed it.");
            gone.addClassName("record-gone");
            record.add(gone);
            return;
        }
        record.removeAll();
        record.add(new H2(event.title()));
        if (!event.id().equals(id)) {
            record.add(new Paragraph("The event you opened was merged into this one."));
        }
        record.add(facts(project, event));
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            record.add(actions(project, event));
        }
        record.add(smallMap(project, event));
        var evidence = annotations.evidence(project.id(), EventRecordType.KIND, event.id());
        record.add(new H3("What the sources say"));
        // the quotes behind the claims: among the evidence, or marked in a source without a link to the event
        var quoteIds = event.values().claims().stream().map(EventClaim::annotationId).filter(java.util.Objects::nonNull)
                .filter(a -> evidence.stream().noneMatch(e -> e.annotationId().equals(a))).toList();
        var quotes = new java.util.ArrayList<>(evidence);
        quotes.addAll(annotations.quotes(project.id(), quoteIds));
        record.add(new ClaimsList(project.id(), event, quotes,
                project.myRole().includes(ProjectRole.EDITOR) ? claim -> preferDialog(project, event, claim) : null));
        record.add(new H3("Evidence"));
        record.add(new EvidenceList(project.id(), evidence));
        record.add(new H3("History"));
        record.add(new RecordHistory(history, project, EventRecordType.KIND, event.id()));
    }

    /** Where the event happened, as precisely as its place is known; no query when it has no place. */
    private org.annals.map.ui.SmallMap smallMap(ProjectSummary project, TimelineEntry event) {
        if (event.placeId() == null) {
            return org.annals.map.ui.SmallMap.ofEvent(project.id(), null, java.util.Optional.empty(), java.util.List.of());
        }
        var where = places.locate(project.id(), event.placeId());
        return org.annals.map.ui.SmallMap.ofEvent(project.id(), event.placeName(), where,
                where.isEmpty() ? java.util.List.of() : maps.pointsOfEvent(project.id(), event.id()));
    }

    /**
     * Asks for the reason and proposes that {@code claim} be the preferred one of its field: an update of the
     * event that goes through review (the service checks the person may propose it).
     */
    private void preferDialog(ProjectSummary project, TimelineEntry event, EventClaim claim) {
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("Prefer this claim");
        var reason = new com.vaadin.flow.component.textfield.TextArea("Reason (optional)");
        reason.setMaxLength(EventClaim.REASON_MAX_LENGTH);
        reason.setHelperText("Why this source is the better one here, e.g. \"the later, corrected count\"");
        reason.setWidthFull();
        var error = new Div();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        var propose = new Button("Propose for review", ok -> {
            try {
                events.proposePreferred(project.id(), event.id(), event.version(), claim.id(), reason.getValue());
            } catch (org.annals.base.InvalidInputException refused) {
                error.setText(refused.getMessage());
                return;
            }
            dialog.close();
            com.vaadin.flow.component.notification.Notification.show("Proposed: it is the preferred claim once a"
                    + " reviewer approves it.");
        });
        propose.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(claim.field().displayName() + ": " + event.valueText(claim)
                + (claim.sourceId() == null ? " (no source given)" : " per “" + event.claimSources()
                        .getOrDefault(claim.sourceId(), "a source no longer here") + "”")), reason, error);
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), propose);
        dialog.open();
    }

    private Component actions(ProjectSummary project, TimelineEntry event) {
        var edit = new Button("Propose changes", e -> {
            var form = new EventForm(events, entities, taxonomy, sources, annotations, project.id(), event, proposal -> { });
            form.followChanges(collab, changesets);
            form.open();
        });
        // Changes being typed when the page was left (reload, expired session) come back.
        TypedWork.offer(UI.getCurrent(), EventForm.changeForm(project.id(), event.id()), kept -> {
            var form = new EventForm(events, entities, taxonomy, sources, annotations, project.id(), event, proposal -> { });
            form.restore(kept.fields());
            form.followChanges(collab, changesets);
            form.open();
            TypedWork.announceRestored("change");
        });
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

    /** One of the event's values; marked when its sources disagree (their claims are listed further down). */
    private static Div fact(TimelineEntry e, org.annals.event.ClaimField field, String text) {
        var line = new Div(new Span(text));
        if (e.disputes().stream().anyMatch(d -> d.field() == field)) {
            var marker = new Span(" (preferred; sources disagree)");
            marker.addClassName("fact-disputed");
            line.add(marker);
        }
        return line;
    }

    private Component facts(ProjectSummary project, TimelineEntry e) {
        var facts = new Div();
        facts.addClassName("entity-facts");
        facts.add(fact(e, org.annals.event.ClaimField.DATE, "When: " + e.start().display()
                + (e.end() == null ? "" : " – " + e.end().display())));
        facts.add(fact(e, org.annals.event.ClaimField.TYPE, "Type: " + e.typeName()
                + (e.subTypeName() == null ? "" : " / " + e.subTypeName())));
        if (e.placeName() != null) {
            facts.add(fact(e, org.annals.event.ClaimField.PLACE, "Place: " + e.placeName()));
        }
        if (!e.actors().isEmpty()) {
            facts.add(fact(e, org.annals.event.ClaimField.ACTORS, "Actors: " + e.actors().stream()
                    .map(a -> a.name() + " (" + a.role().displayName().toLowerCase(java.util.Locale.ROOT) + ")")
                    .collect(Collectors.joining("; "))));
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

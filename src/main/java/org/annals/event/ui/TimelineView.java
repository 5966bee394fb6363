package org.annals.event.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.annals.base.ui.TypedWork;
import org.annals.annotation.AnnotationRecordType;
import org.annals.base.ui.EmptyState;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangesetService;

/**
 * The timeline of vetted events, grouped by day. The filters live in the address (from, to, type,
 * actor, place, q, contested; see {@link TimelineFilterBar}), so a filtered timeline can be shared as a link, and
 * "Show on map" opens the map with the same filters. Events whose sources disagree
 * say on what.
 */
@Route(ProjectRoutes.PREFIX + "/timeline")
@PermitAll
public class TimelineView extends ProjectPage {

    private static final int PAGE = 200;

    private final EventService events;
    private final EntityService entities;
    private final TaxonomyService taxonomy;
    private final ChangesetService changesets;
    private final org.annals.source.SourceService sources;
    private final org.annals.annotation.AnnotationService annotations;
    private final Div list = new Div();
    private final TimelineCharts charts = new TimelineCharts();
    private ProjectSummary project;
    private TimelineFilterBar filters;
    /** How many pages the reader has opened with "Show more": a live reload shows as many again. */
    private int pagesShown;
    private final LiveRefresh live;

    TimelineView(ProjectService projects, EventService events, EntityService entities, TaxonomyService taxonomy,
            ChangesetService changesets, org.annals.source.SourceService sources, CollabService collab,
            org.annals.annotation.AnnotationService annotations) {
        this.sources = sources;
        this.annotations = annotations;
        super(projects, ProjectRole.VIEWER, "Timeline");
        this.live = LiveRefresh.of(this, collab);
        this.events = events;
        this.entities = entities;
        this.taxonomy = taxonomy;
        this.changesets = changesets;
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        filters = new TimelineFilterBar(entities, taxonomy, project.id(), "timeline", queryParameters(), this::refresh);
        var onMap = filters.linkTo("map", "Show on map");
        onMap.addClassName("to-map");
        add(filters, onMap);
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            var propose = new Button("Propose an event", VaadinIcon.PLUS.create(), e -> new EventForm(events, entities,
                    taxonomy, sources, annotations, project.id(), null, proposal -> refresh()).open());
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(propose);
            // A new event being typed when the page was left (reload, expired session) comes back.
            TypedWork.offer(UI.getCurrent(), EventForm.newEventForm(project.id()), kept -> {
                var form = new EventForm(events, entities, taxonomy, sources, annotations, project.id(), null, proposal -> refresh());
                form.restore(kept.fields());
                form.open();
                TypedWork.announceRestored("event");
            });
        }
        list.addClassName("timeline");
        add(charts, list);
        refresh();
        live.follow(project.id(), TimelineView::concerns, events -> reload(Math.max(1, pagesShown)));
    }

    /**
     * Events (approved, or the editor's own proposals in the pending overlay), the names of the entities
     * they show, and evidence (source counts) change the timeline; so may events that were lost.
     */
    public static boolean concerns(CollabEvent event) {
        return event.kind() == CollabEvent.Kind.RESYNC || event.changesRecords() && (event.partial()
                || event.records().stream().anyMatch(r -> r.kind().equals(EventRecordType.KIND)
                        || event.kind() == CollabEvent.Kind.APPROVED && (r.kind().equals(EntityRecordType.KIND)
                                || r.kind().equals(AnnotationRecordType.KIND))));
    }

    private void refresh() {
        reload(1);
    }

    /**
     * Draws the list again with the filters as they are and as many pages as asked: a live reload keeps
     * what the reader opened, and the page's height (so its scroll position) stays about the same.
     */
    private void reload(int pages) {
        pagesShown = 0;
        list.removeAll();
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            var pending = changesets.myPending(project.id(), EventRecordType.KIND);
            if (!pending.isEmpty()) {
                var overlay = new Div();
                overlay.addClassName("pending-overlay");
                pending.forEach(p -> {
                    var badge = new Span("pending");
                    badge.addClassName("pending-badge");
                    overlay.add(new Div(badge, new Span(" " + p.label())));
                });
                list.add(overlay);
            }
        }
        TimelineFilter filter = filters.filter();
        charts.show(events.overview(project.id(), filter, 2000));
        long total = events.count(project.id(), filter);
        if (total == 0) {
            list.add(new EmptyState(VaadinIcon.CALENDAR_CLOCK, "No events",
                    filter.equals(TimelineFilter.ALL) ? "Vetted events appear here once editors propose them and reviewers"
                            + " approve them." : "No vetted event matches these filters."));
            return;
        }
        var count = new Span(total + (total == 1 ? " event" : " events"));
        count.addClassName("timeline-count");
        list.add(count);
        for (int page = 0; page < pages; page++) {
            if (!showPage(filter, page, page == pages - 1)) {
                break;
            }
        }
    }

    /** Adds one page; returns whether there may be more. */
    private boolean showPage(TimelineFilter filter, int page, boolean offerMore) {
        pagesShown = page + 1;
        var entries = events.timeline(project.id(), filter, page, PAGE);
        Map<LocalDate, List<TimelineEntry>> byDay = entries.stream()
                .collect(Collectors.groupingBy(e -> e.start().date(), LinkedHashMap::new, Collectors.toList()));
        byDay.forEach((day, dayEntries) -> {
            var dayBlock = new Div(new H3(dayEntries.getFirst().start().display().replaceFirst(", .*", "")));
            dayBlock.addClassName("timeline-day");
            dayEntries.forEach(e -> dayBlock.add(entry(e)));
            list.add(dayBlock);
        });
        if (entries.size() == PAGE && offerMore) {
            var more = new Button("Show more", e -> {
                e.getSource().setVisible(false);
                showPage(filter, page + 1, true);
            });
            list.add(more);
        }
        return entries.size() == PAGE;
    }

    private Component entry(TimelineEntry e) {
        var item = new Div();
        item.addClassName("timeline-entry");
        var title = new RouterLink(e.title(), EventView.class, EventView.parameters(project.id(), e.id()));
        item.add(title);
        var facts = new ArrayList<String>();
        facts.add(e.start().display() + (e.end() == null ? "" : " – " + e.end().display()));
        facts.add(e.typeName() + (e.subTypeName() == null ? "" : " / " + e.subTypeName()));
        if (e.placeName() != null) {
            facts.add(e.placeName());
        }
        if (!e.actors().isEmpty()) {
            facts.add(e.actors().stream().map(a -> a.name()).collect(Collectors.joining(", ")));
        }
        if (!e.fatalitiesDisplay().isEmpty()) {
            facts.add(e.fatalitiesDisplay() + " dead");
        }
        facts.add(e.sourceCount() + (e.sourceCount() == 1 ? " source" : " sources"));
        var line = new Div(new Span(String.join(" · ", facts)));
        line.addClassName("timeline-facts");
        if (e.sourcesDisagree()) {
            var badge = new Span("sources disagree");
            badge.addClassName("disagree-badge");
            line.add(badge);
            // on what, so that a reader need not open the event: "date disputed: 30 November 2024 or 1 December 2024"
            var what = new Div(new Span(e.disputeText()));
            what.addClassName("dispute-text");
            item.add(line, what);
            return item;
        }
        item.add(line);
        return item;
    }
}

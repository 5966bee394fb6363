package org.annals.event.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.ui.TypedWork;
import org.annals.annotation.AnnotationRecordType;
import org.annals.base.ui.EmptyState;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
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
 * actor, place, q, contested), so a filtered timeline can be shared as a link. Events whose sources disagree
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
    /** A month or a year filters from its first day to (for "To") its last: "From 2024-11 To 2024-11" is November. */
    private final PartialDateField from = new PartialDateField("From", "A day, a month or a year");
    private final PartialDateField to = new PartialDateField("To", "A day, a month or a year");
    private final Select<Option> type = new Select<>();
    private final ComboBox<EntitySummary> actor = new ComboBox<>("Actor");
    private final ComboBox<EntitySummary> place = new ComboBox<>("Place");
    private final TextField text = new TextField("Text");
    /** Only events whose sources disagree on some field: {@code contested=yes} in the address. */
    private final com.vaadin.flow.component.checkbox.Checkbox contested =
            new com.vaadin.flow.component.checkbox.Checkbox("Contested only");
    static final String CONTESTED_PARAMETER = "contested";
    private final Div list = new Div();
    private final TimelineCharts charts = new TimelineCharts();
    private ProjectSummary project;
    private boolean restoring;
    /** How many pages the reader has opened with "Show more": a live reload shows as many again. */
    private int pagesShown;
    private final LiveRefresh live;

    /** A type or sub-type in the filter list. */
    private record Option(UUID id, String label) {
    }

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
        var options = new ArrayList<Option>();
        for (var t : taxonomy.taxonomy(project.id())) {
            options.add(new Option(t.id(), t.name()));
            t.subTypes().forEach(s -> options.add(new Option(s.id(), "  " + t.name() + " / " + s.name())));
        }
        type.setLabel("Type");
        type.setItems(options);
        type.setItemLabelGenerator(o -> o == null ? "Any type" : o.label());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any type");
        actor.setItemLabelGenerator(EntitySummary::name);
        actor.setItems(q -> entities.search(project.id(), q.getFilter().orElse(""), null, 0, q.getOffset() + q.getLimit())
                .stream().skip(q.getOffset()).limit(q.getLimit()));
        place.setItemLabelGenerator(EntitySummary::name);
        place.setItems(q -> entities.search(project.id(), q.getFilter().orElse(""), EntityKind.PLACE, 0,
                q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        place.setClearButtonVisible(true);
        text.setClearButtonVisible(true);
        restore(options);
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        type.addValueChangeListener(e -> changed());
        actor.addValueChangeListener(e -> changed());
        place.addValueChangeListener(e -> changed());
        text.addValueChangeListener(e -> changed());
        contested.setTooltipText("Only events whose sources disagree on the date, place, type, actors or casualties");
        contested.addValueChangeListener(e -> changed());
        var filters = new HorizontalLayout(from, to, type, actor, place, text, contested);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);
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
    static boolean concerns(CollabEvent event) {
        return event.kind() == CollabEvent.Kind.RESYNC || event.changesRecords() && (event.partial()
                || event.records().stream().anyMatch(r -> r.kind().equals(EventRecordType.KIND)
                        || event.kind() == CollabEvent.Kind.APPROVED && (r.kind().equals(EntityRecordType.KIND)
                                || r.kind().equals(AnnotationRecordType.KIND))));
    }

    /** Reads the filters from the address. Unknown or malformed values are ignored. */
    private void restore(List<Option> options) {
        restoring = true;
        Map<String, List<String>> query = queryParameters().getParameters();
        first(query, "from").flatMap(TimelineView::date).ifPresent(from::setPartialDate);
        first(query, "to").flatMap(TimelineView::date).ifPresent(to::setPartialDate);
        first(query, "type").flatMap(ProjectRoutes::parseId)
                .flatMap(id -> options.stream().filter(o -> o.id().equals(id)).findFirst()).ifPresent(type::setValue);
        first(query, "actor").flatMap(ProjectRoutes::parseId).flatMap(this::entity).ifPresent(actor::setValue);
        first(query, "place").flatMap(ProjectRoutes::parseId).flatMap(this::entity).ifPresent(place::setValue);
        first(query, "q").ifPresent(text::setValue);
        contested.setValue(first(query, CONTESTED_PARAMETER).filter(TimelineView::yes).isPresent());
        restoring = false;
    }

    private Optional<EntitySummary> entity(UUID id) {
        try {
            var details = entities.get(project.id(), id);
            return Optional.of(new EntitySummary(details.id(), details.values().kind(), details.values().name(), null,
                    details.updatedAt()));
        } catch (org.annals.base.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** "contested=yes" (and "true", "1", as people and other tools write it). */
    static boolean yes(String value) {
        return List.of("yes", "true", "1").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<String> first(Map<String, List<String>> query, String key) {
        return query.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static Optional<org.annals.event.PartialDate> date(String value) {
        try {
            return Optional.of(org.annals.event.PartialDate.parse(value));
        } catch (org.annals.base.InvalidInputException e) {
            return Optional.empty();
        }
    }

    private void changed() {
        if (restoring) {
            return;
        }
        var params = new LinkedHashMap<String, String>();
        // In the address as typed, read back the same way: "from=2024-11" stays a month.
        Optional.ofNullable(from.readableDate()).ifPresent(d -> params.put("from", d.input()));
        Optional.ofNullable(to.readableDate()).ifPresent(d -> params.put("to", d.input()));
        if (type.getValue() != null) {
            params.put("type", type.getValue().id().toString());
        }
        if (actor.getValue() != null) {
            params.put("actor", actor.getValue().id().toString());
        }
        if (place.getValue() != null) {
            params.put("place", place.getValue().id().toString());
        }
        if (!text.getValue().isBlank()) {
            params.put("q", text.getValue().strip());
        }
        if (contested.getValue()) {
            params.put(CONTESTED_PARAMETER, "yes");
        }
        String location = ProjectRoutes.path(project.id()) + "/timeline"
                + (params.isEmpty() ? "" : "?" + QueryParameters.simple(params).getQueryString());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
        refresh();
    }

    private TimelineFilter filter() {
        return new TimelineFilter(from.firstDay(), to.lastDay(), type.getValue() == null ? null : type.getValue().id(),
                actor.getValue() == null ? null : actor.getValue().id(), place.getValue() == null ? null : place.getValue().id(),
                text.getValue(), contested.getValue());
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
        TimelineFilter filter = filter();
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

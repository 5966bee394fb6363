package org.annals.event.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineFilter;
import org.annals.project.ui.ProjectRoutes;

/**
 * The filters of the vetted events (from, to, type, actor, place, q, contested) as the timeline and the map share
 * them: read from the address when the page opens, written back to it on every change (so a filtered page can be
 * shared as a link), and carried over to the other page by {@link #linkTo}.
 */
public final class TimelineFilterBar extends HorizontalLayout {

    /** Only events whose sources disagree on some field: {@code contested=yes} in the address. */
    static final String CONTESTED_PARAMETER = "contested";

    private final EntityService entities;
    private final UUID projectId;
    private final String page;
    private final Runnable changed;
    /** A month or a year filters from its first day to (for "To") its last: "From 2024-11 To 2024-11" is November. */
    private final PartialDateField from = new PartialDateField("From", "A day, a month or a year");
    private final PartialDateField to = new PartialDateField("To", "A day, a month or a year");
    private final Select<Option> type = new Select<>();
    private final ComboBox<EntitySummary> actor = new ComboBox<>("Actor");
    private final ComboBox<EntitySummary> place = new ComboBox<>("Place");
    private final TextField text = new TextField("Text");
    private final Checkbox contested = new Checkbox("Contested only");
    /** Links to the other pages with the same filters, kept up to date. */
    private final Map<Anchor, String> links = new LinkedHashMap<>();
    private boolean restoring;

    /** A type or sub-type in the filter list. */
    private record Option(UUID id, String label) {
    }

    /**
     * @param page the page's address under the project ("timeline", "map"), where the filters are written
     * @param query the address's query the page was opened with
     * @param changed what the page does when a filter changes (after the address is updated)
     */
    public TimelineFilterBar(EntityService entities, TaxonomyService taxonomy, UUID projectId, String page,
            QueryParameters query, Runnable changed) {
        this.entities = entities;
        this.projectId = projectId;
        this.page = page;
        this.changed = changed;
        var options = new ArrayList<Option>();
        for (var t : taxonomy.taxonomy(projectId)) {
            options.add(new Option(t.id(), t.name()));
            t.subTypes().forEach(s -> options.add(new Option(s.id(), "  " + t.name() + " / " + s.name())));
        }
        type.setLabel("Type");
        type.setItems(options);
        type.setItemLabelGenerator(o -> o == null ? "Any type" : o.label());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any type");
        actor.setItemLabelGenerator(EntitySummary::name);
        actor.setItems(q -> entities.search(projectId, q.getFilter().orElse(""), null, 0, q.getOffset() + q.getLimit())
                .stream().skip(q.getOffset()).limit(q.getLimit()));
        place.setItemLabelGenerator(EntitySummary::name);
        place.setItems(q -> entities.search(projectId, q.getFilter().orElse(""), EntityKind.PLACE, 0,
                q.getOffset() + q.getLimit()).stream().skip(q.getOffset()).limit(q.getLimit()));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        place.setClearButtonVisible(true);
        text.setClearButtonVisible(true);
        contested.setTooltipText("Only events whose sources disagree on the date, place, type, actors or casualties");
        restore(query.getParameters(), options);
        from.addValueChangeListener(e -> onChange());
        to.addValueChangeListener(e -> onChange());
        type.addValueChangeListener(e -> onChange());
        actor.addValueChangeListener(e -> onChange());
        place.addValueChangeListener(e -> onChange());
        text.addValueChangeListener(e -> onChange());
        contested.addValueChangeListener(e -> onChange());
        add(from, to, type, actor, place, text, contested);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        addClassName("event-filters");
    }

    /** What the filters select now. */
    public TimelineFilter filter() {
        return new TimelineFilter(from.firstDay(), to.lastDay(), type.getValue() == null ? null : type.getValue().id(),
                actor.getValue() == null ? null : actor.getValue().id(),
                place.getValue() == null ? null : place.getValue().id(), text.getValue(), contested.getValue());
    }

    /** The filters as the address writes them; dates as typed ("from=2024-11" stays a month). */
    public QueryParameters parameters() {
        return QueryParameters.simple(values());
    }

    /** The filters' parameters in the address's order: from, to, type, actor, place, q, contested. */
    private Map<String, String> values() {
        var params = new LinkedHashMap<String, String>();
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
        return params;
    }

    /** The address of one of the project's pages ("timeline", "map") with these filters. */
    public String address(String otherPage) {
        // in a stable order, so that the same filters always make the same address
        String query = values().entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return ProjectRoutes.path(projectId) + "/" + otherPage + (query.isEmpty() ? "" : "?" + query);
    }

    /** A link to another page of the project with the same filters, following every change of them. */
    public Anchor linkTo(String otherPage, String label) {
        var link = new Anchor(address(otherPage), label);
        // navigated inside the application, as a RouterLink is
        link.getElement().setAttribute("router-link", true);
        link.addClassName("filters-link");
        links.put(link, otherPage);
        return link;
    }

    /** Reads the filters from the address. Unknown or malformed values are ignored. */
    private void restore(Map<String, List<String>> query, List<Option> options) {
        restoring = true;
        first(query, "from").flatMap(TimelineFilterBar::date).ifPresent(from::setPartialDate);
        first(query, "to").flatMap(TimelineFilterBar::date).ifPresent(to::setPartialDate);
        first(query, "type").flatMap(ProjectRoutes::parseId)
                .flatMap(id -> options.stream().filter(o -> o.id().equals(id)).findFirst()).ifPresent(type::setValue);
        first(query, "actor").flatMap(ProjectRoutes::parseId).flatMap(this::entity).ifPresent(actor::setValue);
        first(query, "place").flatMap(ProjectRoutes::parseId).flatMap(this::entity).ifPresent(place::setValue);
        first(query, "q").ifPresent(text::setValue);
        contested.setValue(first(query, CONTESTED_PARAMETER).filter(TimelineFilterBar::yes).isPresent());
        restoring = false;
    }

    private void onChange() {
        if (restoring) {
            return;
        }
        links.forEach((link, otherPage) -> link.setHref(address(otherPage)));
        String location = address(page);
        Optional.ofNullable(UI.getCurrent()).ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
        changed.run();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<EntitySummary> entity(UUID id) {
        try {
            var details = entities.get(projectId, id);
            return Optional.of(new EntitySummary(details.id(), details.values().kind(), details.values().name(), null,
                    details.updatedAt()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** "contested=yes" (and "true", "1", as people and other tools write it). */
    static boolean yes(String value) {
        return List.of("yes", "true", "1").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> first(Map<String, List<String>> query, String key) {
        return query.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static Optional<PartialDate> date(String value) {
        try {
            return Optional.of(PartialDate.parse(value));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}

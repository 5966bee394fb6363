package org.annals.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.ui.EmptyState;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.search.KindCounts;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.SearchRequest;
import org.annals.search.SearchResults;
import org.annals.search.SearchService;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * A project's search results: the words and filters come from the address (so results can be bookmarked
 * and Back goes to the previous search), the counts per kind are filter toggles, hits are grouped by kind
 * in the order of {@link SearchKind}, one page at a time. A query that cannot be searched is explained
 * next to the field; the page itself always shows.
 */
@Route(ProjectRoutes.PREFIX + "/search")
@PermitAll
public class SearchView extends ProjectPage {

    private final SearchService search;
    final TextField field = new TextField();
    private SearchAddress address = SearchAddress.of("");
    private UUID projectId = new UUID(0, 0);
    private @Nullable Runnable counting;
    private final Div notices = new Div();
    private final Div filters = new Div();
    private final Paragraph summary = new Paragraph();
    private final Div paging = new Div();

    SearchView(ProjectService projects, SearchService search) {
        super(projects, ProjectRole.VIEWER, "Search");
        this.search = search;
        addClassName("search-view");
        field.setPlaceholder("Words, \"exact phrase\", prefix*, -without, this OR that");
        field.setAriaLabel("Search this project");
        field.setClearButtonVisible(true);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setWidthFull();
        field.setMaxWidth("40rem");
        field.addKeyPressListener(Key.ENTER, e -> go(address.withWords(field.getValue())));
    }

    /** The results page of a project, relative to the application's root. */
    public static String path(UUID projectId) {
        return ProjectRoutes.path(projectId) + "/search";
    }

    @Override
    protected void render(ProjectSummary project) {
        projectId = project.id();
        var searchButton = new Button("Search", e -> go(address.withWords(field.getValue())));
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var bar = new HorizontalLayout(field, searchButton);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        add(bar);
        try {
            address = SearchAddress.read(queryParameters());
        } catch (InvalidInputException e) {
            field.setValue(queryParameters().getSingleParameter(SearchAddress.Q).orElse(""));
            refuse(e);
            return;
        }
        field.setValue(address.words());
        if (address.words().isBlank()) {
            add(new EmptyState(VaadinIcon.SEARCH, "Search this project",
                    "Type words and press Enter: every source, annotation, event, entity and comment you may see is"
                            + " searched. Press / anywhere to come back to the search box."));
            return;
        }
        setPageTitle("Search: " + address.words() + " · " + project.name() + " · Annals");
        SearchResults results;
        SearchRequest request = address.request(projectId);
        try {
            results = search.search(request);
        } catch (InvalidInputException e) {
            refuse(e);
            return;
        }
        field.setInvalid(false);
        show(results);
        // The counts cost more than the page: they are asked for in the browser's next round trip, so the
        // hits are on screen first.
        counting = () -> showCounts(search.count(request, results));
        getElement().executeJs("return ''").then(String.class, ignored -> loadCounts());
    }

    /** Counts the results shown and shows the counts: what the browser asks for once the hits are on screen. */
    void loadCounts() {
        Runnable pending = counting;
        counting = null;
        if (pending != null) {
            try {
                pending.run();
            } catch (InvalidInputException e) {
                refuse(e);
            }
        }
    }

    private void refuse(InvalidInputException e) {
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        field.focus();
    }

    /**
     * Shows one page of results below the field, with the counts when they are known (package-private: a test
     * shows hand-made ones).
     */
    void show(SearchResults results) {
        notices.removeAll();
        notices.addClassName("search-notices");
        add(notices);
        showNotices(results);
        filters.removeAll();
        filters.addClassName("search-filters");
        filters.getElement().setAttribute("role", "group");
        filters.getElement().setAttribute("aria-label", "Filter by kind");
        add(filters);
        fillFilters(results);
        if (results.hits().isEmpty()) {
            var empty = new EmptyState(VaadinIcon.SEARCH, "No results for “" + address.words() + "”",
                    "Check the spelling, use fewer words" + (address.filtered() ? ", or remove filters." : "."));
            if (address.filtered()) {
                empty.add(new Button("Remove filters", e -> go(address.withoutFilters())));
            }
            add(empty);
            return;
        }
        summary.addClassName("search-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.setText(summaryOf(results));
        add(summary);
        UUID viewer = CurrentUser.require().userId();
        Map<SearchKind, List<SearchHit>> grouped = new EnumMap<>(SearchKind.class);
        results.hits().forEach(hit -> grouped.computeIfAbsent(hit.document().kind(), k -> new ArrayList<>()).add(hit));
        grouped.forEach((kind, hits) -> {
            var group = new Div();
            group.addClassName("search-group");
            var heading = new H3(kind.plural());
            heading.setId("search-group-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            var list = new Div();
            list.getElement().setAttribute("role", "list");
            list.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            hits.forEach(hit -> list.add(new SearchHitItem(hit, viewer, address.words())));
            group.add(heading, list);
            add(group);
        });
        paging.addClassName("search-paging");
        paging.getElement().setAttribute("role", "navigation");
        paging.getElement().setAttribute("aria-label", "Result pages");
        fillPaging(results);
        add(paging);
    }

    /** The counts have come: the kind toggles, the number of results and the pages say them. */
    void showCounts(SearchResults counted) {
        showNotices(counted);
        fillFilters(counted);
        summary.setText(summaryOf(counted));
        if (paging.getElement().getParent() != null) {
            fillPaging(counted);
        }
    }

    private void showNotices(SearchResults results) {
        notices.removeAll();
        results.notices().forEach(text -> {
            var notice = new Paragraph(text);
            notice.addClassName("search-notice");
            notice.getElement().setAttribute("role", "status");
            notices.add(notice);
        });
    }

    private static String summaryOf(SearchResults results) {
        if (!results.totalIsExact()) {
            return results.counted() ? String.format(java.util.Locale.ROOT, "%,d+ results", results.total())
                    : "Counting results…";
        }
        return results.total() == 1 ? "1 result" : String.format(java.util.Locale.ROOT, "%,d results", results.total());
    }

    /**
     * The kinds found, with their counts, as toggles (before the counts come, only the kinds already chosen);
     * the other filters of the address, each removable.
     */
    private void fillFilters(SearchResults results) {
        filters.removeAll();
        for (SearchKind kind : SearchKind.values()) {
            long count = results.perKind().getOrDefault(kind, 0L);
            boolean on = address.kinds().contains(kind);
            if (count == 0 && !on) {
                continue;
            }
            String label = !results.counted() ? kind.plural()
                    : kind.plural() + " " + (count >= KindCounts.LIMIT
                            ? String.format(java.util.Locale.ROOT, "%,d+", KindCounts.LIMIT) : Long.toString(count));
            var toggle = new Button(label, e -> go(address.toggling(kind)));
            toggle.addClassName("search-kind");
            toggle.getElement().setAttribute("aria-pressed", Boolean.toString(on));
            toggle.addThemeVariants(on ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            filters.add(toggle);
        }
        if (address.sourceId() != null) {
            filters.add(removable("In one source", address.withoutSource()));
        }
        if (!address.types().isEmpty()) {
            filters.add(removable("Type: " + String.join(", ", address.types().stream().sorted().toList()),
                    address.withoutTypes()));
        }
        var from = datePicker("From", address.from());
        var to = datePicker("To", address.to());
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(address.withDates(e.getValue(), to.getValue()));
            }
        });
        to.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(address.withDates(from.getValue(), e.getValue()));
            }
        });
        filters.add(from, to);
    }

    private static DatePicker datePicker(String label, java.time.@Nullable LocalDate value) {
        var picker = new DatePicker();
        picker.setPlaceholder(label);
        picker.setAriaLabel(label + " (dates the results are about)");
        picker.setClearButtonVisible(true);
        picker.setValue(value);
        picker.addClassName("search-date");
        return picker;
    }

    private Button removable(String label, SearchAddress without) {
        var chip = new Button(label, VaadinIcon.CLOSE_SMALL.create(), e -> go(without));
        chip.setIconAfterText(true);
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        chip.setAriaLabel("Remove filter: " + label);
        return chip;
    }

    /**
     * Previous and next as links (they can be opened in a new tab), and where the page is ("of N" once the
     * number of pages is known).
     */
    private void fillPaging(SearchResults results) {
        paging.removeAll();
        long pages = Math.min(SearchRequest.MAX_PAGE, Math.max(1, (results.total() + results.pageSize() - 1)
                / results.pageSize()));
        int page = results.page() + 1;
        if (page > 1) {
            paging.add(new Anchor(address.atPage(page - 1).location(projectId), "Previous"));
        }
        paging.add(new Span(results.counted() || results.totalIsExact() ? "Page " + page + " of " + pages
                : "Page " + page));
        if (results.hasNextPage()) {
            paging.add(new Anchor(address.atPage(page + 1).location(projectId), "Next"));
        }
    }

    private void go(SearchAddress next) {
        getUI().ifPresent(ui -> ui.navigate(path(projectId), next.parameters()));
    }
}

package org.annals.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.source.parse.BlockKind;

/**
 * Reads one source: its metadata, a table of contents by section, and the text passage by passage.
 * Passages are rendered lazily as they scroll into view, so a long text opens as fast as a short one.
 * Citation markers are dimmed (or hidden) by styling alone; the text and its offsets stay as frozen.
 */
@Route(ProjectRoutes.PREFIX + "/sources/:sourceId")
@PermitAll
public class ReaderView extends ProjectPage {

    static final String SOURCE_ID = "sourceId";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final SourceService sources;

    ReaderView(ProjectService projects, SourceService sources) {
        super(projects, ProjectRole.VIEWER, "Source");
        this.sources = sources;
        addClassName("reader-view");
        setSizeFull();
    }

    public static RouteParameters parameters(UUID projectId, UUID sourceId) {
        return new RouteParameters(Map.of(ProjectRoutes.PROJECT_ID, projectId.toString(), SOURCE_ID,
                sourceId.toString()));
    }

    @Override
    protected boolean showsPageHeading() {
        return false;
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID sourceId = routeParameters().get(SOURCE_ID).flatMap(ProjectRoutes::parseId)
                .orElseThrow(() -> new NotFoundException("Source"));
        SourceText source = sources.read(project.id(), sourceId);
        SourceMetadata metadata = source.source().metadata();
        setPageTitle(metadata.title() + " · " + project.name() + " · Annals");

        var text = passages(source);
        var citations = new Checkbox("Dim citation markers", true);
        var hideCitations = new Checkbox("Hide citation markers", false);
        citations.addValueChangeListener(e -> text.getElement().getClassList().set("citations-plain", !e.getValue()));
        hideCitations.addValueChangeListener(e -> text.getElement().getClassList().set("citations-hidden", e.getValue()));
        var options = new Div(citations, hideCitations);
        options.addClassName("reader-options");

        var body = new Div(tableOfContents(source, text), text);
        body.addClassName("reader-body");
        add(new H2(metadata.title()), details(source), options, body);
    }

    private static Component details(SourceText source) {
        SourceMetadata m = source.source().metadata();
        var facts = new ArrayList<String>();
        if (m.publisher() != null) {
            facts.add(m.publisher());
        }
        if (m.author() != null) {
            facts.add("by " + m.author());
        }
        if (m.publishedOn() != null) {
            facts.add("published " + DATE.format(m.publishedOn()));
        }
        if (m.retrievedOn() != null) {
            facts.add("retrieved " + DATE.format(m.retrievedOn()));
        }
        if (m.language() != null) {
            facts.add("language " + m.language());
        }
        if (m.licence() != null) {
            facts.add(m.licence());
        }
        facts.add(size(source.source().textLength()));
        facts.add(source.sections().size() + " sections, " + source.passages().size() + " passages, "
                + source.citations().size() + " citation markers");
        var line = new Div(new Span(String.join(" · ", facts)));
        line.addClassName("reader-details");
        if (m.url() != null) {
            var link = new Anchor(m.url(), m.url(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            line.add(new Div(link));
        }
        return line;
    }

    private static Component tableOfContents(SourceText source, VirtualList<SourceText.Passage> text) {
        var toc = new Nav();
        toc.addClassName("reader-toc");
        toc.getElement().setAttribute("aria-label", "Contents");
        if (source.sections().isEmpty()) {
            toc.add(new Span("No sections"));
            return toc;
        }
        Map<Integer, Integer> passageAt = new HashMap<>();
        for (int i = 0; i < source.passages().size(); i++) {
            passageAt.putIfAbsent(source.passages().get(i).start(), i);
        }
        for (SourceText.Section section : source.sections()) {
            var entry = new Button(section.title(), e -> text.scrollToIndex(passageAt.getOrDefault(section.start(), 0)));
            entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            entry.addClassName("toc-level-" + section.level());
            toc.add(entry);
        }
        return toc;
    }

    private static VirtualList<SourceText.Passage> passages(SourceText source) {
        var list = new VirtualList<SourceText.Passage>();
        list.addClassName("reader-text");
        list.setItems(source.passages());
        list.setRenderer(new ComponentRenderer<>(passage -> passage(source, passage)));
        return list;
    }

    private static Component passage(SourceText source, SourceText.Passage passage) {
        var element = new Div();
        element.addClassName("passage");
        element.addClassName("passage-" + passage.kind().name().toLowerCase(Locale.ROOT));
        if (passage.kind() == BlockKind.HEADING) {
            int level = source.sections().stream().filter(s -> s.start() == passage.start()).findFirst()
                    .map(SourceText.Section::level).orElse(2);
            element.addClassName("heading-level-" + level);
            element.getElement().setAttribute("role", "heading");
            element.getElement().setAttribute("aria-level", Integer.toString(Math.min(6, level + 1)));
        }
        element.getElement().setAttribute("data-start", Integer.toString(passage.start()));
        for (Component piece : pieces(source, passage)) {
            element.add(piece);
        }
        return element;
    }

    /** The passage's text as plain text spans, with citation markers in spans of their own. */
    private static List<Component> pieces(SourceText source, SourceText.Passage passage) {
        var pieces = new ArrayList<Component>();
        int cursor = passage.start();
        for (SourceText.Range citation : citationsWithin(source.citations(), passage.start(), passage.end())) {
            if (citation.start() > cursor) {
                pieces.add(new Span(source.text().substring(cursor, citation.start())));
            }
            var marker = new Span(source.text().substring(citation.start(), citation.end()));
            marker.addClassName("citation");
            pieces.add(marker);
            cursor = citation.end();
        }
        if (cursor < passage.end()) {
            pieces.add(new Span(source.text().substring(cursor, passage.end())));
        }
        return pieces;
    }

    private static List<SourceText.Range> citationsWithin(List<SourceText.Range> citations, int start, int end) {
        int low = 0;
        int high = citations.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (citations.get(mid).start() < start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        var within = new ArrayList<SourceText.Range>();
        for (int i = low; i < citations.size() && citations.get(i).end() <= end; i++) {
            within.add(citations.get(i));
        }
        return within;
    }

    static String size(int characters) {
        if (characters < 1000) {
            return characters + " characters";
        }
        return String.format(Locale.ROOT, "%.1fk characters", characters / 1000.0);
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Supplier;
import java.util.List;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.collab.PresenceService;
import org.annals.source.SourceText;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server side of the {@code annals-text} web component: it sends the text once and annotations
 * as compact JSON, then only the annotations that change. It keeps no copy of the text, so an open
 * editor costs the server little more than its list of annotations.
 */
@Tag("annals-text")
@JsModule("./components/annals-text.ts")
public class AnnotatedText extends com.vaadin.flow.component.Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The others' selections last sent, as sent. */
    private String othersShown = "[]";

    /**
     * The beginning of the text drawn as HTML, for the page request that renders this view (EditorFirstResponse),
     * made only if that asks and only once; null when the text comes with the answer or was taken.
     */
    private @Nullable Supplier<Element> firstScreen;

    /** Up to this many characters of text, and {@link #INLINE_MAX_ANNOTATIONS}, see {@link #comesWithTheAnswer}. */
    static final int INLINE_MAX_CHARACTERS = 150_000;
    static final int INLINE_MAX_ANNOTATIONS = 1_500;

    public AnnotatedText(boolean readonly) {
        getElement().setProperty("readonly", readonly);
        getElement().setAttribute("aria-label", "Source text");
    }

    /**
     * Draws a source: the browser fetches the text from {@code text-src} and, at the same time, the passages,
     * citation markers and annotations from {@code doc-src} (compact JSON), both downloads of this element. The
     * page's own message then carries only the types, so it stays small however long the source (at 5 MB with
     * 20,000 annotations it was 4.8 MB, and the text's download only began once the browser had read it). Vaadin
     * keeps each page's last response to repeat it after a lost connection: with the text out of it, an open
     * editor holds kilobytes, not a copy of the source. The annotations are sent as they are now; changes after
     * this call go through {@link #update}, which the browser applies once both downloads are drawn. A source of
     * sample size opened from inside the app comes with the answer instead ({@link #comesWithTheAnswer}).
     * {@code beginning} gives at least the text's first {@link FirstScreen#CHARACTERS} characters (or all of a
     * shorter text), read only for {@link #takeFirstScreen}.
     */
    public void load(SourceText.Outline source, Collection<EditorAnnotation> annotations, Supplier<String> text,
            Supplier<String> beginning) {
        firstScreen = null;
        if (comesWithTheAnswer(source.source().textLength(), annotations.size(), VaadinRequest.getCurrent())) {
            // The passages and citation markers as doc-src sends them; the annotations as update() sends them.
            ObjectNode data = document(source.passages(), source.sections(), source.citations(), List.of());
            data.setAll(types());
            data.put("text", text.get());
            ArrayNode rows = data.putArray("annotations");
            annotations.forEach(a -> rows.add(node(a)));
            getElement().callJsFunction("load", JSON.writeValueAsString(data));
            return;
        }
        getElement().setAttribute("text-src", DownloadHandler.fromInputStream(event -> {
            byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "text.txt", "text/plain; charset=utf-8",
                    bytes.length);
        }).inline());
        // Only the small lists are kept for the download, not the source (which holds the text).
        List<SourceText.Passage> passages = source.passages();
        List<SourceText.Section> sections = source.sections();
        var citations = source.citations();
        List<EditorAnnotation> shown = List.copyOf(annotations);
        firstScreen = () -> FirstScreen.body(beginning.get(), passages, sections, citations, shown);
        getElement().setAttribute("doc-src", DownloadHandler.fromInputStream(event -> {
            byte[] bytes = JSON.writeValueAsBytes(document(passages, sections, citations, shown));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "annotations.json",
                    "application/json", bytes.length);
        }).inline());
        getElement().callJsFunction("load", JSON.writeValueAsString(types()));
    }

    /**
     * The beginning of the text as {@code annals-text} will draw it, for the page being answered; once. Null when the
     * text comes with Vaadin's answer (nothing waits for downloads then) or when it was taken.
     */
    @Nullable Element takeFirstScreen() {
        Supplier<Element> made = firstScreen;
        firstScreen = null;
        return made == null ? null : made.get();
    }

    /**
     * Whether the text, passages and annotations go inside the answer being written instead of as the two downloads.
     * Only for an answer to one of Vaadin's own requests (a click in the app, a navigation, a reload of the view) and
     * a source of sample size: the browser then draws the text in the same task that builds the view, instead of
     * applying the answer, asking for two downloads and waiting for them (issue 21: the 100 KB source opened in the
     * app, 241 → 191 ms median). The page request that carries a rendered view (EditorFirstResponse) keeps the
     * downloads: they are named in the page's head and arrive while the scripts load. Larger sources keep them too,
     * so Vaadin's message stays small however long the source; a message with the text is the page's last answer
     * only until the next one, which the drawn text's own event brings at once.
     */
    static boolean comesWithTheAnswer(int characters, int annotations, @Nullable VaadinRequest request) {
        return characters <= INLINE_MAX_CHARACTERS && annotations <= INLINE_MAX_ANNOTATIONS && request != null
                && HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL);
    }

    private static ObjectNode types() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode types = doc.putArray("types");
        for (AnnotationType type : AnnotationType.values()) {
            types.addObject().put("id", type.name()).put("name", type.displayName()).put("color", type.colour())
                    .put("key", type.key());
        }
        return doc;
    }

    /**
     * The doc-src download: passages as [start, end, kind, heading level], citation markers as [start, end],
     * annotations as [id, start, end, type, state, label] with a 1 after them when deletion is proposed.
     */
    static ObjectNode document(List<SourceText.Passage> passages, List<SourceText.Section> sections,
            List<SourceText.Range> citations, Collection<EditorAnnotation> annotations) {
        ObjectNode doc = JSON.createObjectNode();
        var levels = new java.util.HashMap<Integer, Integer>();
        sections.forEach(s -> levels.putIfAbsent(s.start(), s.level()));
        ArrayNode passageRows = doc.putArray("passages");
        for (SourceText.Passage p : passages) {
            passageRows.addArray().add(p.start()).add(p.end()).add(p.kind().name())
                    .add(levels.getOrDefault(p.start(), 0));
        }
        ArrayNode citationRows = doc.putArray("citations");
        citations.forEach(c -> citationRows.addArray().add(c.start()).add(c.end()));
        ArrayNode rows = doc.putArray("annotations");
        for (EditorAnnotation a : annotations) {
            ArrayNode row = rows.addArray().add(a.key()).add(a.start()).add(a.end()).add(a.type().name())
                    .add(a.state().name().toLowerCase(java.util.Locale.ROOT)).add(a.linkLabel());
            if (a.deletionProposed()) {
                row.add(1);
            }
        }
        return doc;
    }

    /** Adds or redraws these annotations, and removes those keys; the rest of the text stays as drawn. */
    public void update(List<EditorAnnotation> changed, Collection<String> removedKeys) {
        if (!removedKeys.isEmpty()) {
            getElement().callJsFunction("removeMany", JSON.writeValueAsString(removedKeys));
        }
        if (!changed.isEmpty()) {
            ArrayNode items = JSON.createArrayNode();
            changed.forEach(a -> items.add(node(a)));
            getElement().callJsFunction("upsertMany", JSON.writeValueAsString(items));
        }
    }

    /**
     * Marks what others have selected in the text, lightly and with their names; replaces what was
     * marked before. Only a change is sent to the browser.
     */
    public void showOthersSelections(List<PresenceService.Selection> selections) {
        ArrayNode items = JSON.createArrayNode();
        selections.forEach(s -> items.addObject().put("id", s.userId().toString()).put("n", s.name())
                .put("s", s.start()).put("e", s.end()));
        String json = JSON.writeValueAsString(items);
        if (!json.equals(othersShown)) {
            othersShown = json;
            getElement().callJsFunction("setPeers", json);
        }
    }

    public void focusAnnotation(String key) {
        getElement().callJsFunction("focusAnnotation", key);
    }

    public void selectRange(int start, int end) {
        getElement().callJsFunction("selectRange", start, end);
    }

    public void clearSelection() {
        getElement().callJsFunction("clearSelection");
    }

    /** Scrolls the passage that starts at this offset into view (the table of contents). */
    public void scrollToOffset(int start) {
        getElement().executeJs("const p = this.querySelector('[data-start=\"' + $0 + '\"]');"
                + " if (p) { p.scrollIntoView({block: 'start'}); }", start);
    }

    /**
     * Marks hits of "find in this source": the current one strongly, the others lightly, each
     * {@code [start, end)}; replaces what was marked. With {@code scroll}, the current one is scrolled to
     * the middle of the text, wherever it is and however much of the text is drawn.
     */
    public void showFindMarks(@Nullable Span current, List<Span> others, boolean scroll) {
        ObjectNode marks = JSON.createObjectNode();
        if (current != null) {
            marks.putArray("current").add(current.start()).add(current.end());
        }
        ArrayNode rest = marks.putArray("others");
        others.forEach(o -> rest.addArray().add(o.start()).add(o.end()));
        marks.put("scroll", scroll);
        getElement().callJsFunction("setFindMarks", JSON.writeValueAsString(marks));
    }

    public void clearFindMarks() {
        getElement().callJsFunction("setFindMarks", "{\"others\":[]}");
    }

    /**
     * Draws ghost marks (suggestions), replacing those drawn: each kind in its own style (by its CSS name),
     * on/off per kind in the legend. The browser keeps them apart from the annotations (custom highlights),
     * so thousands cost it no more than the text's drawing already does.
     */
    public void showGhosts(List<GhostKind> kinds, Collection<Ghost> ghosts) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode kindNodes = data.putArray("kinds");
        kinds.forEach(k -> kindNodes.addObject().put("id", k.id()).put("name", k.name()).put("css", k.css()));
        ArrayNode items = data.putArray("items");
        ghosts.forEach(g -> items.addObject().put("id", g.key()).put("s", g.start()).put("e", g.end()).put("k", g.kind())
                .put("l", g.label()));
        getElement().callJsFunction("setSuggestions", JSON.writeValueAsString(data));
    }

    /** Removes these ghost marks; when the current one goes, the browser moves on to the next. */
    public void removeGhosts(Collection<String> keys) {
        if (!keys.isEmpty()) {
            getElement().callJsFunction("removeSuggestions", JSON.writeValueAsString(keys));
        }
    }

    /** Marks a ghost current and scrolls to it. */
    public void focusGhost(String key) {
        getElement().callJsFunction("focusSuggestion", key);
    }

    /** A kind of ghost mark: its id, its name in the legend and the CSS name of its style. */
    public record GhostKind(String id, String name, String css) {
    }

    /** A ghost mark: its key, its span, its kind's id and a short label of what it means (plain text). */
    public record Ghost(String key, int start, int end, String kind, String label) {
    }

    /** A span of the text: UTF-16 offsets {@code [start, end)}. */
    public record Span(int start, int end) {
    }

    public void setCitations(boolean dim, boolean hide) {
        getElement().setProperty("dimCitations", dim);
        getElement().setProperty("hideCitations", hide);
    }

    private static ObjectNode node(EditorAnnotation a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.key()).put("s", a.start()).put("e", a.end()).put("t", a.type().name())
                .put("st", a.state().name().toLowerCase(java.util.Locale.ROOT)).put("l", a.linkLabel());
        if (a.deletionProposed()) {
            n.put("x", true);
        }
        return n;
    }

    public Registration addAnnotateListener(ComponentEventListener<AnnotateEvent> listener) {
        return addListener(AnnotateEvent.class, listener);
    }

    /** The reader's own selection changed (at most a few times a second, and only when it did). */
    public Registration addShareListener(ComponentEventListener<ShareEvent> listener) {
        return addListener(ShareEvent.class, listener);
    }

    public Registration addOpenListener(ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    /** The person made a ghost mark current, or asked to accept or reject it (keys or a click). */
    public Registration addGhostListener(ComponentEventListener<GhostEvent> listener) {
        return addListener(GhostEvent.class, listener);
    }

    /** The text and its annotations are drawn in the browser (after each {@link #load}). */
    public Registration addDrawnListener(ComponentEventListener<DrawnEvent> listener) {
        return addListener(DrawnEvent.class, listener);
    }

    /** The browser drew the text that {@link #load} sent: what can wait until then (suggestions) comes now. */
    @DomEvent("annals-drawn")
    public static class DrawnEvent extends ComponentEvent<AnnotatedText> {
        public DrawnEvent(AnnotatedText source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /**
     * A ghost mark was made current ({@code current}; an empty key: none is), or its acceptance
     * ({@code accept}, {@code accept-all}) or rejection ({@code reject}, {@code never}) asked for.
     */
    @DomEvent("annals-suggestion")
    public static class GhostEvent extends ComponentEvent<AnnotatedText> {
        private final String key;
        private final String action;

        public GhostEvent(AnnotatedText source, boolean fromClient, @EventData("event.detail.id") String key,
                @EventData("event.detail.action") String action) {
            super(source, fromClient);
            this.key = key;
            this.action = action;
        }

        public String key() {
            return key;
        }

        public String action() {
            return action;
        }
    }

    /** The person chose a type for the selected span (toolbar button or shortcut key). */
    @DomEvent("annals-annotate")
    public static class AnnotateEvent extends ComponentEvent<AnnotatedText> {
        private final String type;
        private final int start;
        private final int end;
        private final String quote;

        public AnnotateEvent(AnnotatedText source, boolean fromClient, @EventData("event.detail.type") String type,
                @EventData("event.detail.start") int start, @EventData("event.detail.end") int end,
                @EventData("event.detail.quote") String quote) {
            super(source, fromClient);
            this.type = type;
            this.start = start;
            this.end = end;
            this.quote = quote;
        }

        public String type() {
            return type;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public String quote() {
            return quote;
        }
    }

    /** What the reader has selected now, to show the others: [start, end), or -1 and -1 for nothing. */
    @DomEvent("annals-share")
    public static class ShareEvent extends ComponentEvent<AnnotatedText> {
        private final int start;
        private final int end;

        public ShareEvent(AnnotatedText source, boolean fromClient, @EventData("event.detail.start") int start,
                @EventData("event.detail.end") int end) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }
    }

    /** The person clicked an annotation (or pressed Enter on the current one). */
    @DomEvent("annals-open")
    public static class OpenEvent extends ComponentEvent<AnnotatedText> {
        private final String key;

        public OpenEvent(AnnotatedText source, boolean fromClient, @EventData("event.detail.id") String key) {
            super(source, fromClient);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.source.TextMatch;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.EditorContent;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.ui.TypedWork;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.collab.ui.PresenceBar;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.security.CurrentUser;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.annotation.LinkChoice;
import org.annals.event.prefill.SourceContext;
import org.annals.event.ui.EventFromSelection;
import org.annals.source.SourceText;
import org.annals.source.ui.CaptureSummary;
import org.annals.source.ui.SourceLinks;
import org.annals.event.EventRecordType;
import org.annals.suggest.SuggestionEvents;
import org.annals.suggest.SuggestionService;
import org.jspecify.annotations.Nullable;

/**
 * A source's page: metadata, contents, the text with its annotations, and for editors the annotation
 * editor. The text is drawn in the browser by {@link AnnotatedText}; this view sends it once and then
 * only the annotations that changed. Every change goes into the editor's working draft at once, and
 * whatever is typed in the link dialog is also kept in the browser until the server has it. Other
 * people's proposals, decisions and withdrawals on this source are drawn as they happen (live updates,
 * {@link LiveRefresh}), by the same reload that follows the editor's own changes; the heading shows who
 * else has the source open ({@link PresenceBar}), and the text lightly marks what they have selected
 * while the reader's own selection is shared with them. Editors also see the recognisers' suggestions as
 * ghost marks ({@link EditorSuggestions}), read again when the registry changes.
 */
@Route(ProjectRoutes.PREFIX + "/sources/:sourceId")
@PermitAll
public class ReaderView extends ProjectPage {

    static final String SOURCE_ID = "sourceId";
    static final String ANNOTATION_PARAMETER = "annotation";
    static final String AT_PARAMETER = ProjectRoutes.SOURCE_RANGE_PARAMETER;
    static final String WORDS_PARAMETER = ProjectRoutes.SOURCE_WORDS_PARAMETER;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final SourceService sources;
    private final org.annals.source.CaptureService captures;
    private final AnnotationService annotations;
    private final TaxonomyService taxonomy;
    private final EventFromSelection eventFromSelection;
    /** The source as the event form's pre-fill reads a passage of it: published date and language. */
    private @Nullable SourceContext sourceContext;
    private final Map<String, EditorAnnotation> shown = new LinkedHashMap<>();
    private @Nullable UUID projectId;
    private @Nullable UUID sourceId;
    private @Nullable String sourceTitle;
    private @Nullable AnnotatedText text;
    private @Nullable AnnotationPanel panel;
    private final Div draftBar = new Div();
    private @Nullable UUID draftId;
    /** After the first load the browser has the annotations; from then on it gets differences only. */
    private boolean textHoldsAnnotations;
    /** Who the page is shown to. */
    private @Nullable UUID viewerId;
    /** What the draft bar shows, so that a reload that changes nothing there leaves it (and its focus) alone. */
    private @Nullable String draftBarShows;
    private final LiveRefresh live;
    private final PresenceBar presenceBar;
    private final org.annals.discussion.ui.CommentThreads threads;
    private final PresenceService presence;
    private final SuggestionService suggestionService;
    private @Nullable EditorSuggestions suggestions;
    /** The event the editor last linked a passage to on this page: accepted dates and figures go to it. */
    private @Nullable UUID lastLinkedEvent;
    private int textLength;

    ReaderView(ProjectService projects, SourceService sources, AnnotationService annotations, TaxonomyService taxonomy,
            CollabService collab, PresenceService presence, org.annals.discussion.ui.CommentThreads threads,
            EventFromSelection eventFromSelection, SuggestionService suggestionService,
            org.annals.source.CaptureService captures) {
        super(projects, ProjectRole.VIEWER, "Source");
        this.captures = captures;
        this.suggestionService = suggestionService;
        this.threads = threads;
        this.sources = sources;
        this.annotations = annotations;
        this.taxonomy = taxonomy;
        this.eventFromSelection = eventFromSelection;
        this.live = LiveRefresh.of(this, collab);
        this.presenceBar = new PresenceBar(presence, collab);
        this.presence = presence;
        addClassName("reader-view");
        setSizeFull();
        draftBar.addClassName("draft-bar");
    }

    @Override
    protected boolean showsPageHeading() {
        return false;
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID id = routeParameters().get(SOURCE_ID).flatMap(ProjectRoutes::parseId)
                .orElseThrow(() -> new NotFoundException("Source"));
        // The structure only: the browser downloads the text itself (text-src), the one time it is read.
        // Read already when the page was answered early (SourcePageEarlyAnswer), in this request, with the same checks.
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        var early = SourcePageEarlyAnswer.takeReads(request == null ? null : request.getHttpServletRequest(), project.id(),
                id);
        SourceText.Outline source = early != null ? early.outline() : sources.outline(project.id(), id);
        EditorContent content = early != null ? early.content() : annotations.editor(project.id(), id);
        projectId = project.id();
        sourceId = id;
        // Before the bar is added (and so attached): it counts the viewer in once, for this source.
        presenceBar.show(project.id(), id);
        shown.clear();
        textHoldsAnnotations = false;
        draftBarShows = null;
        SourceMetadata metadata = source.source().metadata();
        sourceTitle = metadata.title();
        sourceContext = new SourceContext(id, metadata.publishedOn(), metadata.language());
        textLength = source.source().textLength();
        setPageTitle(metadata.title() + " · " + project.name() + " · Annals");

        var annotated = new AnnotatedText(!content.canEdit());
        text = annotated;
        annotated.addClassName("reader-text");
        UUID projectOfPage = project.id();
        // Read again when the browser asks: the page keeps no copy of the text (and the service checks access).
        annotated.load(source, content.annotations(), () -> sources.text(projectOfPage, id),
                () -> sources.textBeginning(projectOfPage, id, FirstScreen.CHARACTERS));
        annotated.addOpenListener(e -> choose(e.key()));
        annotated.addAnnotateListener(e -> annotate(e.start(), e.end(), e.quote(), AnnotationType.valueOf(e.type()), null));
        annotated.addShareListener(e -> share(e.start(), e.end()));

        var dim = new Checkbox("Dim citation markers", true);
        var hide = new Checkbox("Hide citation markers", false);
        dim.addValueChangeListener(e -> annotated.setCitations(e.getValue(), hide.getValue()));
        hide.addValueChangeListener(e -> annotated.setCitations(dim.getValue(), e.getValue()));
        var find = new FindBar(() -> sources.text(projectOfPage, id), annotated);
        // No Ctrl+F shortcut on the text: a server-side shortcut listening on annals-text slowed its other keys
        // and clicks enough to break the annotation journey; the field is always visible instead.
        var options = new Div(find, dim, hide);
        options.addClassName("reader-options");

        var side = new AnnotationPanel(project.id(), content.canEdit(), this::choose, new PanelActions());
        panel = side;
        suggestions = null;
        lastLinkedEvent = null;
        if (content.canEdit()) {
            var suggestionPanel = new SuggestionPanel();
            side.addComponentAsFirst(suggestionPanel);
            suggestions = new EditorSuggestions(suggestionService, project.id(), id, annotated, suggestionPanel,
                    () -> lastLinkedEvent, this::reload);
        }
        side.setThreads(annotationId -> threads.forRecord(projectOfPage,
                new org.annals.review.RecordRef(org.annals.annotation.AnnotationRecordType.KIND, annotationId)));
        var body = new Div(tableOfContents(source, annotated), annotated, side);
        body.addClassName("reader-body");
        var heading = new Div(new H2(metadata.title()), presenceBar);
        heading.addClassName("reader-heading");
        Div detailsLine = details(source);
        if (source.source().capture() != null) {
            detailsLine.add(new CaptureSummary(captures, project.id(), id, source.source().capture()));
        }
        add(heading, detailsLine, options);
        if (content.canEdit()) {
            add(draftBar);
        }
        add(body);
        var pages = PageMarks.style(source);
        if (pages != null) {
            body.getElement().appendChild(pages);
        }
        // The side panel's filters and list come once the browser has drawn the text (setting them up cost the
        // browser's build of the page before the text); its counts show at once.
        side.fillListOnceTextDrawn();
        annotated.addDrawnListener(e -> side.textDrawn());
        show(content);
        if (suggestions != null) {
            // Read while the browser fetches the text; drawn once it has drawn the text.
            suggestions.prefetch();
            annotated.addDrawnListener(e -> {
                if (suggestions != null) {
                    suggestions.showRead();
                }
            });
        }
        showOthersSelections();
        // Someone else proposed, decided or withdrew annotations here: redraw what changed, nothing else.
        // The selection, the chosen annotation and an open dialog with what is typed in it stay as they are.
        // Someone else came, went or selected something: mark the others' selections again (the reader's
        // own selection changes are not shown to them, so they need nothing read).
        UUID me = CurrentUser.require().userId();
        viewerId = me;
        // The registry changed (an entity or alias proposed, approved, withdrawn; a name refused): suggestions are
        // read again.
        live.follow(project.id(),
                event -> event.changesRecords() && event.concernsContext(id)
                        || event.changesPresenceIn(id) && !me.equals(event.actorId())
                        || changesRegistry(event),
                events -> {
                    if (events.stream().anyMatch(e -> e.changesRecords() && e.concernsContext(id))) {
                        reload();
                    }
                    showLive(events);
                });
        openAtAddressedRange(find);
        queryParameters().getSingleParameter(ANNOTATION_PARAMETER).ifPresent(key -> {
            if (shown.containsKey(key)) {
                choose(key);
            }
        });
    }

    /**
     * Whether the suggestions may have changed for reasons other than this source's annotations: the registry
     * (an entity or alias proposed, approved, withdrawn; an approval names its entities), a name refused or
     * allowed again for the project, or events lost. The suggestion service says which events those are.
     */
    static boolean changesRegistry(org.annals.collab.CollabEvent event) {
        return SuggestionEvents.concernsSuggestions(event);
    }

    /**
     * {@code ?at=start-end} scrolls to that range of the text and marks it, {@code &q=words} fills "find
     * in this source" with them (the search results link here, see {@link ProjectRoutes#sourceAt}).
     * A range that is malformed or outside the text is ignored: the page opens at the top.
     */
    private void openAtAddressedRange(FindBar find) {
        var words = queryParameters().getSingleParameter(WORDS_PARAMETER).filter(w -> !w.isBlank());
        var range = queryParameters().getSingleParameter(AT_PARAMETER)
                .flatMap(value -> TextHits.parseRange(value, textLength));
        if (range.isPresent()) {
            find.openAt(new AnnotatedText.Span(range.get()[0], range.get()[1]), words.orElse(null));
        } else {
            words.ifPresent(find::find);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        offerStashedDraft(attachEvent.getUI());
    }

    /** The editor's selection got a type: check it, then ask what it links to. */
    private void annotate(int start, int end, String quote, AnnotationType type, @Nullable Map<String, String> restored) {
        UUID project = require(projectId);
        UUID source = require(sourceId);
        try {
            annotations.checkSelection(project, source, start, end, quote);
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            require(text).clearSelection();
            return;
        }
        var dialog = new LinkDialog(project, annotations, taxonomy.taxonomy(project), quote, type,
                newAnnotationForm(project, source), choice -> {
            try {
                var marked = annotations.annotate(project, source, start, end, quote, choice.type(), choice.link(),
                        choice.sameWords(), choice.claim());
                rememberEvent(choice.link(), marked);
            } catch (InvalidInputException refused) {
                return refused.getMessage();
            }
            require(text).clearSelection();
            reloadOwn();
            return null;
        });
        dialog.useFullEventForm(eventForm(quote));
        dialog.forPassageIn(source, annotations.sameWords(project, source, start, end));
        dialog.proposeClaims(t -> annotations.claimFromQuote(project, source, start, end, t));
        if (restored != null) {
            dialog.restore(restored);
        }
        dialog.open(Map.of("start", Integer.toString(start), "end", Integer.toString(end), "quote", quote,
                "type", type.name()));
    }

    /** Remembers the event a passage was just linked to (an existing one or one proposed with it). */
    private void rememberEvent(LinkChoice link, AnnotationService.Marked marked) {
        boolean toEvent = link instanceof LinkChoice.Existing existing && EventRecordType.KIND.equals(existing.kind())
                || link instanceof LinkChoice.NewEvent;
        if (toEvent && marked.linkId() != null) {
            lastLinkedEvent = marked.linkId();
        }
    }

    /** The full event form for a passage, pre-filled from it; the dialog's save takes what it saves. */
    private LinkDialog.EventFormOpener eventForm(String quote) {
        return save -> eventFromSelection.open(require(projectId), require(sourceContext), quote,
                (event, newEntities) -> save.apply(new LinkChoice.NewEvent(event, newEntities)), message -> {
                    try {
                        // The save reloaded the page's content: the draft is the one the event went into.
                        annotations.submitDraft(require(projectId), require(draftId), message);
                    } catch (InvalidInputException refused) {
                        return refused.getMessage();
                    }
                    reloadOwn();
                    return null;
                });
    }

    /** The name under which the browser keeps what is typed for a new annotation in this source. */
    private static String newAnnotationForm(UUID projectId, UUID sourceId) {
        return "annotation:" + projectId + ":" + sourceId;
    }

    /** Offers back what was being typed when the page was left (reload, lost connection, expired session). */
    private void offerStashedDraft(UI ui) {
        if (text == null || projectId == null || sourceId == null || draftBar.getParent().isEmpty()) {
            return;
        }
        TypedWork.offer(ui, newAnnotationForm(projectId, sourceId), kept -> {
            Map<String, String> context = kept.context();
            AnnotationType type;
            int start;
            int end;
            try {
                type = AnnotationType.valueOf(kept.fields().getOrDefault("type", context.getOrDefault("type", "CLAIM")));
                start = Integer.parseInt(context.getOrDefault("start", ""));
                end = Integer.parseInt(context.getOrDefault("end", ""));
            } catch (IllegalArgumentException unreadable) {
                return;
            }
            TypedWork.announceRestored("annotation");
            annotate(start, end, context.getOrDefault("quote", ""), type, kept.fields());
        });
    }

    /**
     * The reader's selection changed (the browser reports it at most a few times a second): shared with
     * the others here if it lies within the text; anything else from the browser clears it.
     */
    private void share(int start, int end) {
        if (start >= 0 && end > start && end <= textLength) {
            presenceBar.shareSelection(start, end);
        } else {
            presenceBar.clearSelection();
        }
    }

    /** Marks in the text what the others who have this source open have selected (the reader's other tabs not). */
    private void showOthersSelections() {
        UUID me = CurrentUser.require().userId();
        require(text).showOthersSelections(presence.selections(require(projectId), require(sourceId)).stream()
                .filter(s -> !s.userId().equals(me) && s.end() <= textLength).toList());
    }

    /** What live events change besides the source's annotations: suggestions, the others' selections. */
    private void showLive(List<org.annals.collab.CollabEvent> events) {
        // Taken when the page was rendered: live refreshes may run where no one is signed in (server push).
        UUID me = require(viewerId);
        UUID source = require(sourceId);
        if (suggestions != null && events.stream().anyMatch(ReaderView::changesRegistry)) {
            suggestions.load();
        }
        if (events.stream().anyMatch(e -> e.changesPresenceIn(source) && !me.equals(e.actorId()))) {
            showOthersSelections();
        }
    }

    /**
     * After a change made on this page: reads the annotations again. The live events published before that read
     * (the change's own among them, which arrives while this request still runs) need not read them once more;
     * what else they say (suggestions, the others' selections) still reaches the page as before.
     */
    private void reloadOwn() {
        long mark = live.mark();
        reload();
        UUID source = require(sourceId);
        live.covered(mark, e -> e.changesRecords() && e.concernsContext(source) && !changesRegistry(e)
                && !e.changesPresenceIn(source));
    }

    /** Reloads the source's annotations and sends only what changed to the browser. */
    private void reload() {
        EditorContent content = annotations.editor(require(projectId), require(sourceId));
        show(content);
    }

    private void show(EditorContent content) {
        var changed = new ArrayList<EditorAnnotation>();
        Set<String> removed = new HashSet<>(shown.keySet());
        Map<String, EditorAnnotation> next = new LinkedHashMap<>();
        for (EditorAnnotation a : content.annotations()) {
            next.put(a.key(), a);
            removed.remove(a.key());
            if (!a.equals(shown.get(a.key()))) {
                changed.add(a);
            }
        }
        shown.clear();
        shown.putAll(next);
        if (textHoldsAnnotations) {
            require(text).update(changed, removed);
        }
        textHoldsAnnotations = true;
        require(panel).setAnnotations(shown.values());
        if (suggestions != null) {
            if (removed.isEmpty()) {
                suggestions.annotationsShown(changed);
            } else {
                // Annotations went (rejected, withdrawn, removed from the draft): their words may be suggested again.
                suggestions.load();
            }
        }
        showDraft(content);
    }

    private void showDraft(EditorContent content) {
        draftId = content.draftId();
        String shows = content.canEdit() + " " + draftId + " " + content.draftSize() + " " + content.draftItems();
        if (shows.equals(draftBarShows)) {
            return;
        }
        draftBarShows = shows;
        draftBar.removeAll();
        if (!content.canEdit()) {
            return;
        }
        if (draftId == null) {
            draftBar.add(new Span("Select text, then choose a type (keys 1–5) to annotate. Your annotations are saved"
                    + " in your draft until you submit them for review."));
            return;
        }
        var submit = new Button("Submit for review…", e -> submitDialog());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The draft spans every source of the project: it is looked at, split and discarded on its own page.
        var open = new Anchor(ProjectRoutes.draftPath(require(projectId)),
                "Open my draft (" + items(content.draftItems()) + ")");
        open.getElement().setAttribute("router-link", true);
        open.addClassName("draft-link");
        var count = new Span("Your draft: " + content.draftSize() + (content.draftSize() == 1 ? " annotation" : " annotations")
                + " in this source, " + items(content.draftItems()) + " in all, saved.");
        count.addClassName("draft-count");
        draftBar.add(count, submit, open);
    }

    private static String items(long count) {
        return count + (count == 1 ? " item" : " items");
    }

    private void submitDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Submit for review");
        var message = new TextArea("Message for the reviewers");
        message.setValue("Annotations in \"" + sourceTitle + "\"");
        message.setWidthFull();
        var error = new Div();
        error.addClassName("form-error");
        var send = new Button("Submit", e -> {
            try {
                annotations.submitDraft(require(projectId), require(draftId), message.getValue());
                dialog.close();
                reloadOwn();
                Notification.show("Submitted for review.");
            } catch (InvalidInputException refused) {
                error.setText(refused.getMessage());
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        TypedWork.guard(dialog, message);
        dialog.open();
    }

    /** An annotation was clicked in the text or in the panel: show it in both. */
    private void choose(String key) {
        require(panel).select(key);
        require(text).focusAnnotation(key);
    }

    /** What the panel's buttons do to the chosen annotation. */
    private final class PanelActions implements AnnotationPanel.Actions {
        @Override
        public void step(EditorAnnotation a, boolean endEdge, boolean extend) {
            attempt(() -> annotations.stepSpan(require(projectId), require(sourceId), a.id(), endEdge, extend), a);
        }

        @Override
        public void relink(EditorAnnotation a) {
            UUID project = require(projectId);
            var dialog = new LinkDialog(project, annotations, taxonomy.taxonomy(project), a.exact(), a.type(),
                    null, choice -> { // guarded against Esc; not kept: nothing here would offer it back
                try {
                    rememberEvent(choice.link(),
                            annotations.changeLink(project, require(sourceId), a.id(), choice.type(), choice.link()));
                } catch (InvalidInputException refused) {
                    return refused.getMessage();
                }
                reloadOwn();
                return null;
            });
            dialog.useFullEventForm(eventForm(a.exact()));
            dialog.setHeaderTitle("Change type or link");
            dialog.open(Map.of());
        }

        @Override
        public void sameWords(EditorAnnotation a) {
            UUID project = require(projectId);
            UUID source = require(sourceId);
            List<TextMatch> found;
            try {
                found = annotations.sameWords(project, source, a.start(), a.end());
            } catch (InvalidInputException refused) {
                found = List.of();
            }
            if (found.isEmpty() || a.linkKind() == null || a.linkId() == null) {
                Notification.show("These words occur in no other source of the project, or are marked there already.",
                        5000, Notification.Position.BOTTOM_START);
                return;
            }
            String kind = a.linkKind();
            UUID linkId = a.linkId();
            new SameWordsDialog(found, chosen -> {
                try {
                    annotations.addSameWords(project, a.type(), kind, linkId, chosen);
                } catch (InvalidInputException refused) {
                    return refused.getMessage();
                }
                reloadOwn();
                return null;
            }).open();
        }

        @Override
        public void delete(EditorAnnotation a) {
            attempt(() -> annotations.delete(require(projectId), require(sourceId), a.id()), a);
        }

        private void attempt(Runnable change, EditorAnnotation a) {
            try {
                change.run();
            } catch (InvalidInputException refused) {
                Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            reloadOwn();
            String key = shown.containsKey(a.key()) ? a.key() : a.id().toString();
            if (shown.containsKey(key)) {
                choose(key);
            } else {
                require(panel).select(null);
            }
        }
    }

    private static Div details(SourceText.Outline source) {
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
        facts.add(SourceLinks.size(source.source().textLength()));
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

    private static Component tableOfContents(SourceText.Outline source, AnnotatedText text) {
        var toc = new Nav();
        toc.addClassName("reader-toc");
        toc.getElement().setAttribute("aria-label", "Contents");
        if (source.sections().isEmpty()) {
            toc.add(new Span("No sections"));
            return toc;
        }
        var headingPages = new java.util.HashMap<Integer, String>();
        source.passages().stream().filter(p -> p.pagesCited() != null)
                .forEach(p -> headingPages.putIfAbsent(p.start(), p.pagesCited()));
        for (SourceText.Section section : source.sections()) {
            String page = headingPages.get(section.start());
            var entry = new Button(page == null ? section.title() : section.title() + " · " + page,
                    e -> text.scrollToOffset(section.start()));
            entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            entry.addClassName("toc-level-" + section.level());
            toc.add(entry);
        }
        return toc;
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The page is not rendered yet.");
        }
        return value;
    }
}

package org.annals.annotation.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.EditorContent;
import org.annals.base.ui.StoredColorScheme;
import org.annals.security.CurrentUser;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * A source's page opened by its address starts its answer before Vaadin builds the view (issue 21, decision 47).
 * Vaadin answers a page only once it has rendered the view into it (100-220 ms on a loaded two-core machine for the
 * source page); until the answer begins, the browser keeps the page it leaves and cannot paint anything of the new
 * one. For a source the caller may read, this filter first sends the beginning of the page: the head's base address,
 * style sheets, icon and module preloads (as a Vaadin page answered since start-up had them; Vaadin's page then leaves
 * out the style sheets and icon, {@link #dropSentFromPage}), the stored colour scheme, and the source's first screen
 * ({@link FirstScreen}, shown by {@link EditorFirstResponse}'s script where the view drew the text the last time);
 * the browser paints it while the server renders the view. Vaadin's page follows in the same answer.
 * <p>
 * <b>One answer, two documents' worth of tags.</b> Vaadin writes a whole document ({@code <!doctype html><html>
 * <head>…</head><body>…}). After the beginning sent here, the HTML parser reads those tags by the standard's rules for
 * a document already in its body: the doctype and {@code <head>} are ignored, the attributes of {@code <html>} and
 * {@code <body>} are added to the elements that exist, and the head's {@code <base>}, {@code <meta>},
 * {@code <link>}, {@code <style>} and {@code <script>} elements are read as in a head (they work), only placed in the
 * body. {@code SourcePageEarlyAnswerOverHttpTest} and {@code FirstScreenBrowserTest} check the page that results.
 * <p>
 * <b>What it cannot do after the answer began:</b> change its status or headers. So it starts early only for a
 * plain {@code GET} of a source's page (no query: with {@code ?at=} and the like the text opens elsewhere), by a
 * signed-in person who may read that source, once a Vaadin page has been answered since start-up (its head is what
 * is copied). Everything else (a stranger, a missing source, the first page after start) is answered as before.
 * The reads made here (the source's outline and its annotations, with the service's permission checks) are handed to
 * the view being rendered in the same request ({@link #takeReads}), so the page reads them once.
 * <p>
 * On unless {@code annals.editor.early-answer=false}, {@code annals.editor.first-screen=false} or
 * {@code annals.editor.first-response=false}.
 */
@Component
class SourcePageEarlyAnswer implements Filter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SourcePageEarlyAnswer.class);

    /** A source's page, with the project's and the source's ids. */
    private static final Pattern PAGE = Pattern.compile("/projects/([0-9a-fA-F-]{36})/sources/([0-9a-fA-F-]{36})/?");
    /** The request attribute carrying the early reads to the view. */
    private static final String READS = SourcePageEarlyAnswer.class.getName() + ".reads";
    /** The request attribute saying the early head went out (so Vaadin's page leaves out what it linked). */
    private static final String BEGUN = SourcePageEarlyAnswer.class.getName() + ".begun";
    /** The request attribute saying the first screen went out early (so the page is not given another). */
    private static final String SENT = SourcePageEarlyAnswer.class.getName() + ".sent";
    /** The style sheets and icons sent in the early head, which Vaadin's page then leaves out. */
    private static final String SENT_LINKS = "link[rel=stylesheet][href], link[rel~=(?i)^(shortcut )?icon$][href]";

    /** What this filter read for the view: the outline and the annotations of one source, in this request. */
    record Reads(UUID projectId, UUID sourceId, SourceText.Outline outline, EditorContent content) {
    }

    private final SourceService sources;
    private final AnnotationService annotations;
    private final boolean enabled;
    /** What an early answer begins with, and the absolute addresses of the style sheets and icons it links. */
    private record Head(String tags, Set<String> links) {
    }

    /** Learnt from a Vaadin page answered since start-up; null until one was answered. */
    private final AtomicReference<@Nullable Head> head = new AtomicReference<>();

    SourcePageEarlyAnswer(SourceService sources, AnnotationService annotations,
            @Value("${annals.editor.first-response:true}") boolean firstResponse,
            @Value("${annals.editor.first-screen:true}") boolean firstScreen,
            @Value("${annals.editor.early-answer:true}") boolean earlyAnswer) {
        this.sources = sources;
        this.annotations = annotations;
        this.enabled = firstResponse && firstScreen && earlyAnswer;
    }

    /** After Spring Security's chain (the caller is known) and the rights memo (the role is read once per request). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (enabled && request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            answerEarly(http, answer);
        }
        chain.doFilter(request, response);
    }

    private void answerEarly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Head learnt = head.get();
        if (learnt == null || !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || CurrentUser.get().isEmpty() || !acceptsHtml(request)) {
            return;
        }
        Matcher page = PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!page.matches()) {
            return;
        }
        UUID projectId = UUID.fromString(page.group(1));
        UUID sourceId = UUID.fromString(page.group(2));
        if (!sources.isReadable(projectId, sourceId)) {
            return;
        }
        // The head first: the browser leaves the page it shows and fetches the style sheets and modules meanwhile.
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(learnt.tags().getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        request.setAttribute(BEGUN, Boolean.TRUE);
        String screen;
        try {
            // Then the first screen, from the reads the view would make; the view takes them (takeReads).
            SourceText.Opening opening = sources.opening(projectId, sourceId, FirstScreen.CHARACTERS);
            SourceText.Outline outline = opening.outline();
            EditorContent content = annotations.editor(projectId, sourceId);
            Element body = FirstScreen.body(opening.beginning(), outline.passages(), outline.sections(),
                    outline.citations(), content.annotations());
            screen = html(EditorFirstResponse.firstScreen(sourceId.toString(), body));
            request.setAttribute(READS, new Reads(projectId, sourceId, outline, content));
        } catch (RuntimeException e) {
            // The source went, or the database failed, since the check: Vaadin's page follows without a first screen,
            // and the view's own reads meet the same and say so.
            log.debug("No early first screen for source {}: {}", sourceId, e.toString());
            return;
        }
        request.setAttribute(SENT, Boolean.TRUE);
        response.getOutputStream().write(screen.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** The elements as written, without pretty printing, as in the page (an indent would show in a list's passage). */
    private static String html(List<Element> elements) {
        Document holder = Document.createShell("");
        holder.outputSettings().prettyPrint(false);
        StringBuilder html = new StringBuilder();
        for (Element element : elements) {
            holder.body().appendChild(element);
            html.append(element.outerHtml());
        }
        return html.toString();
    }

    /** A browser's page load asks for HTML; a script's fetch of the same address does not. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * The view's reads made by this filter for this source, once (the view then holds them); null when the page
     * was not answered early or is of another source.
     */
    static @Nullable Reads takeReads(@Nullable ServletRequest request, UUID projectId, UUID sourceId) {
        if (request == null || !(request.getAttribute(READS) instanceof Reads reads)) {
            return null;
        }
        request.removeAttribute(READS);
        return reads.projectId().equals(projectId) && reads.sourceId().equals(sourceId) ? reads : null;
    }

    /** Whether this request's first screen went out early. */
    static boolean firstScreenSent(@Nullable ServletRequest request) {
        return request != null && Boolean.TRUE.equals(request.getAttribute(SENT));
    }

    /**
     * A Vaadin page about to be answered: after an early head, it leaves out what that head linked
     * ({@link #dropSentFromPage}); otherwise it may teach the head ({@link #learnHead}).
     */
    void pageAnswered(Document page, HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(BEGUN))) {
            dropSentFromPage(page, request.getRequestURI());
        } else {
            learnHead(page, request.getRequestURI());
        }
    }

    /**
     * Keeps what the next early answer sends first, taken from a Vaadin page about to be answered: its base address,
     * viewport, style sheets and icons, its module scripts (as preloads; Vaadin's own tags run them), each address
     * made absolute (Vaadin's are relative to a {@code <base>} that depends on the page's path), and the script that
     * applies the colour scheme stored in the browser. The same for every page of a running server; kept once.
     */
    void learnHead(Document page, String requestUri) {
        if (head.get() != null) {
            return;
        }
        try {
            head.compareAndSet(null, headOf(page, URI.create(requestUri)));
        } catch (IllegalArgumentException e) {
            // An address sent unencoded (or a tag's that does not parse): learnt from the next page instead.
        }
    }

    private static Head headOf(Document page, URI address) {
        URI base = baseOf(page, address);
        List<Element> tags = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        tags.add(new Element("meta").attr("charset", "UTF-8"));
        tags.add(new Element("base").attr("href", base.toString()));
        Element viewport = page.head().selectFirst("meta[name=viewport]");
        if (viewport != null) {
            tags.add(new Element("meta").attr("name", "viewport").attr("content", viewport.attr("content")));
        }
        for (Element link : page.head().select(SENT_LINKS)) {
            String href = base.resolve(link.attr("href")).toString();
            sent.add(href);
            Element copy = new Element("link").attr("rel", link.attr("rel")).attr("href", href);
            for (String attribute : List.of("type", "sizes")) {
                if (link.hasAttr(attribute)) {
                    copy.attr(attribute, link.attr(attribute));
                }
            }
            tags.add(copy);
        }
        for (Element script : page.head().select("script[type=module][src]")) {
            tags.add(new Element("link").attr("rel", "modulepreload")
                    .attr("href", base.resolve(script.attr("src")).toString()));
        }
        tags.add(new Element("script").appendChild(new DataNode(StoredColorScheme.APPLY_SCRIPT)));
        return new Head("<!doctype html><html><head>" + html(tags) + "</head><body>", Set.copyOf(sent));
    }

    /** The page's base address, absolute: its {@code <base>} resolved against the address it answers. */
    private static URI baseOf(Document page, URI address) {
        Element baseElement = page.head().selectFirst("base[href]");
        return baseElement == null ? address.resolve("/") : address.resolve(baseElement.attr("href"));
    }

    /**
     * Takes out of Vaadin's page, answered after an early beginning, the style sheets and icons the beginning had
     * already linked: linked twice, a style sheet's second copy would come after the styles Vaadin's client adds to
     * the head while it runs and win over them, which it does not in a page answered at once. (Elements of Vaadin's
     * head end up in the body there, where browsers ignore an icon.)
     */
    void dropSentFromPage(Document page, String requestUri) {
        Head learnt = head.get();
        if (learnt == null) {
            return;
        }
        try {
            URI base = baseOf(page, URI.create(requestUri));
            page.head().select(SENT_LINKS).stream()
                    .filter(link -> learnt.links().contains(base.resolve(link.attr("href")).toString()))
                    .forEach(Element::remove);
        } catch (IllegalArgumentException e) {
            // Left as they are: the page works, with a second copy of its style sheets.
        }
    }

    /** What an early answer sends first now; null until a Vaadin page taught it. */
    @Nullable String learnedHead() {
        Head learnt = head.get();
        return learnt == null ? null : learnt.tags();
    }

    /** For tests: forget the head learned, as after a restart. */
    void forgetHead() {
        head.set(null);
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opening a source by its address (a reload, a bookmark, a link from outside) with fewer waits in turn
 * (issue 21). By default Vaadin answers the address with an empty page; the browser loads the scripts,
 * then asks for a UI ({@code v-r=init}), then asks to render the route (a second round trip), and only
 * then learns the addresses of the text and the annotations and downloads them. For a source's page Vaadin
 * now renders the view while answering the address (its "initial UIDL" goes inside the page: the
 * {@code eagerServerLoad} behaviour, for this route only), so the {@code init} round trip is gone and
 * Vaadin's first navigation from the browser finds the view rendered and only acknowledges it. The page's
 * head also names the editor's two downloads as preloads, so that the browser fetches them while it loads
 * and runs the scripts; the editor's own fetches then take the preloaded answers. Other pages are answered
 * as before.
 * <p>
 * <b>Where the view is built.</b> Vaadin writes the view's container ({@code <flow-container-…>}, empty until
 * the initial message is applied) into {@code #outlet}, the element Vaadin's React router mounts on, and React
 * empties that element when it mounts. Vaadin's client then no longer found the container, built the view into a
 * new one out of the page (the text fetched and drawn there), put it into the page hidden
 * ({@code display: none}) and showed it only once its navigation's round trip was answered: the find and
 * annotation journeys' calls landed in that window and failed (docs/performance.md, issue 21, rounds 3 and 4).
 * So the page is changed in three ways:
 * <ul>
 * <li>the container is moved out of {@code #outlet} to just before it, where React's mount leaves it; Vaadin's
 * client finds it there and builds the view into it, in the page and visible;</li>
 * <li>a small script right after the outlet keeps the view where it was built: Vaadin's React integration
 * ({@code Flow.tsx}) moves its container into the outlet with one {@code outlet.append(container)} once the
 * client has started, and that move takes the view out of the page and puts it back, which resets every scroll
 * position in it and drops the focus (seen: the text scrolled to 600 px was at 0 again, the field clicked into
 * had lost the focus). The script answers that one call, for this container only, by leaving the container in
 * place (the router still takes it as its container: later navigations render into it as usual); any other
 * call goes through. Should a later Vaadin make the move another way, the view is moved once, in one step, as
 * without the script;</li>
 * <li>a style hides the outlet as long as the container is just before it: the outlet then holds only React's
 * empty, hidden mount, and is as tall as the window, so the view keeps the outlet's place and the page no scroll
 * bar.</li>
 * </ul>
 * <p>
 * The page also carries the source's first screen unless {@code annals.editor.first-screen=false} (see
 * {@link #addFirstScreen}).
 * <p>
 * On unless {@code annals.editor.first-response=false}, read when Vaadin starts (not a bean condition: Spring AOT
 * would fix that when the production jar is built).
 */
@Component
class EditorFirstResponse implements VaadinServiceInitListener {

    /** A source's page: {@code projects/<uuid>/sources/<uuid>}, the route of {@link ReaderView}. */
    private static final Pattern SOURCE_PAGE = Pattern.compile(
            "/?projects/[0-9a-fA-F-]{36}/sources/([0-9a-fA-F-]{36})/?");
    /** The tag Vaadin gives the view's container in the page. */
    private static final Pattern CONTAINER_TAG_PATTERN = Pattern.compile("flow-container-[a-z0-9-]+");
    /**
     * Run where it stands, right after {@code #outlet}, before any module script: the outlet's next {@code append},
     * when it is of the container just before the outlet, leaves the container where it is.
     */
    private static final String KEEP_IN_PLACE = """
            (() => {
              const outlet = document.getElementById('outlet');
              const view = outlet?.previousElementSibling;
              if (!view || view.localName !== 'TAG') return;
              outlet.append = function (...nodes) {
                delete outlet.append;
                if (nodes.length === 1 && nodes[0] === view && view.isConnected) return;
                outlet.append(...nodes);
              };
            })();""";

    static final String FIRST_SCREEN_ID = "annals-first-screen";
    /** Where the places of sources' text columns are kept in the browser, at most {@code 50} of them. */
    static final String PLACES_KEY = "annals-first-screen";
    /**
     * Right after the first screen's element: shows it at the place kept for this source and window size, or
     * removes it; takes it away when the view's text is drawn or the reader acts; keeps the place the view's text
     * was drawn at for the next load. A place is kept only for a text drawn at its beginning, the window not scrolled.
     */
    private static final String FIRST_SCREEN_SCRIPT = """
            (() => {
              const screen = document.getElementById('$ID');
              const source = screen.dataset.source;
              const read = () => { try { return JSON.parse(localStorage.getItem('$KEY')) || {}; } catch (e) { return {}; } };
              const at = read()[source];
              if (at && at.w === innerWidth && at.h === innerHeight && at.b > at.y && scrollY === 0) {
                // Only the passages that showed there: the rest would cost the browser's layout and paint for nothing.
                for (const p of screen.querySelectorAll('.passage')) if (at.c != null && Number(p.dataset.start) >= at.c) p.remove();
                Object.assign(screen.style, { left: at.l + 'px', top: at.y + 'px', width: at.wd + 'px', height: (at.b - at.y) + 'px' });
                screen.hidden = false;
              } else {
                screen.remove();
              }
              const leave = () => {
                screen.remove();
                removeEventListener('pointerdown', leave, true);
                removeEventListener('keydown', leave, true);
              };
              addEventListener('pointerdown', leave, true);
              addEventListener('keydown', leave, true);
              setTimeout(leave, 15000);
              document.addEventListener('annals-drawn', (event) => {
                leave();
                const text = event.target;
                const body = text.querySelector?.('.annals-body');
                if (!body || text.scrollTop !== 0 || scrollY !== 0) return;
                const box = text.getBoundingClientRect();
                const b = body.getBoundingClientRect();
                const bottom = Math.min(innerHeight, box.bottom);
                let c = null; // where the first passage below the visible box starts
                search: for (const chunk of body.children) {
                  for (const p of chunk.children) {
                    if (p.getBoundingClientRect().top >= bottom) { c = Number(p.dataset.start); break search; }
                  }
                }
                const places = read();
                places[source] = { w: innerWidth, h: innerHeight, l: b.left, wd: b.width, y: b.top, b: bottom, c,
                  at: Date.now() };
                const newest = Object.entries(places).sort((p, q) => q[1].at - p[1].at).slice(0, 50);
                try { localStorage.setItem('$KEY', JSON.stringify(Object.fromEntries(newest))); } catch (e) { }
              }, { once: true });
            })();""".replace("$ID", FIRST_SCREEN_ID).replace("$KEY", PLACES_KEY);

    private final boolean enabled;
    private final boolean firstScreen;
    private final SourcePageEarlyAnswer earlyAnswer;

    EditorFirstResponse(@Value("${annals.editor.first-response:true}") boolean enabled,
            @Value("${annals.editor.first-screen:true}") boolean firstScreen, SourcePageEarlyAnswer earlyAnswer) {
        this.enabled = enabled;
        this.firstScreen = firstScreen;
        this.earlyAnswer = earlyAnswer;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!enabled) {
            return;
        }
        BootstrapInitialPredicate otherwise = event.getSource().getBootstrapInitialPredicate();
        event.getSource().setBootstrapInitialPredicate(
                request -> isSourcePage(request) || otherwise.includeInitialUidl(request));
        event.addIndexHtmlRequestListener(response -> {
            if (firstScreen && response.getVaadinRequest() instanceof VaadinServletRequest request) {
                earlyAnswer.pageAnswered(response.getDocument(), request.getHttpServletRequest());
            }
            prepare(response, firstScreen);
        });
    }

    static boolean isSourcePage(VaadinRequest request) {
        String path = request.getPathInfo();
        return path != null && SOURCE_PAGE.matcher(path).matches();
    }

    private static void prepare(IndexHtmlResponse response, boolean withFirstScreen) {
        if (!isSourcePage(response.getVaadinRequest())) {
            return;
        }
        // IndexHtmlResponse.getUI() gives the UI only when eager loading is configured for every page; here it is
        // asked for by route (the predicate above), so the UI rendered for this request is taken as the current
        // one, which Vaadin set while rendering it.
        UI ui = response.getUI().orElseGet(UI::getCurrent);
        if (ui == null || ui.getSession() != VaadinSession.getCurrent()) {
            return;
        }
        keepContainerOutOfOutlet(response.getDocument());
        AnnotatedText text = annotatedText(ui);
        if (text == null) {
            return;
        }
        preloadDownloads(text, response.getDocument());
        if (withFirstScreen && response.getVaadinRequest().getParameterMap().isEmpty()) {
            // With ?annotation=, ?at= or ?q= the text opens scrolled to a place, not at its beginning.
            addFirstScreen(text, response.getVaadinRequest(), response.getDocument());
        }
    }

    /**
     * The rendered editor's text. Vaadin keeps the route's components in the router's chain, not among the UI
     * element's children, so it is looked for there.
     */
    private static @org.jspecify.annotations.Nullable AnnotatedText annotatedText(UI ui) {
        for (var target : ui.getInternals().getActiveRouterTargetsChain()) {
            if (target instanceof com.vaadin.flow.component.Component component) {
                AnnotatedText text = find(component.getElement());
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /**
     * Shows the beginning of the text where the view will draw it, while Vaadin's client loads and builds the view
     * (decision 46). The server cannot know where that is (the window's size, the title's lines, the side panel), so
     * the browser says it: after the view has drawn its text, the script below keeps the text column's place for
     * this source and window size in the browser's storage; on the next page load of that source at that size (a
     * reload, a bookmark, the back button) the page shows {@link FirstScreen}'s passages there at once, above the
     * view being built and letting the pointer through, until the view's own text is drawn in the same place (its
     * {@code annals-drawn} event) or the reader presses a key or a pointer. Without a kept place, nothing is shown.
     */
    private static void addFirstScreen(AnnotatedText text, VaadinRequest request, Document page) {
        var path = SOURCE_PAGE.matcher(String.valueOf(request.getPathInfo()));
        boolean sentEarly = request instanceof VaadinServletRequest servlet
                && SourcePageEarlyAnswer.firstScreenSent(servlet.getHttpServletRequest());
        // Taken in any case: the view keeps no first screen once the page is answered.
        org.jsoup.nodes.Element body = path.matches() ? text.takeFirstScreen() : null;
        if (body == null || sentEarly) {
            return;
        }
        // Written as built: pretty printing would indent the passages' spans, and a list's or a table's passage keeps
        // its white space (white-space: pre-wrap), so the indent would show.
        page.outputSettings().prettyPrint(false);
        // First in the body, so that the browser can paint it as soon as it has read it.
        List<org.jsoup.nodes.Element> screen = firstScreen(path.group(1), body);
        for (int i = screen.size() - 1; i >= 0; i--) {
            page.body().prependChild(screen.get(i));
        }
        initialMessageLast(page);
    }

    /**
     * The first screen's element (hidden until its script shows it) holding {@code body}, then the script that shows
     * it at the place kept for this source and window size: what goes first in a source's page body.
     */
    static List<org.jsoup.nodes.Element> firstScreen(String sourceId, org.jsoup.nodes.Element body) {
        org.jsoup.nodes.Element screen = new org.jsoup.nodes.Element("div").id(FIRST_SCREEN_ID).attr("hidden", "")
                .attr("aria-hidden", "true").attr("data-source", sourceId.toLowerCase(java.util.Locale.ROOT));
        screen.appendChild(body);
        org.jsoup.nodes.Element script = new org.jsoup.nodes.Element("script")
                .appendChild(new org.jsoup.nodes.DataNode(FIRST_SCREEN_SCRIPT));
        return List.of(screen, script);
    }

    /**
     * Moves Vaadin's initial message (the view's first UIDL, tens of kilobytes of script in the head) to the end of
     * the body: read and run before the first screen, it held back the frame that paints it; its readers are
     * module scripts, which run only once the whole page has been read.
     */
    static void initialMessageLast(Document page) {
        page.head().select("script").stream()
                .filter(script -> script.data().contains("window.Vaadin.TypeScript"))
                .findFirst().ifPresent(script -> {
                    script.remove();
                    page.body().appendChild(script);
                });
    }

    /** The first annotated text under this element. */
    private static @org.jspecify.annotations.Nullable AnnotatedText find(Element element) {
        if (element.isTextNode()) {
            return null; // a text node has no component
        }
        if (element.getComponent().orElse(null) instanceof AnnotatedText text) {
            return text;
        }
        return element.getChildren().map(EditorFirstResponse::find).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    /**
     * Moves the view's container from {@code #outlet} to just before it, hides the outlet while the container is
     * there ({@code <container> + #outlet}), and adds the script that keeps the router from moving the built view
     * into the outlet (see the class's description).
     */
    static void keepContainerOutOfOutlet(Document page) {
        org.jsoup.nodes.Element outlet = page.getElementById("outlet");
        if (outlet == null) {
            return;
        }
        org.jsoup.nodes.Element container = outlet.children().stream()
                .filter(child -> CONTAINER_TAG_PATTERN.matcher(child.tagName()).matches())
                .findFirst().orElse(null);
        if (container == null) {
            return;
        }
        String tag = container.tagName();
        container.remove();
        outlet.before(container);
        page.head().appendElement("style").appendText(tag + " + #outlet { display: none; }");
        outlet.after(new org.jsoup.nodes.Element("script").appendChild(new org.jsoup.nodes.DataNode(
                KEEP_IN_PLACE.replace("TAG", tag))));
    }

    /**
     * Names the rendered editor's text-src and doc-src in the page's head as {@code <link rel="preload"
     * as="fetch" crossorigin>}: fetched as the component fetches them (same origin, with the session's cookie),
     * so that its fetch is answered from the preload.
     */
    private static void preloadDownloads(AnnotatedText text, Document page) {
        for (String attribute : List.of("text-src", "doc-src")) {
            String href = text.getElement().getAttribute(attribute);
            if (href != null) {
                page.head().appendElement("link").attr("rel", "preload").attr("as", "fetch")
                        .attr("crossorigin", "").attr("href", href);
            }
        }
    }
}

package org.annals.annotation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * Off unless {@code annals.editor.first-response=true}: Vaadin's React router clears its outlet when it mounts,
 * which takes the rendered view out of the page until the navigation's round trip is answered; the find and
 * annotation journeys failed with it (docs/performance.md, issue 21, round 3).
 */
@Component
@ConditionalOnProperty(name = "annals.editor.first-response", havingValue = "true")
class EditorFirstResponse implements VaadinServiceInitListener {

    /** A source's page: {@code projects/<uuid>/sources/<uuid>}, the route of {@link ReaderView}. */
    private static final Pattern SOURCE_PAGE = Pattern.compile(
            "/?projects/[0-9a-fA-F-]{36}/sources/[0-9a-fA-F-]{36}/?");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        BootstrapInitialPredicate otherwise = event.getSource().getBootstrapInitialPredicate();
        event.getSource().setBootstrapInitialPredicate(
                request -> isSourcePage(request) || otherwise.includeInitialUidl(request));
        event.addIndexHtmlRequestListener(EditorFirstResponse::preloadDownloads);
    }

    static boolean isSourcePage(VaadinRequest request) {
        String path = request.getPathInfo();
        return path != null && SOURCE_PAGE.matcher(path).matches();
    }

    /**
     * Names the rendered editor's text-src and doc-src in the page's head as {@code <link rel="preload"
     * as="fetch" crossorigin>}: fetched as the component fetches them (same origin, with the session's cookie),
     * so that its fetch is answered from the preload. Vaadin keeps the route's components in the router's
     * chain, not among the UI element's children, so they are looked for there.
     */
    private static void preloadDownloads(IndexHtmlResponse response) {
        if (!isSourcePage(response.getVaadinRequest())) {
            return;
        }
        // IndexHtmlResponse.getUI() gives the UI only when eager loading is configured for every page; here it is
        // asked for by route (the predicate above), so the UI rendered for this request is taken as the current
        // one, which Vaadin set while rendering it.
        UI ui = response.getUI().orElseGet(UI::getCurrent);
        if (ui == null || ui.getSession() != com.vaadin.flow.server.VaadinSession.getCurrent()) {
            return;
        }
        var hrefs = new ArrayList<String>();
        for (var target : ui.getInternals().getActiveRouterTargetsChain()) {
            if (target instanceof com.vaadin.flow.component.Component component) {
                collect(component.getElement(), hrefs);
            }
        }
        for (String href : hrefs) {
            response.getDocument().head().appendElement("link").attr("rel", "preload").attr("as", "fetch")
                    .attr("crossorigin", "").attr("href", href);
        }
    }

    /** The text-src and doc-src addresses of every annotated text under this element. */
    private static void collect(Element element, List<String> found) {
        if (element.isTextNode()) {
            return; // a text node has no tag (getTag() throws)
        }
        if ("annals-text".equals(element.getTag())) {
            for (String attribute : List.of("text-src", "doc-src")) {
                String href = element.getAttribute(attribute);
                if (href != null && !found.contains(href)) {
                    found.add(href);
                }
            }
            return;
        }
        element.getChildren().forEach(child -> collect(child, found));
    }
}

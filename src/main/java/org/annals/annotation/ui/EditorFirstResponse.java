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
import org.springframework.stereotype.Component;

/**
 * Opening a source by its address (a reload, a bookmark, a link from outside) without waiting in turn
 * (issue 21). By default Vaadin answers the address with an empty page; the browser loads the scripts,
 * then asks for a UI ({@code v-r=init}), then asks to render the route (a second round trip), and only
 * then learns the addresses of the text and the annotations and downloads them: four waits one after the
 * other. For a source's page Vaadin now renders the view while answering the address (its "initial
 * UIDL" goes inside the page, the {@code eagerServerLoad} behaviour for this route only), and the page's
 * head names the text's and the annotations' downloads as preloads, so the browser fetches them while
 * it loads and runs the scripts. The view is built once: Vaadin's first navigation from the browser
 * finds it rendered and only acknowledges it.
 */
@Component
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
     * Names the text's and the annotations' downloads of the rendered editor in the page's head, so the
     * browser starts them at once; the component's own fetches then take the preloaded responses. They
     * are fetched as the component fetches them (same origin, with the session's cookie).
     */
    private static void preloadDownloads(IndexHtmlResponse response) {
        if (!isSourcePage(response.getVaadinRequest())) {
            return;
        }
        UI ui = response.getUI().orElse(null);
        // The view, not the UI's element: the route sits in a container that is no ordinary child of it.
        if (ui == null || !(ui.getCurrentView() instanceof ReaderView view)) {
            return;
        }
        for (String href : downloads(view.getElement())) {
            response.getDocument().head().appendElement("link").attr("rel", "preload").attr("as", "fetch")
                    .attr("crossorigin", "").attr("href", href);
        }
    }

    /** The text-src and doc-src addresses of every annotated text on the page. */
    static List<String> downloads(Element root) {
        var found = new ArrayList<String>();
        collect(root, found);
        return found;
    }

    private static void collect(Element element, List<String> found) {
        if ("annals-text".equals(element.getTag())) {
            for (String attribute : List.of("text-src", "doc-src")) {
                String href = element.getAttribute(attribute);
                if (href != null) {
                    found.add(href);
                }
            }
            return;
        }
        element.getChildren().forEach(child -> collect(child, found));
    }
}

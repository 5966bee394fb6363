package org.annals.annotation.ui;

import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opening a source by its address (a reload, a bookmark, a link from outside) with fewer waits in turn
 * (issue 21). By default Vaadin answers the address with an empty page; the browser loads the scripts,
 * then asks for a UI ({@code v-r=init}), then asks to render the route (a second round trip), and only
 * then learns the addresses of the text and the annotations and downloads them. For a source's page Vaadin
 * now renders the view while answering the address (its "initial UIDL" goes inside the page: the
 * {@code eagerServerLoad} behaviour, for this route only), so the {@code init} round trip is gone and
 * Vaadin's first navigation from the browser finds the view rendered and only acknowledges it. Other
 * pages are answered as before.
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
    }

    static boolean isSourcePage(VaadinRequest request) {
        String path = request.getPathInfo();
        return path != null && SOURCE_PAGE.matcher(path).matches();
    }
}

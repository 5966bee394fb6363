package org.annals;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.TargetElement;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Annals: volunteer teams turn source texts into a vetted, evidence-backed timeline.
 *
 * <p>The class is also Vaadin's app shell: the theme and the default colour scheme (follow the
 * operating system until the user picks one) are declared once, here, and server push: open pages
 * show other people's changes as they happen (see org.annals.collab). WEBSOCKET_XHR pushes over a
 * WebSocket but sends the browser's requests as ordinary HTTP requests, which pass Spring Security's
 * filters, proxies and load balancers like every other request; push falls back to long polling where
 * WebSockets are blocked.
 *
 * <p>Every route's frontend dependencies load with the first page ({@code @LoadDependenciesOnStartup}),
 * not in per-route chunks: Vaadin reuses a committed bundle as long as it holds every import somewhere,
 * so per-route chunks from an older bundle left routes added since without their components (see
 * decision 0020 and CommittedBundlesTest).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@Push(transport = Transport.WEBSOCKET_XHR)
@LoadDependenciesOnStartup
public class AnnalsApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        var application = new SpringApplication(AnnalsApplication.class);
        org.annals.startup.StartupSteps.recordIfAsked(application);
        application.run(args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Annals");
        settings.addFavIcon("icon", "icons/annals.svg", "any");
        // Apply the colour scheme the user chose in this browser before the first paint (no flash).
        settings.addInlineWithContents(TargetElement.HEAD, Inline.Position.APPEND,
                org.annals.base.ui.StoredColorScheme.APPLY_SCRIPT, Inline.Wrapping.JAVASCRIPT);
        // Vaadin's client then starts as soon as it is loaded, not at its next 50 ms check of the document.
        settings.addInlineWithContents(TargetElement.HEAD, Inline.Position.APPEND,
                org.annals.base.ui.LateReadyListeners.SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }
}

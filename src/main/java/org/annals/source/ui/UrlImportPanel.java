package org.annals.source.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.base.InvalidInputException;
import org.annals.source.fetch.UrlImportService;
import org.annals.source.fetch.UrlPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * "From web addresses" on the import page: paste one address per line; Annals fetches them in the background (a
 * few at a time, each checked and size- and time-limited on the server) and lists each with its preview or why it
 * could not be fetched, next to the uploaded files, to be reviewed and imported the same way.
 */
class UrlImportPanel extends Details {

    private static final Logger log = LoggerFactory.getLogger(UrlImportPanel.class);

    private final UrlImportService urls;
    private final UUID projectId;
    private final Consumer<List<PendingImport>> listed;
    private final TextArea addresses = new TextArea("Web addresses, one per line");
    private final Button fetch = new Button("Fetch addresses");
    private final Span status = new Span();

    UrlImportPanel(UrlImportService urls, UUID projectId, Consumer<List<PendingImport>> listed) {
        this.urls = urls;
        this.projectId = projectId;
        this.listed = listed;
        setSummaryText("From web addresses");
        setWidthFull();
        addClassName("url-import");
        if (!urls.enabled()) {
            add(new Paragraph("Fetching by address is turned off on this server."));
            return;
        }
        addresses.setWidthFull();
        addresses.setHeight("8em");
        addresses.setPlaceholder("https://…");
        addresses.setHelperText("Up to " + urls.maxUrlsPerBatch() + " at a time. Annals keeps what it fetched (the"
                + " page's bytes, its final address, the time and a SHA-256) with each source it imports.");
        fetch.addClickListener(e -> fetchAll());
        status.addClassName("url-import-status");
        add(addresses, fetch, status);
    }

    private void fetchAll() {
        List<String> lines = Arrays.stream(addresses.getValue().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            warn("Paste at least one web address, one per line.");
            return;
        }
        UI ui = UI.getCurrent();
        fetch.setEnabled(false);
        status.setText("Fetching " + lines.size() + (lines.size() == 1 ? " address…" : " addresses…"));
        SecurityContextHolderStrategy security = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext asThisPerson = security.createEmptyContext();
        asThisPerson.setAuthentication(security.getContext().getAuthentication());
        // Fetching takes seconds: it runs on its own thread, as this person, and the list is pushed when it is done.
        Thread.ofVirtual().name("annals-url-import").start(() -> {
            security.setContext(asThisPerson);
            try {
                List<UrlPreview> results = urls.previewAll(projectId, lines);
                update(ui, () -> show(results));
            } catch (InvalidInputException e) {
                update(ui, () -> warn(e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("Fetching addresses failed", e);
                update(ui, () -> warn("The addresses could not be fetched. The problem was logged."));
            } finally {
                security.clearContext();
            }
        });
    }

    private static void update(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException closed) {
            // The page was closed meanwhile: nothing to show.
        }
    }

    private void show(List<UrlPreview> results) {
        listed.accept(results.stream().map(r -> r.preview() != null ? PendingImport.fetched(r.url(), r.preview())
                : PendingImport.failed(r.url(), r.error() == null ? "Not fetched." : r.error())).toList());
        long ready = results.stream().filter(r -> r.preview() != null).count();
        addresses.clear();
        fetch.setEnabled(true);
        status.setText(ready + " of " + results.size() + " fetched: see the list below.");
    }

    private void warn(String message) {
        fetch.setEnabled(true);
        status.setText("");
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}

package org.annals.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Locale;
import org.annals.search.SearchIndexService;
import org.annals.search.SearchIndexer;
import org.annals.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * This node's search index for administrators: how much it holds, how far it is behind the database, and
 * a rebuild from the database (in the background; the page follows its progress by polling).
 */
@Route("admin/search")
@PageTitle("Search index · Annals")
@RolesAllowed(Roles.ADMIN)
class SearchIndexView extends VerticalLayout {

    /** How often an open page reads the status again, in milliseconds. */
    static final int POLL_MILLIS = 2000;

    private final SearchIndexService index;
    private final Span state = new Span();
    private final Span documents = new Span();
    private final Span size = new Span();
    private final Span position = new Span();
    private final Span behind = new Span();
    private final Span lastRebuild = new Span();
    private final Span progressText = new Span();
    private final ProgressBar progress = new ProgressBar(0, 100);
    private @Nullable Registration polling;

    SearchIndexView(SearchIndexService index) {
        this.index = index;
        addClassName("search-index-view");
        var rebuild = new Button("Rebuild the index", e -> confirmRebuild());
        rebuild.addThemeVariants(ButtonVariant.LUMO_ERROR);
        state.addClassName("search-index-state");
        lastRebuild.addClassName("search-index-last-rebuild");
        progressText.addClassName("search-index-progress");
        add(new H2("Search index"),
                new Paragraph("The index of this node is derived from the database and kept up to date by itself."
                        + " Rebuilding reads everything again; search keeps working meanwhile, with partial results."),
                line("State", state), line("Documents", documents), line("Size on disk", size),
                line("Feed position", position), line("Behind the database", behind), line("Last rebuild", lastRebuild), progress, progressText, rebuild);
        refresh();
    }

    private static Div line(String label, Span value) {
        var line = new Div(new Span(label + ": "), value);
        line.addClassName("search-index-line");
        return line;
    }

    private void confirmRebuild() {
        var confirm = new ConfirmDialog("Rebuild the search index?",
                "The index of this node is emptied and filled again from the database, in the background."
                        + " Until it is done, searches find only part of what they would.", "Rebuild", e -> {
                    index.rebuild();
                    Notification.show("Rebuilding the search index.");
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    void refresh() {
        SearchIndexer.Status status = index.status();
        SearchIndexer.Progress rebuild = status.rebuild();
        if (rebuild != null) {
            state.setText(status.state().label() + ", " + rebuild.percent() + " %");
            progress.setVisible(true);
            progress.setValue(rebuild.percent());
            progressText.setText(String.format(Locale.ROOT, "%,d of about %,d groups, %,d documents, %,.0f groups/s (%s)",
                    rebuild.groupsDone(), rebuild.groupsEstimated(), rebuild.documentsDone(),
                    rebuild.groupsPerSecond(Instant.now()), rebuild.reason()));
        } else {
            state.setText(status.state().label());
            progress.setVisible(false);
            progressText.setText("");
        }
        documents.setText(String.format(Locale.ROOT, "%,d", status.documents()));
        size.setText(bytes(status.sizeOnDisk()));
        position.setText(String.format(Locale.ROOT, "%,d of %,d", status.position(), status.feedLast()));
        SearchIndexer.Rebuilt last = status.lastRebuild();
        lastRebuild.setText(last == null ? "none since this node started"
                : String.format(Locale.ROOT, "%s UTC, %,d groups, %,d documents (%s)",
                        last.finished().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                                .replace('T', ' ').replace("Z", ""),
                        last.groups(), last.documents(), last.reason()));
        behind.setText(status.behind() == 0 ? "nothing" : String.format(Locale.ROOT, "%,d changes", status.behind()));
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}

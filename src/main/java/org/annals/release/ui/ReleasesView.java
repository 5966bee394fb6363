package org.annals.release.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.release.ReleaseChanges;
import org.annals.release.ReleaseService;
import org.annals.release.ReleaseSummary;

/**
 * The project's releases: each one downloadable with its checksum, and what changed since the one
 * before. Managers publish a new release from here.
 */
@Route(ProjectRoutes.PREFIX + "/releases")
@PermitAll
class ReleasesView extends ProjectPage {


    private final ReleaseService releases;

    ReleasesView(ProjectService projects, ReleaseService releases) {
        super(projects, ProjectRole.VIEWER, "Releases");
        this.releases = releases;
        addClassName("releases-view");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new Paragraph("A release is a fixed snapshot of the vetted dataset in every export format, with a"
                + " manifest of counts, checksums and the sources' licences. Releases never change; cite them by number."));
        if (project.myRole().includes(ProjectRole.MANAGER)) {
            var publish = new Button("Publish a release…", e -> publishDialog(project));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(publish);
        }
        List<ReleaseSummary> all = releases.list(project.id());
        if (all.isEmpty()) {
            add(new Paragraph("No release yet."));
        }
        for (ReleaseSummary release : all) {
            add(release(project.id(), release));
        }
    }

    private Component release(UUID projectId, ReleaseSummary r) {
        var box = new Div();
        box.addClassName("release");
        box.add(new H3("Release " + r.number()));
        box.add(new Div(new Span("Published " + Moments.format(r.publishedAt()) + " by " + r.publishedBy() + " · "
                + r.events() + " events, " + r.entities() + " entities, " + r.annotations() + " annotations")));
        var notes = new Paragraph(r.notes());
        notes.addClassName("release-notes");
        box.add(notes);
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            var file = releases.file(projectId, r.id());
            return new com.vaadin.flow.server.streams.DownloadResponse(java.nio.file.Files.newInputStream(file),
                    "release-" + r.number() + ".zip", "application/zip", java.nio.file.Files.size(file));
        }), "Download release-" + r.number() + ".zip (" + size(r.fileSize()) + ")");
        download.getElement().setAttribute("download", true);
        var checksum = new Span("SHA-256 " + r.sha256());
        checksum.addClassName("release-checksum");
        box.add(new Div(download), new Div(checksum));
        ReleaseChanges changes = releases.changes(projectId, r.id());
        String title = changes.previous() == null ? "Events in this first release: " + changes.added().size()
                : "Since release " + changes.previous() + ": " + changes.added().size() + " added, "
                        + changes.changed().size() + " changed, " + changes.removed().size() + " removed";
        var list = new Div();
        section(list, "Added", changes.added(), projectId);
        section(list, "Changed", changes.changed(), projectId);
        section(list, "Removed", changes.removed(), null);
        var details = new Details(title, list);
        details.addClassName("release-changes");
        box.add(details);
        return box;
    }

    private static void section(Div list, String heading, List<ReleaseChanges.Item> items, UUID projectId) {
        if (items.isEmpty()) {
            return;
        }
        var block = new Div(new Span(heading + ":"));
        for (ReleaseChanges.Item item : items) {
            if (projectId == null) {
                block.add(new Div(new Span(item.title())));
            } else {
                var link = new Anchor(ProjectRoutes.eventPath(projectId, item.eventId()), item.title());
                link.getElement().setAttribute("router-link", true);
                block.add(new Div(link));
            }
        }
        list.add(block);
    }

    private void publishDialog(ProjectSummary project) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Publish a release");
        var notes = new TextArea("Release notes");
        notes.setWidthFull();
        notes.setMaxLength(ReleaseService.NOTES_MAX_LENGTH);
        var error = new Div();
        error.addClassName("form-error");
        var publish = new Button("Publish", e -> {
            try {
                ReleaseSummary release = releases.publish(project.id(), notes.getValue());
                dialog.close();
                Notification.show("Release " + release.number() + " published.");
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (InvalidInputException refused) {
                error.setText(refused.getMessage());
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Every vetted record of the project goes into the release as it is now."), notes, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), publish);
        dialog.open();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

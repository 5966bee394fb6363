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
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.jobs.Job;
import org.annals.jobs.JobsBusyException;
import org.annals.jobs.ui.JobProgress;
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
 * before. Managers publish a new release from here: it is written in the background (a job of the
 * release service) while the page shows its progress and stays usable, and the list refreshes when
 * it is done.
 */
@Route(ProjectRoutes.PREFIX + "/releases")
@PermitAll
class ReleasesView extends ProjectPage {


    private final ReleaseService releases;
    // Made anew by each render (the page renders again when it is entered again).
    private Button publish = new Button();
    private JobProgress progress = new JobProgress();
    private Div list = new Div();

    ReleasesView(ProjectService projects, ReleaseService releases) {
        super(projects, ProjectRole.VIEWER, "Releases");
        this.releases = releases;
        addClassName("releases-view");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new Paragraph("A release is a fixed snapshot of the vetted dataset in every export format, with a"
                + " manifest of counts, checksums and the sources' licences. Releases never change; cite them by number."));
        progress.stop();
        publish = new Button("Publish a release…");
        progress = new JobProgress();
        list = new Div();
        list.addClassName("release-list");
        if (project.myRole().includes(ProjectRole.MANAGER)) {
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.addClickListener(e -> publishDialog(project));
            add(publish, progress);
            // A release published from another tab, or before this page was reloaded, is still running here.
            releases.publishing(project.id()).ifPresent(job -> follow(project.id(), job));
        }
        add(list);
        showReleases(project.id());
    }

    private void showReleases(UUID projectId) {
        list.removeAll();
        List<ReleaseSummary> all = releases.list(projectId);
        if (all.isEmpty()) {
            list.add(new Paragraph("No release yet."));
        }
        for (ReleaseSummary release : all) {
            list.add(release(projectId, release));
        }
    }

    /** Shows the publishing job's progress; the page stays usable, and is told (by push) when it finishes. */
    private void follow(UUID projectId, Job<ReleaseSummary> job) {
        publish.setEnabled(false);
        progress.follow(job, finished -> {
            publish.setEnabled(true);
            switch (finished.state()) {
                case SUCCEEDED -> {
                    Notification.show("Release " + finished.result().orElseThrow().number() + " published.")
                            .addClassName("release-published");
                    showReleases(projectId);
                }
                case CANCELLED -> Notification.show("Publishing cancelled; nothing was kept.")
                        .addClassName("release-cancelled");
                case FAILED -> {
                    var failed = Notification.show("The release was not published: "
                            + finished.failureMessage().orElse(""), 8000, Notification.Position.MIDDLE);
                    failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    failed.addClassName("release-failed");
                    showReleases(projectId);
                }
                case RUNNING -> { }
            }
        });
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
        var confirm = new Button("Publish", e -> {
            Job<ReleaseSummary> job;
            try {
                job = releases.start(project.id(), notes.getValue());
            } catch (InvalidInputException refused) {
                error.setText(refused.getMessage());
                return;
            } catch (JobsBusyException busy) {
                // The notes stay in the open dialog for another try.
                JobProgress.showBusy(busy);
                error.setText(busy.getMessage());
                return;
            }
            dialog.close();
            follow(project.id(), job);
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Every vetted record of the project goes into the release as it is now."), notes, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

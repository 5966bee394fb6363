package org.annals.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.annals.base.ByteSizes;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.fetch.UrlImportService;
import org.jspecify.annotations.Nullable;

/**
 * Import: drop or choose one or many files (or paste text); each is decoded and parsed at once and
 * listed with its result. A file can be reviewed (metadata, blocks to keep or drop) and imported on
 * its own, or all ready files imported with the proposed choices. Each import is its own
 * transaction, so one failing file never affects the others.
 */
@Route(ProjectRoutes.PREFIX + "/import")
@PermitAll
public class ImportView extends ProjectPage {

    private final SourceImportService imports;
    private final UrlImportService urlImports;
    private final List<PendingImport> pending = new ArrayList<>();
    private final Grid<PendingImport> grid = new Grid<>();
    /** Files arrive on the upload request's thread and are parsed on the UI thread, in order. */
    private final Queue<UploadedFile> arrived = new ConcurrentLinkedQueue<>();
    private ProjectSummary project;

    /** A file as it arrived: its bytes, or why it was refused before they were read. */
    private record UploadedFile(String name, byte @Nullable [] content, @Nullable String refusal) {
    }

    ImportView(ProjectService projects, SourceImportService imports, UrlImportService urlImports) {
        super(projects, ProjectRole.EDITOR, "Import sources");
        this.imports = imports;
        this.urlImports = urlImports;
        addClassName("import-view");
    }

    public static RouteParameters parameters(UUID projectId) {
        return new RouteParameters(ProjectRoutes.PROJECT_ID, projectId.toString());
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        add(new Paragraph("Plain text, Markdown, HTML and MediaWiki markup (UTF-8, or an older encoding detected),"
                + " PDF, Word (.docx) and OpenDocument text (.odt), up to "
                + ByteSizes.format(imports.limits().maxFileSize().toBytes()) + " per file and "
                + imports.limits().maxFilesPerBatch() + " files at a time. Nothing is stored until you import:"
                + " first check what Annals found, and drop navigation, comments and other page chrome."));
        add(upload(), pasteArea(), new UrlImportPanel(urlImports, project.id(), this::list), toolbar());
        configureGrid();
        add(grid);
    }

    private Upload upload() {
        var upload = new Upload(new BoundedUploadHandler(imports.limits().maxFileSize().toBytes(),
                new BoundedUploadHandler.Receiver() {
                    @Override
                    public void received(UploadEvent event, String fileName, byte[] content) {
                        arrived.add(new UploadedFile(fileName, content, null));
                        show(event);
                    }

                    @Override
                    public void refused(UploadEvent event, String fileName, String reason) {
                        arrived.add(new UploadedFile(fileName, null, reason));
                        show(event);
                    }
                }));
        upload.setMaxFiles(imports.limits().maxFilesPerBatch());
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.limits().maxFileSize().toBytes()));
        upload.setAcceptedFileTypes(".txt", ".text", ".md", ".markdown", ".html", ".htm", ".wiki", ".mediawiki",
                "text/plain", "text/markdown", "text/html", ".pdf", ".docx", ".odt", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text");
        upload.addFileRejectedListener(e -> {
            pending.add(PendingImport.failed(e.getFileName(), e.getErrorMessage()));
            grid.setItems(pending);
        });
        upload.setWidthFull();
        return upload;
    }

    /** Parses what arrived on the UI thread and pushes the list; a page closed meanwhile has nothing to show. */
    private void show(UploadEvent event) {
        try {
            event.getUI().access(this::takeArrivedFiles);
        } catch (UIDetachedException closed) {
            arrived.clear();
        }
    }

    private void takeArrivedFiles() {
        UploadedFile file;
        while ((file = arrived.poll()) != null) {
            if (file.content() == null) {
                pending.add(PendingImport.failed(file.name(), Objects.requireNonNull(file.refusal())));
                continue;
            }
            addFile(file.name(), file.content());
        }
        grid.setItems(pending);
    }

    /** Decodes and parses one file into the list; its bytes stay with it, to be read again in another charset. */
    void addFile(String name, byte[] content) {
        try {
            pending.add(PendingImport.ready(name, imports.preview(project.id(), name, content), content));
        } catch (InvalidInputException e) {
            pending.add(PendingImport.failed(name, e.getMessage()));
        }
        grid.setItems(pending);
    }

    List<PendingImport> pending() {
        return List.copyOf(pending);
    }

    /** Opens the review of one file. */
    void review(PendingImport item) {
        new ReviewDialog(item, project.id(), () -> importOne(item), charset -> readAgain(item, charset)).open();
    }

    /**
     * Reads a file again in the charset the person chose, re-parses it and opens its review afresh; false (and
     * a note saying why, the file left as it was) when the bytes are not text in that charset.
     */
    private boolean readAgain(PendingImport item, String charset) {
        byte[] content = Objects.requireNonNull(item.content());
        PendingImport again;
        try {
            again = item.reread(imports.preview(project.id(), item.name(), content, charset));
        } catch (InvalidInputException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
            return false;
        }
        int index = pending.indexOf(item);
        if (index < 0) {
            return false; // removed from the list meanwhile
        }
        pending.set(index, again);
        grid.setItems(pending);
        review(again);
        return true;
    }

    private Details pasteArea() {
        var text = new TextArea("Text");
        text.setWidthFull();
        text.setHeight("12em");
        var preview = new Button("Add pasted text", e -> {
            try {
                pending.add(PendingImport.ready("Pasted text", imports.previewPasted(project.id(), text.getValue())));
                text.clear();
            } catch (InvalidInputException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
            grid.setItems(pending);
        });
        var details = new Details("Paste text instead", text, preview);
        details.setWidthFull();
        return details;
    }

    /** Items prepared elsewhere on the page (pages fetched by address) join the list. */
    private void list(List<PendingImport> items) {
        pending.addAll(items);
        grid.setItems(pending);
    }

    private Component toolbar() {
        var importAll = new Button("Import all ready files", VaadinIcon.CHECK.create(), e -> importAllReady());
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var library = new RouterLink("Back to the library", SourcesView.class, parameters(project.id()));
        var bar = new HorizontalLayout(importAll, library);
        bar.setAlignItems(Alignment.CENTER);
        return bar;
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PendingImport::name).setHeader("File").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::status).setHeader("Result").setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setItems(pending);
    }

    private Component status(PendingImport item) {
        var message = new Span(item.message());
        message.addClassName("import-status-" + item.state().name().toLowerCase(java.util.Locale.ROOT));
        if (item.state() == PendingImport.State.IMPORTED && item.sourceId() != null) {
            var open = SourceLinks.to(project.id(), item.sourceId(), "Open");
            return new HorizontalLayout(message, open);
        }
        return message;
    }

    private Component actions(PendingImport item) {
        var actions = new HorizontalLayout();
        if (item.state() == PendingImport.State.READY) {
            var review = new Button("Review", e -> review(item));
            review.setAriaLabel("Review " + item.name());
            actions.add(review);
        }
        if (item.state() != PendingImport.State.IMPORTED) {
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                pending.remove(item);
                grid.setItems(pending);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove " + item.name() + " from the list");
            actions.add(remove);
        }
        return actions;
    }

    /** Imports one reviewed item; true when it was stored. */
    private boolean importOne(PendingImport item) {
        try {
            ImportedSource imported = imports.importSource(project.id(), item.request());
            item.imported(imported.sourceId(), "Imported: " + SourceLinks.size(imported.textLength()) + ", "
                    + imported.sections() + " sections, " + imported.passages() + " passages, "
                    + imported.citations() + " citation markers.");
            return true;
        } catch (InvalidInputException problem) {
            item.failedToImport(problem.getMessage());
            return false;
        } finally {
            grid.getDataProvider().refreshAll();
        }
    }

    private void importAllReady() {
        int done = 0;
        int failed = 0;
        for (PendingImport item : List.copyOf(pending)) {
            if (item.state() == PendingImport.State.READY) {
                if (importOne(item)) {
                    done++;
                } else {
                    failed++;
                }
            }
        }
        var note = Notification.show(done + " imported" + (failed > 0 ? ", " + failed + " not imported: see the list." : "."));
        note.addThemeVariants(failed > 0 ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
    }
}

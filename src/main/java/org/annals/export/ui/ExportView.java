package org.annals.export.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.TemporaryFiles;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.TaxonomyService;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * Exports the vetted dataset. The export is written to a temporary file in the background, with a
 * progress bar and a Cancel button (a cancelled export leaves no file behind); when it is complete
 * the page offers the file for download. Every member may export.
 */
@Route(ProjectRoutes.PREFIX + "/export")
@PermitAll
class ExportView extends ProjectPage {

    private final ExportService exports;
    private final TaxonomyService taxonomy;
    private final EntityService entities;
    private final SourceService sources;
    private final TemporaryFiles temporaryFiles;
    private @Nullable ExportJob job;

    ExportView(ProjectService projects, ExportService exports, TaxonomyService taxonomy, EntityService entities,
            SourceService sources, TemporaryFiles temporaryFiles) {
        super(projects, ProjectRole.VIEWER, "Export");
        this.exports = exports;
        this.taxonomy = taxonomy;
        this.entities = entities;
        this.sources = sources;
        this.temporaryFiles = temporaryFiles;
        addClassName("export-view");
    }

    /** An event type or sub-type to filter by, as the select lists them. */
    private record TypeChoice(UUID id, String label) {
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID projectId = project.id();
        add(new Paragraph("Only vetted records are exported; proposals waiting for review never are. The same data"
                + " always gives the same file."));

        var format = new RadioButtonGroup<ExportFormat>("Format");
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> f.fileName() + " · " + f.displayName());
        format.setValue(ExportFormat.EVENTS_CSV);
        format.addClassName("export-formats");
        var bom = new Checkbox("Start CSV with a byte order mark (for older spreadsheet programs)", false);
        format.addValueChangeListener(e -> bom.setVisible(e.getValue().csv()));

        var from = new DatePicker("Events from");
        var to = new DatePicker("to");
        var type = new Select<TypeChoice>();
        type.setLabel("Event type");
        var types = new ArrayList<TypeChoice>();
        taxonomy.taxonomy(projectId).forEach(t -> {
            types.add(new TypeChoice(t.id(), t.name()));
            t.subTypes().forEach(s -> types.add(new TypeChoice(s.id(), t.name() + " / " + s.name())));
        });
        type.setItems(types);
        type.setItemLabelGenerator(t -> t == null ? "Any type" : t.label());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any type");
        var actor = entityChoice("Actor", projectId, null);
        var place = entityChoice("Place", projectId, EntityKind.PLACE);
        var source = new ComboBox<SourceSummary>("Source");
        source.setItemLabelGenerator(SourceSummary::title);
        source.setClearButtonVisible(true);
        source.setItems(query -> sources.library(projectId, query.getFilter().orElse(""), Sort.by("title"),
                query.getOffset() / Math.max(1, query.getLimit()), query.getLimit()).stream());
        var filters = new Div(from, to, type, actor, place, source);
        filters.addClassName("export-filters");

        var status = new Div();
        status.addClassName("export-status");
        var bar = new ProgressBar();
        bar.setVisible(false);
        var cancel = new Button("Cancel");
        cancel.setVisible(false);
        var start = new Button("Prepare export");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            ExportFilter filter;
            try {
                filter = new ExportFilter(from.getValue(), to.getValue(), type.getValue() == null ? null : type.getValue().id(),
                        actor.getValue() == null ? null : actor.getValue().id(),
                        place.getValue() == null ? null : place.getValue().id(),
                        source.getValue() == null ? null : source.getValue().id());
            } catch (InvalidInputException refused) {
                status.removeAll();
                status.add(new Span(refused.getMessage()));
                return;
            }
            discardJob();
            ExportFormat chosen = format.getValue();
            long total = exports.count(projectId, chosen, filter);
            UI ui = UI.getCurrent();
            status.removeAll();
            status.add(new Span("Writing " + chosen.fileName() + "…"));
            bar.setVisible(true);
            bar.setIndeterminate(total == 0);
            bar.setValue(0);
            cancel.setVisible(true);
            start.setEnabled(false);
            // The page has no push: it asks the server for news while the export runs.
            ui.setPollInterval(500);
            job = ExportJob.start(exports, temporaryFiles, projectId, chosen, filter, bom.getValue() && chosen.csv(), new ExportJob.Listener() {
                @Override
                public void progress(long written) {
                    if (ui.isAttached()) {
                        ui.access(() -> bar.setValue(total == 0 ? 0 : Math.min(1.0, (double) written / total)));
                    }
                }

                @Override
                public void finished(ExportJob finished) {
                    if (!ui.isAttached()) {
                        return;
                    }
                    ui.access(() -> {
                        ui.setPollInterval(-1);
                        bar.setVisible(false);
                        cancel.setVisible(false);
                        start.setEnabled(true);
                        status.removeAll();
                        switch (finished.outcome()) {
                            case DONE -> {
                                var link = new Anchor(DownloadHandler.forFile(finished.file().toFile(), chosen.fileName()),
                                        "Download " + chosen.fileName() + " (" + size(finished.bytes()) + ", "
                                                + finished.written() + " records)");
                                link.getElement().setAttribute("download", true);
                                link.addClassName("export-download");
                                status.add(link);
                            }
                            case CANCELLED -> status.add(new Span("Export cancelled; nothing was kept."));
                            case FAILED -> status.add(new Span("The export failed: " + finished.problem()));
                            case RUNNING -> { }
                        }
                    });
                }
            });
        });
        cancel.addClickListener(e -> {
            if (job != null) {
                job.cancel();
            }
        });
        var actions = new Div(start, cancel);
        actions.addClassName("export-actions");
        add(format, bom, filters, actions, bar, status);
    }

    private ComboBox<EntitySummary> entityChoice(String label, UUID projectId, @Nullable EntityKind kind) {
        var box = new ComboBox<EntitySummary>(label);
        box.setItemLabelGenerator(EntitySummary::name);
        box.setClearButtonVisible(true);
        box.setItems(query -> entities.search(projectId, query.getFilter().orElse(""), kind,
                query.getOffset() / Math.max(1, query.getLimit()), query.getLimit()).stream());
        return box;
    }

    /** Leaving the page cancels a running export and deletes a finished file nobody downloaded. */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        discardJob();
        super.onDetach(detachEvent);
    }

    private void discardJob() {
        if (job != null) {
            job.discard();
            job = null;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

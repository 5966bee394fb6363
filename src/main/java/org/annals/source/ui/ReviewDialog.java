package org.annals.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.annals.base.InvalidInputException;
import org.annals.base.SupportedDates;
import org.annals.source.ExistingSource;
import org.annals.source.ImportPreview;
import org.annals.source.Source;
import org.annals.source.SourceMetadata;
import org.annals.source.TextEncoding;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;

/**
 * Review of one file before it is frozen: its metadata, and every block with a box to keep or drop
 * it. Blocks that look like page chrome start unticked, with the reason shown.
 */
class ReviewDialog extends Dialog {

    private static final int SHOWN_CHARACTERS = 400;

    private final PendingImport item;
    private final TextField title = field("Title", Source.TITLE_MAX_LENGTH);
    private final TextField url = field("URL", Source.URL_MAX_LENGTH);
    private final TextField publisher = field("Publisher", Source.NAME_MAX_LENGTH);
    private final TextField author = field("Author", Source.NAME_MAX_LENGTH);
    private final DatePicker published = new DatePicker("Published");
    private final DatePicker retrieved = new DatePicker("Retrieved");
    private final TextField language = field("Language", Source.LANGUAGE_MAX_LENGTH);
    private final TextField licence = field("Licence", Source.NAME_MAX_LENGTH);

    private record BlockRow(int index, DraftBlock block) {
    }

    /** Reads the file again in another charset; false when it cannot be (the person was told why). */
    @FunctionalInterface
    interface CharsetChoice {
        boolean readAs(String charsetName);
    }

    ReviewDialog(PendingImport item, UUID projectId, BooleanSupplier onImport, CharsetChoice onCharset) {
        this.item = item;
        ImportPreview preview = item.preview();
        setHeaderTitle("Review " + item.name());
        setWidth("min(90vw, 70rem)");
        setHeight("90vh");
        setResizable(true);
        addClassName("review-dialog");

        fillForm(item.metadata());
        language.setHelperText("A code such as en, ar or pt-BR");
        url.setHelperText("Where the text was published (http or https)");
        for (DatePicker date : List.of(published, retrieved)) {
            date.setMin(SupportedDates.MIN);
            date.setMax(SupportedDates.MAX);
        }
        var form = new FormLayout(title, url, publisher, author, published, retrieved, language, licence);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(title, 2);
        form.setColspan(url, 2);
        add(form);

        if (preview != null && item.canChangeCharset()) {
            add(charsetChoice(preview, onCharset));
        }
        if (preview != null && !preview.duplicates().isEmpty()) {
            add(duplicateWarning(preview.duplicates().getFirst(), projectId));
        }
        add(blocks(preview == null ? List.of() : preview.draft().blocks()));

        var importButton = new Button("Import this source", e -> {
            try {
                item.metadata(metadataFromForm());
            } catch (InvalidInputException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            if (onImport.getAsBoolean()) {
                close();
                Notification.show("Imported " + item.metadata().title() + ".")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                Notification.show(item.message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Close", e -> {
            item.metadata(safeMetadataFromForm());
            close();
        });
        getFooter().add(cancel, importButton);
    }

    /**
     * "Read as": the charset the file was read in, as detected, with the others Annals reads. Choosing one reads
     * the file again at once; the blocks below then come from the new reading.
     */
    private Component charsetChoice(ImportPreview preview, CharsetChoice onCharset) {
        var readAs = new Select<TextEncoding>();
        readAs.setLabel("Read as");
        readAs.setItems(TextEncoding.SUPPORTED);
        readAs.setItemLabelGenerator(TextEncoding::label);
        TextEncoding current = TextEncoding.of(preview.charset());
        readAs.setValue(current);
        readAs.setHelperText(preview.charsetNote() + ". If letters look wrong, choose the file's encoding.");
        readAs.addClassName("charset-choice");
        readAs.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue().equals(current)) {
                return;
            }
            item.metadata(safeMetadataFromForm());
            if (onCharset.readAs(e.getValue().charsetName())) {
                close();
            } else {
                readAs.setValue(current);
            }
        });
        readAs.setWidth("min(100%, 24rem)");
        return readAs;
    }

    private Component duplicateWarning(ExistingSource existing, UUID projectId) {
        var warning = new Div(new Span("This project already has a source with exactly this text: "),
                SourceLinks.to(projectId, existing.id(), existing.title()));
        var anyway = new Checkbox("Import it again anyway", item.allowDuplicate());
        anyway.addValueChangeListener(e -> item.allowDuplicate(e.getValue()));
        warning.add(anyway);
        warning.addClassName("duplicate-warning");
        return warning;
    }

    private Component blocks(List<DraftBlock> blocks) {
        var grid = new Grid<BlockRow>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(row -> {
            var keep = new Checkbox(item.keeps(row.index()));
            keep.setAriaLabel("Keep block " + (row.index() + 1));
            keep.addValueChangeListener(e -> item.keep(row.index(), e.getValue()));
            return keep;
        }).setHeader("Keep").setAutoWidth(true).setFlexGrow(0);
        // A PDF's blocks say which page they stand on ("p. 3"), so page chrome and content can be told apart.
        grid.addColumn(row -> row.block().pages() == null ? kind(row.block())
                : kind(row.block()) + " · " + row.block().pages().cited()).setHeader("Kind").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> {
            var text = new Span(shortened(row.block().text()));
            text.addClassName("block-text");
            if (row.block().looksLikeChrome()) {
                var reason = new Span("Looks like page chrome: " + row.block().chromeReason());
                reason.addClassName("chrome-reason");
                return new Div(text, reason);
            }
            return text;
        }).setHeader("Text").setFlexGrow(1);
        grid.setItems(IntStream.range(0, blocks.size()).mapToObj(i -> new BlockRow(i, blocks.get(i))).toList());
        grid.setHeight("28rem");

        var keepAll = new Button("Keep all", e -> {
            IntStream.range(0, blocks.size()).forEach(i -> item.keep(i, true));
            grid.getDataProvider().refreshAll();
        });
        var dropChrome = new Button("Drop page chrome", e -> {
            IntStream.range(0, blocks.size()).forEach(i -> item.keep(i, !blocks.get(i).looksLikeChrome()));
            grid.getDataProvider().refreshAll();
        });
        keepAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dropChrome.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new Div(new HorizontalLayout(keepAll, dropChrome), grid);
    }

    private static String kind(DraftBlock block) {
        return block.kind() == BlockKind.HEADING ? "Heading " + block.level()
                : block.kind().name().charAt(0) + block.kind().name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static String shortened(String text) {
        return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + " …";
    }

    private void fillForm(SourceMetadata m) {
        title.setValue(m.title());
        url.setValue(orEmpty(m.url()));
        publisher.setValue(orEmpty(m.publisher()));
        author.setValue(orEmpty(m.author()));
        published.setValue(m.publishedOn());
        retrieved.setValue(m.retrievedOn());
        language.setValue(orEmpty(m.language()));
        licence.setValue(orEmpty(m.licence()));
    }

    private SourceMetadata metadataFromForm() {
        return new SourceMetadata(title.getValue(), url.getValue(), publisher.getValue(), author.getValue(),
                published.getValue(), retrieved.getValue(), language.getValue(), licence.getValue()).validated();
    }

    /** Keeps what was typed when the dialog is closed, even if it is not valid yet. */
    private SourceMetadata safeMetadataFromForm() {
        return new SourceMetadata(title.getValue(), url.getValue(), publisher.getValue(), author.getValue(),
                published.getValue(), retrieved.getValue(), language.getValue(), licence.getValue());
    }

    private static TextField field(String label, int maxLength) {
        var field = new TextField(label);
        field.setMaxLength(maxLength);
        field.setWidthFull();
        return field;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package org.annals.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.annals.source.ImportPreview;
import org.annals.source.parse.ParseLimits;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceFormat;
import org.annals.source.parse.SourceParser;
import org.junit.jupiter.api.Test;

/** What the import list says about a file once it is read: for documents, the format recognised by content. */
class PendingImportTest {

    @Test
    void a_word_document_is_listed_with_the_format_recognised_from_its_content() throws IOException {
        byte[] docx;
        try (InputStream in = getClass().getResourceAsStream("/source/office/report.docx")) {
            docx = in.readAllBytes();
        }
        SourceFormat format = SourceParser.detectDocument("report.docx", docx);
        SourceDraft draft = new SourceParser().parseDocument(docx, format, ParseLimits.DEFAULT);
        // As SourceImportService.preview builds it for a document: no character set, the format as the note.
        var preview = new ImportPreview("report.docx", draft, null, format.displayName(), List.of());

        PendingImport item = PendingImport.ready("report.docx", preview);

        assertThat(item.message()).isEqualTo("Word document, recognised by its content, 19 blocks");
        assertThat(item.metadata().title()).isEqualTo("Aleppo offensive: monitoring report");
    }

    @Test
    void a_text_file_still_shows_its_character_set() {
        SourceDraft draft = new SourceParser().parse("Report\n\nText.", SourceFormat.PLAIN_TEXT);
        var preview = new ImportPreview("a.txt", draft, "UTF-8", "UTF-8", List.of());

        assertThat(PendingImport.ready("a.txt", preview).message()).isEqualTo("Plain text, UTF-8, 2 blocks");
    }
}

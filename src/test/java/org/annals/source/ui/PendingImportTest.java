package org.annals.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.Original;
import org.annals.source.parse.ParseLimits;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceFormat;
import org.annals.source.parse.SourceParser;
import org.junit.jupiter.api.Test;

/** What the import list says and proposes for an item: a page fetched by address, a document, a text file. */
class PendingImportTest {

    @Test
    void a_fetched_page_proposes_its_final_address_and_day_and_sends_its_original_along() {
        var draft = new SourceParser().parse("<html><head><title>Aid convoy</title></head><body><nav>Home</nav>"
                + "<p>Twenty trucks reached Hama.</p></body></html>", SourceFormat.HTML);
        var original = Original.fetched("https://example.org/r/1", "https://example.org/aid-convoy", 200, "text/html",
                Instant.parse("2024-12-04T23:30:00Z"), "<html>…</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var preview = new ImportPreview("example.org/…/aid-convoy", draft, "UTF-8", "UTF-8", List.of(), original);

        PendingImport item = PendingImport.fetched("https://example.org/r/1", preview);

        assertThat(item.name()).isEqualTo("https://example.org/r/1");
        assertThat(item.metadata().title()).isEqualTo("Aid convoy");
        assertThat(item.metadata().url()).isEqualTo("https://example.org/aid-convoy");
        assertThat(item.metadata().retrievedOn()).isEqualTo(LocalDate.of(2024, 12, 4));
        ImportRequest request = item.request();
        assertThat(request.original()).isSameAs(original);
        assertThat(request.keptBlocks()).extracting(b -> b.text()).containsExactly("Twenty trucks reached Hama.");
    }

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

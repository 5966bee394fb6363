package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.export.ExportService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.HostilePdfs;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PDF imported through the service as the web app does it (preview, then import of the blocks not flagged as
 * chrome), its pages stored with its passages and given back by the reader and the exports; refused PDFs store
 * nothing. Run against H2 and PostgreSQL by the two subclasses.
 */
abstract class PdfImportContract {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ReviewService review;
    @Autowired
    ExportService exports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    UUID project;

    @BeforeEach
    void projectWithAnEditorAndAReviewer() {
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
    }

    static byte[] report() {
        try (var in = PdfImportContract.class.getResourceAsStream("/source/pdf/report.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ImportedSource importReport() {
        ImportPreview preview = as(editor, () -> imports.preview(project, "report.pdf", report()));
        assertThat(preview.draft().format()).isEqualTo(SourceFormat.PDF);
        assertThat(preview.charsetNote()).isEqualTo("PDF");
        // The preview shows the page chrome, flagged, as it shows an HTML page's navigation.
        assertThat(preview.draft().blocks()).filteredOn(DraftBlock::looksLikeChrome)
                .extracting(DraftBlock::chromeReason).contains("running header", "page number");
        List<DraftBlock> kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        var metadata = new SourceMetadata(preview.draft().title(), null, "Monitor", null, null, null, "en", null);
        return as(editor, () -> imports.importSource(project, new ImportRequest(metadata, SourceFormat.PDF, kept,
                "report.pdf", null, false)));
    }

    @Test
    void an_imported_pdf_keeps_the_pages_of_its_passages() {
        ImportedSource imported = importReport();

        SourceText read = as(editor, () -> sources.read(project, imported.sourceId()));
        assertThat(read.source().format()).isEqualTo("PDF");
        assertThat(read.source().metadata().title()).isEqualTo("Civilian Harm in Northwest Syria");
        assertThat(read.text()).doesNotContain("Monitoring report · December 2024").contains("reconstruction");
        assertThat(read.sections()).extracting(SourceText.Section::title).startsWith(
                "Civilian Harm in Northwest Syria", "Summary");
        assertThat(read.passages()).allSatisfy(p -> {
            assertThat(p.firstPage()).isNotNull().isPositive();
            assertThat(p.lastPage()).isNotNull().isGreaterThanOrEqualTo(p.firstPage());
        });
        assertThat(read.passages().getFirst().pagesCited()).isEqualTo("p. 1");
        assertThat(read.passages().getLast().firstPage()).isGreaterThanOrEqualTo(3);
        // The passages without the text give the same pages (what the API's annotations use).
        assertThat(as(editor, () -> sources.passages(project, imported.sourceId()))).isEqualTo(read.passages());
        assertThat(jdbc.queryForObject("select count(*) from text_segment where kind = 'SECTION' and first_page is not"
                + " null", Long.class)).isZero();
    }

    @Test
    void a_quote_of_a_pdf_gives_its_page_in_the_annotation_exports() throws IOException {
        ImportedSource imported = importReport();
        SourceText read = as(editor, () -> sources.read(project, imported.sourceId()));
        SourceText.Passage onPageTwo = read.passages().stream()
                .filter(p -> p.kind() == BlockKind.PARAGRAPH && p.firstPage() == 2 && p.lastPage() == 2)
                .findFirst().orElseThrow();
        String quote = read.text().substring(onPageTwo.start(), onPageTwo.start() + 20);
        var marked = as(editor, () -> annotations.annotate(project, imported.sourceId(), onPageTwo.start(),
                onPageTwo.start() + 20, quote, AnnotationType.CLAIM, LinkChoice.none()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "A quote"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        List<List<String>> rows = csv(export(ExportFormat.ANNOTATIONS_CSV));
        int page = rows.getFirst().indexOf("page");
        int exact = rows.getFirst().indexOf("exact");
        assertThat(page).isPositive();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(exact)).isEqualTo(quote);
        assertThat(rows.get(1).get(page)).isEqualTo("2");

        JsonNode dataset = JsonMapper.builder().build().readTree(export(ExportFormat.ANNOTATIONS_JSONLD));
        JsonNode annotation = dataset.path("first").path("items").get(0);
        assertThat(annotation.path("page").asInt()).isEqualTo(2);
        assertThat(annotation.has("lastPage")).isFalse();
    }

    @Test
    void a_refused_pdf_stores_nothing() throws IOException {
        long before = jdbc.queryForObject("select count(*) from text_segment", Long.class);
        byte[] scan = HostilePdfs.scanOf(report());
        byte[] locked = HostilePdfs.withPassword(report());

        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "scan.pdf", scan)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no text layer");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "locked.pdf", locked)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a password");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "bomb.pdf", HostilePdfs.deeplyNested(500_000))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as(editor, () -> sources.count(project, ""))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from text_segment", Long.class)).isEqualTo(before);
    }

    private byte[] export(ExportFormat format) {
        var out = new ByteArrayOutputStream();
        as(editor, () -> {
            try {
                exports.export(project, format, ExportFilter.ALL, false, out, ExportProgress.NONE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out.toByteArray();
    }

    private static List<List<String>> csv(byte[] bytes) {
        var rows = new ArrayList<List<String>>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(bytes, StandardCharsets.UTF_8))) {
            reader.forEach(r -> rows.add(r.getFields()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}

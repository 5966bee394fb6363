package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Word and OpenDocument files through the import service as the upload uses it (preview, then import), against H2
 * and PostgreSQL by the two subclasses. The files are the LibreOffice-made fixtures of source/office.
 */
abstract class OfficeImportContract {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    TextVersionRepository texts;
    @Autowired
    TextSegmentRepository segments;
    @Autowired
    Fixtures fixtures;

    AnnalsPrincipal editor;
    UUID project;

    @BeforeEach
    void projectWithAnEditor() {
        editor = fixtures.newUser("editor");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
    }

    static byte[] fixture(String name) {
        try (InputStream in = OfficeImportContract.class.getResourceAsStream("/source/office/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"report.docx, DOCX, Word document", "report.odt, ODT, OpenDocument text"})
    void a_word_or_opendocument_file_imports_with_its_sections_lists_tables_and_notes(String file,
            SourceFormat format, String shownFormat) {
        ImportPreview preview = as(editor, () -> imports.preview(project, file, fixture(file)));
        assertThat(preview.draft().format()).isEqualTo(format);
        assertThat(preview.draft().format().displayName()).isEqualTo(shownFormat);
        assertThat(preview.charset()).as("a document has no character set").isNull();
        assertThat(preview.draft().title()).isEqualTo("Aleppo offensive: monitoring report");

        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        ImportedSource imported = as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled(preview.draft().title()), preview.draft().format(), kept, file,
                preview.charset(), false)));

        SourceText read = as(editor, () -> sources.read(project, imported.sourceId()));
        assertThat(read.source().format()).isEqualTo(shownFormat);
        assertThat(read.sections()).extracting(SourceText.Section::title).containsExactly(
                "Aleppo offensive: monitoring report", "Background", "Sources consulted", "Casualties", "Aftermath",
                "Notes");
        assertThat(read.sections()).extracting(SourceText.Section::parent).containsExactly(null, 0, 1, 0, 0, 0);
        assertThat(read.passages()).filteredOn(p -> p.kind() == BlockKind.LIST)
                .extracting(p -> read.text().substring(p.start(), p.end())).containsExactly(
                        "UN OCHA flash updates\n  Flash Update No. 1\n  Flash Update No. 2\nLocal monitoring groups",
                        "Collect the reports\nVerify the dates\nRecord the casualties");
        assertThat(read.passages()).filteredOn(p -> p.kind() == BlockKind.TABLE)
                .extracting(p -> read.text().substring(p.start(), p.end())).containsExactly(
                        "Date | Location | Killed\n27 November 2024 | Atarib | 12\n28 November 2024 | Aleppo | 8");
        assertThat(read.text()).contains("towards Aleppo.[1] Thousands", "سقطت حلب خلال أيام.",
                "Notes\n\n[1] UN OCHA, Flash Update No. 1, 29 November 2024.\n\n[2] Compiled from hospital records."
                        + "\n\n[3] Revisions are published monthly.");
        assertThat(imported.citations()).as("three references and three note labels").isEqualTo(6);
        assertThat(read.citations()).extracting(c -> read.text().substring(c.start(), c.end()))
                .containsExactly("[1]", "[2]", "[3]", "[1]", "[2]", "[3]");
    }

    @Test
    void the_same_report_as_word_and_as_opendocument_is_the_same_text() {
        ImportPreview word = as(editor, () -> imports.preview(project, "report.docx", fixture("report.docx")));
        var kept = word.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        as(editor, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled("Report"),
                word.draft().format(), kept, "report.docx", null, false)));

        ImportPreview open = as(editor, () -> imports.preview(project, "report.odt", fixture("report.odt")));
        assertThat(open.duplicates()).as("LibreOffice wrote both from one document").hasSize(1);
        assertThat(open.draft().blocks()).extracting(DraftBlock::text)
                .containsExactlyElementsOf(word.draft().blocks().stream().map(DraftBlock::text).toList());
    }

    @Test
    void a_lying_or_hostile_file_is_refused_with_a_clear_message_and_nothing_is_stored() {
        long textsBefore = texts.count();
        long segmentsBefore = segments.count();

        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "report.pdf", fixture("report.docx"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("\"report.pdf\" is named as a PDF document (.pdf) but it is a Word document (.docx)."
                        + " Rename it to report.docx, or choose the right file.");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "notes.docx", fixture("report.odt"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("but it is an OpenDocument text");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "bomb.docx", zipBomb())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a ZIP bomb");

        assertThat(texts.count()).isEqualTo(textsBefore);
        assertThat(segments.count()).isEqualTo(segmentsBefore);
        assertThat(as(editor, () -> sources.count(project, ""))).isZero();
    }

    /** A Word-shaped ZIP whose document part is 60 MB of zeros (about 60 KB compressed). */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 60; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

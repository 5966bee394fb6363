package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files in other encodings imported end to end: detected, previewed with what was detected, stored as exactly the
 * text that was written, with the charset recorded; and read again in the charset a person chooses.
 */
@IntegrationTest
class EncodedFilesImportTest {

    private static final String DIR = "/source/encodings/";

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    Fixtures fixtures;

    private AnnalsPrincipal editor;
    private UUID project;

    @BeforeEach
    void projectWithAnEditor() {
        editor = fixtures.newUser("editor");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
    }

    /** Imports with the proposed choices and reads back what was stored. */
    private SourceText importAsProposed(String filename, byte[] bytes) {
        ImportPreview preview = as(editor, () -> imports.preview(project, filename, bytes));
        return store(filename, preview);
    }

    private SourceText store(String filename, ImportPreview preview) {
        String title = preview.draft().title() == null ? filename : preview.draft().title();
        ImportedSource imported = as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled(title), preview.draft().format(), ImportPreview.proposedBlocks(preview.draft()),
                filename, preview.charset(), true)));
        return as(editor, () -> sources.read(project, imported.sourceId()));
    }

    /** What any import stores for a plain text of paragraphs: the blocks joined by a blank line, no final newline. */
    private static String frozen(String text) {
        return text.strip();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "arabic.windows-1256.txt, windows-1256, Windows-1256 (Arabic)",
            "arabic.utf-16le.txt, UTF-16LE, UTF-16 (little-endian)"})
    void real_files_made_by_iconv_are_imported_as_exactly_their_text(String file, String charset, String label) {
        String expected = frozen(new String(resource("arabic.utf8.txt"), StandardCharsets.UTF_8));
        ImportPreview preview = as(editor, () -> imports.preview(project, file, resource(file)));
        assertThat(preview.charset()).isEqualTo(charset);
        assertThat(preview.charsetNote()).startsWith(label + ", detected with ");
        assertThat(preview.draft().title()).isEqualTo("سقوط حماة");

        SourceText stored = store(file, preview);

        assertThat(stored.text()).isEqualTo(expected);
        assertThat(stored.source().charset()).isEqualTo(charset);
        assertThat(stored.sections()).extracting(SourceText.Section::title).containsExactly("سقوط حماة");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "ARABIC, windows-1256", "ARABIC, ISO-8859-6", "ARABIC, UTF-16LE", "ARABIC, UTF-16BE",
            "CYRILLIC, windows-1251", "CZECH, windows-1250"})
    void files_written_in_each_encoding_are_stored_as_exactly_their_text(String sample, String charset) {
        String text = switch (sample) {
            case "ARABIC" -> TextDecoderTest.ARABIC;
            case "CYRILLIC" -> TextDecoderTest.CYRILLIC;
            default -> TextDecoderTest.CZECH;
        };
        SourceText stored = importAsProposed("report.txt", TextDecoderTest.encoded(text, charset));
        assertThat(stored.text()).isEqualTo(frozen(text));
        assertThat(stored.source().charset()).isEqualTo(Charset.forName(charset).name());
    }

    @Test
    void utf16_with_a_byte_order_mark_is_stored_without_it() {
        byte[] bytes = ("\uFEFF" + TextDecoderTest.ARABIC).getBytes(StandardCharsets.UTF_16LE);
        SourceText stored = importAsProposed("report.txt", bytes);
        assertThat(stored.text()).isEqualTo(frozen(TextDecoderTest.ARABIC));
        assertThat(stored.source().charset()).isEqualTo("UTF-16LE");
    }

    @Test
    void a_charset_chosen_by_the_person_reads_the_same_bytes_again_and_is_stored() {
        byte[] bytes = TextDecoderTest.encoded(TextDecoderTest.CYRILLIC, "windows-1251");
        ImportPreview detected = as(editor, () -> imports.preview(project, "report.txt", bytes));
        assertThat(detected.charset()).isEqualTo("windows-1251");

        ImportPreview chosen = as(editor, () -> imports.preview(project, "report.txt", bytes, "KOI8-R"));

        assertThat(chosen.charset()).isEqualTo("KOI8-R");
        assertThat(chosen.charsetNote()).isEqualTo("KOI8-R (Russian), chosen by you");
        String asKoi8 = new String(bytes, Charset.forName("KOI8-R"));
        assertThat(chosen.draft().blocks().getFirst().text()).isEqualTo(asKoi8.lines().findFirst().orElseThrow());
        SourceText stored = store("report.txt", chosen);
        assertThat(stored.text()).isEqualTo(frozen(asKoi8));
        assertThat(stored.source().charset()).isEqualTo("KOI8-R");

        ImportPreview back = as(editor, () -> imports.preview(project, "report.txt", bytes, "windows-1251"));
        assertThat(back.draft().blocks().getFirst().text()).isEqualTo("Падение Хамы");
    }

    @Test
    void a_chosen_charset_that_does_not_fit_or_is_unknown_is_refused_and_nothing_is_stored() {
        byte[] arabic = TextDecoderTest.encoded(TextDecoderTest.ARABIC, "windows-1256");
        long before = as(editor, () -> sources.count(project, ""));
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "report.txt", arabic, "ISO-8859-6")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be read as ISO-8859-6 (Arabic)");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "report.txt", arabic, "Shift_JIS")))
                .hasMessageContaining("Annals does not read text in 'Shift_JIS'");
        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "data.txt",
                new byte[] {'a', 0, 1, 2, 'b', 0, 0, 3, 4, 5, 6, 7}))).hasMessageContaining("binary");
        assertThat(as(editor, () -> sources.count(project, ""))).isEqualTo(before);
    }

    @Test
    void plain_text_is_proposed_whole_page_chrome_included_while_markup_formats_drop_their_chrome() {
        String text = "Hama report\n\nJump to content\n\nRebels entered Hama on 5 December 2024.\n\nPost a Comment\n";
        ImportPreview plain = as(editor, () -> imports.preview(project, "report.txt",
                text.getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.draft().blocks()).anyMatch(b -> b.looksLikeChrome());
        assertThat(ImportPreview.proposedBlocks(plain.draft())).isEqualTo(plain.draft().blocks());
        assertThat(store("report.txt", plain).text()).contains("Jump to content", "Post a Comment");

        ImportPreview markdown = as(editor, () -> imports.preview(project, "report.md",
                "# Hama report\n\nRebels entered Hama on 5 December 2024.\n\nBack to top\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ImportPreview.proposedBlocks(markdown.draft())).extracting(b -> b.text())
                .containsExactly("Hama report", "Rebels entered Hama on 5 December 2024.");
    }

    private static byte[] resource(String file) {
        try (InputStream in = EncodedFilesImportTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as(DIR + file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.annals.source.parse.DraftBlock.Pages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * PDFs made by LibreOffice from the OpenDocument sources next to them (src/test/resources/source/pdf/README.md),
 * read through the import's entry point: text, reading order, headings, page chrome and pages.
 */
class PdfReaderTest {

    private final SourceParser parser = new SourceParser();

    static byte[] fixture(String name) {
        try (InputStream in = PdfReaderTest.class.getResourceAsStream("/source/pdf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourceDraft read(String name) {
        byte[] bytes = fixture(name);
        assertThat(SourceParser.detectDocument(name, bytes)).isEqualTo(SourceFormat.PDF);
        return parser.parseDocument(bytes, SourceFormat.PDF, ParseLimits.DEFAULT);
    }

    private static List<DraftBlock> content(SourceDraft draft) {
        return draft.blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
    }

    private static String text(List<DraftBlock> blocks) {
        return blocks.stream().map(DraftBlock::text).collect(Collectors.joining("\n\n"));
    }

    private static int pages(String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(fixture(name))) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void a_libreoffice_report_reads_as_title_sections_and_paragraphs_with_pages() throws IOException {
        SourceDraft draft = read("report.pdf");
        List<DraftBlock> content = content(draft);

        assertThat(draft.format()).isEqualTo(SourceFormat.PDF);
        assertThat(draft.title()).isEqualTo("Civilian Harm in Northwest Syria");
        // The outline (bookmarks) gives the sections; the title above them, larger, is level 1.
        List<String> headings = content.stream().filter(b -> b.kind() == BlockKind.HEADING)
                .map(b -> b.level() + " " + b.text()).toList();
        assertThat(headings).containsExactly("1 Civilian Harm in Northwest Syria", "2 Summary",
                "2 Findings by district", "3 Idlib district", "3 Aleppo countryside district",
                "3 Hama countryside district", "2 Method");
        // Paragraphs are whole: lines joined with single spaces, one block per paragraph.
        DraftBlock first = content.stream().filter(b -> b.text().startsWith("Field teams visited Idlib")).findFirst()
                .orElseThrow();
        assertThat(first.kind()).isEqualTo(BlockKind.PARAGRAPH);
        assertThat(first.text()).endsWith("Incident 100 was reported by three independent witnesses and is"
                + " therefore listed as confirmed.").doesNotContain("\n").doesNotContain("  ");
        assertThat(content.stream().filter(b -> b.text().contains("Incident 1")).count()).isEqualTo(18);
        // Every paragraph of the report is there once, in order.
        String all = text(content);
        for (int i : java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, 15),
                java.util.stream.IntStream.range(20, 23)).toArray()) {
            assertThat(all).containsOnlyOnce("Incident " + (100 + i) + " was reported");
        }
        assertThat(all.indexOf("Incident 102 ")).isLessThan(all.indexOf("Incident 103 "));
        assertThat(all.indexOf("Incident 114 ")).isLessThan(all.indexOf("Incident 120 "));
    }

    @Test
    void a_word_hyphenated_at_a_line_end_is_whole_and_a_real_hyphen_stays() {
        String all = text(content(read("report.pdf")));

        assertThat(all).contains("its reconstruction has not begun").doesNotContain("recon-")
                .contains("al-Sham province").contains("Maarat al-Numan");
    }

    @Test
    void running_header_footer_and_page_numbers_are_chrome_with_their_pages() throws IOException {
        SourceDraft draft = read("report.pdf");
        int pages = pages("report.pdf");
        assertThat(pages).isGreaterThanOrEqualTo(3);

        List<DraftBlock> chrome = draft.blocks().stream().filter(DraftBlock::looksLikeChrome).toList();
        assertThat(chrome).filteredOn(b -> b.text().equals("Monitoring report · December 2024"))
                .hasSize(pages).allMatch(b -> "running header".equals(b.chromeReason()));
        assertThat(chrome).filteredOn(b -> b.text().matches("Page \\d+")).hasSize(pages)
                .allMatch(b -> "page number".equals(b.chromeReason()));
        assertThat(chrome).filteredOn(b -> b.text().equals("Page 2")).singleElement()
                .extracting(DraftBlock::pages).isEqualTo(new Pages(2, 2));
        // None of it is left in the content.
        assertThat(text(content(draft))).doesNotContain("Monitoring report · December").doesNotContainPattern(
                Pattern.compile("(?m)^Page \\d+$"));
    }

    @Test
    void every_block_knows_its_pages_and_a_paragraph_over_a_page_break_is_one_block() throws IOException {
        SourceDraft draft = read("report.pdf");
        int pages = pages("report.pdf");

        assertThat(draft.blocks()).allSatisfy(b -> {
            assertThat(b.pages()).isNotNull();
            assertThat(b.pages().first()).isBetween(1, pages);
            assertThat(b.pages().last()).isBetween(b.pages().first(), pages);
        });
        assertThat(content(draft).getFirst().pages()).isEqualTo(new Pages(1, 1));
        assertThat(content(draft).getLast().pages().last()).isEqualTo(pages);
        // Pages never go back in the reading order.
        List<DraftBlock> content = content(draft);
        for (int i = 1; i < content.size(); i++) {
            assertThat(content.get(i).pages().first()).isGreaterThanOrEqualTo(content.get(i - 1).pages().first());
        }
        // The plain stripper shows where a page ends mid-paragraph; such a paragraph is one block on two pages.
        var spanning = content.stream().filter(b -> b.pages().last() > b.pages().first()).toList();
        assertThat(spanning).isNotEmpty().allSatisfy(b -> assertThat(b.text()).endsWith("."));
    }

    @Test
    void two_columns_are_read_one_after_the_other() throws IOException {
        SourceDraft draft = read("two-column.pdf");
        List<DraftBlock> content = content(draft);
        String all = text(content);

        // PDFBox's stripper sorting by position reads across both columns, line by line: the proof that the
        // fixture really is in two columns side by side.
        try (PDDocument document = Loader.loadPDF(fixture("two-column.pdf"))) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String acrossColumns = stripper.getText(document);
            assertThat(acrossColumns.replace("\n", " ")).doesNotContain(
                    paragraphStart(all, "Column paragraph 1.", 200));
        }
        for (int i = 1; i <= 14; i++) {
            String start = "Column paragraph " + i + ". ";
            assertThat(content).as(start).anySatisfy(b -> {
                assertThat(b.text()).startsWith(start).endsWith("listed as confirmed.");
            });
            if (i > 1) {
                assertThat(all.indexOf(start)).isGreaterThan(all.indexOf("Column paragraph " + (i - 1) + ". "));
            }
        }
        assertThat(content.getFirst().kind()).isEqualTo(BlockKind.HEADING);
        assertThat(content.getFirst().text()).isEqualTo("Two-column bulletin");
    }

    private static String paragraphStart(String all, String start, int length) {
        int at = all.indexOf(start);
        return all.substring(at, Math.min(all.length(), at + length));
    }

    @Test
    void arabic_comes_out_in_logical_order_with_plain_letters() {
        SourceDraft draft = read("arabic.pdf");
        String all = text(content(draft));

        assertThat(all).contains("وثّقت فرق الرصد الميدانية سقوط 27 مدنياً في مدينة إدلب")
                .contains("كانون الأول 2024")
                .contains("Syria Civil Defence")
                .contains("نزح آلاف السكان نحو المخيمات القريبة من الحدود التركية");
        // No presentation forms (the shaped letters a PDF draws): search and quotes need the letters themselves.
        assertThat(all.codePoints().filter(c -> (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)))
                .isEmpty();
        assertThat(content(draft).getFirst().kind()).isEqualTo(BlockKind.HEADING);
        assertThat(content(draft).getFirst().text()).isEqualTo("تقرير عن الأوضاع الإنسانية في شمال غرب سوريا");
    }
}

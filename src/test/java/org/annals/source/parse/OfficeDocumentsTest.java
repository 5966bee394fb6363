package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Word and OpenDocument files read into blocks: the fixtures LibreOffice made from one hand-written document
 * (src/test/resources/source/office/README.md) give the same blocks in both formats, in the forms the HTML parser
 * gives; hand-made Word XML covers what LibreOffice does not write (content controls, tracked changes, fields).
 */
class OfficeDocumentsTest {

    private final SourceParser parser = new SourceParser();

    private static List<String> shape(List<DraftBlock> blocks) {
        return blocks.stream()
                .map(b -> b.kind() + (b.level() > 0 ? String.valueOf(b.level()) : "") + ": " + b.text()
                        + (b.looksLikeChrome() ? " [" + b.chromeReason() + "]" : ""))
                .toList();
    }

    /** The report as written in report.fodt, in the blocks every format should give. */
    private static final List<String> REPORT = List.of(
            "HEADING1: Aleppo offensive: monitoring report",
            "HEADING2: Background",
            "PARAGRAPH: On 27 November 2024, opposition forces launched an offensive towards Aleppo.[1] Thousands of"
                    + " civilians fled west within two days.",
            "HEADING3: Sources consulted",
            "LIST: UN OCHA flash updates\n  Flash Update No. 1\n  Flash Update No. 2\nLocal monitoring groups",
            "PARAGRAPH: The method had three steps:",
            "LIST: Collect the reports\nVerify the dates\nRecord the casualties",
            "HEADING2: Casualties",
            "TABLE: Date | Location | Killed\n27 November 2024 | Atarib | 12\n28 November 2024 | Aleppo | 8",
            "PARAGRAPH: The figures are provisional.[2] They will be revised.[3]",
            "PARAGRAPH: سقطت حلب خلال أيام.",
            "PARAGRAPH: Key figures are summarised in the box.",
            "PARAGRAPH: Box: 20 killed in two days.",
            "HEADING2: Aftermath",
            "PARAGRAPH: The city fell within days.",
            "HEADING2: Notes",
            "PARAGRAPH: [1] UN OCHA, Flash Update No. 1, 29 November 2024.",
            "PARAGRAPH: [2] Compiled from hospital records.",
            "PARAGRAPH: [3] Revisions are published monthly.");

    @ParameterizedTest
    @CsvSource({"report.docx, DOCX", "report.odt, ODT"})
    void the_report_made_by_libreoffice_reads_the_same_in_both_formats(String file, SourceFormat format) {
        byte[] bytes = OfficeFiles.resource(file);
        assertThat(SourceParser.detectDocument(file, bytes)).isEqualTo(format);

        SourceDraft draft = parser.parseDocument(bytes, format, ParseLimits.DEFAULT);

        assertThat(draft.format()).isEqualTo(format);
        assertThat(draft.title()).isEqualTo("Aleppo offensive: monitoring report");
        assertThat(shape(draft.blocks())).containsExactlyElementsOf(REPORT);
    }

    @Test
    void word_xml_beyond_what_libreoffice_writes() {
        String toc = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj>"
                + "</w:sdtPr><w:sdtContent><w:p><w:r><w:t>Contents</w:t></w:r></w:p><w:p><w:hyperlink><w:r>"
                + "<w:t>Background</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>";
        String heading = "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>";
        String tracked = "<w:p><w:r><w:t xml:space=\"preserve\">Troops </w:t></w:r><w:del><w:r><w:delText>did not"
                + " </w:delText></w:r></w:del><w:ins><w:r><w:t xml:space=\"preserve\">entered </w:t></w:r></w:ins>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Idlib</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>.</w:t></w:r>"
                + "<w:r><w:endnoteReference w:id=\"7\"/></w:r></w:p>";
        String list = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r>"
                + "<w:t>First</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/>"
                + "</w:numPr></w:pPr><w:r><w:t>Nested</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
                + "<w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Not a list any more</w:t></w:r></w:p>";
        String box = "<w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
                + "<w:drawing><w:txbxContent><w:p><w:r><w:t>Inside the box</w:t></w:r></w:p></w:txbxContent>"
                + "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Inside the box</w:t>"
                + "</w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
        String emptyParagraph = "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>";
        String nestedTable = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Outer</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r>"
                + "<w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r>"
                + "<w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        byte[] docx = OfficeFiles.docx(toc + heading + tracked + list + box + emptyParagraph + nestedTable);

        SourceDraft draft = parser.parseDocument(docx, SourceFormat.DOCX, ParseLimits.DEFAULT);

        assertThat(shape(draft.blocks())).containsExactly(
                "PARAGRAPH: Contents [table of contents]",
                "PARAGRAPH: Background 2 [table of contents]",
                "HEADING1: Background",
                "PARAGRAPH: Troops entered Idlib.[1]",
                "LIST: First\n  Nested",
                "PARAGRAPH: Not a list any more",
                "PARAGRAPH: Anchor.",
                "PARAGRAPH: Inside the box",
                "TABLE: Outer inner | B",
                "HEADING1: Notes",
                "PARAGRAPH: [1]");
        assertThat(draft.title()).as("no properties, no Title style: the first level-1 heading").isEqualTo("Background");
    }

    @Test
    void opendocument_xml_beyond_the_report() {
        String odt = "<text:table-of-content><text:index-body><text:index-title><text:p>Contents</text:p>"
                + "</text:index-title><text:p>Background<text:tab/>2</text:p></text:index-body></text:table-of-content>"
                + "<text:h text:outline-level=\"1\">Background</text:h>"
                + "<text:p>One<text:s text:c=\"3\"/>two<text:line-break/>three<office:annotation><text:p>a comment"
                + "</text:p></office:annotation>.</text:p>"
                + "<text:section><text:p>In a section.</text:p></text:section>"
                + "<text:p/><text:p>   </text:p>";
        SourceDraft draft = parser.parseDocument(OfficeFiles.odt(odt), SourceFormat.ODT, ParseLimits.DEFAULT);

        assertThat(shape(draft.blocks())).containsExactly(
                "PARAGRAPH: Contents [table of contents]",
                "PARAGRAPH: Background 2 [table of contents]",
                "HEADING1: Background",
                "PARAGRAPH: One two three.",
                "PARAGRAPH: In a section.");
    }

    /**
     * A long report (1,000 sections of 20 paragraphs, about 300 pages) reads in one pass; what it cost is printed as
     * an "[office-long]" line for docs/performance.md (never asserted: times depend on the machine).
     */
    @Test
    void a_long_word_document_and_opendocument_text_read_whole() {
        StringBuilder word = new StringBuilder();
        StringBuilder odt = new StringBuilder();
        // Varied prose (words drawn at random, seeded): a real text compresses a few times, not a thousand.
        String[] words = ("on the third day front line moved north of town and monitors counted displaced families"
                + " again shelling hospital road convoy reported civilians killed wounded village council militia"
                + " checkpoint river bridge school market aid").split(" ");
        java.util.Random random = new java.util.Random(19);
        for (int section = 1; section <= 1_000; section++) {
            word.append("<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Section ").append(section)
                    .append("</w:t></w:r></w:p>");
            odt.append("<text:h text:outline-level=\"1\">Section ").append(section).append("</text:h>");
            for (int p = 0; p < 20; p++) {
                StringBuilder sentence = new StringBuilder("Paragraph " + section + "." + p + ":");
                for (int w = 0; w < 60; w++) {
                    sentence.append(' ').append(words[random.nextInt(words.length)]);
                }
                word.append("<w:p><w:r><w:t>").append(sentence).append(".</w:t></w:r></w:p>");
                odt.append("<text:p>").append(sentence).append(".</text:p>");
            }
        }
        for (var file : List.of(new Object[] {"long.docx", SourceFormat.DOCX, OfficeFiles.docx(word.toString())},
                new Object[] {"long.odt", SourceFormat.ODT, OfficeFiles.odt(odt.toString())})) {
            byte[] bytes = (byte[]) file[2];
            System.gc();
            long before = OfficeBombTest.rss();
            long start = System.nanoTime();
            SourceDraft draft = parser.parseDocument(bytes, (SourceFormat) file[1], ParseLimits.DEFAULT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long after = OfficeBombTest.rss();
            assertThat(draft.blocks()).hasSize(21_000);
            System.out.println(String.format(Locale.ROOT, "[office-long] %s | %,d bytes | %,d blocks | %d ms | RSS %d"
                    + " → %d MB", file[0], bytes.length, draft.blocks().size(), millis, before >> 20, after >> 20));
        }
    }
}

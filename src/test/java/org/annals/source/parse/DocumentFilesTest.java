package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Documents are recognised by their bytes; anything else, and every lying name, is refused with what it is. */
class DocumentFilesTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0, 0, 0};
    private static final byte[] TEXT = "Report\n\nOn 29 November the front moved.".getBytes(StandardCharsets.UTF_8);

    private static byte[] docx() {
        return OfficeFiles.docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
    }

    private static byte[] odt() {
        return OfficeFiles.odt("<text:p>Hello</text:p>");
    }

    private static String refusal(String name, byte[] bytes) {
        try {
            DocumentFiles.detect(name, bytes);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " was not refused");
    }

    @Test
    void documents_are_recognised_by_their_content_under_their_own_names_or_none() {
        assertThat(DocumentFiles.detect("report.pdf", PDF)).isEqualTo(SourceFormat.PDF);
        assertThat(DocumentFiles.detect("report.PDF", PDF)).isEqualTo(SourceFormat.PDF);
        assertThat(DocumentFiles.detect(null, PDF)).isEqualTo(SourceFormat.PDF);
        assertThat(DocumentFiles.detect("download", PDF)).isEqualTo(SourceFormat.PDF);
        assertThat(DocumentFiles.detect("report.docx", docx())).isEqualTo(SourceFormat.DOCX);
        assertThat(DocumentFiles.detect("attachment.bin", docx())).isEqualTo(SourceFormat.DOCX);
        assertThat(DocumentFiles.detect("report.odt", odt())).isEqualTo(SourceFormat.ODT);
        assertThat(DocumentFiles.detect(null, odt())).isEqualTo(SourceFormat.ODT);
        assertThat(DocumentFiles.detect("report.docx", OfficeFiles.resource("report.docx")))
                .isEqualTo(SourceFormat.DOCX);
        assertThat(DocumentFiles.detect("report.odt", OfficeFiles.resource("report.odt"))).isEqualTo(SourceFormat.ODT);
    }

    @Test
    void a_pdf_header_after_some_junk_counts_when_the_file_also_ends_like_a_pdf() {
        byte[] junkFirst = ("HTTP junk\r\n\r\n" + new String(PDF, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(DocumentFiles.detect("report.pdf", junkFirst)).isEqualTo(SourceFormat.PDF);

        byte[] mention = "Notes on the format: every file starts with %PDF-1.7 and a binary comment."
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(DocumentFiles.detect("notes.txt", mention)).as("a text about PDF is text").isNull();
    }

    @Test
    void text_files_are_left_to_the_text_formats() {
        assertThat(DocumentFiles.detect("report.txt", TEXT)).isNull();
        assertThat(DocumentFiles.detect("report.md", TEXT)).isNull();
        assertThat(DocumentFiles.detect(null, TEXT)).isNull();
        assertThat(DocumentFiles.detect("empty.txt", new byte[0])).isNull();
        assertThat(DocumentFiles.detect("photo.png", PNG)).as("pictures under their own name: the text check refuses")
                .isNull();
    }

    @Test
    void a_name_that_claims_another_kind_of_file_is_refused_with_what_the_file_really_is() {
        assertThat(refusal("report.pdf", PNG)).isEqualTo("\"report.pdf\" is a PNG image, not a PDF document. Annals"
                + " imports text; it does not read the text in pictures (no OCR). If this is a photo or scan of a"
                + " document, import the document's text version instead.");
        assertThat(refusal("notes.docx", TEXT)).startsWith("\"notes.docx\" is not a Word document: it is a plain"
                + " text file.");
        assertThat(refusal("notes.docx", odt())).isEqualTo("\"notes.docx\" is named as a Word document (.docx) but"
                + " it is an OpenDocument text (.odt). Rename it to notes.odt, or choose the right file.");
        assertThat(refusal("notes.odt", docx())).contains("is named as an OpenDocument text (.odt) but it is a Word"
                + " document (.docx). Rename it to notes.docx");
        assertThat(refusal("notes.txt", PDF)).isEqualTo("\"notes.txt\" is named as a text file (.txt) but it is a PDF"
                + " document. Rename it to notes.pdf, or choose the right file.");
        assertThat(refusal("page.html", docx())).contains("is named as a text file (.html) but it is a Word document");
        assertThat(refusal("report.pdf", docx())).contains("is named as a PDF document (.pdf) but it is a Word");
        assertThat(refusal("report.pdf", "<!DOCTYPE html><html><body>Not found</body></html>"
                .getBytes(StandardCharsets.UTF_8))).contains("is not a PDF document: it is an HTML file (a web page)");
        assertThat(refusal("report.docx", new byte[0])).contains("it is an empty file");
        assertThat(refusal("archive.docx", new byte[] {0x1F, (byte) 0x8B, 8, 0})).isEqualTo("\"archive.docx\" is a"
                + " gzip archive, not a Word document. Unpack it and import the documents inside one by one.");
    }

    @Test
    void other_office_files_archives_and_rtf_are_refused_with_what_to_do() {
        assertThat(refusal("minutes.doc", OLE2)).isEqualTo("\"minutes.doc\" is a legacy Word 97-2003 document (.doc)."
                + " Open it in Word or LibreOffice, save it as a Word document (.docx) or OpenDocument text (.odt),"
                + " and import that.");
        assertThat(refusal("minutes.docx", OLE2)).contains("a password-protected Word document, or a legacy Word"
                + " 97-2003 document under a new name", "remove any password");
        assertThat(refusal("budget.xls", OLE2)).contains("a legacy Excel 97-2003 workbook (.xls)");
        assertThat(refusal("unknown", OLE2)).contains("a legacy Microsoft Office file");
        assertThat(refusal("figures.xlsx", OfficeFiles.zipOf(Map.of("[Content_Types].xml", "<Types/>",
                "xl/workbook.xml", "<workbook/>")))).contains("an Excel workbook (.xlsx)");
        assertThat(refusal("slides.pptx", OfficeFiles.zipOf(Map.of("[Content_Types].xml", "<Types/>",
                "ppt/presentation.xml", "<presentation/>")))).contains("a PowerPoint presentation (.pptx)",
                "export the presentation as PDF");
        assertThat(refusal("sheet.ods", OfficeFiles.zipOf(Map.of("mimetype",
                "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"))))
                .contains("an OpenDocument spreadsheet (.ods)");
        assertThat(refusal("book.epub", OfficeFiles.zipOf(Map.of("mimetype", "application/epub+zip"))))
                .contains("an e-book (EPUB)");
        assertThat(refusal("photos.zip", OfficeFiles.zipOf(Map.of("a.txt", "a", "b.txt", "b"))))
                .isEqualTo("\"photos.zip\" is a ZIP archive. Unpack it and import the documents inside one by one.");
        assertThat(refusal("letter.rtf", "{\\rtf1\\ansi Hello}".getBytes(StandardCharsets.US_ASCII)))
                .contains("a Rich Text Format document (.rtf)", "save it as a Word document (.docx)");
        assertThat(refusal("cut.docx", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}))
                .contains("a ZIP archive or an office document, damaged or cut short");
    }

    @Test
    void names_in_messages_are_the_file_name_only() {
        assertThat(refusal("C:\\Users\\me\\Desktop\\report.pdf", PNG)).startsWith("\"report.pdf\" is a PNG image");
        assertThat(refusal("../../etc/report.pdf", PNG)).startsWith("\"report.pdf\" is a PNG image");
        assertThat(refusal("report\u0007.pdf", PNG)).startsWith("\"report.pdf\" is a PNG image");
    }
}

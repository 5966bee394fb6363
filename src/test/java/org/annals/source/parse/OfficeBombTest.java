package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.annals.base.InvalidInputException;
import org.annals.source.parse.OfficeFiles.RawEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile Word and OpenDocument files, made here byte by byte: each is refused with a clear message, before it costs
 * memory. The resident memory of the test process is read before and after each (printed as "[office-bomb]" lines;
 * docs/performance.md quotes them), and may not grow by more than a quarter of a gigabyte over all of them: an
 * unguarded reader would unpack gigabytes.
 */
class OfficeBombTest {

    private static final long MB = 1L << 20;
    private static final List<String> REPORT = new ArrayList<>();
    private static long firstRss = -1;
    private static long lastRss;

    private static String refusal(String name, Supplier<byte[]> file) {
        return refusal(name, file, ParseLimits.DEFAULT);
    }

    /** Detects and reads the file as an import does; returns the refusal, and notes what it cost. */
    private static String refusal(String name, Supplier<byte[]> file, ParseLimits limits) {
        byte[] bytes = file.get();
        System.gc();
        long before = rss();
        if (firstRss < 0) {
            firstRss = before;
        }
        long start = System.nanoTime();
        String message = null;
        try {
            SourceFormat format = SourceParser.detectDocument(name, bytes);
            assertThat(format).as(name + " is taken for a document").isNotNull();
            new SourceParser().parseDocument(bytes, format, limits);
        } catch (InvalidInputException | SourceTooComplexException e) {
            message = e.getMessage();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = rss();
        lastRss = after;
        REPORT.add(String.format(Locale.ROOT, "%s | %,d bytes | %d ms | RSS %d → %d MB | %s", name, bytes.length,
                millis, before / MB, after / MB, message == null ? "NOT REFUSED" : message));
        assertThat(message).as(name + " must be refused").isNotNull();
        return message;
    }

    @AfterAll
    static void report() {
        System.out.println("\n[office-bomb] file | size | time | resident memory | message");
        REPORT.forEach(line -> System.out.println("[office-bomb] " + line));
        assertThat(lastRss - firstRss).as("resident memory growth over all hostile files").isLessThan(256 * MB);
    }

    @Test
    void an_entry_that_claims_gigabytes_is_refused_from_the_directory_without_unpacking() {
        assertThat(refusal("gigabytes.docx", () -> OfficeFiles.docx(RawEntry.zeros("word/document.xml", MB,
                4_000_000_000L)))).contains("\"word/document.xml\"", "unpacks to 3.72 GB", "at most 64 MB per part",
                "nothing was stored");
    }

    @Test
    void an_entry_compressed_a_thousand_times_is_a_zip_bomb() {
        assertThat(refusal("ratio.docx", () -> OfficeFiles.docx(RawEntry.zeros("word/document.xml", 60 * MB,
                60 * MB)))).contains("is a ZIP bomb", "\"word/document.xml\"", "to 60 MB when unpacked");
        assertThat(refusal("ratio.odt", () -> OfficeFiles.odt(RawEntry.zeros("content.xml", 60 * MB, 60 * MB))))
                .contains("is a ZIP bomb", "\"content.xml\"");
    }

    @Test
    void an_entry_that_lies_about_its_size_is_stopped_at_the_first_byte_past_it() {
        // Well-formed XML (a million empty paragraphs, 6 MB) that claims to be 1,000 bytes long.
        byte[] word = OfficeFiles.documentXml("<w:p/>".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(refusal("lying.docx", () -> OfficeFiles.docx(RawEntry.deflated("word/document.xml", word)
                .claiming(1_000)))).contains("lies about its content", "\"word/document.xml\"", "more than the");
        byte[] odt = ("<?xml version=\"1.0\"?><o:document-content"
                + " xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><o:body><o:text>"
                + "<text:p/>".repeat(1_000_000) + "</o:text></o:body></o:document-content>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal("lying.odt", () -> OfficeFiles.odt(RawEntry.deflated("content.xml", odt).claiming(1_000))))
                .contains("lies about its content", "\"content.xml\"");
    }

    @Test
    void thousands_of_entries_are_refused_from_the_directory() {
        assertThat(refusal("entries.docx", () -> {
            List<RawEntry> entries = new ArrayList<>();
            entries.add(RawEntry.deflated("[Content_Types].xml",
                    OfficeFiles.CONTENT_TYPES.getBytes(StandardCharsets.UTF_8)));
            entries.add(RawEntry.deflated("word/document.xml",
                    OfficeFiles.documentXml("").getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 20_000; i++) {
                entries.add(RawEntry.stored("word/media/image" + i + ".png", new byte[1]));
            }
            return OfficeFiles.zip(entries);
        })).contains("is a ZIP file of 20,002 files", "at most 1,000");
    }

    @Test
    void entries_that_share_their_data_are_refused() {
        assertThat(refusal("overlap.docx", () -> OfficeFiles.zip(List.of(
                RawEntry.deflated("[Content_Types].xml", OfficeFiles.CONTENT_TYPES.getBytes(StandardCharsets.UTF_8)),
                RawEntry.deflated("word/document.xml", new byte[10]),
                RawEntry.deflated("word/styles.xml", new byte[10])), true))).contains("share their data");
    }

    @Test
    void deeply_nested_xml_is_refused_before_poi_or_the_dom_sees_it() {
        String open = "<w:tbl><w:tr><w:tc>";
        String close = "</w:tc></w:tr></w:tbl>";
        byte[] deep = OfficeFiles.documentXml(open.repeat(20_000) + close.repeat(20_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal("deep.docx", () -> OfficeFiles.docx(RawEntry.stored("word/document.xml", deep))))
                .contains("The document's XML nests elements more than 256 levels deep");
        String deepOdt = "<text:section>".repeat(50_000) + "</text:section>".repeat(50_000);
        assertThat(refusal("deep.odt", () -> OfficeFiles.odt(RawEntry.stored("content.xml", ("<?xml version=\"1.0\"?>"
                + "<o:document-content xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><o:body><o:text>" + deepOdt
                + "</o:text></o:body></o:document-content>").getBytes(StandardCharsets.UTF_8)))))
                .contains("more than 256 levels deep");
    }

    @Test
    void too_many_elements_are_refused_while_reading() {
        ParseLimits small = new ParseLimits(64, 1_000);
        byte[] many = OfficeFiles.documentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(5_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal("elements.docx", () -> OfficeFiles.docx(RawEntry.stored("word/document.xml", many)),
                small)).contains("XML elements", "at most 10,000");
    }

    @Test
    void entity_expansion_is_refused_because_no_document_type_is_allowed() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>\
                <w:t>&lol4;</w:t></w:r></w:p></w:body></w:document>""";
        assertThat(refusal("laughs.docx", () -> OfficeFiles.docx(RawEntry.deflated("word/document.xml",
                laughs.getBytes(StandardCharsets.UTF_8))))).contains("declares a document type");
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><o:body><o:text>&x;\
                </o:text></o:body></o:document-content>""";
        assertThat(refusal("external.odt", () -> OfficeFiles.odt(RawEntry.deflated("content.xml",
                external.getBytes(StandardCharsets.UTF_8))))).contains("declares a document type");
    }

    @Test
    void a_damaged_file_is_refused_as_damaged() {
        byte[] good = OfficeFiles.docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
        byte[] broken = OfficeFiles.docx(RawEntry.deflated("word/document.xml",
                "<w:document xmlns:w=\"x\"><w:body><w:p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal("broken.docx", () -> broken)).contains("cannot be read", "not well-formed XML");
        byte[] truncatedData = good.clone();
        // Corrupt the compressed bytes of the last entry (document.xml) while its directory stays intact.
        int directory = (int) (readInt(good, good.length - 6) & 0xFFFFFFFFL);
        for (int i = directory - 20; i < directory - 4; i++) {
            truncatedData[i] = (byte) 0xFF;
        }
        assertThat(refusal("corrupt.docx", () -> truncatedData)).contains("cannot be read");
    }

    private static long readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (long) (b[i + 3] & 0xFF) << 24;
    }

    /** The resident set size of this process, from /proc (0 where there is none). */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}

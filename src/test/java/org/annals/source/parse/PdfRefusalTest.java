package org.annals.source.parse;

import static org.annals.source.parse.PdfReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * What the PDF import refuses, each with a message that says why and what to do. The service stores nothing for a
 * refused file (SourceImportContract, PdfImportContract); memory and time are measured by PdfImportBenchmark.
 */
class PdfRefusalTest {

    private final SourceParser parser = new SourceParser();

    private SourceDraft read(byte[] bytes) {
        return read(bytes, ParseLimits.DEFAULT);
    }

    private SourceDraft read(byte[] bytes, ParseLimits limits) {
        return parser.parseDocument(bytes, SourceFormat.PDF, limits);
    }

    @Test
    void a_scan_without_a_text_layer_is_refused_and_ocr_is_named() throws IOException {
        byte[] scan = HostilePdfs.scanOf(fixture("report.pdf"));

        assertThatThrownBy(() -> read(scan)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("This PDF has no text layer: its pages are images (a scan).")
                .hasMessageContaining("does not read text from images (OCR)");
    }

    @Test
    void an_encrypted_pdf_that_needs_a_password_is_refused() throws IOException {
        assertThatThrownBy(() -> read(HostilePdfs.withPassword(fixture("report.pdf"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a password");
        // The same, encrypted by another tool (qpdf, AES-256; see the README).
        assertThatThrownBy(() -> read(fixture("encrypted.pdf")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a password");
    }

    @Test
    void a_pdf_whose_permissions_forbid_copying_text_is_refused() throws IOException {
        assertThatThrownBy(() -> read(HostilePdfs.noCopying(fixture("report.pdf"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("permissions forbid copying its text");
        assertThatThrownBy(() -> read(fixture("no-copying.pdf")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("permissions forbid copying its text");
    }

    @Test
    void an_owner_password_that_allows_copying_does_not_stop_the_import() throws IOException {
        // Encrypted, opened without a password, copying allowed: the usual "protected" report.
        try (var document = org.apache.pdfbox.Loader.loadPDF(fixture("report.pdf"))) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            assertThat(read(out.toByteArray()).blocks()).anySatisfy(b -> assertThat(b.text()).contains("Incident 100"));
        }
    }

    @Test
    void a_damaged_file_is_refused() {
        assertThatThrownBy(() -> read(HostilePdfs.damaged())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("This PDF cannot be read");
    }

    @Test
    void more_pages_than_the_setting_allows_are_refused_before_they_are_read() throws IOException {
        var fewPages = new ParseLimits(ParseLimits.DEFAULT_MAX_DEPTH, ParseLimits.DEFAULT_MAX_ELEMENTS, 20);

        assertThatThrownBy(() -> read(HostilePdfs.pages(21), fewPages)).isInstanceOf(InvalidInputException.class)
                .hasMessage("This PDF has 21 pages. Annals imports at most 20 pages per file; split it into smaller"
                        + " files.");
        assertThat(read(HostilePdfs.pages(20), fewPages).blocks()).hasSize(20);
        assertThatThrownBy(() -> read(HostilePdfs.lyingPageCount())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("This PDF has 100,000,000 pages");
    }

    @Test
    void objects_nested_half_a_million_deep_are_refused() {
        assertThatThrownBy(() -> read(HostilePdfs.deeplyNested(500_000))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("This PDF");
    }

    @Test
    void a_content_stream_that_inflates_to_hundreds_of_megabytes_is_refused() throws IOException {
        byte[] bomb = HostilePdfs.inflatingContent(400);
        assertThat(bomb.length).isLessThan(3_000_000);

        // Stopped by the cap on decoded stream memory or, streamed, by the count of what the page draws.
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(InvalidInputException.class).hasMessageContaining("this PDF");
    }

    @Test
    void graphics_states_saved_a_million_times_are_refused() {
        assertThatThrownBy(() -> read(HostilePdfs.savedStates(1_000_000))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nests its graphics more than 1,000 levels deep");
    }
}

package org.annals.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file name an original is downloaded under: safe in a header and on any disk, and still telling. */
class OriginalDownloadNameTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void an_uploaded_file_keeps_its_name_reduced_to_safe_characters() {
        assertThat(CaptureService.downloadName(Original.Kind.FILE, "report-2024.txt", null, null, SHA))
                .isEqualTo("report-2024.txt");
        assertThat(CaptureService.downloadName(Original.Kind.FILE, "\"evil\r\nname\".html", null, null, SHA))
                .isEqualTo("evil_name_.html");
        assertThat(CaptureService.downloadName(Original.Kind.FILE, "..", null, null, SHA))
                .isEqualTo("original-abababababab");
        assertThat(CaptureService.downloadName(Original.Kind.FILE, "تقرير.txt", null, null, SHA)).isEqualTo("txt");
    }

    @Test
    void a_page_is_named_after_the_last_part_of_its_address_with_an_extension_for_its_type() {
        assertThat(CaptureService.downloadName(Original.Kind.URL, null, "https://example.org/news/article.html",
                "text/html", SHA)).isEqualTo("article.html");
        assertThat(CaptureService.downloadName(Original.Kind.URL, null, "https://example.org/news/story-123",
                "text/html; charset=utf-8", SHA)).isEqualTo("story-123.html");
        assertThat(CaptureService.downloadName(Original.Kind.URL, null, "https://example.org/reports/",
                "application/pdf", SHA)).isEqualTo("example.org.pdf");
        assertThat(CaptureService.downloadName(Original.Kind.URL, null, "https://example.org/get?id=1",
                "application/pdf", SHA)).isEqualTo("get.pdf");
        assertThat(CaptureService.downloadName(Original.Kind.URL, null, "https://example.org/news.php",
                "text/html", SHA)).isEqualTo("news.php.html");
    }
}

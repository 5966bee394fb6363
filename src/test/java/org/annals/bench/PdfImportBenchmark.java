package org.annals.bench;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.HostilePdfs;
import org.annals.source.parse.ParseLimits;
import org.annals.source.parse.SourceParser;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Harness for the PDF budgets of issue 19 (not part of the normal test run):
 * <pre>./mvnw test -Pbenchmark -Dtest=PdfImportBenchmark</pre>
 * Imports a generated 300-page report (preview + import, as the web app does) and feeds the import the hostile PDFs
 * of the refusal tests, printing times, heap and the process's resident memory (VmRSS) before and after;
 * docs/performance.md records them. Runs on the embedded H2 database.
 */
@IntegrationTest
@Tag("benchmark")
class PdfImportBenchmark {

    @Autowired
    SourceImportService imports;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_300_page_report_and_the_bombs() throws IOException {
        AnnalsPrincipal admin = fixtures.admin();
        byte[] report = report(300);
        System.out.printf(Locale.ROOT, "PDF bench: 300-page report, %.1f MB%n", report.length / 1e6);

        importReport(admin, fixtures.newProject(admin), report); // warm-up: classes, fonts, JIT
        var times = new ArrayList<Double>();
        long peakHeap = 0;
        ImportedSource last = null;
        for (int run = 0; run < 3; run++) {
            UUID project = fixtures.newProject(admin);
            System.gc();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            last = importReport(admin, project, report);
            times.add((System.nanoTime() - start) / 1e6);
            peakHeap = Math.max(peakHeap, usedHeap() - heapBefore);
        }
        System.out.printf(Locale.ROOT, "PDF bench: 300 pages, preview + import, ms: %s (median %.0f); %d characters,"
                + " %d sections, %d passages; heap after import minus before, at most %.0f MB; RSS now %.0f MB%n",
                times, median(times), last.textLength(), last.sections(), last.passages(), peakHeap / 1e6,
                rss() / 1e6);

        var parseTimes = new ArrayList<Double>();
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            new SourceParser().parseDocument(report, SourceFormat.PDF, ParseLimits.DEFAULT);
            parseTimes.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf(Locale.ROOT, "PDF bench: 300 pages, reading the PDF alone (PDFBox + layout), ms: %s%n",
                parseTimes);

        UUID project = fixtures.newProject(admin);
        byte[] textPdf;
        try (InputStream in = getClass().getResourceAsStream("/source/pdf/report.pdf")) {
            textPdf = in.readAllBytes();
        }
        bomb(admin, project, "scan", HostilePdfs.scanOf(textPdf));
        bomb(admin, project, "password", HostilePdfs.withPassword(textPdf));
        bomb(admin, project, "damaged", HostilePdfs.damaged());
        bomb(admin, project, "2,001 pages", HostilePdfs.pages(2_001));
        bomb(admin, project, "page count 100,000,000", HostilePdfs.lyingPageCount());
        bomb(admin, project, "nested 500,000 deep", HostilePdfs.deeplyNested(500_000));
        bomb(admin, project, "content inflating to 400 MB", HostilePdfs.inflatingContent(400));
        bomb(admin, project, "1,000,000 saved graphics states", HostilePdfs.savedStates(1_000_000));
    }

    private ImportedSource importReport(AnnalsPrincipal admin, UUID project, byte[] report) {
        ImportPreview preview = as(admin, () -> imports.preview(project, "report.pdf", report));
        List<DraftBlock> kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        assertThat(preview.draft().blocks().size() - kept.size()).isGreaterThanOrEqualTo(600); // header, page number
        return as(admin, () -> imports.importSource(project, new ImportRequest(new SourceMetadata("Report", null,
                null, null, null, null, "en", null), SourceFormat.PDF, kept, "report.pdf", null, true)));
    }

    private void bomb(AnnalsPrincipal admin, UUID project, String name, byte[] bytes) {
        System.gc();
        long rssBefore = rss();
        long start = System.nanoTime();
        String message;
        try {
            as(admin, () -> imports.preview(project, name + ".pdf", bytes));
            message = "NOT REFUSED";
        } catch (InvalidInputException e) {
            message = e.getMessage();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        long rssAfter = rss();
        System.out.printf(Locale.ROOT, "PDF bench: %s (%.1f MB file): refused in %.0f ms; RSS %.0f -> %.0f MB: %s%n",
                name, bytes.length / 1e6, ms, rssBefore / 1e6, rssAfter / 1e6,
                message.length() > 90 ? message.substring(0, 90) + "…" : message);
        assertThat(message).isNotEqualTo("NOT REFUSED");
    }

    /** A report as a word processor would print it: a heading every few pages, a running header, page numbers. */
    static byte[] report(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            var regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            var small = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int incident = 0;
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    text(content, small, 9, 60, 800, "Monitoring report 2024: northwest Syria");
                    text(content, small, 9, 290, 30, Integer.toString(p));
                    float y = 760;
                    if (p % 5 == 1) {
                        text(content, bold, 15, 60, y, "Chapter " + (p / 5 + 1) + ": districts visited");
                        y -= 30;
                    }
                    while (y > 90) {
                        incident++;
                        String[] lines = paragraph(incident);
                        for (String line : lines) {
                            text(content, regular, 11, 60, y, line);
                            y -= 14;
                        }
                        y -= 8;
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String[] paragraph(int n) {
        return new String[] {
            "Field teams visited the district in the week of " + (1 + n % 28) + " November and recorded damage to",
            (10 + n % 90) + " homes, two schools and the water station that serves the eastern quarter of the",
            "town. Residents described shelling that began before dawn; incident " + n + " was confirmed."};
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The resident set size of this process, from /proc (Linux); -1 elsewhere. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/** The import page's batch behaviour, through the same service calls it makes, one file at a time. */
@IntegrationTest
class SourceBatchImportTest {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    TextVersionRepository texts;
    @Autowired
    Fixtures fixtures;

    record Outcome(String file, boolean imported, String message) {
    }

    private Outcome importFile(AnnalsPrincipal user, UUID project, String name, byte[] content) {
        try {
            ImportPreview preview = as(user, () -> imports.preview(project, name, content));
            var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
            String title = preview.draft().title() == null ? name : preview.draft().title();
            as(user, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled(title),
                    preview.draft().format(), kept, name, preview.charset(), false)));
            return new Outcome(name, true, preview.charsetNote());
        } catch (InvalidInputException e) {
            return new Outcome(name, false, e.getMessage());
        }
    }

    @Test
    void two_hundred_files_at_once_import_and_the_bad_ones_fail_alone_storing_nothing() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        long textsBefore = texts.count();
        var outcomes = new ArrayList<Outcome>();
        for (int i = 0; i < 200; i++) {
            byte[] content = switch (i) {
                case 17 -> new byte[0];
                case 42 -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
                case 98 -> "Report final\u00e9 \u201cquoted\u201d".getBytes(Charset.forName("windows-1252"));
                case 99 -> new byte[] {'a', 0, 1, 2, 'b', 0, 0, 3, 4, 5, 6, 7};
                default -> ("Report " + i + "\n\nOn day " + i + " the front moved. [" + i + "]").getBytes(StandardCharsets.UTF_8);
            };
            outcomes.add(importFile(admin, project, "report-" + i + ".txt", content));
        }

        assertThat(outcomes).filteredOn(o -> !o.imported()).extracting(Outcome::file)
                .containsExactly("report-17.txt", "report-42.txt", "report-99.txt");
        assertThat(outcomes.get(17).message()).isEqualTo("The file is empty.");
        assertThat(outcomes.get(42).message()).contains("PNG image");
        assertThat(outcomes.get(99).message()).contains("binary data");
        // An older 8-bit encoding is detected (decision 0037) rather than refused, and the import says so.
        assertThat(outcomes.get(98).imported()).isTrue();
        assertThat(outcomes.get(98).message()).contains("detected with");
        assertThat(as(admin, () -> sources.count(project, ""))).isEqualTo(197);
        assertThat(texts.count()).isEqualTo(textsBefore + 197);
    }

    @Test
    void html_full_of_scripts_and_handlers_is_stored_as_plain_text_only() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        String html = """
                <!doctype html><html><head><title>Hostile page</title><script>alert('head')</script>
                <style>body{display:none}</style></head>
                <body onload="alert('load')"><h1 onclick="alert(1)">Hostile page</h1>
                <p>Before <img src=x onerror="alert('img')"> after <a href="javascript:alert(2)">link</a>.</p>
                <script>document.cookie</script><iframe src="https://example.org"></iframe>
                <p>Second <b onmouseover="alert(3)">bold</b> paragraph.</p></body></html>""";
        Outcome outcome = importFile(admin, project, "hostile.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.imported()).isTrue();

        var summary = as(admin, () -> sources.library(project, "", Sort.unsorted(), 0, 10)).getFirst();
        SourceText read = as(admin, () -> sources.read(project, summary.id()));
        assertThat(read.source().metadata().title()).isEqualTo("Hostile page");
        assertThat(read.text()).contains("Before", "after link.", "Second bold paragraph.")
                .doesNotContain("alert", "script", "onerror", "cookie", "display:none", "<", ">");
    }

    @Test
    void right_to_left_text_with_emoji_keeps_its_offsets_through_storage() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        String arabic = "سقطت حماة في ٥ كانون الأول 🕊️ وفرّ آلاف السكان 👨‍👩‍👧 [12]";
        importFile(admin, project, "hama-ar.txt", ("حماة\n\n" + arabic).getBytes(StandardCharsets.UTF_8));
        var summary = as(admin, () -> sources.library(project, "", Sort.unsorted(), 0, 10)).getFirst();
        SourceText read = as(admin, () -> sources.read(project, summary.id()));
        List<String> passages = read.passages().stream().map(p -> read.text().substring(p.start(), p.end())).toList();
        assertThat(passages).containsExactly("حماة", arabic);
        assertThat(read.citations()).singleElement()
                .satisfies(c -> assertThat(read.text().substring(c.start(), c.end())).isEqualTo("[12]"));
    }
}

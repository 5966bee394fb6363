package org.annals.source.fetch;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportProperties;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.BlockKind;
import org.annals.support.Fixtures;
import org.annals.support.LocalWebServer;
import org.annals.support.MarkupHeavyPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Issue 21's million-element page, small: a news page whose every word and letter sits in elements of its own is
 * stored as its text (passages, headings, lists, tables), so the same visible text with ten times the elements is
 * stored the same, uploaded or fetched by address; only the capture of the original bytes grows with the markup. Run
 * against H2 and PostgreSQL by the two subclasses.
 */
abstract class MarkupHeavyImportContract {

    /** The same visible text (about 22,000 characters): 23,000 elements in 0.2 MB, and 225,000 in 1.8 MB. */
    static final MarkupHeavyPage.Page LIGHT = MarkupHeavyPage.generate(22_000, 1);
    static final MarkupHeavyPage.Page HEAVY = MarkupHeavyPage.generate(22_000, 10);

    @Autowired
    ProjectAccess access;
    @Autowired
    SourceImportService imports;
    @Autowired
    ImportProperties limits;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    final LocalWebServer web = LocalWebServer.shared();
    WebFetcher fetcher;
    UrlImportService urls;
    AnnalsPrincipal editor;

    @BeforeEach
    void aServiceThatMayFetchFromTheTestServer() {
        var settings = new FetchProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(30),
                DataSize.ofMegabytes(10), 5, "Annals test", List.of(), List.of(), false, List.of(web.allowedHost()), 3,
                20);
        fetcher = new WebFetcher(settings, limits);
        urls = new UrlImportService(access, imports, fetcher, settings, limits);
        editor = fixtures.newUser("markup-editor");
    }

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    /** What one imported source costs in the database. */
    record Stored(String sha256, long textLength, long textBytes, long segments, long labelCharacters,
            long captureBytes, Map<String, Long> passagesByKind) {
    }

    @Test
    void ten_times_the_markup_around_the_same_text_is_stored_the_same_when_uploaded() {
        assertThat(HEAVY.elements()).isGreaterThan(9 * LIGHT.elements()).isGreaterThan(200_000);
        assertThat(HEAVY.bytes().length).isGreaterThan(8 * LIGHT.bytes().length);

        Stored light = stored(upload(LIGHT, "light.html"));
        Stored heavy = stored(upload(HEAVY, "heavy.html"));

        assertSameStoredForm(light, heavy);
        // Only the capture keeps the original bytes, markup and all.
        assertThat(light.captureBytes()).isEqualTo(LIGHT.bytes().length);
        assertThat(heavy.captureBytes()).isEqualTo(HEAVY.bytes().length);
    }

    @Test
    void ten_times_the_markup_around_the_same_text_is_stored_the_same_when_fetched_by_address() {
        String light = web.serve("light-" + UUID.randomUUID() + ".html", "text/html; charset=utf-8", LIGHT.bytes());
        String heavy = web.serve("heavy-" + UUID.randomUUID() + ".html", "text/html; charset=utf-8", HEAVY.bytes());

        Stored fetchedLight = stored(fetch(light));
        Stored fetchedHeavy = stored(fetch(heavy));

        assertSameStoredForm(fetchedLight, fetchedHeavy);
        assertThat(fetchedHeavy.captureBytes()).isEqualTo(HEAVY.bytes().length);
        // The page's main content is its article: the same text as the upload without its header and footer.
        assertThat(fetchedHeavy.sha256()).isEqualTo(stored(upload(HEAVY, "heavy.html")).sha256());
    }

    @Test
    void the_text_keeps_what_the_reader_needs_headings_paragraphs_lists_and_tables() {
        Stored stored = stored(upload(HEAVY, "heavy.html"));

        assertThat(stored.passagesByKind()).containsKeys(BlockKind.HEADING.name(), BlockKind.PARAGRAPH.name(),
                BlockKind.LIST.name(), BlockKind.TABLE.name());
        // One passage per block the page shows, however many elements it is made of.
        assertThat(stored.segments()).isLessThan(LIGHT.paragraphs().size());
        assertThat(stored.textLength()).isBetween((long) LIGHT.visibleCharacters(),
                LIGHT.visibleCharacters() + 4L * LIGHT.paragraphs().size());
    }

    @Test
    void an_element_with_thousands_of_attributes_is_refused_with_a_reason_and_nothing_is_stored() {
        var html = new StringBuilder("<!DOCTYPE html><html><body><article><p");
        for (int i = 0; i < 200_000; i++) {
            html.append(" data-a").append(i).append("=\"").append(i).append('"');
        }
        html.append(">Text.</p></article></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        UUID project = projectOfTheEditor();
        long before = rows();

        assertThatThrownBy(() -> as(editor, () -> imports.preview(project, "attributes.html", bytes)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("An HTML element in the file has 200,000 attributes. Annals reads at most 1,000 on one"
                        + " element; this file is not a web page as browsers save it.");
        String address = web.serve("attributes-" + UUID.randomUUID() + ".html", "text/html", bytes);
        assertThatThrownBy(() -> as(editor, () -> urls.preview(project, address)))
                .hasMessageContaining("has 200,000 attributes");
        assertThat(rows()).isEqualTo(before);
    }

    private void assertSameStoredForm(Stored light, Stored heavy) {
        assertThat(heavy.sha256()).isEqualTo(light.sha256());
        assertThat(heavy.textBytes()).isCloseTo(light.textBytes(), org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(heavy.segments()).isCloseTo(light.segments(), org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(heavy.labelCharacters()).isEqualTo(light.labelCharacters());
    }

    private UUID projectOfTheEditor() {
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        return project;
    }

    private ImportedSource upload(MarkupHeavyPage.Page page, String name) {
        UUID project = projectOfTheEditor();
        ImportPreview preview = as(editor, () -> imports.preview(project, name, page.bytes()));
        return store(project, preview);
    }

    private ImportedSource fetch(String address) {
        UUID project = projectOfTheEditor();
        ImportPreview preview = as(editor, () -> urls.preview(project, address));
        return store(project, preview);
    }

    private ImportedSource store(UUID project, ImportPreview preview) {
        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        return as(editor, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled("Offensive"),
                preview.draft().format(), kept, preview.filename(), preview.charset(), false, preview.original())));
    }

    private Stored stored(ImportedSource imported) {
        UUID text = jdbc.queryForObject("select text_version_id from source where id = ?", UUID.class,
                imported.sourceId());
        var row = jdbc.queryForMap("select sha256, text_length, octet_length(content) as bytes from text_version"
                + " where id = ?", text);
        long segments = count("select count(*) from text_segment where text_version_id = ?", text);
        long labels = count("select coalesce(sum(char_length(label)), 0) from text_segment where text_version_id = ?",
                text);
        long capture = count("select coalesce(sum(size_bytes), 0) from source_capture where source_id = ?",
                imported.sourceId());
        var kinds = new java.util.TreeMap<String, Long>();
        jdbc.query("select block_kind, count(*) as n from text_segment where text_version_id = ? and kind = 'PASSAGE'"
                + " group by block_kind", rs -> {
                    kinds.put(rs.getString(1), rs.getLong(2));
                }, text);
        return new Stored((String) row.get("sha256"), ((Number) row.get("text_length")).longValue(),
                ((Number) row.get("bytes")).longValue(), segments, labels, capture, kinds);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long rows() {
        return count("select count(*) from source") + count("select count(*) from text_version")
                + count("select count(*) from text_segment") + count("select count(*) from source_capture");
    }
}

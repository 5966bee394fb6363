package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Every import keeps its original with the source, in the same transaction (issue 19, point 7): run against H2
 * and PostgreSQL by the two subclasses.
 */
abstract class CaptureContract {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    CaptureService captures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectAccess access;
    @Autowired
    SourceRepository sourceRepository;
    @Autowired
    TextVersionRepository texts;
    @Autowired
    TextSegmentRepository segments;
    @Autowired
    ImportProperties limits;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CaptureRepository captureRepository;

    AnnalsPrincipal editor;
    AnnalsPrincipal viewer;
    AnnalsPrincipal outsider;
    UUID project;

    static final byte[] FILE = ("# Fall of Hama\n\nOpposition forces entered Hama on 5 December 2024, after days of"
            + " fighting north of the city.\n").getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void projectWithMembers() {
        editor = fixtures.newUser("capture-editor");
        viewer = fixtures.newUser("capture-viewer");
        outsider = fixtures.newUser("capture-outsider");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
    }

    private ImportedSource importFile(SourceImportService service, String name, byte[] bytes) {
        ImportPreview preview = as(editor, () -> service.preview(project, name, bytes));
        return as(editor, () -> service.importSource(project, new ImportRequest(SourceMetadata.titled("Hama"),
                preview.draft().format(), preview.draft().blocks(), name, preview.charset(), true,
                preview.original())));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where project_id = ?", Long.class, project);
    }

    @Test
    void an_uploaded_file_is_kept_byte_for_byte_with_its_name_time_and_hash() {
        Instant before = Instant.now().minusSeconds(1);
        ImportedSource imported = importFile(imports, "hama.md", FILE);

        SourceText read = as(viewer, () -> sources.read(project, imported.sourceId()));
        CaptureDetails capture = read.source().capture();
        assertThat(capture).isNotNull();
        assertThat(capture.kind()).isEqualTo(Original.Kind.FILE);
        assertThat(capture.fileName()).isEqualTo("hama.md");
        assertThat(capture.finalUrl()).isNull();
        assertThat(capture.sha256()).isEqualTo(Original.sha256(FILE));
        assertThat(capture.size()).isEqualTo(FILE.length);
        assertThat(capture.retrievedAt()).isAfter(before);
        assertThat(capture.originalKept()).isTrue();

        OriginalFile original = as(viewer, () -> captures.original(project, imported.sourceId()));
        assertThat(original.bytes()).isEqualTo(FILE);
        assertThat(original.fileName()).isEqualTo("hama.md");
        // The capture records the frozen text it was turned into.
        assertThat(jdbc.queryForObject("select text_version_id from source_capture where source_id = ?", UUID.class,
                imported.sourceId())).isEqualTo(sourceRepository.findById(imported.sourceId()).orElseThrow()
                        .getTextVersionId());
    }

    @Test
    void pasted_text_has_no_original() {
        ImportPreview preview = as(editor, () -> imports.previewPasted(project, "Pasted words about Homs."));
        assertThat(preview.original()).isNull();
        ImportedSource imported = as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Pasted"), preview.draft().format(), preview.draft().blocks(), null, null, true,
                preview.original())));

        assertThat(as(viewer, () -> sources.read(project, imported.sourceId())).source().capture()).isNull();
        assertThatThrownBy(() -> as(viewer, () -> captures.original(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_capture_that_cannot_be_stored_leaves_no_source_no_text_and_no_capture() {
        ImportPreview preview = as(editor, () -> imports.preview(project, "hama.md", FILE));
        long sourcesBefore = count("source");
        long textsBefore = count("text_version");
        long capturesBefore = count("source_capture");
        // An address longer than the column: the capture's insert fails after the source and its text were written.
        var broken = new Original(Original.Kind.URL, null, "https://example.org/", "https://example.org/"
                + "x".repeat(2100), 200, "text/html", Instant.now(), Original.sha256(FILE), FILE);

        assertThatThrownBy(() -> as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Broken capture"), preview.draft().format(), preview.draft().blocks(), null,
                null, true, broken)))).isInstanceOf(RuntimeException.class);

        assertThat(count("source")).isEqualTo(sourcesBefore);
        assertThat(count("text_version")).isEqualTo(textsBefore);
        assertThat(count("source_capture")).isEqualTo(capturesBefore);
    }

    @Test
    void an_original_above_the_keep_limit_keeps_its_hash_and_metadata_but_not_its_bytes() {
        var keepingLittle = new SourceImportService(access, sourceRepository, texts, segments, limits, events,
                captureRepository, new OriginalProperties(DataSize.ofBytes(16)));
        ImportedSource imported = importFile(keepingLittle, "hama.md", FILE);

        CaptureDetails capture = as(viewer, () -> captures.details(project, imported.sourceId())).orElseThrow();
        assertThat(capture.originalKept()).isFalse();
        assertThat(capture.sha256()).isEqualTo(Original.sha256(FILE));
        assertThat(capture.size()).isEqualTo(FILE.length);
        assertThatThrownBy(() -> as(viewer, () -> captures.original(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void only_members_may_see_a_capture_or_download_an_original() {
        ImportedSource imported = importFile(imports, "hama.md", FILE);

        assertThatThrownBy(() -> as(outsider, () -> captures.original(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> captures.details(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
        // A source of another project is not found through this one.
        UUID other = fixtures.newProject(fixtures.admin());
        assertThatThrownBy(() -> as(fixtures.admin(), () -> captures.original(other, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_duplicate_text_gets_its_own_capture_pointing_at_the_shared_text() {
        ImportedSource first = importFile(imports, "hama.md", FILE);
        ImportedSource second = importFile(imports, "hama-again.md", FILE);

        assertThat(count("source_capture")).isEqualTo(2);
        assertThat(as(viewer, () -> captures.details(project, second.sourceId())).orElseThrow().fileName())
                .isEqualTo("hama-again.md");
        assertThat(jdbc.queryForList("select distinct text_version_id from source_capture where project_id = ?",
                UUID.class, project)).hasSize(1);
        assertThat(first.sourceId()).isNotEqualTo(second.sourceId());
    }
}

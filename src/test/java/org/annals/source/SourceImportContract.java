package org.annals.source;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Import and reading of sources, run against H2 and against PostgreSQL by the two subclasses. */
abstract class SourceImportContract {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    TextVersionRepository texts;
    @Autowired
    TextSegmentRepository segments;
    @Autowired
    Fixtures fixtures;

    AnnalsPrincipal editor;
    UUID project;

    static final String WIKI = """
            = Battle of Aleppo (2024) =

            On 29 November 2024, opposition groups entered Aleppo.[27] The battle began on the third day.[a]

            == Background ==

            Aleppo had been held by the government since 2016.[ better source needed ]

            == Aftermath ==

            😀 سقطت حلب — the city fell within days.[28]
            """;

    @BeforeEach
    void projectWithAnEditor() {
        editor = fixtures.newUser("editor");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
    }

    private ImportedSource importWiki(String title, boolean allowDuplicate) {
        ImportPreview preview = as(editor, () -> imports.preview(project, "aleppo.wiki", WIKI.getBytes(StandardCharsets.UTF_8)));
        var metadata = new SourceMetadata(title, "https://en.wikipedia.org/wiki/Battle_of_Aleppo_(2024)", "Wikipedia",
                "Wikipedia contributors", LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 15), "en", "CC BY-SA 4.0");
        return as(editor, () -> imports.importSource(project, new ImportRequest(metadata, preview.draft().format(),
                preview.draft().blocks(), "aleppo.wiki", preview.charset(), allowDuplicate)));
    }

    @Test
    void an_imported_source_reads_back_with_the_same_text_offsets_and_markers() {
        ImportedSource imported = importWiki("Battle of Aleppo", false);

        SourceText read = as(editor, () -> sources.read(project, imported.sourceId()));
        assertThat(read.source().metadata().title()).isEqualTo("Battle of Aleppo");
        assertThat(read.source().metadata().publishedOn()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(read.source().sha256()).isEqualTo(TextFreezer.sha256(read.text()));
        assertThat(read.text()).startsWith("Battle of Aleppo (2024)").contains("😀 سقطت حلب");
        assertThat(read.sections()).extracting(SourceText.Section::title)
                .containsExactly("Battle of Aleppo (2024)", "Background", "Aftermath");
        assertThat(read.sections()).extracting(SourceText.Section::parent).containsExactly(null, 0, 0);
        assertThat(read.passages()).extracting(p -> read.text().substring(p.start(), p.end()))
                .contains("Aleppo had been held by the government since 2016.[ better source needed ]");
        assertThat(read.citations()).extracting(c -> read.text().substring(c.start(), c.end()))
                .containsExactly("[27]", "[a]", "[ better source needed ]", "[28]");
        assertThat(imported.citations()).isEqualTo(4);

        // The editor's page reads the same structure without the text (its browser downloads the text itself).
        SourceText.Outline outline = as(editor, () -> sources.outline(project, imported.sourceId()));
        assertThat(outline).isEqualTo(new SourceText.Outline(read.source(), read.sections(), read.passages(),
                read.citations()));
        assertThat(as(editor, () -> sources.text(project, imported.sourceId()))).isEqualTo(read.text());
        // The beginning alone (the first screen of a page opened by its address), and all of a shorter text.
        assertThat(as(editor, () -> sources.textBeginning(project, imported.sourceId(), 100)))
                .isEqualTo(read.text().substring(0, 100));
        assertThat(as(editor, () -> sources.textBeginning(project, imported.sourceId(), read.text().length() + 50)))
                .isEqualTo(read.text());
        // Both after one lookup, for the page's first screen made before its view.
        assertThat(as(editor, () -> sources.opening(project, imported.sourceId(), 100)))
                .isEqualTo(new SourceText.Opening(outline, read.text().substring(0, 100)));
    }

    @Test
    void importing_the_same_text_again_warns_and_links_to_the_existing_source() {
        ImportedSource first = importWiki("First copy", false);
        long textsBefore = texts.count();

        ImportPreview again = as(editor, () -> imports.preview(project, "again.wiki", WIKI.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.duplicates()).extracting(ExistingSource::id).containsExactly(first.sourceId());
        assertThatThrownBy(() -> importWiki("Second copy", false))
                .isInstanceOfSatisfying(DuplicateSourceException.class,
                        e -> assertThat(e.existing().id()).isEqualTo(first.sourceId()));

        ImportedSource second = importWiki("Second copy", true);
        assertThat(second.sourceId()).isNotEqualTo(first.sourceId());
        assertThat(texts.count()).as("the identical text is stored once").isEqualTo(textsBefore);
    }

    @Test
    void invalid_metadata_is_refused_and_nothing_is_stored() {
        long textsBefore = texts.count();
        long segmentsBefore = segments.count();
        ImportPreview preview = as(editor, () -> imports.preview(project, "a.wiki", WIKI.getBytes(StandardCharsets.UTF_8)));
        for (var metadata : List.of(SourceMetadata.titled("  "),
                new SourceMetadata("t", "javascript:alert(1)", null, null, null, null, null, null),
                new SourceMetadata("t", null, null, null, LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 1), null, null),
                new SourceMetadata("t", null, null, null, null, null, "english please", null),
                new SourceMetadata("x".repeat(501), null, null, null, null, null, null, null))) {
            assertThatThrownBy(() -> as(editor, () -> imports.importSource(project, new ImportRequest(metadata,
                    preview.draft().format(), preview.draft().blocks(), null, null, false))))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(texts.count()).isEqualTo(textsBefore);
        assertThat(segments.count()).isEqualTo(segmentsBefore);
    }

    @Test
    void a_failure_late_in_the_transaction_leaves_nothing_half_imported() {
        long textsBefore = texts.count();
        long segmentsBefore = segments.count();
        // An administrator whose account no longer exists: the source row itself cannot be written.
        AnnalsPrincipal ghost = new AnnalsPrincipal(UUID.randomUUID(), "ghost", "Ghost", null, true, true);
        ImportPreview preview = as(editor, () -> imports.preview(project, "a.wiki", WIKI.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> as(ghost, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Ghost import"), preview.draft().format(), preview.draft().blocks(), null, null,
                false)))).isNotNull();
        assertThat(texts.count()).isEqualTo(textsBefore);
        assertThat(segments.count()).isEqualTo(segmentsBefore);
    }

    @Test
    void viewers_read_but_cannot_import_and_outsiders_cannot_tell_the_source_exists() {
        ImportedSource imported = importWiki("Readable", false);
        AnnalsPrincipal viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        AnnalsPrincipal outsider = fixtures.newUser("outsider");

        assertThat(as(viewer, () -> sources.read(project, imported.sourceId())).text()).isNotEmpty();
        assertThatThrownBy(() -> as(viewer, () -> imports.preview(project, "x.txt", "text".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(outsider, () -> sources.read(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> sources.outline(project, imported.sourceId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> sources.textBeginning(project, imported.sourceId(), 100)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> sources.opening(project, imported.sourceId(), 100)))
                .isInstanceOf(NotFoundException.class);
        UUID otherProject = fixtures.newProject(fixtures.admin());
        assertThatThrownBy(() -> as(fixtures.admin(), () -> sources.read(otherProject, imported.sourceId())))
                .as("a source is only found in its own project").isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_library_pages_sorts_and_filters() {
        for (String title : List.of("Charlie report", "alpha report", "Bravo bulletin")) {
            byte[] text = ("A text about " + title + ".").getBytes(StandardCharsets.UTF_8);
            ImportPreview preview = as(editor, () -> imports.preview(project, title + ".txt", text));
            as(editor, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled(title),
                    preview.draft().format(), preview.draft().blocks(), null, null, false)));
        }
        assertThat(as(editor, () -> sources.library(project, "", Sort.by("title"), 0, 10)))
                .extracting(SourceSummary::title).containsExactly("alpha report", "Bravo bulletin", "Charlie report");
        assertThat(as(editor, () -> sources.library(project, "REPORT", Sort.by(Sort.Order.desc("title")), 0, 10)))
                .extracting(SourceSummary::title).containsExactly("Charlie report", "alpha report");
        assertThat(as(editor, () -> sources.library(project, "", Sort.by("title"), 1, 2)))
                .extracting(SourceSummary::title).containsExactly("Charlie report");
        assertThat(as(editor, () -> sources.count(project, "bulletin"))).isEqualTo(1);
        // Unknown sort keys are ignored rather than passed to the database.
        assertThat(as(editor, () -> sources.library(project, "", Sort.by("content"), 0, 10))).hasSize(3);
    }

    @Test
    void a_source_with_more_parts_or_characters_than_one_may_hold_is_refused_and_nothing_is_stored() {
        long textsBefore = texts.count();
        long segmentsBefore = segments.count();
        int maxSegments = as(editor, () -> imports.limits()).maxSegments();
        var tooManyParts = Collections.nCopies(maxSegments + 1,
                DraftBlock.of(BlockKind.PARAGRAPH, "p"));
        assertThatThrownBy(() -> as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Parts"), SourceFormat.PLAIN_TEXT, tooManyParts, null,
                null, false)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too many parts").hasMessageContaining("at most 200,000");

        int maxLength = as(editor, () -> imports.limits()).maxTextLength();
        var tooLong = List.of(DraftBlock.of(BlockKind.PARAGRAPH,
                "a".repeat(maxLength + 1)));
        assertThatThrownBy(() -> as(editor, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Long"), SourceFormat.PLAIN_TEXT, tooLong, null, null,
                false)))).hasMessageContaining("10,000,001 characters").hasMessageContaining("at most 10,000,000");

        assertThat(texts.count()).isEqualTo(textsBefore);
        assertThat(segments.count()).isEqualTo(segmentsBefore);
        assertThat(as(editor, () -> sources.count(project, ""))).isZero();
    }

    @Test
    void dates_of_a_source_outside_the_supported_years_are_refused_with_the_range() {
        var metadata = new SourceMetadata("Ancient", null, null, null, LocalDate.of(-500, 3, 1), null, null, null);
        assertThatThrownBy(() -> as(editor, () -> imports.importSource(project, new ImportRequest(metadata,
                SourceFormat.PLAIN_TEXT, List.of(DraftBlock.of(
                        BlockKind.PARAGRAPH, "Text.")), null, null, false))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The published date: The year -500 is outside the years Annals supports (1 to 9999).");
        assertThat(as(editor, () -> sources.count(project, ""))).isZero();
    }
}

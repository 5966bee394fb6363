package org.annals.bench;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.annals.bench.SearchCorpusGenerator.Corpus;
import org.annals.bench.SearchCorpusGenerator.Plan;
import org.annals.entity.EntityService;
import org.annals.event.EventService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search benchmark's data set, made small, is what the application itself would have stored: the
 * services read it, quotes match their texts, pending changesets can be approved, rare words are
 * where the generator says, and the same plan gives the same texts.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCorpusGeneratorPostgresTest {

    private static final Plan SMALL = new Plan(30, 60, 40, 250, 30, 12, 24);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    EventService events;
    @Autowired
    EntityService entities;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;

    private UUID project;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal reviewer;
    private Corpus corpus;

    @BeforeAll
    void generate() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("corpus-editor");
        reviewer = fixtures.newUser("corpus-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        corpus = new SearchCorpusGenerator(dataSource, project, List.of(editor.userId())).generate(SMALL);
    }

    @Test
    void rows_are_counted_as_loaded_and_texts_have_about_fifty_passages_of_200_to_600_characters() {
        assertThat(count("select count(*) from source where project_id = ?")).isEqualTo(30)
                .isEqualTo(corpus.rows().get("source"));
        // Less the annotations that approving the pending changesets (another test) may have created.
        assertThat(count("select count(*) from annotation where project_id = ?") - count("select count(*) from"
                + " record_revision where project_id = ? and record_kind = 'ANNOTATION' and action = 'CREATE'"))
                .isEqualTo(250);
        assertThat(count("select count(*) from event_record where project_id = ?") - count("select count(*) from"
                + " record_revision where project_id = ? and record_kind = 'EVENT' and action = 'CREATE'"))
                .isEqualTo(40);
        assertThat(count("select count(*) from entity_record where project_id = ?") - count("select count(*) from"
                + " record_revision where project_id = ? and record_kind = 'ENTITY' and action = 'CREATE'"))
                .isEqualTo(60);
        assertThat(count("select count(*) from record_comment where project_id = ?")).isEqualTo(30);
        assertThat(count("select count(*) from changeset where project_id = ?")).isEqualTo(12);
        long passages = count("select count(*) from text_segment s join text_version t on t.id = s.text_version_id"
                + " where t.project_id = ? and s.kind = 'PASSAGE'");
        assertThat(passages).isEqualTo(corpus.rows().get("text_segment PASSAGE"));
        assertThat(passages / 30.0).isBetween(35.0, 65.0);
        assertThat(count("select count(*) from event_actor a join event_record e on e.id = a.event_id"
                + " where e.project_id = ?")).isGreaterThanOrEqualTo(40);
        assertThat(count("select count(*) from entity_alias a join entity_record e on e.id = a.entity_id"
                + " where e.project_id = ? and a.language = 'ar'")).isEqualTo(60);

        UUID first = corpus.sampleSources().getFirst();
        var read = as(editor, () -> sources.read(project, first));
        assertThat(read.sections()).hasSizeGreaterThanOrEqualTo(6);
        for (var passage : read.passages()) {
            int length = passage.end() - passage.start();
            switch (passage.kind()) {
                case PARAGRAPH, QUOTE -> assertThat(length).as("passage %s", passage.ordinal()).isBetween(200, 600);
                case HEADING -> assertThat(length).isPositive();
                default -> assertThat(length).isBetween(20, 1_500);
            }
        }
    }

    @Test
    void every_annotation_quotes_its_text_with_its_context_inside_one_passage() {
        var texts = new HashMap<UUID, String>();
        jdbc.query("select id, content from text_version where project_id = ?",
                row -> {
                    texts.put(row.getObject(1, UUID.class), row.getString(2));
                }, project);
        var checked = new int[1];
        jdbc.query("select a.text_version_id, a.start_offset, a.end_offset, a.exact_quote, a.prefix, a.suffix,"
                + " (select count(*) from text_segment s where s.text_version_id = a.text_version_id"
                + "   and s.kind = 'PASSAGE' and s.start_offset <= a.start_offset and a.end_offset <= s.end_offset)"
                + " from annotation a where a.project_id = ?", row -> {
                    String text = texts.get(row.getObject(1, UUID.class));
                    int start = row.getInt(2);
                    int end = row.getInt(3);
                    assertThat(row.getString(4)).isEqualTo(text.substring(start, end));
                    assertThat(row.getString(5)).isEqualTo(text.substring(Math.max(0, start - 32), start));
                    assertThat(row.getString(6)).isEqualTo(text.substring(end, Math.min(text.length(), end + 32)));
                    assertThat(row.getLong(7)).isEqualTo(1);
                    checked[0]++;
                }, project);
        assertThat(checked[0]).isGreaterThanOrEqualTo(250);
        assertThat(count("select count(*) from annotation where project_id = ? and annotation_type = 'ENTITY_MENTION'"
                + " and exact_quote not in (select name from entity_alias union select name from entity_record)"))
                .as("entity mentions quote a spelling that is not in the registry (a variant)").isPositive();
    }

    @Test
    void rare_words_occur_exactly_where_the_corpus_says() {
        var texts = new HashMap<UUID, String>();
        jdbc.query("select s.id, t.content from source s join text_version t on t.id = s.text_version_id"
                + " where s.project_id = ?", row -> {
                    texts.put(row.getObject(1, UUID.class), row.getString(2));
                }, project);
        Map<String, Set<UUID>> found = new HashMap<>();
        texts.forEach((source, text) -> {
            for (String token : text.split("[^\\p{L}\\p{M}]+")) {
                found.computeIfAbsent(token, t -> new HashSet<>()).add(source);
            }
        });
        assertThat(corpus.rareWords()).hasSize(24).anyMatch(SearchCorpusGenerator.RareWord::arabic);
        for (var rare : corpus.rareWords()) {
            assertThat(found.get(rare.word())).as(rare.word()).isEqualTo(Set.copyOf(rare.sources()));
        }
        assertThat(corpus.phrases()).isNotEmpty().allSatisfy(phrase -> assertThat(phrase.text().split(" ")).hasSize(3));
    }

    @Test
    void the_services_read_events_and_entities_and_pending_changesets_can_be_approved() {
        for (var name : corpus.names().subList(0, 20)) {
            var details = as(editor, () -> entities.get(project, name.entityId()));
            assertThat(details.values().name()).isEqualTo(name.name());
        }
        jdbc.queryForList("select id from event_record where project_id = ?", UUID.class, project).forEach(id -> {
            var event = as(editor, () -> events.get(project, id));
            assertThat(event.title()).isNotBlank();
            assertThat(event.actors()).isNotEmpty();
        });
        int approved = 0;
        for (var pending : corpus.pending()) {
            var details = as(editor, () -> changesets.details(pending.changesetId()));
            assertThat(details.operations()).isNotEmpty();
            if (pending.draft()) {
                assertThat(details.summary().state()).isEqualTo(ChangesetState.DRAFT);
                continue;
            }
            as(reviewer, () -> review.approve(pending.changesetId(), null));
            assertThat(as(editor, () -> changesets.details(pending.changesetId())).summary().state())
                    .isEqualTo(ChangesetState.APPROVED);
            approved++;
        }
        assertThat(approved).isEqualTo(11);
        assertThat(count("select count(*) from record_revision where project_id = ? and record_kind = 'ANNOTATION'"))
                .isPositive();
    }

    @Test
    void the_same_plan_gives_the_same_texts() {
        UUID other = fixtures.newProject(fixtures.admin());
        new SearchCorpusGenerator(dataSource, other, List.of(editor.userId())).generate(SMALL);
        String byId = "select sha256 from text_version where project_id = ? order by id";
        assertThat(jdbc.queryForList(byId, String.class, other)).isEqualTo(jdbc.queryForList(byId, String.class, project))
                .hasSize(30);
        String quotes = "select exact_quote from annotation where project_id = ? order by id";
        assertThat(jdbc.queryForList(quotes, String.class, other)).isEqualTo(jdbc.queryForList(quotes, String.class, project));
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class, project);
        return value == null ? 0 : value;
    }
}

package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.account.AccountService;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over real HTTP with access tokens: a token works with its person's rights as they are at each
 * request (a lowered role, a removed membership, a disabled account), and a proposal that reaches
 * into another project or reuses another project's record id gets a 400 problem, not a 500.
 */
@ApiTest
class RightsAndReferencesOverApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    ProjectService projects;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnnotationService annotations;

    private ApiClient api;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal reviewer;
    private UUID project;

    @BeforeEach
    void aProject() {
        api = new ApiClient(port);
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
    }

    @Test
    void a_write_token_acts_with_the_rights_its_person_has_at_each_request() {
        String reviewerToken = token(reviewer);
        String editorToken = token(editor);
        UUID first = proposal("Hama");
        UUID second = proposal("Homs");

        Fixtures.as(fixtures.admin(), () -> projects.changeRole(project, reviewer.userId(), ProjectRole.VIEWER));
        assertThat(api.post("/api/v1/changesets/" + first + "/approve", reviewerToken, Map.of()).problem(403))
                .contains("role in this project");
        Fixtures.as(fixtures.admin(), () -> projects.removeMember(project, editor.userId()));
        assertThat(api.post("/api/v1/projects/" + project + "/changesets", editorToken, entityCreation(UUID.randomUUID(),
                "Idlib")).problem(404)).isEqualTo("Project not found.");
        Fixtures.as(fixtures.admin(), () -> projects.changeRole(project, reviewer.userId(), ProjectRole.REVIEWER));
        Fixtures.as(fixtures.admin(), () -> accounts.setEnabled(reviewer.userId(), false));
        assertThat(api.post("/api/v1/changesets/" + second + "/approve", reviewerToken, Map.of()).problem(401))
                .contains("disabled");

        assertThat(jdbc.queryForObject("select count(*) from entity_record where project_id = ?", Long.class, project))
                .isZero();
        assertThat(jdbc.queryForList("select state from changeset where project_id = ?", String.class, project))
                .containsOnly("SUBMITTED");
    }

    @Test
    void another_projects_record_id_or_source_in_a_proposal_is_a_400_problem() {
        UUID other = fixtures.newProject(fixtures.admin());
        fixtures.addMember(other, editor, ProjectRole.EDITOR);
        fixtures.addMember(other, reviewer, ProjectRole.REVIEWER);
        var elsewhere = Fixtures.as(editor, () -> entities.proposeCreate(other, EntityPayload.of(EntityKind.PLACE, "Hama"),
                "Hama", true));
        Fixtures.as(reviewer, () -> review.approve(elsewhere.changesetId(), null));
        UUID otherSource = fixtures.newSource(other, editor, "Report", "Twelve people were killed.");
        String editorToken = token(editor);
        String base = "/api/v1/projects/" + project + "/changesets";

        assertThat(api.post(base, editorToken, entityCreation(elsewhere.entityId(), "Hama")).problem(400))
                .contains("already used by another record");
        String type = Fixtures.as(editor, () -> taxonomy.taxonomy(project)).getFirst().id().toString();
        var citing = api.post(base, editorToken, eventWithClaim(type, Map.of("field", "CASUALTIES",
                "casualties", Map.of("category", "KILLED", "minimum", 12, "maximum", 12),
                "sourceId", otherSource.toString())));
        assertThat(citing.problem(400)).contains("refers to a source that does not exist in this project");
        // a claim's quote is an annotation of the same project too
        int start = "Twelve people were killed.".indexOf("Twelve people");
        var quote = Fixtures.as(editor, () -> annotations.annotate(other, otherSource, start, start + 13,
                "Twelve people", AnnotationType.CASUALTY_FIGURE, new LinkChoice.None()));
        Fixtures.as(editor, () -> annotations.submitDraft(other, quote.changesetId(), "A figure"));
        Fixtures.as(reviewer, () -> review.approve(quote.changesetId(), null));
        UUID ownSource = fixtures.newSource(project, editor, "Report", "Twelve people were killed.");
        var quoting = api.post(base, editorToken, eventWithClaim(type, Map.of("field", "CASUALTIES",
                "casualties", Map.of("category", "KILLED", "minimum", 12, "maximum", 12),
                "sourceId", ownSource.toString(), "annotationId", quote.annotationId().toString())));
        assertThat(quoting.problem(400)).contains("refers to an annotation that does not exist in this project");
        assertThat(jdbc.queryForObject("select count(*) from changeset where project_id = ?", Long.class, project))
                .isZero();
    }

    private static Map<String, Object> eventWithClaim(String type, Map<String, Object> claim) {
        return Map.of("message", "Cites", "submit", true, "operations", List.of(
                Map.of("kind", "EVENT", "recordId", UUID.randomUUID().toString(), "action", "CREATE",
                        "payload", Map.of("title", "Clashes", "start", Map.of("date", "2024-12-06", "precision", "DAY"),
                                "typeId", type, "claims", List.of(claim)))));
    }

    private UUID proposal(String name) {
        return Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), name,
                true)).changesetId();
    }

    private static Map<String, Object> entityCreation(UUID id, String name) {
        return Map.of("message", "Add " + name, "submit", true, "operations", List.of(Map.of("kind", "ENTITY",
                "recordId", id.toString(), "action", "CREATE", "payload", Map.of("kind", "PLACE", "name", name))));
    }

    private String token(AnnalsPrincipal user) {
        return Fixtures.as(user, () -> tokens.create("test", null, TokenScope.WRITE, LocalDate.now().plusDays(1))).secret();
    }
}

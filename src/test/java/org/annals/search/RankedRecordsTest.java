package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.project.ProjectRole;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pickers' and link dialog's candidates as the search engine ranks them: vetted before proposals, what
 * each person may see, and the pickers' own search while the engine finds nothing.
 */
@IntegrationTest
class RankedRecordsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SearchEngine engine;
    @Autowired
    SearchService search;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;

    private UUID project;
    private AnnalsPrincipal viewer;
    private AnnalsPrincipal editor;
    private UUID zaid;
    private UUID harith;

    @BeforeEach
    void twoVettedPeople() {
        project = fixtures.newProject(fixtures.admin());
        viewer = fixtures.newUser("ranked-viewer");
        editor = fixtures.newUser("ranked-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("ranked-reviewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        zaid = vetted("Zaid ibn Harith", editor, reviewer);
        harith = vetted("Harith al-Ansari", editor, reviewer);
    }

    private UUID vetted(String name, AnnalsPrincipal proposer, AnnalsPrincipal reviewer) {
        var proposed = as(proposer, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PERSON, name),
                "Add " + name, true));
        as(reviewer, () -> review.approve(proposed.changesetId(), null));
        return proposed.entityId();
    }

    @Test
    void vetted_records_come_before_proposals_and_proposals_only_for_editors() {
        UUID proposal = UUID.randomUUID();
        TestDocuments.put(engine,
                TestDocuments.proposedEntity(project, proposal, "Zayd the proposed", "PERSON", Audience.EDITORS,
                        editor.userId(), UUID.randomUUID()),
                TestDocuments.entity(project, zaid, "Zayd ibn Haritha", "PERSON"));
        assertThat(as(editor, () -> search.rankRecords(project, "zayd", SearchKind.ENTITY, Set.of(), 10)))
                .containsExactly(new RecordRef("ENTITY", zaid), new RecordRef("ENTITY", proposal));
        assertThat(as(viewer, () -> search.rankRecords(project, "zayd", SearchKind.ENTITY, Set.of(), 10)))
                .containsExactly(new RecordRef("ENTITY", zaid));
        assertThat(as(editor, () -> search.rankRecords(project, "zayd", SearchKind.ENTITY, Set.of("PLACE"), 10)))
                .isEmpty();
        assertThat(as(editor, () -> search.rankRecords(project, "   ", SearchKind.ENTITY, Set.of(), 10))).isEmpty();
    }

    @Test
    void pickers_offer_what_the_engine_finds_first_and_their_own_search_when_it_finds_nothing() {
        // The engine knows a spelling the database's name search cannot find.
        TestDocuments.put(engine, TestDocuments.entity(project, zaid, "Zayd ibn Haritha", "PERSON"),
                TestDocuments.entity(project, UUID.randomUUID(), "Zayd, since deleted", "PERSON"));
        List<EntitySummary> found = as(editor, () -> entities.searchRanked(project, "zayd", null, 10));
        assertThat(found).extracting(EntitySummary::id).containsExactly(zaid);
        assertThat(as(editor, () -> entities.search(project, "zayd", null, 0, 10))).isEmpty();

        // Part of a word: nothing for the engine, the pickers' own search by name as before.
        assertThat(as(editor, () -> entities.searchRanked(project, "arit", null, 10))).extracting(EntitySummary::name)
                .containsExactly("Harith al-Ansari", "Zaid ibn Harith");
        assertThat(as(editor, () -> entities.recentRanked(project, "arit", EntityKind.PERSON, 10)))
                .extracting(EntitySummary::id).containsExactlyInAnyOrder(zaid, harith);
    }
}

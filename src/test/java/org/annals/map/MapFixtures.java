package org.annals.map;

import static org.annals.support.Fixtures.as;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.GeoPrecision;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.springframework.stereotype.Component;

/**
 * A small project for the map, built through the real services and review: three places (Aleppo, a town; the Hama
 * citadel, an exact point; Tall Rifat, with no coordinates), an actor, a source, and four vetted events: a battle in
 * Aleppo citing the source, an explosion at the citadel, a battle at Tall Rifat (no location: not on the map) and a
 * battle with no place. The browser journey builds its project here too (one method to switch to the sample project).
 */
@Component
public class MapFixtures {

    /** What {@link #smallWar} built. */
    public record SmallWar(UUID project, AnnalsPrincipal editor, AnnalsPrincipal reviewer, AnnalsPrincipal viewer,
            UUID battles, UUID explosions, UUID aleppo, UUID citadel, UUID tallRifat, UUID hts, UUID source,
            UUID aleppoBattle, UUID citadelBlast, UUID unlocatedBattle, UUID placelessBattle) {
    }

    public static final String SOURCE_TITLE = "Battle of Aleppo (2024)";
    public static final String SOURCE_TEXT = "On 30 November 2024, HTS-led forces entered Aleppo.";

    private final Fixtures fixtures;
    private final EntityService entities;
    private final EventService events;
    private final TaxonomyService taxonomy;
    private final ReviewService review;

    MapFixtures(Fixtures fixtures, EntityService entities, EventService events, TaxonomyService taxonomy,
            ReviewService review) {
        this.fixtures = fixtures;
        this.entities = entities;
        this.events = events;
        this.taxonomy = taxonomy;
        this.review = review;
    }

    public SmallWar smallWar() {
        UUID project = fixtures.newProject(fixtures.admin());
        var editor = fixtures.newUser("map-editor");
        var reviewer = fixtures.newUser("map-reviewer");
        var viewer = fixtures.newUser("map-viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        var types = as(editor, () -> taxonomy.taxonomy(project));
        UUID battles = types.getFirst().id();
        UUID explosions = types.get(1).id();
        UUID aleppo = entity(project, editor, reviewer, EntityPayload.of(EntityKind.PLACE, "Aleppo")
                .withCoordinates(36.2021, 37.1343).withPrecision(GeoPrecision.TOWN));
        UUID citadel = entity(project, editor, reviewer, EntityPayload.of(EntityKind.PLACE, "Hama citadel")
                .withCoordinates(35.1367, 36.7539).withPrecision(GeoPrecision.EXACT));
        UUID tallRifat = entity(project, editor, reviewer, EntityPayload.of(EntityKind.PLACE, "Tall Rifat"));
        UUID hts = entity(project, editor, reviewer, EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham"));
        UUID source = fixtures.newSource(project, editor, SOURCE_TITLE, SOURCE_TEXT);
        UUID aleppoBattle = event(project, editor, reviewer, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles).withPlace(aleppo)
                .withActors(List.of(new EventActor(hts, ActorRole.PRIMARY)))
                .withClaims(List.of(EventClaim.date(null, PartialDate.parse("2024-11-30"), null, source, null))));
        UUID citadelBlast = event(project, editor, reviewer, EventPayload.of("Blast at the citadel",
                PartialDate.parse("2024-12-05"), explosions).withPlace(citadel));
        UUID unlocated = event(project, editor, reviewer, EventPayload.of("Fighting near Tall Rifat",
                PartialDate.parse("2024-12-01"), battles).withPlace(tallRifat));
        UUID placeless = event(project, editor, reviewer, EventPayload.of("Clashes somewhere in the north",
                PartialDate.parse("2024-12-02"), battles));
        return new SmallWar(project, editor, reviewer, viewer, battles, explosions, aleppo, citadel, tallRifat, hts,
                source, aleppoBattle, citadelBlast, unlocated, placeless);
    }

    private UUID entity(UUID project, AnnalsPrincipal editor, AnnalsPrincipal reviewer, EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID event(UUID project, AnnalsPrincipal editor, AnnalsPrincipal reviewer, EventPayload values) {
        var proposal = as(editor, () -> events.proposeCreate(project, values, "Add " + values.title(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }
}

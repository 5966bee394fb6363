package org.annals.entity.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.GeoPrecision;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A place's page and form without a browser (issue 20): its coordinates with what they stand for, or the ancestor
 * whose coordinates stand in; its administrative areas; the precision chosen in the form reaches the proposal.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class PlaceLocationViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcTemplate jdbc;

    private UUID project;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal reviewer;
    private UUID town;
    private UUID citadel;

    @BeforeEach
    void aChainOfPlaces() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("place-view-editor");
        reviewer = fixtures.newUser("place-view-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID syria = place("Syria", 35.0, 38.5, GeoPrecision.COUNTRY, null);
        UUID aleppo = place("Aleppo Governorate", 36.2, 37.6, GeoPrecision.REGION, syria);
        town = place("Aleppo", 36.2, 37.15, GeoPrecision.TOWN, aleppo);
        citadel = place("Citadel of Aleppo", null, null, null, town);
    }

    private UUID place(String name, @Nullable Double latitude, @Nullable Double longitude,
            @Nullable GeoPrecision precision, @Nullable UUID partOf) {
        var values = EntityPayload.of(EntityKind.PLACE, name).withCoordinates(latitude, longitude)
                .withPrecision(precision).withPartOf(partOf);
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }


    private String facts() {
        return find(Div.class).all().stream().filter(d -> d.hasClassName("entity-facts")).findFirst().orElseThrow()
                .getElement().getTextRecursively();
    }

    @Test
    void a_place_shows_its_coordinates_and_precision_or_whose_coordinates_stand_in_and_its_areas() {
        signIn(editor);
        navigate(ProjectRoutes.entityPath(project, town), Component.class);
        assertThat(facts()).contains("Coordinates: 36.2, 37.15 (Town or city)")
                .contains("Administrative areas: Syria › Aleppo Governorate")
                .doesNotContain("Located by");

        navigate(ProjectRoutes.entityPath(project, citadel), Component.class);
        assertThat(facts()).contains("Located by: Aleppo (its coordinates, Town or city)")
                .contains("Administrative areas: Syria › Aleppo Governorate").doesNotContain("Coordinates:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_form_offers_the_precision_with_the_coordinates_and_proposes_the_chosen_one() {
        signIn(editor);
        navigate(ProjectRoutes.entityPath(project, town), Component.class);
        test(find(Button.class).withText("Propose changes").single()).click();
        Select<GeoPrecision> precision = find(Select.class).withLabel("Precision").single();
        assertThat(precision.isVisible()).isTrue();
        assertThat(precision.getValue()).isEqualTo(GeoPrecision.TOWN);
        assertThat(precision.getListDataView().getItems().map(GeoPrecision::label).toList()).containsExactly(
                "Exact point", "Near (within a few km)", "Town or city", "District or region", "Country");
        assertThat(find(NumberField.class).withLabel("Latitude").single().getValue()).isEqualTo(36.2);
        test(precision).selectItem("Near (within a few km)");
        test(find(TextField.class).withLabel("Message for the reviewers").single()).setValue("Only near the city");
        test(find(Button.class).withText("Submit for review").single()).click();

        // The proposal carries the chosen precision; review shows it among the changed fields.
        assertThat(jdbc.queryForList("select o.payload from change_operation o join changeset c on c.id = o.changeset_id"
                + " where c.project_id = ? and o.record_id = ? and c.state = 'SUBMITTED'", String.class, project, town))
                .singleElement().asString().contains("\"precision\":\"NEAR\"");
    }
}

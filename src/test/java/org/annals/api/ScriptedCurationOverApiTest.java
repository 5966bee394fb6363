package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A timeline curated by scripts alone, over real HTTP with tokens: the taxonomy, the review queue and
 * one's own changesets, and every action of the author and the reviewer that the web app offers
 * (submit, withdraw, revise, comment, request changes, rebase, approve), with the API's usual answers
 * to bad filters and to other projects' ids.
 */
@ApiTest
class ScriptedCurationOverApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;

    private ApiClient api;
    private UUID project;
    private String base;
    private String editor;
    private String reviewer;
    private String viewer;

    @BeforeEach
    void aProjectWithAnEditorAReviewerAndAViewer() {
        api = new ApiClient(port);
        project = fixtures.newProject(fixtures.admin());
        base = "/api/v1/projects/" + project;
        editor = member(ProjectRole.EDITOR, project);
        reviewer = member(ProjectRole.REVIEWER, project);
        viewer = member(ProjectRole.VIEWER, project);
    }

    @Test
    void a_script_records_a_sourced_event_with_new_entities_and_a_reviewer_script_approves_it() {
        // The taxonomy gives the event's type and sub-type.
        JsonNode types = api.get(base + "/event-types", viewer).json();
        assertThat(types.path("total").asInt()).isEqualTo(6);
        JsonNode battles = types.path("items").get(0);
        assertThat(battles.path("name").asString()).isEqualTo("Battles");
        JsonNode clash = battles.path("subTypes").get(0);
        assertThat(clash.path("name").asString()).isEqualTo("Armed clash");

        var imported = api.post(base + "/sources", editor, Map.of("format", "text", "title", "Hama report",
                "content", "Rebels took Hama on 5 December 2024. At least 12 soldiers were killed."));
        assertThat(imported.status()).as("%s", imported).isEqualTo(201);
        String source = imported.json().path("sourceId").asString();
        String text = api.get(base + "/sources/" + source, editor).json().path("text").asString();

        UUID hama = UUID.randomUUID();
        UUID rebels = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID mark = UUID.randomUUID();
        String quote = "Rebels took Hama on 5 December 2024.";
        int start = text.indexOf(quote);
        int end = start + quote.length();
        var draft = api.post(base + "/changesets", editor, Map.of("message", "Fall of Hama", "operations", List.of(
                Map.of("kind", "ENTITY", "recordId", hama.toString(), "action", "CREATE", "payload", Map.of(
                        "kind", "PLACE", "name", "Hama", "latitude", 35.13, "longitude", 36.75,
                        "aliases", List.of(Map.of("name", "حماة", "language", "ar")))),
                Map.of("kind", "ENTITY", "recordId", rebels.toString(), "action", "CREATE", "payload", Map.of(
                        "kind", "ORGANIZATION", "name", "Rebel coalition")),
                Map.of("kind", "EVENT", "recordId", event.toString(), "action", "CREATE", "payload", Map.of(
                        "title", "Rebels take Hama", "start", Map.of("date", "2024-12-05", "precision", "DAY"),
                        "typeId", battles.path("id").asString(), "subTypeId", clash.path("id").asString(),
                        "placeId", hama.toString(), "actors", List.of(Map.of("entityId", rebels.toString(),
                                "role", "PRIMARY")),
                        "fatalities", List.of(Map.of("minimum", 12, "maximum", 12, "sourceId", source,
                                "note", "soldiers")))),
                Map.of("kind", "ANNOTATION", "recordId", mark.toString(), "action", "CREATE", "payload", Map.of(
                        "sourceId", source, "start", start, "end", end, "exact", quote,
                        "prefix", text.substring(Math.max(0, start - 32), start),
                        "suffix", text.substring(end, Math.min(text.length(), end + 32)),
                        "type", "EVENT_MENTION", "linkKind", "EVENT", "linkId", event.toString())))));
        assertThat(draft.status()).as("%s", draft).isEqualTo(201);
        String changeset = draft.json().path("summary").path("id").asString();

        // The draft is the editor's own, not yet in the queue.
        assertThat(ids(api.get(base + "/changesets?mine=true&state=DRAFT", editor))).containsExactly(changeset);
        assertThat(api.get(base + "/changesets", reviewer).json().path("total").asInt()).isZero();
        var submitted = api.post("/api/v1/changesets/" + changeset + "/submit", editor,
                Map.of("message", "Fall of Hama, from the Hama report"));
        assertThat(submitted.json().path("summary").path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("summary").path("message").asString()).isEqualTo("Fall of Hama, from the Hama report");

        // The reviewer's script finds it with the review page's filters and approves it.
        assertThat(ids(api.get(base + "/changesets?kind=event&source=" + source, reviewer))).containsExactly(changeset);
        assertThat(ids(api.get(base + "/changesets?kind=ANNOTATION&order=newest", reviewer))).containsExactly(changeset);
        assertThat(ids(api.get(base + "/changesets?source=" + UUID.randomUUID(), reviewer))).isEmpty();
        assertThat(ids(api.get(base + "/changesets?author=" + UUID.randomUUID(), reviewer))).isEmpty();
        String author = api.get(base + "/changesets", reviewer).json().path("items").get(0).path("authorId").asString();
        assertThat(ids(api.get(base + "/changesets?author=" + author, reviewer))).containsExactly(changeset);
        var approved = api.post("/api/v1/changesets/" + changeset + "/approve", reviewer, Map.of("comment", "Sourced"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(api.get(base + "/changesets", reviewer).json().path("total").asInt()).isZero();
        assertThat(ids(api.get(base + "/changesets?mine=true&state=approved", editor))).containsExactly(changeset);

        // The script reads the event back, with its place, actor, claim and evidence; the export has it.
        JsonNode read = api.get(base + "/events/" + event, viewer).json();
        assertThat(read.path("title").asString()).isEqualTo("Rebels take Hama");
        assertThat(read.path("subTypeName").asString()).isEqualTo("Armed clash");
        assertThat(read.path("placeName").asString()).isEqualTo("Hama");
        assertThat(read.path("actors")).extracting(a -> a.path("name").asString()).containsExactly("Rebel coalition");
        // sent as "fatalities" (a client written before claims), read back as a casualty claim of the killed
        assertThat(read.path("casualties")).singleElement().satisfies(claim -> {
            assertThat(claim.path("field").asString()).isEqualTo("CASUALTIES");
            assertThat(claim.path("casualties").path("category").asString()).isEqualTo("KILLED");
            assertThat(claim.path("casualties").path("minimum").asInt()).isEqualTo(12);
            assertThat(claim.path("sourceId").asString()).isEqualTo(source);
            assertThat(claim.path("note").asString()).isEqualTo("soldiers");
            assertThat(claim.path("preferred").asBoolean()).isTrue();
        });
        assertThat(read.path("values").path("claims")).extracting(c -> c.path("field").asString())
                .containsExactly("DATE", "PLACE", "TYPE", "ACTORS", "CASUALTIES");
        assertThat(read.path("values").has("fatalities")).isFalse();
        assertThat(api.get(base + "/events/" + event + "/evidence", viewer).json().path("items"))
                .singleElement().satisfies(e -> assertThat(e.path("annotationId").asString()).isEqualTo(mark.toString()));
        assertThat(api.get(base + "/entities/" + hama, viewer).json().path("values").path("aliases"))
                .extracting(a -> a.path("name").asString()).containsExactly("حماة");
        var export = api.get(base + "/exports/events.csv", viewer);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Rebels take Hama", "Hama", "Rebel coalition");

        // The toll's quote becomes the claim's evidence: the script reads the claim from the words, then proposes
        // the annotation and the event with that claim (quoting it) in one changeset
        String toll = "At least 12 soldiers were killed";
        int from = text.indexOf(toll);
        JsonNode figure = api.get(base + "/sources/" + source + "/claim-from-quote?start=" + from + "&end="
                + (from + toll.length()) + "&type=CASUALTY_FIGURE", editor).json();
        assertThat(figure.path("field").asString()).isEqualTo("CASUALTIES");
        assertThat(figure.path("casualties").path("party").asString()).isEqualTo("COMBATANTS");
        assertThat(figure.path("casualties").path("qualifier").asString()).isEqualTo("AT_LEAST");
        assertThat(figure.path("sourceId").asString()).isEqualTo(source);
        UUID quoteId = UUID.randomUUID();
        var values = (tools.jackson.databind.node.ObjectNode) read.path("values").deepCopy();
        var claim = ((tools.jackson.databind.node.ObjectNode) figure.deepCopy()).put("annotationId", quoteId.toString());
        ((tools.jackson.databind.node.ArrayNode) values.path("claims")).add(claim);
        var quoted = api.post(base + "/changesets", editor, Map.of("message", "The toll's quote", "submit", true,
                "operations", List.of(
                        Map.of("kind", "ANNOTATION", "recordId", quoteId.toString(), "action", "CREATE", "payload", Map.of(
                                "sourceId", source, "start", from, "end", from + toll.length(), "exact", toll,
                                "prefix", text.substring(Math.max(0, from - 32), from),
                                "suffix", text.substring(from + toll.length(),
                                        Math.min(text.length(), from + toll.length() + 32)),
                                "type", "CASUALTY_FIGURE", "linkKind", "EVENT", "linkId", event.toString())),
                        Map.of("kind", "EVENT", "recordId", event.toString(), "action", "UPDATE",
                                "baseVersion", read.path("version").asLong(), "payload", values))));
        assertThat(quoted.status()).as("%s", quoted).isEqualTo(201);
        var approvedQuote = api.post("/api/v1/changesets/" + quoted.json().path("summary").path("id").asString()
                + "/approve", reviewer, Map.of());
        assertThat(approvedQuote.status()).as("%s", approvedQuote).isEqualTo(200);
        assertThat(api.get(base + "/annotations/" + quoteId + "/claims", viewer).json().path("items")).singleElement()
                .satisfies(q -> {
                    assertThat(q.path("eventId").asString()).isEqualTo(event.toString());
                    assertThat(q.path("value").asString()).isEqualTo("at least 12 combatants killed");
                    assertThat(q.path("claim").path("annotationId").asString()).isEqualTo(quoteId.toString());
                });
        assertThat(api.get(base + "/events/" + event, viewer).json().path("disputes")).isEmpty();
    }

    @Test
    void an_author_script_revises_a_changeset_sent_back_discusses_it_and_withdraws_another() {
        String changeset = propose(editor, "Add a person", "Jane Roe", true);

        var sentBack = api.post("/api/v1/changesets/" + changeset + "/request-changes", reviewer,
                Map.of("comment", "Give her full name"));
        assertThat(sentBack.json().path("summary").path("state").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(ids(api.get(base + "/changesets?mine=true&state=CHANGES_REQUESTED", editor)))
                .containsExactly(changeset);
        assertThat(api.get(base + "/changesets", reviewer).json().path("total").asInt()).isZero();

        var commented = api.post("/api/v1/changesets/" + changeset + "/comments", editor,
                Map.of("body", "Which name does the source use?"));
        assertThat(commented.status()).as("%s", commented).isEqualTo(201);
        assertThat(commented.json().path("discussion")).extracting(c -> c.path("body").asString())
                .contains("Which name does the source use?");
        assertThat(api.post("/api/v1/changesets/" + changeset + "/comments", editor, Map.of("body", "  ")).problem(400))
                .contains("Write a comment");

        // The author reads the proposal back, changes it and sends it to review again in one call.
        JsonNode proposal = api.get("/api/v1/changesets/" + changeset + "/proposal", editor).json();
        assertThat(proposal.path("state").asString()).isEqualTo("CHANGES_REQUESTED");
        JsonNode operation = proposal.path("operations").get(0);
        assertThat(operation.path("payload").path("name").asString()).isEqualTo("Jane Roe");
        var revised = api.send("PUT", "/api/v1/changesets/" + changeset, ApiClient.bearer(editor), Map.of(
                "submit", true, "operations", List.of(Map.of("kind", "ENTITY", "recordId",
                        operation.path("recordId").asString(), "action", "CREATE",
                        "payload", Map.of("kind", "PERSON", "name", "Jane Alice Roe")))));
        assertThat(revised.status()).as("%s", revised).isEqualTo(200);
        assertThat(revised.json().path("summary").path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(revised.json().path("summary").path("message").asString()).isEqualTo("Add a person");
        assertThat(ids(api.get(base + "/changesets", reviewer))).containsExactly(changeset);
        assertThat(revised.json().path("summary").path("operationLabels").toString()).contains("Jane Alice Roe");
        // Submitted changesets are the reviewer's now: the author can only withdraw them.
        assertThat(api.send("PUT", "/api/v1/changesets/" + changeset, ApiClient.bearer(editor), Map.of(
                "operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                        "payload", Map.of("kind", "PERSON", "name", "Jane"))))).problem(400)).contains("Only drafts");

        String other = propose(editor, "Add another person", "John Doe", true);
        var withdrawn = api.post("/api/v1/changesets/" + other + "/withdraw", editor, null);
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.json().path("summary").path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(ids(api.get(base + "/changesets", reviewer))).containsExactly(changeset);
        api.post("/api/v1/changesets/" + other + "/withdraw", editor, null).problem(409);
        api.post("/api/v1/changesets/" + other + "/approve", reviewer, null).problem(400);
        assertThat(ids(api.get(base + "/changesets?mine=true", editor))).containsExactly(other, changeset);
        assertThat(ids(api.get(base + "/changesets?mine=true&order=oldest", editor))).containsExactly(changeset, other);
        assertThat(ids(api.get(base + "/changesets?mine=true&state=WITHDRAWN&state=DRAFT", editor))).containsExactly(other);
        assertThat(ids(api.get(base + "/changesets?mine=true&kind=EVENT", editor))).isEmpty();
        // The reviewer's own list is the reviewer's: nothing here.
        assertThat(api.get(base + "/changesets?mine=true", reviewer).json().path("total").asInt()).isZero();
    }

    @Test
    void an_author_script_moves_a_stale_change_onto_the_current_version_and_it_is_approved() {
        String created = propose(editor, "Add a place", "Homs", true);
        api.post("/api/v1/changesets/" + created + "/approve", reviewer, null);
        String place = api.get(base + "/entities?q=Homs", viewer).json().path("items").get(0).path("id").asString();
        long version = api.get(base + "/entities/" + place, viewer).json().path("version").asLong();
        String mine = rename(place, version, "Hims");
        String theirs = rename(place, version, "Emesa");
        assertThat(api.post("/api/v1/changesets/" + theirs + "/approve", reviewer, null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/changesets/" + mine + "/approve", reviewer, null).problem(409))
                .contains("Nothing was applied");

        JsonNode conflicts = api.get("/api/v1/changesets/" + mine + "/conflicts", editor).json();
        assertThat(conflicts.path("total").asInt()).isEqualTo(1);
        JsonNode conflict = conflicts.path("items").get(0);
        assertThat(conflict.path("current").path("name").asString()).isEqualTo("Emesa");
        assertThat(conflict.path("startedFrom").path("name").asString()).isEqualTo("Homs");
        assertThat(conflict.path("proposed").path("payload").path("name").asString()).isEqualTo("Hims");
        long now = conflict.path("currentVersion").asLong();
        assertThat(now).isGreaterThan(version);

        // A rebase on a version that is not the current one changes nothing.
        assertThat(api.post("/api/v1/changesets/" + mine + "/rebase", editor, renameOperation(place, version, "Hims"))
                .problem(409)).contains("compare");
        var rebased = api.post("/api/v1/changesets/" + mine + "/rebase", editor, renameOperation(place, now, "Hims"));
        assertThat(rebased.status()).as("%s", rebased).isEqualTo(200);
        assertThat(rebased.json().path("summary").path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(api.get("/api/v1/changesets/" + mine + "/conflicts", editor).json().path("total").asInt()).isZero();
        assertThat(api.post("/api/v1/changesets/" + mine + "/approve", reviewer, null).status()).isEqualTo(200);
        assertThat(api.get(base + "/entities/" + place, viewer).json().path("values").path("name").asString())
                .isEqualTo("Hims");

        // Every applied change is a revision; going back to one is a proposal like any other.
        JsonNode history = api.get(base + "/entities/" + place + "/history", viewer).json();
        assertThat(history.path("items")).extracting(r -> r.path("changesetMessage").asString())
                .containsExactly("Add a place", "Rename to Emesa", "Rename to Hims");
        String first = history.path("items").get(0).path("id").asString();
        var revert = api.post(base + "/entities/" + place + "/history/" + first + "/revert", editor, Map.of("submit", true));
        assertThat(revert.status()).as("%s", revert).isEqualTo(201);
        assertThat(revert.json().path("summary").path("state").asString()).isEqualTo("SUBMITTED");
        String reverting = revert.json().path("summary").path("id").asString();
        assertThat(api.post("/api/v1/changesets/" + reverting + "/approve", reviewer, null).status()).isEqualTo(200);
        assertThat(api.get(base + "/entities/" + place, viewer).json().path("values").path("name").asString())
                .isEqualTo("Homs");
        api.post(base + "/entities/" + place + "/history/" + first + "/revert", viewer, null).problem(403);
        api.post(base + "/entities/" + place + "/history/" + UUID.randomUUID() + "/revert", editor, null).problem(404);
        api.get(base + "/events/" + place + "/history", viewer).problem(404);
        api.get(base + "/entities/" + UUID.randomUUID() + "/history", viewer).problem(404);
    }

    @Test
    void a_script_anchors_a_quote_by_its_words_even_after_an_emoji_and_discusses_the_records() {
        var imported = api.post(base + "/sources", editor, Map.of("format", "text", "title", "Thread",
                "content", "Update \uD83D\uDD25\uD83D\uDD25\uD83D\uDD25 from the front lines today: Idlib was shelled again."
                        + " Residents fled.\n\nIdlib was shelled again."));
        assertThat(imported.status()).as("%s", imported).isEqualTo(201);
        String source = imported.json().path("sourceId").asString();
        String text = api.get(base + "/sources/" + source, editor).json().path("text").asString();

        JsonNode found = api.get(base + "/sources/" + source + "/quotes?text=Idlib%20was%20shelled%20again.", viewer).json();
        assertThat(found.path("total").asInt()).isEqualTo(2);
        JsonNode first = found.path("items").get(0);
        int start = first.path("start").asInt();
        assertThat(start).isEqualTo(text.indexOf("Idlib"));
        assertThat(first.path("problem").isNull()).isTrue();
        // 32 code units back would cut the first emoji in half: the context starts after it instead.
        assertThat(first.path("prefix").asString()).isEqualTo(text.substring(start - 31, start))
                .startsWith("\uD83D\uDD25 from");
        assertThat(found.path("items").get(1).path("start").asInt()).isEqualTo(text.lastIndexOf("Idlib"));
        assertThat(api.get(base + "/sources/" + source + "/quotes?text=Aleppo", viewer).json().path("total").asInt())
                .isZero();
        assertThat(api.get(base + "/sources/" + source + "/quotes?text=%20", viewer).problem(400)).contains("words");
        api.get(base + "/sources/" + source + "/quotes", viewer).problem(400);
        api.get(base + "/sources/" + UUID.randomUUID() + "/quotes?text=Idlib", viewer).problem(404);

        // The occurrence is what an annotation's payload takes, as it is.
        var marked = api.post(base + "/changesets", editor, Map.of("message", "Mark the shelling", "submit", true,
                "operations", List.of(Map.of("kind", "ANNOTATION", "action", "CREATE", "payload", Map.of(
                        "sourceId", source, "start", start, "end", first.path("end").asInt(),
                        "exact", first.path("exact").asString(), "prefix", first.path("prefix").asString(),
                        "suffix", first.path("suffix").asString(), "type", "CLAIM")))));
        assertThat(marked.status()).as("%s", marked).isEqualTo(201);
        String changeset = marked.json().path("summary").path("id").asString();
        assertThat(api.post("/api/v1/changesets/" + changeset + "/approve", reviewer, null).status()).isEqualTo(200);
        assertThat(api.get(base + "/sources/" + source + "/annotations", viewer).json().path("items"))
                .extracting(a -> a.path("start").asInt()).containsExactly(start);

        // Vetted records have a discussion any member reads and adds to.
        String place = propose(editor, "Add a place", "Homs", true);
        api.post("/api/v1/changesets/" + place + "/approve", reviewer, null);
        String homs = api.get(base + "/entities?q=Homs", viewer).json().path("items").get(0).path("id").asString();
        var posted = api.post(base + "/entities/" + homs + "/comments", viewer, Map.of("body", "Also spelled Hims"));
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(posted.json().path("body").asString()).isEqualTo("Also spelled Hims");
        assertThat(api.get(base + "/entities/" + homs + "/comments", editor).json().path("items"))
                .extracting(c -> c.path("body").asString()).containsExactly("Also spelled Hims");
        assertThat(api.post(base + "/entities/" + homs + "/comments", viewer, Map.of("body", "")).problem(400))
                .isNotBlank();
        api.get(base + "/events/" + homs + "/comments", viewer).problem(404);
        api.post(base + "/entities/" + UUID.randomUUID() + "/comments", viewer, Map.of("body", "Hello")).problem(404);
    }

    @Test
    void bad_filters_and_other_projects_ids_are_refused_as_everywhere_in_the_api() {
        String changesets = base + "/changesets";
        assertThat(api.get(changesets + "?state=PENDING&mine=true", editor).problem(400)).contains("'state' 'PENDING'");
        assertThat(api.get(changesets + "?state=DRAFT", editor).problem(400)).contains("mine=true");
        assertThat(api.get(changesets + "?state=SUBMITTED", editor).status()).isEqualTo(200);
        assertThat(api.get(changesets + "?order=sideways", editor).problem(400)).contains("'order' 'sideways'");
        assertThat(api.get(changesets + "?kind=RUMOUR", editor).problem(400)).contains("RUMOUR");
        assertThat(api.get(changesets + "?mine=true&author=" + UUID.randomUUID(), editor).problem(400)).contains("'author'");
        assertThat(api.get(changesets + "?author=someone", editor).problem(400)).contains("'author'");
        assertThat(api.get(changesets + "?mine=perhaps", editor).problem(400)).contains("'mine'");
        for (String paged : List.of(changesets, changesets + "?mine=true&", base + "/event-types")) {
            String joined = paged + (paged.endsWith("&") ? "" : "?");
            assertThat(api.get(joined + "page=1000000000", editor).problem(400)).as(paged).contains("'page' 1000000000");
            api.get(joined + "size=501", editor).problem(400);
            api.get(joined + "page=-1", editor).problem(400);
        }
        api.get(changesets, viewer).problem(403);
        api.get(changesets + "?mine=true", viewer).problem(403);

        // A project the caller is not in hides its changesets and taxonomy; ids from it are unknown here.
        UUID elsewhere = fixtures.newProject(fixtures.admin());
        String outsider = member(ProjectRole.EDITOR, elsewhere);
        String theirs = propose(outsider, "Elsewhere", "Someone", true, elsewhere);
        api.get("/api/v1/projects/" + elsewhere + "/changesets", editor).problem(404);
        api.get("/api/v1/projects/" + elsewhere + "/event-types", editor).problem(404);
        for (String action : List.of("/withdraw", "/request-changes", "/submit")) {
            api.post("/api/v1/changesets/" + theirs + action, reviewer, Map.of()).problem(404);
        }
        api.post("/api/v1/changesets/" + theirs + "/comments", editor, Map.of("body", "Hello")).problem(404);
        api.get("/api/v1/changesets/" + theirs + "/proposal", editor).problem(404);
        api.get("/api/v1/changesets/" + theirs + "/conflicts", editor).problem(404);
        api.get("/api/v1/changesets/" + UUID.randomUUID() + "/proposal", editor).problem(404);
        // A token bound to this project does not reach the other one, even for a member of both.
        AnnalsPrincipal both = fixtures.newUser("both");
        fixtures.addMember(project, both, ProjectRole.REVIEWER);
        fixtures.addMember(elsewhere, both, ProjectRole.REVIEWER);
        String bound = token(both, project);
        api.get("/api/v1/projects/" + elsewhere + "/changesets", bound).problem(404);
        api.post("/api/v1/changesets/" + theirs + "/request-changes", bound, Map.of("comment", "No")).problem(404);
        assertThat(api.get(changesets, bound).status()).isEqualTo(200);
    }

    private String propose(String token, String message, String name, boolean submit) {
        return propose(token, message, name, submit, project);
    }

    private String propose(String token, String message, String name, boolean submit, UUID inProject) {
        var response = api.post("/api/v1/projects/" + inProject + "/changesets", token, Map.of("message", message,
                "submit", submit, "operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                        "payload", Map.of("kind", name.equals("Homs") ? "PLACE" : "PERSON", "name", name)))));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("summary").path("id").asString();
    }

    private String rename(String place, long version, String name) {
        var response = api.post(base + "/changesets", editor, Map.of("message", "Rename to " + name, "submit", true,
                "operations", List.of(renameOperation(place, version, name))));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("summary").path("id").asString();
    }

    private static Map<String, Object> renameOperation(String place, long version, String name) {
        return Map.of("kind", "ENTITY", "recordId", place, "action", "UPDATE", "baseVersion", version,
                "payload", Map.of("kind", "PLACE", "name", name));
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("items").valueStream().map(c -> c.path("id").asString()).toList();
    }

    private String member(ProjectRole role, UUID inProject) {
        AnnalsPrincipal user = fixtures.newUser(role.name().toLowerCase(java.util.Locale.ROOT));
        fixtures.addMember(inProject, user, role);
        return token(user, null);
    }

    private String token(AnnalsPrincipal user, @Nullable UUID onlyProject) {
        return Fixtures.as(user, () -> tokens.create("script", onlyProject, TokenScope.WRITE,
                LocalDate.now().plusDays(1))).secret();
    }
}

package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.event.Casualties;
import org.annals.event.PartialDate;
import org.annals.suggest.Candidate;
import org.annals.suggest.NeverHere;
import org.annals.suggest.RefusedAlias;
import org.annals.suggest.SourceSuggestions;
import org.annals.suggest.Suggestion;
import org.annals.suggest.SuggestionKind;
import org.annals.suggest.SuggestionService;
import org.annals.suggest.UnmarkedMention;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suggestions over the API, as the editor has them: read a source's suggestions; accept one (it goes into the
 * caller's working draft, next to the draft's other endpoints), accept all of one entity, reject one; the
 * unmarked mentions of an entity across the project's sources and proposing them; the names refused for the
 * project and, for managers, allowing one again and the aliases the registry matcher refuses.
 */
@RestController
@Tag(name = "Suggestions", description = "What the server's recognisers find in a source, accepted into the working"
        + " draft or rejected")
class SuggestionController {

    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @Schema(description = "A suggestion: [start, end) in UTF-16 code units of the source's text, its words and what"
            + " they mean. 'key' names it in this source (send it to accept or reject it). By kind: MENTION has"
            + " 'candidates' (more than one: choose) and the folded 'alias' that matched; DATE has 'date' and for a"
            + " range 'endDate'; FIGURE has 'casualties'; NEW_NAME has 'proposedKind'. 'value' says it in words.")
    record SuggestionItem(String key, SuggestionKind kind, int start, int end, String text,
            @Schema(description = "Higher is surer") double rank, String value, @Nullable List<Candidate> candidates,
            @Nullable String alias, @Nullable PartialDate date, @Nullable PartialDate endDate,
            @Nullable Casualties casualties, @Nullable EntityKind proposedKind) {

        static SuggestionItem of(Suggestion s) {
            return switch (s.value()) {
                case Suggestion.Mention m -> new SuggestionItem(s.key(), s.kind(), s.start(), s.end(), s.text(), s.rank(),
                        String.join(" | ", m.candidates().stream().map(Candidate::name).toList()), m.candidates(),
                        m.alias(), null, null, null, null);
                case Suggestion.DateValue d -> new SuggestionItem(s.key(), s.kind(), s.start(), s.end(), s.text(),
                        s.rank(), d.endDate() == null ? d.date().display()
                                : d.date().display() + " – " + d.endDate().display(),
                        null, null, d.date(), d.endDate(), null, null);
                case Suggestion.Figure f -> new SuggestionItem(s.key(), s.kind(), s.start(), s.end(), s.text(), s.rank(),
                        f.casualties().display(), null, null, null, null, f.casualties(), null);
                case Suggestion.NewName n -> new SuggestionItem(s.key(), s.kind(), s.start(), s.end(), s.text(), s.rank(),
                        "New " + n.proposedKind().displayName().toLowerCase(java.util.Locale.ROOT) + "?", null, null,
                        null, null, null, n.proposedKind());
            };
        }
    }

    @Schema(description = "A source's suggestions for the caller: how many of each kind, and one page of them in text"
            + " order")
    record Suggestions(UUID sourceId, Map<SuggestionKind, Integer> counts, ApiPage<SuggestionItem> suggestions) {
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/suggestions",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The source's suggestions for the caller, in text order",
            description = "Registry names (vetted entities, and entities proposed in open changesets the caller may"
                    + " link to), dates, casualty figures and names the registry lacks. None on a span already"
                    + " annotated (vetted, proposed or in the caller's draft), none the caller rejected in this source,"
                    + " no name refused for the project. 'counts' counts all of them by kind; 'kind' filters the page."
                    + " Needs the Editor role.")
    Suggestions forSource(@PathVariable UUID projectId, @PathVariable UUID sourceId,
            @Parameter(description = "Only this kind") @RequestParam(required = false) @Nullable SuggestionKind kind,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        SourceSuggestions found = suggestions.forSource(projectId, sourceId);
        List<SuggestionItem> items = found.suggestions().stream().filter(s -> kind == null || s.kind() == kind)
                .map(SuggestionItem::of).toList();
        return new Suggestions(sourceId, found.counts(), ApiPage.slice(items, page, size));
    }

    @Schema(description = "A suggestion to accept")
    record Acceptance(@Nullable UUID sourceId, @Schema(description = "The suggestion's 'key'") @Nullable String key,
            @Schema(description = "MENTION: the candidate chosen (required when there are several). DATE or FIGURE:"
                    + " an event to take the value as its claim, or none. NEW_NAME: none (a new entity of the proposed"
                    + " kind is proposed with it) or an entity it names") @Nullable UUID recordId) {
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/draft/suggestions/accept",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept a suggestion into the caller's working draft",
            description = "An annotation of the suggestion's type (ENTITY_MENTION, DATE or CASUALTY_FIGURE) with its"
                    + " link, and for a date or figure linked to an event the claim its value makes, in the same draft."
                    + " A key the source no longer offers (the text, registry or annotations changed) is refused with"
                    + " 400. Needs the Editor role and a WRITE token.")
    AnnotationService.Marked accept(@PathVariable UUID projectId, @RequestBody Acceptance request) {
        return suggestions.accept(projectId, required(request.sourceId(), "sourceId"), required(request.key(), "key"),
                request.recordId());
    }

    @Schema(description = "An entity whose registry-name suggestions in a source to accept")
    record AcceptAll(@Nullable UUID sourceId, @Nullable UUID entityId) {
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/draft/suggestions/accept-all",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept every suggestion of the source that names this entity alone",
            description = "Names that may mean several entities are left for the person to choose. Each becomes an"
                    + " ENTITY_MENTION in the caller's working draft. Needs the Editor role and a WRITE token.")
    Marked acceptAll(@PathVariable UUID projectId, @RequestBody AcceptAll request) {
        return new Marked(suggestions.acceptAll(projectId, required(request.sourceId(), "sourceId"),
                required(request.entityId(), "entityId")));
    }

    @Schema(description = "What went into the working draft: for each annotation its changeset, id and link")
    record Marked(List<AnnotationService.Marked> marked) {
    }

    @Schema(description = "A suggestion to reject")
    record Rejection(@Nullable UUID sourceId, @Nullable String key,
            @Schema(description = "For a name: never suggest it again in the project, for anyone (managers can allow"
                    + " it again)") @Nullable Boolean neverHere) {
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/draft/suggestions/reject",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a suggestion: for the caller in this source, or with neverHere the name in the project",
            description = "Remembered per person, source and suggestion while the words there stay the same; with"
                    + " neverHere=true a registry name or new name is refused for everyone in the project. Nothing goes"
                    + " into the draft. Needs the Editor role and a WRITE token.")
    Rejected reject(@PathVariable UUID projectId, @RequestBody Rejection request) {
        String key = required(request.key(), "key");
        boolean neverHere = Boolean.TRUE.equals(request.neverHere());
        suggestions.reject(projectId, required(request.sourceId(), "sourceId"), key, neverHere);
        return new Rejected(key, neverHere);
    }

    @Schema(description = "The suggestion rejected, and whether its name is now refused for the project")
    record Rejected(String key, boolean neverHere) {
    }

    @Schema(description = "How many rejections were forgotten")
    record Forgotten(int forgotten) {
    }

    @DeleteMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/suggestions/rejections",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Forget what the caller rejected in this source",
            description = "Names refused for the project stay refused. Needs the Editor role and a WRITE token.")
    Forgotten forgetRejections(@PathVariable UUID projectId, @PathVariable UUID sourceId) {
        return new Forgotten(suggestions.forgetRejections(projectId, sourceId));
    }

    @Schema(description = "Passages that name an entity without an annotation there")
    record UnmarkedMentions(List<UnmarkedMention> items, int limit) {
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/entities/{entityId}/unmarked-mentions",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Passages of the project's sources that name the entity without an annotation there",
            description = "Its name and aliases, matched as the suggestions match them, with some context either"
                    + " side; sources in the order they were added. Propose some or all with POST"
                    + " .../draft/suggestions/mentions. Needs the Editor role.")
    UnmarkedMentions unmarkedMentions(@PathVariable UUID projectId, @PathVariable UUID entityId,
            @Parameter(description = "At most this many, 1–" + SuggestionService.MAX_UNMARKED)
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > SuggestionService.MAX_UNMARKED) {
            throw new InvalidInputException("'limit' must be between 1 and " + SuggestionService.MAX_UNMARKED
                    + "; it was " + limit + ".");
        }
        return new UnmarkedMentions(suggestions.unmarkedMentions(projectId, entityId, limit), limit);
    }

    @Schema(description = "Unmarked mentions of an entity to mark, as the unmarked-mentions list gives them")
    record Mentions(@Nullable UUID entityId, @Nullable List<UnmarkedMention> mentions) {
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/draft/suggestions/mentions",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark unmarked mentions of an entity in the caller's working draft",
            description = "Each becomes an ENTITY_MENTION linked to the entity; each is checked again against its"
                    + " source (the words must be there, and be a name of the entity), and nothing is marked when one"
                    + " fails. Needs the Editor role and a WRITE token.")
    Marked proposeMentions(@PathVariable UUID projectId, @RequestBody Mentions request) {
        return new Marked(suggestions.proposeMentions(projectId, required(request.entityId(), "entityId"),
                Objects.requireNonNullElse(request.mentions(), List.of())));
    }

    @Schema(description = "A list")
    record Items<T>(List<T> items) {
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/suggestions/never-here", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The names refused for the whole project (\"never here\")",
            description = "Most recent first, with who refused them. Needs the Editor role; a manager allows one again"
                    + " with DELETE on this path (?alias=).")
    Items<NeverHere> neverHere(@PathVariable UUID projectId) {
        return new Items<>(suggestions.neverHere(projectId));
    }

    @DeleteMapping(path = "/api/v1/projects/{projectId}/suggestions/never-here")
    @Operation(summary = "Suggest a refused name again in the project",
            description = "'alias' is the 'foldedAlias' of the never-here list. Needs the Manager role and a WRITE"
                    + " token.")
    Allowed allowAgain(@PathVariable UUID projectId,
            @Parameter(description = "The folded alias, as the never-here list gives it") @RequestParam String alias) {
        return new Allowed(alias, suggestions.allowAgain(projectId, alias));
    }

    @Schema(description = "The name allowed again; 'wasRefused' false when it was not refused (nothing changed)")
    record Allowed(String alias, boolean wasRefused) {
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/suggestions/refused-aliases",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Names and aliases of vetted entities that the registry matcher does not look for, and why",
            description = "One letter, a common word: aliases that would flood every text. Change them on the"
                    + " entity. Needs the Manager role.")
    Items<RefusedAlias> refusedAliases(@PathVariable UUID projectId) {
        return new Items<>(suggestions.refusedAliases(projectId));
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException("'" + name + "' is required.");
        }
        return value;
    }
}

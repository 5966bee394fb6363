package org.annals.annotation.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.annals.annotation.EditorAnnotation;
import org.annals.base.InvalidInputException;
import org.annals.suggest.Candidate;
import org.annals.suggest.Suggestion;
import org.annals.suggest.SuggestionKind;
import org.annals.suggest.SuggestionService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The suggestions of one source in the editor: what the server's recognisers found, drawn as ghost marks
 * in the text ({@link AnnotatedText#showGhosts}) and listed with their counts in the side panel
 * ({@link SuggestionPanel}). Accepting one puts it into the editor's draft through
 * {@link SuggestionService}; accepted and rejected ones disappear at once, with every other suggestion
 * on the same words (the service would leave those out now too), and the counts follow.
 * <p>
 * What the browser draws is changed by differences: a key press costs a list of removed keys, not the
 * suggestions again. They are read again (and sent whole) only when the registry changed or annotations
 * went away, which may bring suggestions back.
 */
final class EditorSuggestions {

    /** The kinds in the legend and the panel, in this order. */
    static final List<AnnotatedText.GhostKind> KINDS = Arrays.stream(SuggestionKind.values())
            .map(k -> new AnnotatedText.GhostKind(k.name(), k.displayName(), k.cssName())).toList();

    private final SuggestionService service;
    private final UUID projectId;
    private final UUID sourceId;
    private final AnnotatedText text;
    private final SuggestionPanel panel;
    /** The event the editor last linked a passage to on this page: where accepted dates and figures go. */
    private final Supplier<@Nullable UUID> lastEvent;
    /** Runs after a suggestion went into the draft: the page shows the new annotation and the draft's size. */
    private final Runnable drafted;
    /** The suggestions drawn now, by key, in text order. */
    private final Map<String, Suggestion> shown = new LinkedHashMap<>();
    private @Nullable String currentKey;
    /** The suggestions being read for the page that opens (see {@link #prefetch}), or null. */
    private @Nullable CompletableFuture<List<Suggestion>> reading;

    EditorSuggestions(SuggestionService service, UUID projectId, UUID sourceId, AnnotatedText text,
            SuggestionPanel panel, Supplier<@Nullable UUID> lastEvent, Runnable drafted) {
        this.service = service;
        this.projectId = projectId;
        this.sourceId = sourceId;
        this.text = text;
        this.panel = panel;
        this.lastEvent = lastEvent;
        this.drafted = drafted;
        // The kinds go with the text, the suggestions once it is drawn (load()): the legend above the text has its
        // rows of kinds from the first drawing, so the text does not move down by them (82 px at 1280x900) when the
        // suggestions come, and a source's first screen (FirstScreen) is placed where the text stays.
        text.showGhosts(KINDS, List.of());
        text.addGhostListener(e -> handle(e.key(), e.action()));
        panel.onChoose(this::focus);
        panel.onAction(this::handle);
    }

    /**
     * Starts reading the suggestions on a thread of their own, as the person (their security context), so that the
     * page's first response does not wait for them (1.5 s of recognisers on a 5 MB source): they are read while
     * the browser fetches and draws the text, and {@link #showRead} draws them once it has.
     */
    void prefetch() {
        SecurityContext person = SecurityContextHolder.getContext();
        reading = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(person);
            try {
                return service.forSource(projectId, sourceId).suggestions();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, task -> Thread.ofVirtual().name("suggestions-" + sourceId).start(task));
    }

    /** Draws what {@link #prefetch} read; reads them now if it did not start or failed (a failure then shows). */
    void showRead() {
        var pending = reading;
        reading = null;
        List<Suggestion> found = null;
        if (pending != null) {
            try {
                found = pending.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                found = null;
            }
        }
        show(found != null ? found : service.forSource(projectId, sourceId).suggestions());
    }

    /** Reads the suggestions and draws them all (the registry changed, annotations went). */
    void load() {
        if (reading != null) {
            reading.cancel(false); // what it reads is older than what is read now
            reading = null;
        }
        show(service.forSource(projectId, sourceId).suggestions());
    }

    private void show(List<Suggestion> found) {
        Map<String, Suggestion> next = new LinkedHashMap<>();
        found.forEach(s -> next.putIfAbsent(s.key(), s));
        if (next.equals(shown) && !shown.isEmpty()) {
            return;
        }
        shown.clear();
        shown.putAll(next);
        text.showGhosts(KINDS, shown.values().stream().map(EditorSuggestions::ghost).toList());
        if (currentKey != null && !shown.containsKey(currentKey)) {
            currentKey = null;
        }
        showPanel();
    }

    /** Annotations are drawn now (the editor's own, or someone else's): suggestions on their words go. */
    void annotationsShown(Collection<EditorAnnotation> annotations) {
        var covered = shown.values().stream()
                .filter(s -> annotations.stream().anyMatch(a -> a.start() < s.end() && s.start() < a.end()))
                .map(Suggestion::key).toList();
        remove(covered);
    }

    Map<SuggestionKind, Integer> counts() {
        var counts = new java.util.EnumMap<SuggestionKind, Integer>(SuggestionKind.class);
        shown.values().forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        return counts;
    }

    List<Suggestion> shown() {
        return List.copyOf(shown.values());
    }

    private void focus(String key) {
        if (shown.containsKey(key)) {
            currentKey = key;
            text.focusGhost(key);
            panel.showCurrent(shown.get(key), lastEvent.get() != null);
        }
    }

    /** What the browser or the panel asked for, by the action's name (see {@link AnnotatedText.GhostEvent}). */
    void handle(String key, String action) {
        Suggestion suggestion = shown.get(key);
        if ("current".equals(action)) {
            currentKey = suggestion == null ? null : key;
            panel.showCurrent(suggestion, lastEvent.get() != null);
            return;
        }
        if (suggestion == null) {
            return; // already gone: a second key press that crossed the removal
        }
        switch (action) {
            case "accept" -> accept(suggestion);
            case "accept-all" -> acceptAll(suggestion);
            case "reject" -> reject(suggestion, false);
            case "never" -> reject(suggestion, true);
            default -> { }
        }
    }

    private void accept(Suggestion suggestion) {
        switch (suggestion.value()) {
            case Suggestion.Mention mention when mention.candidates().size() > 1 ->
                    new CandidateChooser(suggestion.text(), mention.candidates(), chosen -> {
                        if (attempt(() -> service.accept(projectId, sourceId, suggestion.key(), chosen.id()))) {
                            removeAccepted(suggestion);
                        }
                    }).open();
            case Suggestion.Mention mention -> {
                if (attempt(() -> service.accept(projectId, sourceId, suggestion.key(),
                        mention.candidates().getFirst().id()))) {
                    removeAccepted(suggestion);
                }
            }
            case Suggestion.DateValue _ -> acceptWithEvent(suggestion);
            case Suggestion.Figure _ -> acceptWithEvent(suggestion);
            case Suggestion.NewName _ -> {
                if (attempt(() -> service.accept(projectId, sourceId, suggestion.key(), null))) {
                    removeAccepted(suggestion);
                }
            }
        }
    }

    /** A date or figure goes to the event last linked to on this page, its value then a claim; else unlinked. */
    private void acceptWithEvent(Suggestion suggestion) {
        if (attempt(() -> service.accept(projectId, sourceId, suggestion.key(), lastEvent.get()))) {
            removeAccepted(suggestion);
        }
    }

    /**
     * Every name in this source that means the entity alone, in one step. A name with several candidates
     * asks which one first; the chosen one's other names follow.
     */
    private void acceptAll(Suggestion suggestion) {
        if (!(suggestion.value() instanceof Suggestion.Mention mention)) {
            accept(suggestion);
            return;
        }
        if (mention.candidates().size() > 1) {
            new CandidateChooser(suggestion.text(), mention.candidates(), chosen -> {
                if (attempt(() -> service.accept(projectId, sourceId, suggestion.key(), chosen.id()))) {
                    removeAccepted(suggestion);
                    acceptAllOf(chosen.id());
                }
            }).open();
            return;
        }
        acceptAllOf(mention.candidates().getFirst().id());
    }

    private void acceptAllOf(UUID entityId) {
        if (!attempt(() -> service.acceptAll(projectId, sourceId, entityId))) {
            return;
        }
        var accepted = shown.values().stream()
                .filter(s -> s.value() instanceof Suggestion.Mention m && m.candidates().size() == 1
                        && m.candidates().getFirst().id().equals(entityId))
                .toList();
        accepted.forEach(this::removeAccepted);
    }

    private void reject(Suggestion suggestion, boolean neverHere) {
        boolean name = suggestion.value() instanceof Suggestion.Mention || suggestion.value() instanceof Suggestion.NewName;
        if (neverHere && !name) {
            notify("\"Never here\" is for names; this suggestion is rejected in this source only.");
        }
        boolean never = neverHere && name;
        if (!attempt(() -> service.reject(projectId, sourceId, suggestion.key(), never))) {
            return;
        }
        var gone = new ArrayList<String>();
        gone.add(suggestion.key());
        if (never && suggestion.value() instanceof Suggestion.Mention mention) {
            // The alias is not suggested again in this project: anywhere in this text either.
            shown.values().stream()
                    .filter(s -> s.value() instanceof Suggestion.Mention m && m.alias().equals(mention.alias()))
                    .forEach(s -> gone.add(s.key()));
        }
        remove(gone);
        if (never) {
            // What else the name covered here (written another way, or as a new name) the service knows.
            load();
        }
    }

    /** The accepted suggestion and every other one on its words (the annotation covers them now) go. */
    private void removeAccepted(Suggestion accepted) {
        remove(shown.values().stream()
                .filter(s -> s.start() < accepted.end() && accepted.start() < s.end())
                .map(Suggestion::key).toList());
        drafted.run();
    }

    private void remove(Collection<String> keys) {
        Set<String> gone = keys.stream().filter(shown::containsKey).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (gone.isEmpty()) {
            return;
        }
        gone.forEach(shown::remove);
        text.removeGhosts(gone);
        if (currentKey != null && gone.contains(currentKey)) {
            // The browser moves on to the next one and says so (a "current" event).
            currentKey = null;
        }
        showPanel();
    }

    private void showPanel() {
        panel.show(counts(), shown.values());
        panel.showCurrent(currentKey == null ? null : shown.get(currentKey), lastEvent.get() != null);
    }

    /** Runs a change of the draft; a refusal is shown and nothing is removed. */
    private static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (InvalidInputException refused) {
            notify(refused.getMessage());
            return false;
        }
    }

    private static void notify(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    static AnnotatedText.Ghost ghost(Suggestion s) {
        return new AnnotatedText.Ghost(s.key(), s.start(), s.end(), s.kind().name(), label(s));
    }

    /** What a suggestion means, in a few words: the hover line and the panel's list. */
    static String label(Suggestion s) {
        return switch (s.value()) {
            case Suggestion.Mention m when m.candidates().size() == 1 -> "Registry name: " + candidate(m.candidates().getFirst());
            case Suggestion.Mention m -> m.candidates().size() + " entities of this name: "
                    + m.candidates().stream().map(Candidate::name).collect(Collectors.joining(", "));
            case Suggestion.DateValue d -> "Date: " + d.date().display()
                    + (d.endDate() == null ? "" : " – " + d.endDate().display());
            case Suggestion.Figure f -> "Casualty figure: " + f.casualties().display();
            case Suggestion.NewName n -> "New " + n.proposedKind().displayName().toLowerCase(java.util.Locale.ROOT) + "?";
        };
    }

    static String candidate(Candidate c) {
        return c.name() + " (" + c.kind().displayName().toLowerCase(java.util.Locale.ROOT)
                + (c.vetted() ? "" : ", pending review") + ")";
    }
}

package org.annals.suggest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the recognisers found in a text, before what is annotated or rejected is taken out (decision 0031):
 * reading a 5 MB source takes a second or two, taking out annotated and rejected spans a few milliseconds, so
 * accepting and rejecting one suggestion after another does not read the text again. Keyed by what the
 * findings depend on: the frozen text version and the registry version (or the pending entities), so a stale
 * entry is never read, only aged out. Bounded by entries and by suggestions held.
 */
@Component
class RecognisedCache {

    static final int MAX_ENTRIES = 32;
    /** About 100 bytes each: some tens of megabytes at most. */
    static final int MAX_SUGGESTIONS = 400_000;

    /** Guarded by itself. */
    private final LinkedHashMap<Object, List<Suggestion>> found = new LinkedHashMap<>(16, 0.75f, true);
    private int held;

    /** The findings for the key, computed (outside the lock) when they are not kept. */
    List<Suggestion> get(Object key, Supplier<List<Suggestion>> recognise) {
        synchronized (found) {
            List<Suggestion> kept = found.get(key);
            if (kept != null) {
                return kept;
            }
        }
        List<Suggestion> fresh = List.copyOf(recognise.get());
        synchronized (found) {
            List<Suggestion> previous = found.put(key, fresh);
            held += fresh.size() - (previous == null ? 0 : previous.size());
            var eldest = found.entrySet().iterator();
            while ((found.size() > MAX_ENTRIES || held > MAX_SUGGESTIONS) && found.size() > 1 && eldest.hasNext()) {
                var entry = eldest.next();
                if (entry.getKey().equals(key)) {
                    continue;
                }
                held -= entry.getValue().size();
                eldest.remove();
            }
        }
        return fresh;
    }
}

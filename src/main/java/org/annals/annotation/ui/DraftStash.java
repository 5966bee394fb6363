package org.annals.annotation.ui;

import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what an editor is typing in the browser's local storage until the server has it. Vaadin
 * holds form values on the server, which a lost connection or an expired session would throw away;
 * this copy survives both, and a reload, and the editor offers it back when the source opens again.
 * Fields take part by carrying a {@code data-stash} attribute with their name.
 */
final class DraftStash {

    static final String FIELD_ATTRIBUTE = "data-stash";

    private DraftStash() {
    }

    static String key(Object projectId, Object sourceId) {
        return "annals-draft:" + projectId + ":" + sourceId;
    }

    /** Saves {@code base} (JSON) with the current values of all stash fields on every keystroke. */
    static void watch(UI ui, String key, String base) {
        ui.getPage().executeJs("""
                const key = $0, base = JSON.parse($1);
                const write = () => {
                  if (window.__annalsStash !== save) return; // cleared (saved or cancelled) in the meantime
                  let previous = {};
                  try {
                    const old = JSON.parse(localStorage.getItem(key) || '{}');
                    if (old.start === base.start && old.end === base.end) previous = old.fields || {};
                  } catch (e) { /* unreadable: start afresh */ }
                  // Hidden fields are not in the page; what was typed in them before stays in the stash.
                  const fields = {...previous};
                  document.querySelectorAll('[data-stash]').forEach(f => { fields[f.getAttribute('data-stash')] = f.value ?? ''; });
                  try { localStorage.setItem(key, JSON.stringify({...base, fields, savedAt: Date.now()})); } catch (e) { /* full or private */ }
                };
                // Listening as the event bubbles up: by then the field has taken its new value, and the copy
                // is written before anything else (a reload a millisecond later included) can happen.
                const save = () => write();
                if (window.__annalsStash) {
                  document.removeEventListener('input', window.__annalsStash);
                  document.removeEventListener('change', window.__annalsStash);
                }
                window.__annalsStash = save;
                document.addEventListener('input', save);
                document.addEventListener('change', save);
                save();
                """, key, base);
    }

    /** Forgets the stash once the server has saved it (or the editor cancelled on purpose). */
    static void clear(UI ui, String key) {
        ui.getPage().executeJs("""
                if (window.__annalsStash) {
                  document.removeEventListener('input', window.__annalsStash);
                  document.removeEventListener('change', window.__annalsStash);
                  window.__annalsStash = undefined;
                }
                try { localStorage.removeItem($0); } catch (e) { /* nothing stored */ }
                """, key);
    }

    /** Reads a stash left behind for this source, if any. */
    static void read(UI ui, String key, Consumer<@Nullable String> found) {
        ui.getPage().executeJs("try { return localStorage.getItem($0); } catch (e) { return null; }", key)
                .then(String.class, found::accept, error -> found.accept(null));
    }
}

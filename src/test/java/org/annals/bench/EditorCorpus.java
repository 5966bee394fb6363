package org.annals.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.annals.annotation.AnnotationType;
import org.annals.source.SourceText;
import org.annals.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the editor harnesses share: news-like text, vetted annotations straight into the table, signing in. */
final class EditorCorpus {

    private static final String[] WORDS = ("the rebels army city offensive Aleppo Hama Idlib fighters entered withdrew "
            + "reported killed civilians airstrike positions front line convoy checkpoint command operations brigade "
            + "faction council statement according to sources on Saturday Sunday morning evening were at least near "
            + "village district province road bridge airport base commander announced control advanced retreated")
            .split(" ");

    private EditorCorpus() {
    }

    /** Paragraphs of news-like text (with an emoji and Arabic now and then) up to about this many characters. */
    static String[] paragraphs(int characters) {
        var random = new Random(7);
        var result = new ArrayList<String>();
        int total = 0;
        while (total < characters) {
            var p = new StringBuilder();
            int words = 40 + random.nextInt(80);
            for (int w = 0; w < words; w++) {
                p.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(60) == 0) {
                    p.append(random.nextBoolean() ? " 🚀" : " دخلت قوات المعارضة مدينة حلب");
                }
            }
            p.append('.');
            result.add(p.toString());
            total += p.length() + 2;
        }
        return result.toArray(String[]::new);
    }

    /** Vetted annotations straight into the table: spans of 1–6 words, many overlapping. Returns how many. */
    static int insertAnnotations(JdbcTemplate jdbc, UUID project, UUID source, SourceText text, int count) {
        UUID version = jdbc.queryForObject("select text_version_id from source where id = ?", UUID.class, source);
        var random = new Random(11);
        String t = text.text();
        var rows = new ArrayList<Object[]>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            SourceText.Passage p = text.passages().get(random.nextInt(text.passages().size()));
            int start = p.start();
            int skip = random.nextInt(30);
            for (int k = 0; k < skip; k++) {
                int next = t.indexOf(' ', start + 1);
                if (next < 0 || next + 1 >= p.end()) {
                    break;
                }
                start = next + 1;
            }
            int end = start;
            int words = 1 + random.nextInt(6);
            for (int k = 0; k < words; k++) {
                int next = t.indexOf(' ', end + 1);
                end = next < 0 || next > p.end() ? p.end() : next;
            }
            if (end <= start || Character.isLowSurrogate(t.charAt(start)) || end < t.length()
                    && Character.isLowSurrogate(t.charAt(end))) {
                continue;
            }
            AnnotationType type = AnnotationType.values()[random.nextInt(AnnotationType.values().length)];
            if (type.requiredLinkKind() != null) {
                type = AnnotationType.CLAIM;
            }
            rows.add(new Object[] {UUID.randomUUID(), 0L, project, source, version, start, end, t.substring(start, end),
                    t.substring(Math.max(0, start - 32), start), t.substring(end, Math.min(t.length(), end + 32)),
                    type.name(), null, null, now, now});
        }
        jdbc.batchUpdate("insert into annotation (id, version, project_id, source_id, text_version_id, start_offset,"
                + " end_offset, exact_quote, prefix, suffix, annotation_type, linked_kind, linked_id, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * Opens the link dialog for a claim on the first word or two of the passage, with "No link yet" chosen, and arms
     * the timing inside the browser: from the click event on Save to the first frame that shows the new highlight (a
     * mutation observer, not polling), so the test driver's own delays do not count. The caller clicks Save, waits
     * for {@code window.__drawn > 0} and reads {@link #CREATED}.
     */
    static void prepareClaim(Page page, SourceText text, SourceText.Passage p) {
        int start = p.start();
        int end = Math.min(p.end(), start + 12);
        while (end < p.end() && !Character.isWhitespace(text.text().charAt(end))) {
            end++;
        }
        page.evaluate("([s, e]) => document.querySelector('annals-text').selectRange(s, e)", List.of(start, end));
        page.waitForTimeout(200);
        page.locator("annals-text").press("5");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No link yet")).check();
        page.evaluate("""
                () => {
                  const count = () => document.querySelectorAll('annals-text [data-states~="draft"]').length;
                  const before = count();
                  window.__drawn = 0;
                  document.addEventListener('click', e => {
                    if (e.composedPath().some(n => n.textContent === 'Save to draft')) window.__saved = performance.now();
                  }, {capture: true, once: true});
                  const observer = new MutationObserver(() => {
                    if (count() > before) {
                      observer.disconnect();
                      window.__mutated = performance.now();
                      requestAnimationFrame(() => { window.__drawn = performance.now(); });
                    }
                  });
                  observer.observe(document.querySelector('annals-text'), {subtree: true, childList: true});
                }""");
    }

    /** After {@link #prepareClaim} and the Save click: milliseconds from the click to the highlight painted. */
    static final String CREATED = "() => window.__drawn - window.__saved";

    /** After {@link #prepareClaim} and the Save click: milliseconds from the click to the highlight in the DOM. */
    static final String MUTATED = "() => window.__mutated - window.__saved";

    static void signIn(Page page, int port, String username) {
        signIn(page, port, username, Fixtures.PASSWORD);
    }

    static void signIn(Page page, int port, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("login"));
    }

    /** Median, p95 and extremes of a sample, in one line. */
    static String summary(List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        return String.format(Locale.ROOT, "median %.1f, p95 %.1f, min %.1f, max %.1f (n=%d)", sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)), sorted.getFirst(),
                sorted.getLast(), sorted.size());
    }

    /**
     * What the traces record; with {@code -Dannals.profile.js=true} also V8's sampling profiler (ProfileChunk
     * events: the script's own time per function), which slows the page a little, so only for finding where.
     */
    static List<String> traceCategories() {
        var categories = new java.util.ArrayList<>(List.of("devtools.timeline", "disabled-by-default-devtools.timeline",
                "v8.execute", "blink.user_timing"));
        if (Boolean.getBoolean("annals.profile.js")) {
            categories.add("disabled-by-default-v8.cpu_profiler");
        }
        return categories;
    }

    /**
     * Installed in every page of the context before its own scripts: from the start of the page, and again after
     * {@code window.__watchDrawn()} (before a click in the app), the page checks at the start of each animation
     * frame whether every highlight in view is drawn ({@code DRAWN}, the benchmark's predicate). The first frame in
     * which it holds is the one that paints it: its time is {@code __drawnFrame}, the budget's "first frame after
     * every highlight is drawn". The frame after that one is {@code __nextFrame}, what the harness's clock took
     * (it saw the highlights in one frame, then asked for a frame): it also counts whatever runs between the two
     * frames (such as the side panel's parts that come once the text is drawn). {@code __firstScreenFrame} is the
     * first frame showing every highlight in view drawn by the page's first screen (EditorFirstResponse) or by the
     * view, and {@code __firstScreenShown} whether it was the first screen. The check is the one Playwright's
     * polling ran, without Playwright's own script, which it first evaluates in a new page while the page loads
     * (10-20 ms of the main thread on this machine class, before Vaadin's client built the view; about 50 ms after
     * a click in the app), and without the round trips between harness and page (session 15, docs/performance.md).
     */
    static final String DRAWN_RECORDER = """
            (() => {
              const drawn = DRAWN;
              let watching = 0;
              window.__watchDrawn = () => {
                delete window.__drawnFrame;
                delete window.__nextFrame;
                delete window.__firstScreenFrame;
                delete window.__firstScreenShown;
                const run = ++watching;
                const tick = () => {
                  if (run !== watching) return;
                  if (window.__drawnFrame !== undefined) { window.__nextFrame = performance.now(); return; }
                  let seen = false;
                  try { seen = drawn(); } catch (e) { seen = false; }
                  const screen = document.getElementById('annals-first-screen');
                  if (window.__firstScreenFrame === undefined && (seen || (screen && !screen.hidden))) {
                    window.__firstScreenFrame = performance.now();
                    window.__firstScreenShown = !seen;
                  }
                  if (seen) window.__drawnFrame = performance.now();
                  requestAnimationFrame(tick);
                };
                requestAnimationFrame(tick);
              };
              window.__watchDrawn();
            })();""";

    /**
     * Waits for the frames the page recorded ({@link #DRAWN_RECORDER}) and returns the time of {@code frame}
     * ({@code __drawnFrame} or {@code __nextFrame}) since {@code origin}.
     */
    static double recordedFrame(Page page, String frame, String origin) throws InterruptedException {
        String read = "() => window.__nextFrame === undefined ? null : window." + frame + " - (" + origin + ")";
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            // A short question every 25 ms, not Playwright's polling: no script of Playwright's runs in the page.
            if (page.evaluate(read) instanceof Number time) {
                return time.doubleValue();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the page never showed every highlight drawn");
    }


    /**
     * JavaScript: how many chunks of passages that show in the text's visible box are not drawn yet. A lazily drawing
     * component marks its body data-lazy and each drawn chunk data-drawn; for one that draws everything at once: 0.
     */
    static final String UNDRAWN_IN_VIEW = """
            (t => { const body = t.querySelector('.annals-body');
              if (!body || !body.dataset.lazy) return 0;
              const box = t.getBoundingClientRect();
              const top = Math.max(0, box.top), bottom = Math.min(innerHeight, box.bottom);
              let n = 0;
              for (const c of body.querySelectorAll('.passage-chunk:not([data-drawn])')) {
                const r = c.getBoundingClientRect();
                if (r.bottom > top && r.top < bottom) n++;
              }
              return n; })""";
}

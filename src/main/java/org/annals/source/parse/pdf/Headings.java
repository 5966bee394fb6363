package org.annals.source.parse.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which lines are headings, and of which level. Where the PDF has an outline (bookmarks, as LibreOffice and Word
 * write them from the document's headings), an outline entry found as a line on its page is a heading of the
 * entry's depth. Without one, lines clearly larger than the body text are headings, the largest size level 1,
 * and short lines set wholly in bold at the body size are headings of the level below them.
 */
final class Headings {

    /** An entry of the outline: its title, the page it points to (from 1), its depth (1 = top). */
    record OutlineEntry(String title, int page, int depth) {
    }

    private static final float LARGER = 1.15f;
    private static final int MAX_HEADING_LENGTH = 200;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Headings() {
    }

    /**
     * The heading level of each line by its index in {@code lines} (absent: not a heading). {@code lines} are the
     * content lines in reading order (chrome left out).
     */
    static Map<Integer, Integer> levels(List<Line> lines, List<OutlineEntry> outline, float bodySize) {
        Map<Integer, Integer> byOutline = fromOutline(lines, outline);
        if (!byOutline.isEmpty()) {
            // A title above the outline's headings (larger than any of them, before the first) is level 1.
            float largestOutlined = 0;
            int first = Integer.MAX_VALUE;
            for (int i : byOutline.keySet()) {
                largestOutlined = Math.max(largestOutlined, lines.get(i).size());
                first = Math.min(first, i);
            }
            var titles = new ArrayList<Integer>();
            for (int i = 0; i < Math.min(first, lines.size()); i++) {
                Line line = lines.get(i);
                if (line.size() > largestOutlined + 0.5f && line.size() >= bodySize * LARGER && isHeadingText(line)) {
                    titles.add(i);
                }
            }
            if (titles.isEmpty()) {
                return byOutline;
            }
            var levels = new HashMap<Integer, Integer>();
            byOutline.forEach((i, level) -> levels.put(i, Math.min(6, level + 1)));
            titles.forEach(i -> levels.put(i, 1));
            return levels;
        }
        return fromFonts(lines, bodySize);
    }

    private static Map<Integer, Integer> fromOutline(List<Line> lines, List<OutlineEntry> outline) {
        var levels = new HashMap<Integer, Integer>();
        Map<Integer, List<Integer>> linesOfPage = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            linesOfPage.computeIfAbsent(lines.get(i).page(), p -> new ArrayList<>()).add(i);
        }
        for (OutlineEntry entry : outline) {
            String title = comparable(entry.title());
            if (title.isEmpty()) {
                continue;
            }
            List<Integer> candidates = linesOfPage.getOrDefault(entry.page(), List.of());
            // A real page has far fewer lines; the bound keeps a hostile outline over a hostile page cheap.
            for (int k = 0; k < Math.min(candidates.size(), 1_000); k++) {
                int i = candidates.get(k);
                if (levels.containsKey(i)) {
                    continue;
                }
                String text = comparable(lines.get(i).text());
                if (text.isEmpty() || !title.startsWith(text)) {
                    continue;
                }
                // A heading set on two or three lines: the following lines complete the title.
                var heading = new ArrayList<Integer>(List.of(i));
                String sofar = text;
                for (int n = k + 1; n < candidates.size() && sofar.length() < title.length() && heading.size() < 4; n++) {
                    String next = sofar + " " + comparable(lines.get(candidates.get(n)).text());
                    String joined = sofar + comparable(lines.get(candidates.get(n)).text());
                    if (title.startsWith(next)) {
                        sofar = next;
                    } else if (title.startsWith(joined)) {
                        sofar = joined;
                    } else {
                        break;
                    }
                    heading.add(candidates.get(n));
                }
                if (sofar.equals(title)) {
                    heading.forEach(h -> levels.put(h, Math.clamp(entry.depth(), 1, 6)));
                    break;
                }
            }
        }
        return levels;
    }

    private static Map<Integer, Integer> fromFonts(List<Line> lines, float bodySize) {
        var sizes = new TreeSet<Float>();
        var candidates = new HashMap<Integer, Float>();
        var boldOnes = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!isHeadingText(line)) {
                continue;
            }
            if (line.size() >= bodySize * LARGER) {
                float size = Math.round(line.size() * 2) / 2f;
                candidates.put(i, size);
                sizes.add(size);
            } else if (line.bold() && line.size() >= bodySize * 0.95f && line.text().length() <= 120
                    && standsAlone(lines, i)) {
                boldOnes.add(i);
            }
        }
        List<Float> descending = new ArrayList<>(sizes.descendingSet());
        // More than five sizes above the body: the smallest share the last levels.
        var levels = new HashMap<Integer, Integer>();
        candidates.forEach((i, size) -> levels.put(i, Math.min(6, descending.indexOf(size) + 1)));
        int boldLevel = Math.min(6, descending.size() + 1);
        boldOnes.forEach(i -> levels.put(i, boldLevel));
        return levels;
    }

    /**
     * A bold line is a heading only when the lines around it are not bold too (a bold paragraph is not a heading)
     * and it does not end like a sentence that runs on.
     */
    private static boolean standsAlone(List<Line> lines, int i) {
        Line line = lines.get(i);
        String text = line.text();
        if (text.endsWith(",") || text.endsWith(";")) {
            return false;
        }
        boolean boldBefore = i > 0 && lines.get(i - 1).bold() && lines.get(i - 1).page() == line.page()
                && line.y() - lines.get(i - 1).y() < line.size() * 1.6f && !lines.get(i).columnStart();
        boolean boldAfter = i + 1 < lines.size() && lines.get(i + 1).bold() && lines.get(i + 1).page() == line.page()
                && lines.get(i + 1).y() - line.y() < line.size() * 1.6f && !lines.get(i + 1).columnStart();
        return !boldBefore && !boldAfter;
    }

    private static boolean isHeadingText(Line line) {
        String text = line.text();
        return text.length() <= MAX_HEADING_LENGTH && text.codePoints().anyMatch(Character::isLetter);
    }

    private static String comparable(String text) {
        return SPACES.matcher(PageLayout.normalise(text)).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}

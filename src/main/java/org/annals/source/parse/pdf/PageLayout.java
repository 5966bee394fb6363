package org.annals.source.parse.pdf;

import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the glyphs of one page as lines in reading order. Glyphs on one baseline form a row; the rows of the
 * body are searched for gutters (vertical strips that almost no row crosses, with text on both sides), and rows
 * that do not cross a gutter are cut into one line per column. Consecutive such rows form a band whose columns
 * are read one after the other; a row that crosses a gutter (a title over both columns) is a band of its own.
 * PDFBox's own stripper, sorting by position, would read such a page line by line across both columns.
 *
 * <p>Glyphs of right-to-left scripts stand on the page in visual order; each line is put back into logical order
 * with the Unicode bidirectional algorithm, glyph by glyph, so that a ligature (lam-alef) keeps its letters in order.
 */
final class PageLayout {

    /** Running headers, footers and page numbers stand in the top and bottom 12% of a page. */
    private static final float MARGIN_SHARE = 0.12f;
    /** A gutter is at least this wide (points), and crossed by at most this share of the body's rows. */
    private static final float MIN_GUTTER = 7f;
    private static final float GUTTER_CROSSING_SHARE = 0.12f;
    /** Each side of a gutter is covered by at least this share of the rows: two columns of text, not a ragged edge. */
    private static final float COLUMN_COVER_SHARE = 0.3f;
    private static final int MIN_ROWS_FOR_COLUMNS = 6;
    /** A real page has a few hundred rows at most; a page of thousands is read as one column (and cheaply). */
    private static final int MAX_ROWS_FOR_COLUMNS = 2_000;

    private PageLayout() {
    }

    /** The lines of a page in reading order; {@code pageHeight} in points, {@code page} from 1. */
    static List<Line> lines(List<Glyph> glyphs, int page, float pageHeight) {
        List<List<Glyph>> rows = rows(glyphs);
        // Margin rows: at most two rows at the top (and at the bottom) edge of the page, set apart from the body by
        // a wider gap than a line's, where running headers, footers and page numbers stand. Text near the edge
        // that runs on like the body (a page set with small margins) is body, laid out in columns with the rest.
        int top = 0;
        for (int k = 1; k <= Math.min(2, rows.size() - 1); k++) {
            if (rows.get(k - 1).getFirst().y() < pageHeight * MARGIN_SHARE
                    && rows.get(k).getFirst().y() - rows.get(k - 1).getFirst().y() > 1.8f * size(rows.get(k - 1))) {
                top = k;
                break;
            }
        }
        int bottom = rows.size();
        for (int k = 1; k <= Math.min(2, rows.size() - 1 - top); k++) {
            int first = rows.size() - k;
            if (rows.get(first).getFirst().y() > pageHeight * (1 - MARGIN_SHARE)
                    && rows.get(first).getFirst().y() - rows.get(first - 1).getFirst().y() > 1.8f * size(rows.get(first))) {
                bottom = first;
                break;
            }
        }
        var out = new ArrayList<Line>();
        rows.subList(0, top).forEach(row -> out.add(single(row, page, Line.Margin.TOP)));
        out.addAll(bodyLines(rows.subList(top, bottom), page));
        rows.subList(bottom, rows.size()).forEach(row -> out.add(single(row, page, Line.Margin.BOTTOM)));
        return out;
    }

    /** The largest font size of a row. */
    private static float size(List<Glyph> row) {
        float size = 0;
        for (Glyph g : row) {
            size = Math.max(size, g.size());
        }
        return size;
    }

    /** Glyphs grouped by baseline, top to bottom, each row left to right; a raised footnote mark stays in its row. */
    static List<List<Glyph>> rows(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        var rows = new ArrayList<List<Glyph>>();
        List<Glyph> row = null;
        float rowY = 0;
        float tolerance = 0;
        for (Glyph g : sorted) {
            if (row == null || g.y() - rowY > tolerance) {
                row = new ArrayList<>();
                rows.add(row);
                rowY = g.y();
                tolerance = Math.max(1f, g.size() * 0.45f);
            }
            row.add(g);
        }
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(Glyph::x));
        }
        rows.removeIf(r -> r.stream().allMatch(Glyph::isSpace));
        return rows;
    }

    private static List<Line> bodyLines(List<List<Glyph>> rows, int page) {
        List<float[]> gutters = gutters(rows);
        var out = new ArrayList<Line>();
        int i = 0;
        while (i < rows.size()) {
            if (gutters.isEmpty() || crosses(rows.get(i), gutters)) {
                int j = i;
                while (j < rows.size() && (gutters.isEmpty() || crosses(rows.get(j), gutters))) {
                    j++;
                }
                out.addAll(band(rows.subList(i, j), page));
                i = j;
                continue;
            }
            int j = i;
            while (j < rows.size() && !crosses(rows.get(j), gutters)) {
                j++;
            }
            // A band of columns: each column's parts of the rows, top to bottom, then the next column.
            int columns = gutters.size() + 1;
            for (int c = 0; c < columns; c++) {
                var parts = new ArrayList<List<Glyph>>();
                for (List<Glyph> row : rows.subList(i, j)) {
                    var part = new ArrayList<Glyph>();
                    for (Glyph g : row) {
                        if (column(g, gutters) == c) {
                            part.add(g);
                        }
                    }
                    if (part.stream().anyMatch(g -> !g.isSpace())) {
                        parts.add(part);
                    }
                }
                out.addAll(band(parts, page));
            }
            i = j;
        }
        return out;
    }

    /** Lines of one column (or of full-width rows) sharing the column's edges; the first starts the column. */
    private static List<Line> band(List<List<Glyph>> rows, int page) {
        if (rows.isEmpty()) {
            return List.of();
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (List<Glyph> row : rows) {
            for (Glyph g : row) {
                if (!g.isSpace()) {
                    left = Math.min(left, g.x());
                    right = Math.max(right, g.end());
                }
            }
        }
        var lines = new ArrayList<Line>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            lines.add(line(rows.get(k), page, left, right, k == 0, Line.Margin.NONE));
        }
        return lines;
    }

    private static Line single(List<Glyph> row, int page, Line.Margin margin) {
        float left = (float) row.stream().filter(g -> !g.isSpace()).mapToDouble(Glyph::x).min().orElse(0);
        float right = (float) row.stream().filter(g -> !g.isSpace()).mapToDouble(Glyph::end).max().orElse(0);
        return line(row, page, left, right, true, margin);
    }

    /**
     * Vertical strips of the body that at most a few rows cross and that have text on both sides, left to right:
     * the gutters between columns. Word gaps never line up over many rows, and a ragged right edge has no text
     * beyond it, so neither is taken for a gutter.
     */
    static List<float[]> gutters(List<List<Glyph>> rows) {
        if (rows.size() < MIN_ROWS_FOR_COLUMNS || rows.size() > MAX_ROWS_FOR_COLUMNS) {
            return List.of();
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (List<Glyph> row : rows) {
            for (Glyph g : row) {
                if (!g.isSpace()) {
                    left = Math.min(left, g.x());
                    right = Math.max(right, g.end());
                }
            }
        }
        int bins = (int) Math.ceil(right - left) + 1;
        if (bins < 4 * MIN_GUTTER || bins > 20_000) {
            return List.of();
        }
        int[] cover = new int[bins];
        int[] countedFor = new int[bins];
        java.util.Arrays.fill(countedFor, -1);
        for (int r = 0; r < rows.size(); r++) {
            List<Glyph> row = rows.get(r);
            // One count per row and bin, however many glyphs of the row cover it; gaps between words are covered
            // too when they are narrow, so that only wide, aligned gaps remain.
            Glyph previous = null;
            for (Glyph g : row) {
                if (g.isSpace()) {
                    continue;
                }
                float from = g.x();
                if (previous != null && g.x() - previous.end() < g.size() * 0.8f) {
                    from = previous.end();
                }
                for (int b = Math.max(0, (int) (from - left)); b <= Math.min(bins - 1, (int) (g.end() - left)); b++) {
                    if (countedFor[b] != r) {
                        countedFor[b] = r;
                        cover[b]++;
                    }
                }
                previous = g;
            }
        }
        int crossing = Math.max(1, (int) (rows.size() * GUTTER_CROSSING_SHARE));
        int columnCover = (int) Math.ceil(rows.size() * COLUMN_COVER_SHARE);
        var gutters = new ArrayList<float[]>();
        int b = (int) (bins * 0.15);
        while (b < bins * 0.85) {
            if (cover[b] > crossing) {
                b++;
                continue;
            }
            int start = b;
            while (b < bins && cover[b] <= crossing) {
                b++;
            }
            int end = b;
            if (end - start >= MIN_GUTTER && end < bins && maxCover(cover, 0, start) >= columnCover
                    && maxCover(cover, end, bins) >= columnCover) {
                gutters.add(new float[] {left + start, left + end});
            }
        }
        return gutters;
    }

    private static int maxCover(int[] cover, int from, int to) {
        int max = 0;
        for (int b = from; b < to; b++) {
            max = Math.max(max, cover[b]);
        }
        return max;
    }

    private static boolean crosses(List<Glyph> row, List<float[]> gutters) {
        for (Glyph g : row) {
            if (!g.isSpace()) {
                for (float[] gutter : gutters) {
                    if (g.end() > gutter[0] && g.x() < gutter[1]) {
                        return true;
                    }
                }
            }
        }
        // A row whose words bridge a gutter (a glyph on each side, no gap at the gutter) crosses it too.
        for (float[] gutter : gutters) {
            Glyph before = null;
            for (Glyph g : row) {
                if (g.isSpace()) {
                    continue;
                }
                if (before != null && before.end() <= gutter[0] && g.x() >= gutter[1]
                        && g.x() - before.end() < g.size() * 0.8f) {
                    return true;
                }
                before = g;
            }
        }
        return false;
    }

    private static int column(Glyph g, List<float[]> gutters) {
        int c = 0;
        while (c < gutters.size() && g.centre() >= gutters.get(c)[1]) {
            c++;
        }
        return c;
    }

    /** One line from glyphs of one row (left to right): words spaced by their gaps, in logical order. */
    static Line line(List<Glyph> row, int page, float columnLeft, float columnRight, boolean columnStart,
            Line.Margin margin) {
        // Combining marks (Arabic vowel signs, a shadda) first go to the letter they are drawn over, whichever side
        // of it their box starts: in visual order the neighbour on the left is the next letter of a right-to-left word.
        var bases = new ArrayList<Glyph>(row.size());
        var marks = new ArrayList<Glyph>();
        for (Glyph g : row) {
            (g.isMark() ? marks : bases).add(g);
        }
        var marksOn = new HashMap<Integer, StringBuilder>();
        for (Glyph mark : marks) {
            int best = -1;
            float distance = Float.MAX_VALUE;
            // Bases are in x order: only the few around the mark's centre can hold it.
            int at = firstEndingAfter(bases, mark.centre());
            for (int b = Math.max(0, at - 2); b < Math.min(bases.size(), at + 3); b++) {
                Glyph base = bases.get(b);
                if (base.isSpace()) {
                    continue;
                }
                float d = mark.centre() < base.x() ? base.x() - mark.centre()
                        : mark.centre() > base.end() ? mark.centre() - base.end() : 0;
                if (d < distance) {
                    distance = d;
                    best = b;
                }
            }
            if (best >= 0) {
                marksOn.computeIfAbsent(best, b -> new StringBuilder()).append(normalise(mark.text()));
            }
        }
        var tokens = new ArrayList<StringBuilder>();
        Glyph previous = null;
        Map<Float, Integer> sizes = new HashMap<>();
        int letters = 0;
        int boldLetters = 0;
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (int b = 0; b < bases.size(); b++) {
            Glyph g = bases.get(b);
            if (g.isSpace()) {
                if (!tokens.isEmpty() && !isSpaceToken(tokens.getLast())) {
                    tokens.add(new StringBuilder(" "));
                }
                continue;
            }
            String text = normalise(g.text());
            left = Math.min(left, g.x());
            right = Math.max(right, g.end());
            int count = text.codePointCount(0, text.length());
            sizes.merge(Math.round(g.size() * 2) / 2f, count, Integer::sum);
            letters += count;
            if (g.bold()) {
                boldLetters += count;
            }
            if (previous != null && !tokens.isEmpty() && !isSpaceToken(tokens.getLast())
                    && g.x() - previous.end() > spaceGap(previous, g)) {
                tokens.add(new StringBuilder(" "));
            }
            var token = new StringBuilder(text);
            if (marksOn.containsKey(b)) {
                token.append(marksOn.get(b));
            }
            tokens.add(token);
            previous = g;
        }
        while (!tokens.isEmpty() && isSpaceToken(tokens.getLast())) {
            tokens.removeLast();
        }
        boolean rtl = false;
        String text;
        if (hasRightToLeft(tokens)) {
            var reordered = logicalOrder(tokens);
            text = reordered.text();
            rtl = reordered.rtl();
        } else {
            var sb = new StringBuilder();
            tokens.forEach(sb::append);
            text = sb.toString();
        }
        Comparator<Map.Entry<Float, Integer>> byCount = Map.Entry.comparingByValue();
        Comparator<Map.Entry<Float, Integer>> bySize = Map.Entry.comparingByKey();
        float size = sizes.entrySet().stream().max(byCount.thenComparing(bySize)).map(Map.Entry::getKey).orElse(0f);
        return new Line(text.strip(), page, row.getFirst().y(), left == Float.MAX_VALUE ? columnLeft : left,
                right == -Float.MAX_VALUE ? columnRight : right, columnLeft, columnRight, columnStart, margin, size,
                letters > 0 && boldLetters >= letters * 0.9, rtl);
    }

    /** The index of the first glyph (in x order) that ends after {@code x}, or the size when none does. */
    private static int firstEndingAfter(List<Glyph> glyphs, float x) {
        int low = 0;
        int high = glyphs.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (glyphs.get(mid).x() + glyphs.get(mid).width() <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The gap between two glyphs that means a space, as PDFBox's stripper judges it: half the font's space width
     * or a third of a character's width, whichever is smaller.
     */
    private static float spaceGap(Glyph previous, Glyph next) {
        float charWidth = previous.width() / Math.max(1, previous.text().length());
        float space = previous.spaceWidth() > 0 ? previous.spaceWidth() * 0.5f : Float.MAX_VALUE;
        float gap = Math.min(space, charWidth * 0.3f);
        return Math.max(gap, next.size() * 0.08f);
    }

    private static boolean isSpaceToken(StringBuilder token) {
        return token.length() == 1 && token.charAt(0) == ' ';
    }

    /**
     * Presentation forms (Arabic letters in their joined shapes, Latin ligatures such as "ﬁ") back to the letters
     * they show, as search and quotes need them; everything else is left as the PDF has it.
     */
    static String normalise(String glyph) {
        for (int i = 0; i < glyph.length(); i++) {
            char c = glyph.charAt(i);
            if ((c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
                return Normalizer.normalize(glyph, Normalizer.Form.NFKC).replace("\uFEFF", "");
            }
        }
        return glyph;
    }

    private static boolean hasRightToLeft(List<StringBuilder> tokens) {
        for (StringBuilder token : tokens) {
            for (int i = 0; i < token.length(); i++) {
                byte d = Character.getDirectionality(token.charAt(i));
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Reordered(String text, boolean rtl) {
    }

    /**
     * Visual order back to logical order. The bidirectional algorithm run over the visual sequence gives the same
     * runs (mirrored), and reversing them again undoes the reversal the renderer made; whole glyphs are moved, so a
     * glyph that stands for several letters keeps them in order.
     */
    private static Reordered logicalOrder(List<StringBuilder> tokens) {
        var probe = new StringBuilder(tokens.size());
        for (StringBuilder token : tokens) {
            probe.append(representative(token));
        }
        Bidi bidi = new Bidi(probe.toString(), Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        byte[] levels = new byte[tokens.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) bidi.getLevelAt(i);
        }
        Object[] order = tokens.toArray();
        Bidi.reorderVisually(levels, 0, order, 0, order.length);
        var text = new StringBuilder();
        for (Object token : order) {
            text.append(token);
        }
        return new Reordered(text.toString(), !bidi.baseIsLeftToRight());
    }

    /** One character standing for a glyph in the bidirectional algorithm: its first strong one, if any. */
    private static char representative(CharSequence token) {
        for (int i = 0; i < token.length(); i++) {
            byte d = Character.getDirectionality(token.charAt(i));
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return token.charAt(i);
            }
        }
        return token.isEmpty() ? ' ' : token.charAt(0);
    }
}

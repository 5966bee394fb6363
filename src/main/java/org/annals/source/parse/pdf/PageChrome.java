package org.annals.source.parse.pdf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the page chrome of a PDF among the lines in the top and bottom margins of its pages: page numbers
 * ("12", "Page 3 of 40", "- 7 -", "iv") and running headers and footers, lines that come back at the same edge of
 * many pages (the report's title, its publisher, "Page 12 | Annual report"), compared with their digits left out.
 */
final class PageChrome {

    static final String PAGE_NUMBER = "page number";
    static final String RUNNING_HEADER = "running header";
    static final String RUNNING_FOOTER = "running footer";

    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile(
            "(?:(?:page|p\\.?|pg\\.?|seite|página|صفحة)\\s*)?[-–—(\\[]?\\s*(?:\\p{Nd}{1,5}|[ivxlcdm]{1,7})\\s*[-–—)\\]]?"
                    + "(?:\\s*(?:of|/|من|de)\\s*\\p{Nd}{1,5})?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Integer> pagesByKey = new HashMap<>();
    private final int pages;

    private PageChrome(List<Line> lines, int pages) {
        this.pages = pages;
        Map<String, Set<Integer>> seen = new HashMap<>();
        for (Line line : lines) {
            if (line.margin() != Line.Margin.NONE) {
                seen.computeIfAbsent(key(line), k -> new HashSet<>()).add(line.page());
            }
        }
        seen.forEach((key, on) -> pagesByKey.put(key, on.size()));
    }

    /** Learns which margin lines repeat over the pages of the document. */
    static PageChrome of(List<Line> lines, int pages) {
        return new PageChrome(lines, pages);
    }

    /** Why the line is page chrome, or null when it is content. */
    @Nullable String reason(Line line) {
        if (line.margin() == Line.Margin.NONE) {
            return null;
        }
        if (PAGE_NUMBER_LINE.matcher(line.text()).matches()) {
            return PAGE_NUMBER;
        }
        if (pages >= 2 && line.text().length() <= 200 && pagesByKey.getOrDefault(key(line), 0) >= repeatsNeeded()) {
            return line.margin() == Line.Margin.TOP ? RUNNING_HEADER : RUNNING_FOOTER;
        }
        return null;
    }

    /** On every page of a short document, on a fifth of a long one (headers may alternate, or skip chapter starts). */
    private int repeatsNeeded() {
        return pages <= 4 ? 2 : Math.max(3, (int) Math.ceil(pages * 0.2));
    }

    private static String key(Line line) {
        String text = DIGITS.matcher(line.text()).replaceAll("#");
        return line.margin() + ":" + SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}

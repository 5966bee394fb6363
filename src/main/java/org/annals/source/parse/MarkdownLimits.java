package org.annals.source.parse;

/**
 * The limits of {@link ParseLimits} checked on Markdown text in one pass, before commonmark-java builds anything:
 * how deeply block quotes and list items nest, how deeply brackets (links, images) nest, and how many table cells
 * the file can make. The library caps nesting by itself (deeper markers are read as text), but a file past the
 * limits is refused with a reason instead of being read differently without a word, and a line that opens hundreds
 * of containers would make every following line cost hundreds of checks.
 *
 * <p>Every count is an upper bound of what the parser can build: a line nests at most as deep as the quote and list
 * markers it starts with, plus the containers its indentation can continue (two columns each at least, and only
 * containers some earlier line opened).
 */
final class MarkdownLimits {

    private MarkdownLimits() {
    }

    static void check(String text, ParseLimits limits) {
        int max = limits.maxDepth();
        int open = 0; // containers that may be open after the lines so far
        int brackets = 0;
        int deepestBrackets = 0;
        long cells = 0;
        int tableColumns = 0; // columns of the table being read, 0 outside tables
        boolean previousHadPipe = false;
        int n = text.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int i = lineStart;
            int columns = 0;
            int quotes = 0;
            int items = 0;
            char bullet = 0;
            boolean oneBullet = true;
            while (i < lineEnd) {
                char c = text.charAt(i);
                if (c == ' ') {
                    columns++;
                    i++;
                } else if (c == '\t') {
                    columns += 4;
                    i++;
                } else if (c == '>') {
                    quotes++;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == lineEnd || isBlank(text.charAt(i + 1)))) {
                    items++;
                    oneBullet &= bullet == 0 || bullet == c;
                    bullet = c;
                    i++;
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < lineEnd && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        j++;
                    }
                    if (j < lineEnd && (text.charAt(j) == '.' || text.charAt(j) == ')')
                            && (j + 1 == lineEnd || isBlank(text.charAt(j + 1)))) {
                        items++;
                        oneBullet = false;
                        i = j + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            boolean blank = i == lineEnd && quotes == 0 && items == 0;
            boolean thematicBreak = i == lineEnd && quotes == 0 && oneBullet && items >= 3; // "* * *"
            if (!blank && !thematicBreak) {
                limits.checkDepth(quotes, "Block quotes are nested");
                int depth = quotes + items + Math.min(columns / 2, open);
                limits.checkDepth(depth, "List items and block quotes are nested");
                open = Math.max(open, depth);
            }

            // Links and images live inside one paragraph, which a blank line ends.
            if (blank) {
                brackets = 0;
            }
            boolean hasPipe = false;
            for (int k = i; k < lineEnd; k++) {
                char c = text.charAt(k);
                if (c == '\\') {
                    k++;
                } else if (c == '[') {
                    brackets++;
                } else if (c == ']' && brackets > 0) {
                    deepestBrackets = Math.max(deepestBrackets, brackets - 1);
                    brackets--;
                } else if (c == '|') {
                    hasPipe = true;
                }
            }
            limits.checkDepth(deepestBrackets, "Links and images are nested");

            // A table is a line with a pipe, a separator row, and the rows with pipes after it; every row has as
            // many cells as the separator has columns.
            if (tableColumns > 0 && hasPipe) {
                cells += tableColumns;
            } else if (previousHadPipe && separatorColumns(text, i, lineEnd) > 0) {
                tableColumns = separatorColumns(text, i, lineEnd);
                cells += tableColumns; // the header row
            } else {
                tableColumns = 0;
            }
            previousHadPipe = hasPipe;
            lineStart = lineEnd + 1;
        }
        limits.checkCount(cells, "table cells");
    }

    /** The columns of a table's separator row ({@code |---|:--:|}) from {@code from}, or 0 when it is not one. */
    private static int separatorColumns(String text, int from, int to) {
        int columns = 0;
        boolean dashInCell = false;
        boolean pipe = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '-') {
                if (!dashInCell) {
                    columns++;
                }
                dashInCell = true;
            } else if (c == '|') {
                pipe = true;
                dashInCell = false;
            } else if (c != ':' && !isBlank(c)) {
                return 0;
            }
        }
        return pipe || columns == 1 ? columns : 0;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

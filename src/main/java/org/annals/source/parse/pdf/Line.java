package org.annals.source.parse.pdf;

/**
 * A line of text in reading order (logical order for right-to-left scripts) with what paragraphs, headings and
 * page chrome are judged by: where it stands on its page and in its column, its size and weight.
 *
 * @param page the page, from 1
 * @param y the baseline, from the top of the page
 * @param left where the line starts (visually), {@code right} where it ends
 * @param columnLeft the left edge of the column (or band of full-width text) the line stands in; {@code columnRight}
 *     its right edge
 * @param columnStart whether the line is the first of its column or band (a paragraph may continue across)
 * @param margin {@code TOP} or {@code BOTTOM} when the line stands in the top or bottom margin of the page, where
 *     running headers, footers and page numbers are; {@code NONE} otherwise
 * @param size the font size most of its characters have, in points
 * @param bold whether (almost) all its characters are bold
 * @param rtl whether the line is written right to left (Arabic): it starts at the right edge and ends short on the left
 */
record Line(String text, int page, float y, float left, float right, float columnLeft, float columnRight,
        boolean columnStart, Margin margin, float size, boolean bold, boolean rtl) {

    enum Margin { NONE, TOP, BOTTOM }

    /**
     * How much of its column's width the line takes, 0 to 1: a paragraph's last line is usually short. Measured on
     * the line itself, so that it holds whichever side the line is aligned to (Arabic set flush left, too).
     */
    float fill() {
        float width = columnRight - columnLeft;
        if (width <= 0) {
            return 1;
        }
        return Math.clamp((right - left) / width, 0, 1);
    }

    /** Whether the line runs to the far edge of its column (the left edge for right-to-left lines). */
    boolean reachesFarEdge() {
        float width = columnRight - columnLeft;
        return width <= 0 || (rtl ? left - columnLeft : columnRight - right) < width * 0.15f;
    }

    /** How far the line starts inside its column's edge (the right edge for right-to-left lines), in points. */
    float indent() {
        return rtl ? columnRight - right : left - columnLeft;
    }
}

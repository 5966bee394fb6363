package org.annals.source.parse.pdf;

/**
 * One glyph of a page as PDFBox placed it: its text, its box in page space with the origin at the top left
 * ({@code y} is the baseline, growing downwards), its font size and whether its font is bold.
 */
record Glyph(String text, float x, float end, float y, float size, boolean bold, float spaceWidth) {

    boolean isSpace() {
        return text.isBlank();
    }

    float width() {
        return end - x;
    }

    float centre() {
        return (x + end) / 2;
    }

    /** A combining mark (an Arabic vowel sign, an accent drawn apart): it belongs to the letter it sits on. */
    boolean isMark() {
        if (text.isEmpty()) {
            return false;
        }
        int type = Character.getType(text.codePointAt(0));
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}

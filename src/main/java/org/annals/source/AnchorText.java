package org.annals.source;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A source's frozen text and passage ranges, as other features need them to anchor spans: is a span
 * inside one passage, what does it quote, what surrounds it. Immutable, like the text it holds.
 */
public final class AnchorText {

    private final UUID sourceId;
    private final UUID textVersionId;
    private final String title;
    private final @Nullable String url;
    private final String text;
    private final int[] passageStarts;
    private final int[] passageEnds;

    AnchorText(UUID sourceId, UUID textVersionId, String title, @Nullable String url, String text, int[] passageStarts,
            int[] passageEnds) {
        this.sourceId = sourceId;
        this.textVersionId = textVersionId;
        this.title = title;
        this.url = url;
        this.text = text;
        this.passageStarts = passageStarts;
        this.passageEnds = passageEnds;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public UUID textVersionId() {
        return textVersionId;
    }

    public String title() {
        return title;
    }

    public @Nullable String url() {
        return url;
    }

    /** The whole frozen text. */
    String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** The text of {@code [start, end)}; the caller checks the bounds first. */
    public String slice(int start, int end) {
        return text.substring(start, end);
    }

    /** Up to {@code size} characters before {@code start}, never beginning inside a surrogate pair. */
    public String prefix(int start, int size) {
        int from = Math.max(0, start - size);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        return text.substring(from, start);
    }

    /** Up to {@code size} characters after {@code end}, never ending inside a surrogate pair. */
    public String suffix(int end, int size) {
        int to = Math.min(text.length(), end + size);
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to--;
        }
        return text.substring(end, to);
    }

    /** Whether an offset falls between the two halves of a surrogate pair (inside an emoji, say). */
    public boolean splitsSurrogatePair(int offset) {
        return offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                && Character.isHighSurrogate(text.charAt(offset - 1));
    }

    /** The index of the passage that contains {@code offset} (start inclusive, end exclusive). */
    public OptionalInt passageAt(int offset) {
        int index = Arrays.binarySearch(passageStarts, offset);
        int candidate = index >= 0 ? index : -index - 2;
        if (candidate >= 0 && offset < passageEnds[candidate]) {
            return OptionalInt.of(candidate);
        }
        return OptionalInt.empty();
    }

    public int passageStart(int passage) {
        return passageStarts[passage];
    }

    public int passageEnd(int passage) {
        return passageEnds[passage];
    }

    /** Rough retained size in bytes, for the cache's budget. */
    long weight() {
        return 2L * text.length() + 8L * passageStarts.length + 200;
    }
}

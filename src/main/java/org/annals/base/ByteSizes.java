package org.annals.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * File and body sizes for messages. Limits are configured as Spring's {@code DataSize} ("10MB" is 10 × 1024 × 1024
 * bytes), so sizes are shown in the same units: 1 MB = 1,048,576 bytes, and the limit reads back exactly as it was
 * written ("10 MB", "500 KB"). A size over the limit is rounded up, with as many decimals as it takes to differ from
 * the limit: never "too large (10.5 MB). The limit is 10.5 MB."
 */
public final class ByteSizes {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private ByteSizes() {
    }

    /** A limit (or any size) in the largest unit it reaches, with at most two decimals, rounded down. */
    public static String format(long bytes) {
        long unit = unitFor(bytes);
        return decimal(bytes, unit, 2, RoundingMode.DOWN) + " " + name(unit);
    }

    /** A size that exceeds {@code limit}, in the limit's unit, rounded up and visibly different from the limit. */
    public static String formatOver(long bytes, long limit) {
        long unit = unitFor(limit);
        String shownLimit = decimal(limit, unit, 2, RoundingMode.DOWN);
        for (int decimals = 1; decimals <= 3; decimals++) {
            String shown = decimal(bytes, unit, decimals, RoundingMode.UP);
            if (new BigDecimal(shown).compareTo(new BigDecimal(shownLimit)) > 0) {
                return shown + " " + name(unit);
            }
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** "The file is too large (10.1 MB). The limit is 10 MB." */
    public static String tooLarge(String what, long bytes, long limit) {
        return what + " is too large (" + formatOver(bytes, limit) + "). The limit is " + format(limit) + ".";
    }

    private static long unitFor(long bytes) {
        return bytes >= GB ? GB : bytes >= MB ? MB : bytes >= KB ? KB : 1;
    }

    private static String name(long unit) {
        return unit == GB ? "GB" : unit == MB ? "MB" : unit == KB ? "KB" : "bytes";
    }

    private static String decimal(long bytes, long unit, int decimals, RoundingMode rounding) {
        BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), decimals, rounding);
        // "10" rather than "10.00"; "10.5" rather than "10.50", but "10.1" stays as it is
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}

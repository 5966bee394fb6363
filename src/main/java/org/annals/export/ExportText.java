package org.annals.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.annals.export.DatasetRows.Claim;
import org.jspecify.annotations.Nullable;

/** How values are written in every format, in one place so that CSV and JSON agree. */
final class ExportText {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ExportText() {
    }

    /** A date as precise as it is known: 2024-12-05, 2024-12 or 2024 (approximate days as days). */
    static String date(LocalDate date, @Nullable String precision) {
        return switch (precision == null ? "DAY" : precision) {
            case "MONTH" -> date.toString().substring(0, 7);
            case "YEAR" -> Integer.toString(date.getYear());
            default -> date.toString();
        };
    }

    /** UTC to the second: the same instant always gives the same text. */
    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    /**
     * The best estimate of fatalities over all claims: the median of their lower bounds (ACLED's
     * conservative reading: the lowest figure a source supports, not the highest); null without claims.
     */
    static @Nullable Integer bestEstimate(List<Claim> claims) {
        if (claims.isEmpty()) {
            return null;
        }
        int[] lows = claims.stream().mapToInt(Claim::minimum).sorted().toArray();
        return lows[(lows.length - 1) / 2];
    }
}

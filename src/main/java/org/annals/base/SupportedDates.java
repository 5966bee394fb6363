package org.annals.base;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The years a stored date may have: 1 to 9999. H2 and PostgreSQL count years before 1 in their own calendars (the
 * year -500 reads back as 501 BC, that is 501), and ISO-8601 text in exports and the API needs a sign and more digits
 * past 9999, so such dates are refused where they come in instead of being changed on the way.
 */
public final class SupportedDates {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    public static final LocalDate MIN = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate MAX = LocalDate.of(MAX_YEAR, 12, 31);

    private SupportedDates() {
    }

    public static boolean supports(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    /** "The year -500 is outside the years Annals supports (1 to 9999)." */
    public static String outOfRange(long year) {
        return "The year " + year + " is outside the years Annals supports (" + MIN_YEAR + " to " + MAX_YEAR + ").";
    }

    /** Refuses a date outside the supported years; {@code what} names the field ("The published date"). */
    public static @Nullable LocalDate require(@Nullable LocalDate date, String what) {
        if (date != null && !supports(date)) {
            throw new InvalidInputException(what + ": " + outOfRange(date.getYear()));
        }
        return date;
    }
}

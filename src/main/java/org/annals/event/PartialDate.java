package org.annals.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.InvalidInputException;
import org.annals.base.SupportedDates;
import org.jspecify.annotations.Nullable;

/**
 * A date as sources give it: a day, a month, a year, or about a day; optionally with a local time.
 * {@link #parse} accepts what people type ("2024-12-05", "2024-12", "December 2024", "5 December
 * 2024", "2024", "~2024-12-05", "c. 5 Dec 2024", and 29/11/2024 or 11/29/2024 when the order is plain)
 * and refuses impossible dates such as 2024-02-30, or 05/12/2024, which could be May or December, and years
 * outside 1 to 9999 (year 0 and years before it would be changed by the databases' calendars: -500 read back as 501).
 */
public record PartialDate(LocalDate date, DatePrecision precision, @Nullable LocalTime time) {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]+)\\.?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{4})");
    /** 29/11/2024 or 11/29/2024: read only when the order is plain (one number above 12, or both equal). */
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
    /** A year of any length or sign, alone or with month and day: to say why it is refused. */
    private static final Pattern ANY_YEAR = Pattern.compile("(-?\\d{1,18})(?:-\\d{1,2}(?:-\\d{1,2})?)?");
    private static final Pattern APPROXIMATE = Pattern.compile("^(?:~|c\\.|ca\\.|circa|about|around)\\s*",
            Pattern.CASE_INSENSITIVE);

    public PartialDate {
        if (date == null || precision == null) {
            throw new InvalidInputException("A date needs a day, month or year and its precision.");
        }
        if (!SupportedDates.supports(date)) {
            throw new InvalidInputException(SupportedDates.outOfRange(date.getYear()));
        }
        if (precision == DatePrecision.MONTH && date.getDayOfMonth() != 1
                || precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            throw new IllegalArgumentException("A " + precision + " date is stored as the first day of its period");
        }
        if (time != null && precision != DatePrecision.DAY) {
            throw new InvalidInputException("A time of day needs an exact day.");
        }
    }

    public static PartialDate day(LocalDate date) {
        return new PartialDate(date, DatePrecision.DAY, null);
    }

    public static PartialDate parse(String text) {
        return parse(text, null);
    }

    public static PartialDate parse(String text, @Nullable LocalTime time) {
        String input = text.strip();
        if (input.isEmpty()) {
            throw new InvalidInputException("Give a date, for example 2024-12-05, December 2024 or 2024.");
        }
        Matcher approximate = APPROXIMATE.matcher(input);
        boolean about = approximate.find();
        if (about) {
            input = input.substring(approximate.end()).strip();
        }
        PartialDate parsed = parseExact(input);
        if (about) {
            if (parsed.precision() != DatePrecision.DAY) {
                throw new InvalidInputException("\"About\" needs a day: write ~2024-12-05, or just December 2024.");
            }
            return new PartialDate(parsed.date(), DatePrecision.APPROXIMATE, null);
        }
        return time == null ? parsed : new PartialDate(parsed.date(), parsed.precision(), time);
    }

    private static PartialDate parseExact(String input) {
        try {
            Matcher m = ISO.matcher(input);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                if (m.group(2) == null) {
                    return new PartialDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, null);
                }
                int month = Integer.parseInt(m.group(2));
                if (m.group(3) == null) {
                    return new PartialDate(LocalDate.of(year, month, 1), DatePrecision.MONTH, null);
                }
                return day(LocalDate.of(year, month, Integer.parseInt(m.group(3))));
            }
            m = DAY_MONTH_YEAR.matcher(input);
            if (m.matches()) {
                return day(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = MONTH_DAY_YEAR.matcher(input);
            if (m.matches()) {
                return day(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = SLASHED.matcher(input);
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                if (first <= 12 && second <= 12 && first != second) {
                    throw new InvalidInputException("\"" + input + "\" could be " + first + " " + monthName(second)
                            + " or " + second + " " + monthName(first) + ". Write " + year + "-"
                            + String.format(Locale.ROOT, "%02d", second) + "-" + String.format(Locale.ROOT, "%02d", first)
                            + " or " + first + " " + monthName(second) + " " + year + ".");
                }
                return first > 12 ? day(LocalDate.of(year, second, first)) : day(LocalDate.of(year, first, second));
            }
            m = MONTH_YEAR.matcher(input);
            if (m.matches()) {
                return new PartialDate(LocalDate.of(Integer.parseInt(m.group(2)), month(m.group(1)), 1),
                        DatePrecision.MONTH, null);
            }
        } catch (DateTimeException e) {
            throw new InvalidInputException("\"" + input + "\" is not a date that exists.");
        }
        Matcher year = ANY_YEAR.matcher(input);
        if (year.matches()) {
            long value = Long.parseLong(year.group(1));
            throw new InvalidInputException(value < SupportedDates.MIN_YEAR || value > SupportedDates.MAX_YEAR
                    ? SupportedDates.outOfRange(value)
                    : "Write the year with four digits: " + String.format(Locale.ROOT, "%04d", value) + ".");
        }
        throw new InvalidInputException("\"" + input + "\" is not a date Annals understands. Write 2024-12-05,"
                + " 5 December 2024, December 2024, 2024 or ~2024-12-05.");
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static Month month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (key.length() >= 3 && full.startsWith(key)) {
                return month;
            }
        }
        throw new InvalidInputException("\"" + name + "\" is not a month.");
    }

    /** The last day this date may mean: for comparing a start with an end of another precision. */
    public LocalDate lastDay() {
        return switch (precision) {
            case DAY, APPROXIMATE -> date;
            case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }

    /** As people read it: "5 December 2024", "December 2024", "2024", "about 5 December 2024". */
    public String display() {
        String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String text = switch (precision) {
            case DAY -> date.getDayOfMonth() + " " + month + " " + date.getYear();
            case MONTH -> month + " " + date.getYear();
            case YEAR -> Integer.toString(date.getYear());
            case APPROXIMATE -> "about " + date.getDayOfMonth() + " " + month + " " + date.getYear();
        };
        return time == null ? text : text + ", " + time;
    }

    /** The form {@link #parse} reads back to an equal value. */
    public String input() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> Integer.toString(date.getYear());
            case APPROXIMATE -> "~" + date;
        };
    }
}

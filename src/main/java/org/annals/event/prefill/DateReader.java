package org.annals.event.prefill;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.SupportedDates;
import org.annals.event.DatePrecision;
import org.annals.event.PartialDate;
import org.annals.event.prefill.Suggestions.Found;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates a passage gives, in English and Arabic: absolute ones with their precision, and
 * relative ones ("yesterday", "on Saturday", "30 November" without a year) against the source's
 * published date. What cannot be resolved ("two days later", "last week", 05/12/2024, which could be
 * May or December) is not read at all: an empty field is better than a wrong date.
 */
public final class DateReader {

    private static final String EN_MONTH = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    /** Arabic month names, Levantine and Egyptian, as {@link Spans#sameLengthFolding} writes them. */
    private static final Map<String, Integer> AR_MONTHS = Map.ofEntries(
            Map.entry("كانون الثاني", 1), Map.entry("يناير", 1), Map.entry("شباط", 2), Map.entry("فبراير", 2),
            Map.entry("اذار", 3), Map.entry("مارس", 3), Map.entry("نيسان", 4), Map.entry("ابريل", 4),
            Map.entry("ايار", 5), Map.entry("مايو", 5), Map.entry("حزيران", 6), Map.entry("يونيو", 6),
            Map.entry("يونيه", 6), Map.entry("تموز", 7), Map.entry("يوليو", 7), Map.entry("يوليه", 7),
            Map.entry("اب", 8), Map.entry("اغسطس", 8), Map.entry("ايلول", 9), Map.entry("سبتمبر", 9),
            Map.entry("تشرين الاول", 10), Map.entry("اكتوبر", 10), Map.entry("تشرين الثاني", 11),
            Map.entry("نوفمبر", 11), Map.entry("كانون الاول", 12), Map.entry("ديسمبر", 12));
    private static final String AR_MONTH = "(" + AR_MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).reduce((a, b) -> a + "|" + b).orElseThrow() + ")"
            + "(?:\\s*/\\s*(?:" + AR_MONTHS.keySet().stream().sorted((a, b) -> b.length() - a.length())
                    .reduce((a, b) -> a + "|" + b).orElseThrow() + "))?(?![\\p{L}])";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(\\d{4})";
    private static final String NOT_DIGIT_BEFORE = "(?<![\\d\\p{L}])";
    private static final String NOT_DIGIT_AFTER = "(?![\\d\\p{L}])";

    private static final String EN_RANGE = "\\s*(?:-|–|—|to|until|till|through)\\s*";
    private static final String AR_RANGE = "\\s*(?:-|–|—|حتي|الي|و)\\s*";
    /** "27 November – 5 December 2024", "5–8 December 2024": the year of the second is the first's too. */
    private static final Pattern EN_DAY_MONTH_RANGE = Pattern.compile(NOT_DIGIT_BEFORE + DAY + "\\s+" + EN_MONTH + EN_RANGE
            + DAY + "\\s+" + EN_MONTH + ",?\\s+" + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern EN_DAY_RANGE = Pattern.compile(NOT_DIGIT_BEFORE + DAY + EN_RANGE + DAY + "\\s+" + EN_MONTH
            + ",?\\s+" + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern AR_DAY_MONTH_RANGE = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})\\s+" + AR_MONTH
            + AR_RANGE + "(\\d{1,2})\\s+" + AR_MONTH + "\\s+(?:عام\\s+)?" + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern ISO = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{4})-(\\d{2})-(\\d{2})" + NOT_DIGIT_AFTER);
    private static final Pattern SLASHED = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})"
            + NOT_DIGIT_AFTER);
    private static final Pattern EN_DAY_MONTH = Pattern.compile(NOT_DIGIT_BEFORE + DAY + "\\s+(?:of\\s+)?" + EN_MONTH
            + "(?:,?\\s+" + YEAR + ")?" + NOT_DIGIT_AFTER);
    private static final Pattern EN_MONTH_DAY = Pattern.compile("(?<![\\p{L}])" + EN_MONTH + "\\s+" + DAY
            + "(?:,?\\s+" + YEAR + ")?" + NOT_DIGIT_AFTER);
    private static final Pattern EN_MONTH_YEAR = Pattern.compile("(?<![\\p{L}])" + EN_MONTH + ",?\\s+(?:of\\s+)?"
            + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern AR_DAY_MONTH = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?"
            + AR_MONTH + "(?:\\s+(?:من\\s+)?(?:عام\\s+|سنه\\s+)?" + YEAR + ")?" + NOT_DIGIT_AFTER);
    private static final Pattern AR_MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(?:شهر\\s+)?" + AR_MONTH
            + "\\s+(?:من\\s+)?(?:عام\\s+|سنه\\s+)?" + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern EN_YEAR = Pattern.compile("(?<![\\p{L}])(?:in|of|since|during|until|by|from|early|late"
            + "|mid-?|throughout)\\s+" + YEAR + NOT_DIGIT_AFTER, Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHESISED_YEAR = Pattern.compile("\\(" + YEAR + "\\)");
    private static final Pattern AR_YEAR = Pattern.compile("(?<![\\p{L}])(?:عام|العام|سنه)\\s+" + YEAR + NOT_DIGIT_AFTER);
    private static final Pattern EN_WEEKDAY = Pattern.compile("(?<![\\p{L}])(?:on\\s+|last\\s+)?"
            + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\\p{L}])");
    private static final Map<String, DayOfWeek> AR_WEEKDAYS = Map.of("الاثنين", DayOfWeek.MONDAY, "الثلاثاء",
            DayOfWeek.TUESDAY, "الاربعاء", DayOfWeek.WEDNESDAY, "الخميس", DayOfWeek.THURSDAY, "الجمعه",
            DayOfWeek.FRIDAY, "السبت", DayOfWeek.SATURDAY, "الاحد", DayOfWeek.SUNDAY);
    private static final Pattern AR_WEEKDAY = Pattern.compile("(?<![\\p{L}])[وف]?(?:يوم)\\s+("
            + String.join("|", AR_WEEKDAYS.keySet()) + ")(?![\\p{L}])");
    private static final Pattern EN_YESTERDAY = Pattern.compile("(?<![\\p{L}])(yesterday|today)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AR_YESTERDAY = Pattern.compile("(?<![\\p{L}])[وف]?(?:ب)?(امس|البارحه)(?![\\p{L}])");
    private static final Pattern EN_DAYS_AGO = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2}|two|three|four|five|six|seven)"
            + "\\s+days\\s+ago(?![\\p{L}])", Pattern.CASE_INSENSITIVE);

    private DateReader() {
    }

    public static List<Found<PartialDate>> read(String passage, @Nullable LocalDate published) {
        FoldedText folding = FoldedText.of(passage);
        String text = folding.folded();
        var spans = new Spans();
        var found = new ArrayList<Found<PartialDate>>();
        ranges(EN_DAY_MONTH_RANGE, text, folding, spans, found, m -> new int[] {i(m, 1), enMonth(m.group(2)), i(m, 3),
                enMonth(m.group(4)), y(m, 5)});
        ranges(EN_DAY_RANGE, text, folding, spans, found, m -> new int[] {i(m, 1), enMonth(m.group(3)), i(m, 2),
                enMonth(m.group(3)), y(m, 4)});
        ranges(AR_DAY_MONTH_RANGE, text, folding, spans, found, m -> new int[] {i(m, 1), AR_MONTHS.get(m.group(2)),
                i(m, 3), AR_MONTHS.get(m.group(4)), y(m, 5)});
        each(ISO, text, m -> day(y(m, 1), i(m, 2), i(m, 3)), folding, spans, found);
        each(SLASHED, text, m -> {
            int first = i(m, 1);
            int second = i(m, 2);
            if (first <= 12 && second <= 12 && first != second) {
                return null; // day and month could be either way round
            }
            return first > 12 ? day(y(m, 3), second, first) : day(y(m, 3), first, second);
        }, folding, spans, found);
        each(EN_DAY_MONTH, text, m -> dayOfMonth(i(m, 1), enMonth(m.group(2)), m.group(3), published), folding, spans,
                found);
        each(EN_MONTH_DAY, text, m -> dayOfMonth(i(m, 2), enMonth(m.group(1)), m.group(3), published), folding, spans,
                found);
        each(AR_DAY_MONTH, text, m -> dayOfMonth(i(m, 1), AR_MONTHS.get(m.group(2)), m.group(3), published), folding,
                spans, found);
        each(EN_MONTH_YEAR, text, m -> month(y(m, 2), enMonth(m.group(1))), folding, spans, found);
        each(AR_MONTH_YEAR, text, m -> month(y(m, 2), AR_MONTHS.get(m.group(1))), folding, spans, found);
        each(EN_YEAR, text, m -> year(y(m, 1)), folding, spans, found);
        each(PARENTHESISED_YEAR, text, m -> year(y(m, 1)), folding, spans, found);
        each(AR_YEAR, text, m -> year(y(m, 1)), folding, spans, found);
        if (published != null) {
            each(EN_WEEKDAY, text, m -> weekday(published, DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT))),
                    folding, spans, found);
            each(AR_WEEKDAY, text, m -> weekday(published, AR_WEEKDAYS.get(m.group(1))), folding, spans, found);
            each(EN_YESTERDAY, text, m -> PartialDate.day(m.group(1).equalsIgnoreCase("yesterday")
                    ? published.minusDays(1) : published), folding, spans, found);
            each(AR_YESTERDAY, text, m -> PartialDate.day(published.minusDays(1)), folding, spans, found);
            each(EN_DAYS_AGO, text, m -> PartialDate.day(published.minusDays(smallNumber(m.group(1)))), folding, spans,
                    found);
        }
        found.sort(java.util.Comparator.comparingInt(f -> f.span().start()));
        return found;
    }

    private interface Reading {
        @Nullable PartialDate date(Matcher m);
    }

    private static void each(Pattern pattern, String text, Reading reading, FoldedText folding, Spans spans,
            List<Found<PartialDate>> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (spans.overlaps(m.start(), m.end())) {
                continue;
            }
            PartialDate date;
            try {
                date = reading.date(m);
            } catch (DateTimeException | IllegalArgumentException | NullPointerException notADate) {
                date = null; // 31 February, a year out of range: not a date, so nothing is suggested
            }
            // Words that are a date but no readable one ("31 February 2024") hide the shorter readings inside them.
            spans.take(m.start(), m.end());
            if (date != null) {
                found.add(new Found<>(date, Spans.span(folding, m.start(), m.end())));
            }
        }
    }

    /**
     * A range of days in one year: two dates, each with its own words. Read as {day, month, day, month,
     * year}; a first day after the second means the range crosses a new year.
     */
    private static void ranges(Pattern pattern, String text, FoldedText folding, Spans spans, List<Found<PartialDate>> found,
            java.util.function.Function<Matcher, int[]> parts) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (spans.overlaps(m.start(), m.end())) {
                continue;
            }
            try {
                int[] p = parts.apply(m);
                LocalDate last = LocalDate.of(p[4], p[3], p[2]);
                LocalDate first = LocalDate.of(p[4], p[1], p[0]);
                if (first.isAfter(last)) {
                    first = first.minusYears(1);
                }
                if (!SupportedDates.supports(first) || !SupportedDates.supports(last)) {
                    continue;
                }
                // The first date's words end where the range's connector starts.
                int firstEnd = firstDateEnd(text, m);
                spans.take(m.start(), m.end());
                found.add(new Found<>(PartialDate.day(first), Spans.span(folding, m.start(), firstEnd)));
                int secondStart = m.start(pattern == EN_DAY_RANGE ? 2 : 3);
                found.add(new Found<>(PartialDate.day(last), Spans.span(folding, secondStart, m.end())));
            } catch (DateTimeException | IllegalArgumentException | NullPointerException notADate) {
                // not a range of real days: nothing suggested
            }
        }
    }

    private static int firstDateEnd(String text, Matcher m) {
        int end = m.groupCount() >= 5 && m.group(2) != null && !m.group(2).chars().allMatch(Character::isDigit)
                ? m.end(2) : m.end(1);
        // "27 November." keeps its full stop; the connector and spaces do not belong to the date.
        while (end < text.length() && text.charAt(end) == '.') {
            end++;
        }
        return end;
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int y(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static @Nullable PartialDate day(int year, int month, int day) {
        LocalDate date = LocalDate.of(year, month, day);
        return SupportedDates.supports(date) ? PartialDate.day(date) : null;
    }

    private static @Nullable PartialDate month(int year, int month) {
        LocalDate date = LocalDate.of(year, month, 1);
        return SupportedDates.supports(date) ? new PartialDate(date, DatePrecision.MONTH, null) : null;
    }

    private static @Nullable PartialDate year(int year) {
        if (year < 1000 || year > 2999) {
            return null;
        }
        LocalDate date = LocalDate.of(year, 1, 1);
        return SupportedDates.supports(date) ? new PartialDate(date, DatePrecision.YEAR, null) : null;
    }

    /** A day with its year, or without one: then the last such day on or before publication, if that is known. */
    private static @Nullable PartialDate dayOfMonth(int day, int month, @Nullable String year, @Nullable LocalDate published) {
        if (year != null) {
            return day(Integer.parseInt(year), month, day);
        }
        if (published == null) {
            return null;
        }
        LocalDate date = LocalDate.of(published.getYear(), month, day);
        return PartialDate.day(date.isAfter(published) ? LocalDate.of(published.getYear() - 1, month, day) : date);
    }

    /** "On Saturday" in a report: the last Saturday on or before the day it was published. */
    private static PartialDate weekday(LocalDate published, DayOfWeek day) {
        return PartialDate.day(published.with(TemporalAdjusters.previousOrSame(day)));
    }

    private static int enMonth(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (key.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static int smallNumber(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            default -> Integer.parseInt(word);
        };
    }
}

package org.annals.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * What a person types to find an event to link, read into terms that must all match: dates ("1 Dec",
 * "Dec 1", "2024-12-01", "1/12/2024", "December 2024", "2024", Arabic month names), registry names
 * (a place or an actor, by name or alias, in any script) and the remaining words (title and notes).
 * "Aleppo 30 Nov" is a place and a day. A day or month without a year takes {@code contextYear}
 * (the year of the dates the selection mentions, else the source's published year).
 *
 * @param dates each a range of days the event must overlap
 * @param entities each a phrase and the registry records it names; the event's place or an actor must
 *     be one of them (or its title or notes must hold the phrase)
 * @param words folded words the title or notes must contain
 */
public record EventQuery(List<DateRange> dates, List<EntityTerm> entities, List<String> words) {

    /** The days {@code [from, to]} a date term covers. */
    public record DateRange(LocalDate from, LocalDate to) {

        boolean overlaps(LocalDate start, LocalDate last) {
            return !start.isAfter(to) && !last.isBefore(from);
        }
    }

    /** A folded phrase that names records of the registry. */
    public record EntityTerm(String phrase, Set<UUID> ids) {
    }

    /** The longest registry name, in words, that a query is searched for. */
    private static final int MAX_NAME_WORDS = 6;

    /** Month names as sources write them, folded: English, Levantine Arabic and Egyptian/Gulf Arabic. */
    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final String DAY_PREFIX = "(?:the\\s+)?";
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern ISO_DAY = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", FLAGS);
    private static final Pattern ISO_MONTH = Pattern.compile("\\b(\\d{4})-(\\d{1,2})\\b", FLAGS);
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b", FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(DAY_PREFIX + "\\b(\\d{1,2})" + ORDINAL
            + "\\s*(?:of\\s+)?(" + MONTH + ")\\.?(?:,?\\s+(\\d{4})\\b)?(?!\\w)", FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile("(?<!\\w)(" + MONTH + ")\\.?\\s+(\\d{1,2})" + ORDINAL
            + "\\b(?!-)(?:,?\\s+(\\d{4})\\b)?", FLAGS);
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<!\\w)(" + MONTH + ")\\.?,?\\s+(\\d{4})\\b", FLAGS);
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d{2}|20\\d{2})\\b", FLAGS);

    /** No term at all: the search lists the events of the selection's dates, then recent ones. */
    public boolean isEmpty() {
        return dates.isEmpty() && entities.isEmpty() && words.isEmpty();
    }

    /**
     * Reads a query.
     *
     * @param names the records a folded name or alias names, empty when none
     */
    public static EventQuery parse(String query, @Nullable Integer contextYear, Function<String, Set<UUID>> names) {
        var dates = new ArrayList<DateRange>();
        String rest = takeDates(TextFolding.foldLetters(query), contextYear, dates);
        List<String> tokens = tokens(TextFolding.fold(rest));
        var entities = new ArrayList<EntityTerm>();
        var words = new ArrayList<String>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(MAX_NAME_WORDS, tokens.size() - i); n >= 1 && matched == 0; n--) {
                String phrase = String.join(" ", tokens.subList(i, i + n));
                Set<UUID> ids = names.apply(phrase);
                if (!ids.isEmpty()) {
                    entities.add(new EntityTerm(phrase, ids));
                    matched = n;
                }
            }
            if (matched == 0) {
                words.add(tokens.get(i));
                matched = 1;
            }
            i += matched;
        }
        return new EventQuery(List.copyOf(dates), List.copyOf(entities), List.copyOf(words));
    }

    /** The dates a text mentions, read as a query reads them (no year: {@code contextYear}); for ranking. */
    public static List<DateRange> datesIn(String text, @Nullable Integer contextYear) {
        var dates = new ArrayList<DateRange>();
        takeDates(TextFolding.foldLetters(text), contextYear, dates);
        return dates;
    }

    /**
     * The year a selection's own dates give ("on 30 November 2024 ..."), for days it names without a
     * year; null when it names no year.
     */
    public static @Nullable Integer yearIn(String text) {
        return datesIn(text, null).stream().filter(d -> d.from().getYear() == d.to().getYear())
                .map(d -> d.from().getYear()).findFirst().orElse(null);
    }

    /** Takes the dates out of the folded text into {@code dates}, in the order of the text; returns the rest. */
    private static String takeDates(String text, @Nullable Integer contextYear, List<DateRange> dates) {
        var rest = new StringBuilder(text);
        var found = new ArrayList<Found>();
        take(ISO_DAY, rest, found, m -> day(m.group(1), m.group(2), m.group(3)));
        take(SLASHED, rest, found, m -> {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            // Day first, as sources outside the US write it, unless that is impossible.
            return first > 12 || second <= 12 ? day(m.group(3), m.group(2), m.group(1))
                    : day(m.group(3), m.group(1), m.group(2));
        });
        take(ISO_MONTH, rest, found, m -> month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        take(DAY_MONTH, rest, found, m -> dayOf(m.group(3), contextYear, MONTHS.get(m.group(2)), m.group(1)));
        take(MONTH_DAY, rest, found, m -> dayOf(m.group(3), contextYear, MONTHS.get(m.group(1)), m.group(2)));
        take(MONTH_YEAR, rest, found, m -> month(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1))));
        take(YEAR, rest, found, m -> new DateRange(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1),
                LocalDate.of(Integer.parseInt(m.group(1)), 12, 31)));
        found.sort(Comparator.comparingInt(Found::position));
        found.forEach(f -> dates.add(f.range()));
        return rest.toString();
    }

    private record Found(int position, DateRange range) {
    }

    /** Reads every match into a range and blanks it, so later patterns and the words do not see it again. */
    private static void take(Pattern pattern, StringBuilder text, List<Found> found,
            Function<Matcher, @Nullable DateRange> reader) {
        Matcher m = pattern.matcher(text);
        var spans = new ArrayList<int[]>();
        while (m.find()) {
            DateRange range;
            try {
                range = reader.apply(m);
            } catch (DateTimeException | NumberFormatException impossible) {
                range = null;
            }
            if (range != null) {
                found.add(new Found(m.start(), range));
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] span : spans) {
            for (int k = span[0]; k < span[1]; k++) {
                text.setCharAt(k, ' ');
            }
        }
    }

    private static DateRange day(String year, String month, String day) {
        LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        return new DateRange(date, date);
    }

    private static @Nullable DateRange dayOf(@Nullable String year, @Nullable Integer contextYear, @Nullable Integer month,
            String day) {
        Integer y = year != null ? Integer.valueOf(year) : contextYear;
        if (y == null || month == null) {
            return null;
        }
        LocalDate date = LocalDate.of(y, month, Integer.parseInt(day));
        return new DateRange(date, date);
    }

    private static @Nullable DateRange month(int year, @Nullable Integer month) {
        if (month == null) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        return new DateRange(ym.atDay(1), ym.atEndOfMonth());
    }

    private static List<String> tokens(String folded) {
        return folded.isBlank() ? List.of() : List.of(folded.strip().split(" "));
    }

    private static Map<String, Integer> months() {
        var names = new LinkedHashMap<String, Integer>();
        String[][] byMonth = {
            {"january", "jan", "كانون الثاني", "يناير"},
            {"february", "feb", "شباط", "فبراير"},
            {"march", "mar", "آذار", "مارس"},
            {"april", "apr", "نيسان", "أبريل", "إبريل"},
            {"may", "أيار", "مايو"},
            {"june", "jun", "حزيران", "يونيو", "يونيه"},
            {"july", "jul", "تموز", "يوليو", "يوليه"},
            {"august", "aug", "آب", "أغسطس", "اغسطس"},
            {"september", "sep", "sept", "أيلول", "سبتمبر"},
            {"october", "oct", "تشرين الأول", "أكتوبر"},
            {"november", "nov", "تشرين الثاني", "نوفمبر"},
            {"december", "dec", "كانون الأول", "ديسمبر"},
        };
        for (int m = 0; m < byMonth.length; m++) {
            for (String name : byMonth[m]) {
                names.put(TextFolding.fold(name), m + 1);
            }
        }
        return Map.copyOf(names);
    }
}

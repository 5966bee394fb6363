package org.annals.suggest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.SupportedDates;
import org.annals.event.DatePrecision;
import org.annals.event.PartialDate;
import org.annals.event.prefill.FoldedText;
import org.annals.suggest.Suggestion.DateValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates a text gives, in English and Arabic, each with its precision: days ("5 December 2024", "5 Dec",
 * "December 5", "2024-12-05", "early 1 December"), about a day ("around 5 December"), months ("December 2024",
 * "late November"), years ("in 2024"), ranges ("27 November – 5 December 2024", "5–8 December", "the night of 7/8
 * December") and relative dates. A date without its year, and a relative one from the story ("the next day", "two
 * days later", "on Tuesday"), is read against the nearest date before it in the text that gives a day, else against
 * the source's published date; words that point at the day of writing ("yesterday", "three days ago") are read
 * against the published date only. What cannot be resolved ("last week", 05/12/2024, which could be May or
 * December, "the next day" with no day before it) is not read: an empty field is better than a wrong date.
 * <p>
 * Patterns run over {@link PlainText}: folded, so lower case and ASCII digits, and without citation markers, so
 * "5 December[3] 2024" and a date broken over two lines read as one date.
 */
final class DateReader {

    private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)(?![\\p{L}])";
    /** Month names that are also common words: read as months only when written with a capital. */
    private static final Set<String> WORDLIKE_MONTHS = Set.of("may", "mar", "march");
    /** Arabic month names, Levantine and Egyptian, folded as {@link FoldedText} folds the text. */
    private static final Map<String, Integer> AR_MONTHS = arabicMonths();
    private static final String AR_MONTH_NAME = AR_MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).reduce((a, b) -> a + "|" + b).orElseThrow();
    /** "كانون الأول/ديسمبر": the two calendars' names side by side are one month. */
    private static final String AR_MONTH = "(?:" + AR_MONTH_NAME + ")(?:\\s*/\\s*(?:" + AR_MONTH_NAME + "))?(?![\\p{L}])";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    /** Before a day: no digit or letter, except the "Date" of a flattened infobox ("Date5 December 2024"). */
    private static final String DAY_START = "(?:(?<=(?<![\\p{L}])date)|(?<![\\d\\p{L}]))";
    private static final String END = "(?![\\d\\p{L}])";
    private static final String SEP = "\\s*(?:-|–|—|−|to|until|till|through)\\s*";
    /** Words before a day that keep it that day: "Thursday, 5 December", "early 1 December", "late on 7 December". */
    private static final String PART_OF_DAY = "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+"
            + "(?:the\\s+)?)?(?:(?:early|late)\\s+(?:on\\s+)?)?";
    private static final String ABOUT = "(?:(?<about>on\\s+or\\s+about|about|around|circa|c\\.|ca\\.|approximately)\\s+)?";

    private static String dayMonth(String n) {
        return "(?<d" + n + ">\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?(?<m" + n + ">" + MONTH + ")(?:,?\\s+(?<y" + n
                + ">\\d{4}))?";
    }

    private static String monthDay(String n) {
        return "(?<m" + n + ">" + MONTH + ")\\s+(?<d" + n + ">\\d{1,2})" + ORDINAL + "(?:,?\\s+(?<y" + n + ">\\d{4}))?";
    }

    /** Ranges, longest forms first. Each names its parts d1 m1 y1 d2 m2 y2; a missing first month is the second's. */
    private static final List<Pattern> RANGES = List.of(
            // "the night of 7/8 December": the two days the night spans
            Pattern.compile("(?<![\\p{L}])(?:the\\s+)?(?:night\\s+of\\s+(?:the\\s+)?|overnight\\s+)(?<d1>\\d{1,2})" + ORDINAL
                    + "\\s*(?:/|-|–|—|to|and)\\s*" + dayMonth("2") + END),
            Pattern.compile("(?<![\\p{L}])between\\s+" + dayMonth("1") + "\\s+and\\s+" + dayMonth("2") + END),
            Pattern.compile(DAY_START + dayMonth("1") + SEP + dayMonth("2") + END),
            Pattern.compile("(?<![\\p{L}])between\\s+(?<d1>\\d{1,2})" + ORDINAL + "\\s+and\\s+" + dayMonth("2") + END),
            Pattern.compile(DAY_START + "(?<d1>\\d{1,2})" + ORDINAL + "(?:" + SEP + "|/)" + dayMonth("2") + END),
            Pattern.compile("(?<![\\p{L}])" + monthDay("1") + SEP + monthDay("2") + END),
            Pattern.compile("(?<![\\p{L}])(?<m2>" + MONTH + ")\\s+(?<d1>\\d{1,2})" + ORDINAL + SEP + "(?<d2>\\d{1,2})"
                    + ORDINAL + "(?:,?\\s+(?<y2>\\d{4}))?" + END));
    /** The Arabic ranges, read where the words are Arabic. */
    private static final List<Pattern> AR_RANGES = List.of(
            Pattern.compile(DAY_START + "(?<d1>\\d{1,2})\\s+(?<m1>" + AR_MONTH + ")(?:\\s+(?:عام\\s+)?(?<y1>\\d{4}))?"
                    + "\\s*(?:-|–|—|حتي|الي|و)\\s*(?<d2>\\d{1,2})\\s+(?<m2>" + AR_MONTH + ")(?:\\s+(?:عام\\s+)?(?<y2>\\d{4}))?"
                    + END),
            Pattern.compile(DAY_START + "(?<d1>\\d{1,2})\\s*(?:-|–|—|/|حتي|الي|و)\\s*(?<d2>\\d{1,2})\\s+(?:من\\s+)?(?<m2>"
                    + AR_MONTH + ")(?:\\s+(?:عام\\s+)?(?<y2>\\d{4}))?" + END));

    private static final Pattern ISO = Pattern.compile("(?<![\\d\\p{L}])(\\d{4})-(\\d{2})-(\\d{2})" + END);
    private static final Pattern SLASHED = Pattern.compile("(?<![\\d\\p{L}/])(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})" + END);
    /**
     * Where a date can start: at the start of a word (or after an infobox's "Date"). Checked first, it turns away
     * most places in a text with one look at the char before, so the alternations after it run only at word starts.
     */
    private static final String WORD_START = "(?:(?<![\\p{L}\\d])|(?<=date))";
    private static final Pattern DAY_MONTH = Pattern.compile(WORD_START + ABOUT + "(?<span>" + PART_OF_DAY + DAY_START
            + dayMonth("") + ")" + END);
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\p{L}\\d])" + ABOUT + "(?<span>" + PART_OF_DAY
            + "(?<![\\p{L}])" + monthDay("") + ")" + END);
    private static final Pattern AR_DAY_MONTH = Pattern.compile(DAY_START + "(?<d>\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?"
            + "(?<m>" + AR_MONTH + ")(?:\\s+(?:من\\s+)?(?:عام\\s+|سنه\\s+)?(?<y>\\d{4}))?" + END);
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(?=[jfmasondelt])(?:(?:early|late|mid|the\\s+end\\s+of"
            + "|the\\s+beginning\\s+of)[- ]?\\s*)?(?<m>" + MONTH + "),?\\s+(?:of\\s+)?(?<y>\\d{4})" + END);
    private static final Pattern AR_MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(?:شهر\\s+)?(?<m>" + AR_MONTH
            + ")\\s+(?:من\\s+)?(?:عام\\s+|سنه\\s+)?(?<y>\\d{4})" + END);
    /** "late November", "in December": a month of the year the text is about. */
    private static final Pattern MONTH_PART = Pattern.compile("(?<![\\p{L}])(?:early|late|mid)[- ]?\\s*(?<m>" + MONTH
            + ")" + END);
    private static final Pattern MONTH_IN = Pattern.compile("(?<![\\p{L}])(?:in|during|since|until|throughout|by)"
            + "\\s+(?:(?:the\\s+)?month\\s+of\\s+)?(?<span>(?<m>" + MONTH + "))" + END);
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}])(?:in|of|since|during|until|by|from|early|late"
            + "|mid-?|throughout)\\s+(?<y>\\d{4})" + END);
    /** "(2023)", "(est. 2022)": the year of a figure or a work, as infoboxes and references give it. */
    private static final Pattern PARENTHESISED_YEAR = Pattern.compile("\\((?:(?:est|c|ca)\\.\\s*)?(?<span>(?<y>\\d{4}))\\)");
    private static final Pattern AR_YEAR = Pattern.compile("(?<![\\p{L}])(?:عام|العام|سنه)\\s+(?<y>\\d{4})" + END);

    /** Days counted from the day the story is at: "the next day", "the previous day", "the same day". */
    private static final Pattern STORY_DAY = Pattern.compile("(?<![\\p{L}])(?=[taoاصمف])(?:(?<next>the\\s+(?:next"
            + "|following)\\s+(?:day|morning|evening|night)|a\\s+day\\s+later|the\\s+day\\s+after(?=[\\s,.;]*(?:$|[,.;]))"
            + "|(?:في\\s+)?(?:صباح\\s+|مساء\\s+)?اليوم\\s+التالي)"
            + "|(?<previous>the\\s+(?:previous|preceding)\\s+day|the\\s+day\\s+before(?=[\\s,.;]*(?:$|[,.;])))"
            + "|(?<same>(?:on\\s+)?the\\s+same\\s+day|that\\s+(?:same\\s+)?day(?!['’])))(?![\\p{L}])");
    /** "two days later", "3 days earlier": a pattern of its own, tried only where a number starts. */
    private static final Pattern COUNTED_DAYS = Pattern.compile("(?<![\\p{L}\\d])(?=[\\dotfsena])(?<n>\\d{1,2}|"
            + NumberWords.SPELLED + ")\\s+days\\s+(?:(?<later>later|afterwards)|(?<earlier>earlier))(?![\\p{L}])");
    private static final Pattern EN_WEEKDAY = Pattern.compile("(?<![\\p{L}])(?:on\\s+|(?<last>last)\\s+)?"
            + "(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\\p{L}])");
    private static final Map<String, DayOfWeek> AR_WEEKDAYS = Map.of("الاثنين", DayOfWeek.MONDAY, "الثلاثاء",
            DayOfWeek.TUESDAY, "الاربعاء", DayOfWeek.WEDNESDAY, "الخميس", DayOfWeek.THURSDAY, "الجمعه",
            DayOfWeek.FRIDAY, "السبت", DayOfWeek.SATURDAY, "الاحد", DayOfWeek.SUNDAY);
    private static final Pattern AR_WEEKDAY = Pattern.compile("(?<![\\p{L}])[وف]?(?:يوم)\\s+(?<w>"
            + String.join("|", AR_WEEKDAYS.keySet()) + ")(?![\\p{L}])");
    /** Words that point at the day of writing. */
    private static final Pattern WRITING_DAY = Pattern.compile("(?<![\\p{L}])(?=[\\dytofsenوفبا])(?:(?<yesterday>yesterday)|(?<today>today)"
            + "|[وف]?(?:ب)?(?<aryesterday>امس|البارحه)"
            + "|(?<n>\\d{1,2}|" + NumberWords.SPELLED + ")\\s+days\\s+ago)(?![\\p{L}])");

    /** Cue words ({@link Cues}): a paragraph without any of a pattern's cues holds none of its dates. */
    private static final long MONTH_NAME = Cues.FIRST_WORD_BIT;
    private static final long WEEKDAY = Cues.FIRST_WORD_BIT << 1;
    /** "the next day", "that morning", "a day later". */
    private static final long STORY = Cues.FIRST_WORD_BIT << 2;
    /** "two days later", "three days ago". */
    private static final long DAYS = Cues.FIRST_WORD_BIT << 3;
    private static final long WRITING = Cues.FIRST_WORD_BIT << 4;
    private static final Map<String, Long> CUE_WORDS = cueWords();

    private static Map<String, Long> cueWords() {
        var cues = new java.util.HashMap<String, Long>();
        for (String month : List.of("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                "sept", "sep", "oct", "nov", "dec")) {
            cues.put(month, MONTH_NAME);
        }
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            cues.put(day, WEEKDAY);
        }
        for (String word : List.of("day", "morning", "evening", "night")) {
            cues.put(word, STORY);
        }
        cues.put("days", DAYS);
        cues.put("yesterday", WRITING);
        cues.put("today", WRITING);
        return Map.copyOf(cues);
    }

    /**
     * How far a date's words reach from the month's name in them: "on or about Wednesday, the early on 5th of
     * December" reaches 47 chars before it, ", 2024" and a range's second day after it. Generous: a wider stretch
     * costs a little time, a narrower one a date.
     */
    private static final int BEFORE_MONTH = 64;
    private static final int AFTER_MONTH = 24;
    /** From a year's four digits: "throughout 2024", "12/05/2024", "(est. 2022)", "2024-12-05". */
    private static final int BEFORE_YEAR = 24;
    private static final int AFTER_YEAR = 8;
    /** From "day", "morning" and the like: "on the following morning", "the day after". */
    private static final int AROUND_STORY_WORD = 24;

    /** Near a month's name, in a paragraph with a number. */
    private static final Cues.Where DAY_AND_MONTH = Cues.near(MONTH_NAME, BEFORE_MONTH, AFTER_MONTH,
            Cues.all(Cues.DIGIT | MONTH_NAME));
    private static final Cues.Where ARABIC_DAY = Cues.in(Cues.all(Cues.DIGIT | Cues.ARABIC));
    private static final Cues.Where ARABIC_YEAR = Cues.in(Cues.all(Cues.YEAR | Cues.ARABIC));
    private static final Cues.Where A_YEAR = Cues.near(Cues.YEAR, BEFORE_YEAR, AFTER_YEAR, Cues.any(Cues.YEAR));

    private DateReader() {
    }

    /** A date read from the words {@code [start, end)} of the plain text, resolved once what precedes it is known. */
    private record Pending(int start, int end, Resolver resolver) {
    }

    private interface Resolver {
        @Nullable DateValue resolve(Story story);
    }

    /** What a date without its year or a relative date is read against. */
    private static final class Story {
        private final @Nullable LocalDate published;
        /** The last day the text has given so far (the end of a range), or null while it has given none. */
        private @Nullable LocalDate day;
        /** A month the text gave after that day ("in early March 2013 ... on 5 March"), or null. */
        private @Nullable LocalDate month;

        Story(@Nullable LocalDate published) {
            this.published = published;
        }
    }

    static List<Suggestion> read(String original, @Nullable LocalDate published, double rank) {
        return read(PlainText.of(original), published, rank);
    }

    /** The dates of a text already made plain (a {@link org.annals.suggest.Reading} shares it with the figures). */
    static List<Suggestion> read(PlainText plain, @Nullable LocalDate published, double rank) {
        String original = plain.original();
        var text = new Cued(plain, Cues.of(plain.text(), CUE_WORDS));
        var spans = new Spans();
        var pending = new ArrayList<Pending>();
        for (Pattern range : RANGES) {
            find(range, DAY_AND_MONTH, text, spans, pending, DateReader::range);
        }
        for (Pattern range : AR_RANGES) {
            find(range, ARABIC_DAY, text, spans, pending, DateReader::range);
        }
        find(ISO, A_YEAR, text, spans, pending, m -> {
            PartialDate day = day(i(m, 1), i(m, 2), i(m, 3));
            return story -> single(day);
        });
        find(SLASHED, A_YEAR, text, spans, pending, m -> {
            int first = i(m, 1);
            int second = i(m, 2);
            PartialDate day = first <= 12 && second <= 12 && first != second ? null // May or December?
                    : first > 12 ? day(i(m, 3), second, first) : day(i(m, 3), first, second);
            return story -> single(day);
        });
        find(DAY_MONTH, DAY_AND_MONTH, text, spans, pending, DateReader::dayOfMonth);
        find(MONTH_DAY, DAY_AND_MONTH, text, spans, pending, DateReader::dayOfMonth);
        find(AR_DAY_MONTH, ARABIC_DAY, text, spans, pending, DateReader::dayOfMonth);
        find(MONTH_YEAR, Cues.near(MONTH_NAME, BEFORE_MONTH, AFTER_MONTH, Cues.all(Cues.YEAR | MONTH_NAME)), text, spans, pending, m -> {
            PartialDate month = month(i(m, "y"), monthOf(m.group("m")));
            return story -> single(month);
        });
        find(AR_MONTH_YEAR, ARABIC_YEAR, text, spans, pending, m -> {
            PartialDate month = month(i(m, "y"), monthOf(m.group("m")));
            return story -> single(month);
        });
        find(MONTH_PART, Cues.near(MONTH_NAME, BEFORE_MONTH, AFTER_MONTH, Cues.any(MONTH_NAME)), text, spans, pending, DateReader::monthOfStory);
        find(MONTH_IN, Cues.near(MONTH_NAME, BEFORE_MONTH, AFTER_MONTH, Cues.any(MONTH_NAME)), text, spans, pending, DateReader::monthOfStory);
        find(YEAR, A_YEAR, text, spans, pending, DateReader::year);
        find(PARENTHESISED_YEAR, A_YEAR, text, spans, pending, DateReader::year);
        find(AR_YEAR, ARABIC_YEAR, text, spans, pending, DateReader::year);
        find(STORY_DAY, Cues.near(STORY, AROUND_STORY_WORD, AROUND_STORY_WORD, Cues.any(STORY)), text, spans, pending,
                DateReader::storyDay);
        find(STORY_DAY, Cues.in(Cues.any(Cues.ARABIC)), text, spans, pending, DateReader::storyDay);
        find(COUNTED_DAYS, Cues.in(Cues.any(DAYS)), text, spans, pending, DateReader::storyDay);
        find(EN_WEEKDAY, Cues.in(Cues.any(WEEKDAY)), text, spans, pending, m -> weekday(DayOfWeek.valueOf(
                m.group("w").toUpperCase(Locale.ROOT)), m.group("last") != null));
        find(AR_WEEKDAY, Cues.in(Cues.any(Cues.ARABIC)), text, spans, pending, m -> weekday(AR_WEEKDAYS.get(m.group("w")), false));
        find(WRITING_DAY, Cues.in(Cues.any(WRITING | DAYS | Cues.ARABIC)), text, spans, pending, DateReader::writingDay);

        pending.sort(Comparator.comparingInt(Pending::start));
        var story = new Story(published);
        var found = new ArrayList<Suggestion>();
        for (Pending p : pending) {
            DateValue value;
            try {
                value = p.resolver().resolve(story);
            } catch (DateTimeException | IllegalArgumentException notADate) {
                value = null; // 29 February of a year without one, a year out of range: nothing is suggested
            }
            if (value == null) {
                continue;
            }
            PartialDate last = value.endDate() == null ? value.date() : value.endDate();
            if (last.precision() == DatePrecision.DAY || last.precision() == DatePrecision.APPROXIMATE) {
                story.day = last.date();
                story.month = null;
            } else if (last.precision() == DatePrecision.MONTH) {
                story.month = last.date();
            }
            int start = plain.originalStart(p.start());
            int end = plain.originalEnd(p.end());
            found.add(new Suggestion(SuggestionKind.DATE, start, end, original.substring(start, end), value, rank));
        }
        return found;
    }

    private interface Reading {
        /** How the words read; null when they are no date at all (then they do not hide shorter readings either). */
        @Nullable Resolver read(Matcher m);
    }

    /** A plain text and its cues. */
    private record Cued(PlainText plain, Cues cues) {
    }

    private static void find(Pattern pattern, Cues.Where where, Cued text, Spans spans, List<Pending> pending,
            Reading reading) {
        PlainText plain = text.plain();
        where.find(text.cues(), pattern.matcher(plain.text()), m -> {
            int start = spanStart(m);
            int end = spanEnd(m);
            if (spans.overlaps(m.start(), m.end()) || !monthsWrittenAsMonths(m, plain)) {
                return;
            }
            Resolver resolver;
            try {
                resolver = reading.read(m);
            } catch (DateTimeException | IllegalArgumentException notADate) {
                // "31 February 2024": words shaped as a date that is none; they still hide the readings inside them
                resolver = story -> null;
            }
            if (resolver != null) {
                spans.take(m.start(), m.end());
                pending.add(new Pending(start, end, resolver));
            }
        });
    }

    private static int spanStart(Matcher m) {
        return group(m, "span") != null && group(m, "about") == null ? m.start("span") : m.start();
    }

    private static int spanEnd(Matcher m) {
        return group(m, "span") != null ? m.end("span") : m.end();
    }

    /** "may" and "March" are months when written with a capital: "5 May", not "up to 5 may". */
    private static boolean monthsWrittenAsMonths(Matcher m, PlainText plain) {
        for (String group : List.of("m", "m1", "m2")) {
            String name = group(m, group);
            if (name != null && WORDLIKE_MONTHS.contains(name.replace(".", ""))) {
                String original = plain.original();
                int at = plain.originalStart(m.start(group));
                if (at < original.length() && !Character.isUpperCase(original.charAt(at))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Resolver range(Matcher m) {
        int lastDay = i(m, "d2");
        int lastMonth = monthOf(m.group("m2"));
        String firstMonthName = group(m, "m1");
        int firstDay = i(m, "d1");
        // "the night of 31 December/1 January" and "30–2 December" do not exist; "7/8 December" is in one month
        int firstMonth = firstMonthName != null ? monthOf(firstMonthName) : firstDay > lastDay
                ? (lastMonth == 1 ? 12 : lastMonth - 1) : lastMonth;
        String firstYear = group(m, "y1");
        String lastYear = group(m, "y2");
        return story -> {
            LocalDate last = lastYear != null ? LocalDate.of(Integer.parseInt(lastYear), lastMonth, lastDay)
                    : firstYear != null ? LocalDate.of(Integer.parseInt(firstYear), lastMonth, lastDay)
                    : inYear(lastMonth, lastDay, story);
            if (last == null) {
                return null;
            }
            LocalDate first = LocalDate.of(firstYear != null ? Integer.parseInt(firstYear) : last.getYear(), firstMonth,
                    firstDay);
            if (firstYear == null && first.isAfter(last)) {
                first = first.minusYears(1); // "28 December – 3 January 2025"
            }
            if (first.isAfter(last) || !SupportedDates.supports(first) || !SupportedDates.supports(last)) {
                return null;
            }
            return new DateValue(PartialDate.day(first), PartialDate.day(last));
        };
    }

    private static Resolver dayOfMonth(Matcher m) {
        int day = i(m, "d");
        int month = monthOf(m.group("m"));
        String year = group(m, "y");
        boolean about = group(m, "about") != null;
        return story -> {
            LocalDate date = year != null ? LocalDate.of(Integer.parseInt(year), month, day) : inYear(month, day, story);
            if (date == null || !SupportedDates.supports(date)) {
                return null;
            }
            return new DateValue(new PartialDate(date, about ? DatePrecision.APPROXIMATE : DatePrecision.DAY, null),
                    null);
        };
    }

    private static Resolver monthOfStory(Matcher m) {
        int month = monthOf(m.group("m"));
        return story -> {
            LocalDate near = story.day != null ? story.day : story.published;
            if (near == null) {
                return null;
            }
            LocalDate first = LocalDate.of(near.getYear(), month, 1);
            if (story.day != null) {
                first = nearest(first, near);
            } else if (first.isAfter(near)) {
                first = first.minusYears(1); // a report speaks of months it has seen
            }
            return single(month(first.getYear(), month));
        };
    }

    private static Resolver year(Matcher m) {
        int year = i(m, "y");
        PartialDate date = year < 1000 || year > 2999 ? null
                : new PartialDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, null);
        return story -> single(date);
    }

    private static Resolver storyDay(Matcher m) {
        int days;
        if (group(m, "next") != null) {
            days = 1;
        } else if (group(m, "previous") != null) {
            days = -1;
        } else if (group(m, "same") != null) {
            days = 0;
        } else {
            Integer n = NumberWords.value(m.group("n"));
            if (n == null) {
                return null;
            }
            days = m.group("later") != null ? n : -n;
        }
        return story -> story.day == null ? null : single(PartialDate.day(story.day.plusDays(days)));
    }

    /** "On Tuesday": after a day in the story, the first Tuesday from that day on; else the last one before publication. */
    private static Resolver weekday(DayOfWeek weekday, boolean last) {
        return story -> {
            if (story.day != null && !last) {
                return single(PartialDate.day(story.day.with(TemporalAdjusters.nextOrSame(weekday))));
            }
            return story.published == null ? null
                    : single(PartialDate.day(story.published.with(TemporalAdjusters.previousOrSame(weekday))));
        };
    }

    private static @Nullable Resolver writingDay(Matcher m) {
        int back;
        if (m.group("yesterday") != null || m.group("aryesterday") != null) {
            back = 1;
        } else if (m.group("today") != null) {
            back = 0;
        } else {
            Integer n = NumberWords.value(m.group("n"));
            if (n == null) {
                return null;
            }
            back = n;
        }
        return story -> story.published == null ? null : single(PartialDate.day(story.published.minusDays(back)));
    }

    /**
     * The year of a day given without one: the year of the month the text has just named when it is that month
     * ("early March 2013 ... on 5 March"); else the year of the story's last day (the next one when that puts it
     * more than half a year back: "30 December ... 2 January"); else the last such day on or before publication.
     * A month or year named in passing ("since the March 2020 ceasefire") does not move a later "5 December".
     */
    private static @Nullable LocalDate inYear(int month, int day, Story story) {
        if (story.month != null && story.month.getMonthValue() == month) {
            return LocalDate.of(story.month.getYear(), month, day); // the month the text has just named
        }
        if (story.day != null) {
            return nearest(LocalDate.of(story.day.getYear(), month, day), story.day);
        }
        if (story.published == null) {
            return null;
        }
        LocalDate date = LocalDate.of(story.published.getYear(), month, day);
        return date.isAfter(story.published) ? LocalDate.of(story.published.getYear() - 1, month, day) : date;
    }

    /** The date in the year before, the same or the next, whichever is within half a year of {@code near}. */
    private static LocalDate nearest(LocalDate date, LocalDate near) {
        if (date.isBefore(near.minusDays(183))) {
            return date.plusYears(1);
        }
        if (date.isAfter(near.plusDays(183))) {
            return date.minusYears(1);
        }
        return date;
    }

    private static @Nullable DateValue single(@Nullable PartialDate date) {
        return date == null ? null : new DateValue(date, null);
    }

    private static @Nullable PartialDate day(int year, int month, int day) {
        LocalDate date = LocalDate.of(year, month, day);
        return SupportedDates.supports(date) ? PartialDate.day(date) : null;
    }

    private static @Nullable PartialDate month(int year, int month) {
        LocalDate date = LocalDate.of(year, month, 1);
        return SupportedDates.supports(date) ? new PartialDate(date, DatePrecision.MONTH, null) : null;
    }

    private static int monthOf(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "").strip();
        Integer arabic = AR_MONTHS.get(key.split("\\s*/\\s*")[0]);
        if (arabic != null) {
            return arabic;
        }
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (key.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Map<String, Integer> arabicMonths() {
        Map<String, Integer> written = Map.ofEntries(
                Map.entry("كانون الثاني", 1), Map.entry("يناير", 1), Map.entry("شباط", 2), Map.entry("فبراير", 2),
                Map.entry("آذار", 3), Map.entry("مارس", 3), Map.entry("نيسان", 4), Map.entry("أبريل", 4),
                Map.entry("أيار", 5), Map.entry("مايو", 5), Map.entry("حزيران", 6), Map.entry("يونيو", 6),
                Map.entry("يونيه", 6), Map.entry("تموز", 7), Map.entry("يوليو", 7), Map.entry("يوليه", 7),
                Map.entry("آب", 8), Map.entry("أغسطس", 8), Map.entry("أيلول", 9), Map.entry("سبتمبر", 9),
                Map.entry("تشرين الأول", 10), Map.entry("أكتوبر", 10), Map.entry("تشرين الثاني", 11),
                Map.entry("نوفمبر", 11), Map.entry("كانون الأول", 12), Map.entry("ديسمبر", 12));
        var folded = new java.util.HashMap<String, Integer>();
        written.forEach((name, month) -> folded.put(FoldedText.fold(name), month));
        return Map.copyOf(folded);
    }

    private static boolean hasGroup(Matcher m, String name) {
        return m.pattern().namedGroups().containsKey(name);
    }

    private static @Nullable String group(Matcher m, String name) {
        return hasGroup(m, name) ? m.group(name) : null;
    }

    private static int i(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}

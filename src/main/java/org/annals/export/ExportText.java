package org.annals.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.annals.entity.GeoPrecision;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.PartialDate;
import org.annals.export.DatasetRows.Claim;
import org.jspecify.annotations.Nullable;

/** How values are written in every format, in one place so that CSV and JSON agree. */
final class ExportText {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Between the items of a list cell ("HTS; SNA"). */
    static final String LIST_SEPARATOR = "; ";

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

    /** A claimed date with its precision in one string: 2024-12-05, 2024-12, 2024, ~2024-12-05; "/" before an end. */
    static String dateRange(PartialDate start, @Nullable PartialDate end) {
        return end == null ? start.input() : start.input() + "/" + end.input();
    }

    /** UTC to the second: the same instant always gives the same text. */
    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    /** A location's precision as every format writes it: exact, near, town, region, country. */
    static String precision(GeoPrecision precision) {
        return precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------- list cells

    /**
     * Items of a list cell, joined by "; ". An item's own ';' and '\' are written "\;" and "\\", so that a
     * name holding the separator ("Army; Navy") stays one item: split on "; " not preceded by a backslash,
     * then read "\x" as "x".
     */
    static String list(Collection<String> items) {
        return items.stream().map(ExportText::item).collect(Collectors.joining(LIST_SEPARATOR));
    }

    /** One item of a list cell: ';' and '\' escaped with a backslash. */
    static String item(String text) {
        return escape(text, ";\\");
    }

    /**
     * An item with a qualifier in parentheses at its end: "حلب (ar)", "2024-12-01 (Second report)". Parentheses in
     * either part are escaped too ("Aleppo \(city\) (Reuters)"), so the last unescaped "(" starts the qualifier.
     */
    static String qualified(String text, @Nullable String qualifier) {
        String name = escape(text, ";\\()");
        return qualifier == null ? name : name + " (" + escape(qualifier, ";\\()") + ")";
    }

    private static String escape(String text, String special) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------- fatalities

    /**
     * The ACLED-style fatality figures of an event, from its claims of the killed.
     *
     * @param best the preferred figure's lower bound (ACLED's conservative reading: the lowest number its source
     *     supports)
     * @param minimum the lowest figure any source gives
     * @param maximum the highest figure any source gives ("at least 12" counts as 12)
     */
    record Fatalities(int best, int minimum, int maximum) {
    }

    /**
     * The fatalities of an event: from the figures of the killed of everyone when there are any; otherwise the sum
     * of the figures of killed civilians and of killed combatants (each party's preferred, lowest and highest
     * figure), since the dead of both parties are everyone's dead. Figures of "killed and injured" together are
     * left out: they do not say how many died. Null when no source counts the dead.
     */
    static @Nullable Fatalities fatalities(List<Claim> claims) {
        Fatalities everyone = fatalitiesOf(claims, CasualtyParty.ALL);
        if (everyone != null) {
            return everyone;
        }
        Fatalities civilians = fatalitiesOf(claims, CasualtyParty.CIVILIANS);
        Fatalities combatants = fatalitiesOf(claims, CasualtyParty.COMBATANTS);
        if (civilians == null || combatants == null) {
            return civilians == null ? combatants : civilians;
        }
        return new Fatalities(civilians.best() + combatants.best(), civilians.minimum() + combatants.minimum(),
                civilians.maximum() + combatants.maximum());
    }

    private static @Nullable Fatalities fatalitiesOf(List<Claim> claims, CasualtyParty party) {
        List<Claim> killed = claims.stream().filter(c -> c.claim().casualties() != null
                && c.claim().casualties().category() == CasualtyCategory.KILLED
                && c.claim().casualties().party() == party).toList();
        if (killed.isEmpty()) {
            return null;
        }
        Claim preferred = killed.stream().filter(c -> c.claim().preferred()).findFirst().orElse(killed.getFirst());
        return new Fatalities(preferred.claim().casualties().minimum(),
                killed.stream().mapToInt(c -> c.claim().casualties().minimum()).min().orElseThrow(),
                killed.stream().mapToInt(c -> c.claim().casualties().maximum()).max().orElseThrow());
    }
}

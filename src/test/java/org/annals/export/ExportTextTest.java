package org.annals.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.EventClaim;
import org.annals.export.DatasetRows.Claim;
import org.junit.jupiter.api.Test;

/** How list cells, offsets and fatalities are written, without a database. */
class ExportTextTest {

    /**
     * Reads a list cell as docs/user-guide.md tells people to: split on "; " where the ';' has no backslash before
     * it, then read every "\x" as "x".
     */
    static List<String> split(String cell) {
        var items = new ArrayList<String>();
        var item = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                item.append(cell.charAt(++i));
            } else if (c == ';' && cell.startsWith("; ", i)) {
                items.add(item.toString());
                item.setLength(0);
                i++;
            } else {
                item.append(c);
            }
        }
        if (!cell.isEmpty()) {
            items.add(item.toString());
        }
        return items;
    }

    @Test
    void list_items_holding_the_separator_or_a_backslash_survive_a_round_trip() {
        List<String> names = List.of("HTS", "Army; Navy", "C:\\path\\", ";", "a;; b", "trailing\\");
        String cell = ExportText.list(names);
        assertThat(cell).isEqualTo("HTS; Army\\; Navy; C:\\\\path\\\\; \\;; a\\;\\; b; trailing\\\\");
        assertThat(split(cell)).containsExactlyElementsOf(names);
        assertThat(ExportText.list(List.of())).isEmpty();
    }

    @Test
    void a_qualifier_in_parentheses_is_told_apart_from_parentheses_in_the_name() {
        assertThat(ExportText.qualified("Aleppo (city); old", "Report (Reuters)"))
                .isEqualTo("Aleppo \\(city\\)\\; old (Report \\(Reuters\\))");
        assertThat(ExportText.qualified("حلب", "ar")).isEqualTo("حلب (ar)");
        assertThat(ExportText.qualified("2024-12-01", null)).isEqualTo("2024-12-01");
        // The last "(" without a backslash starts the qualifier.
        String cell = ExportText.qualified("Aleppo (city)", "Report (Reuters)");
        int open = cell.lastIndexOf(" (");
        assertThat(cell.charAt(open - 1)).isNotEqualTo('\\');
        assertThat(split(cell.substring(0, open))).containsExactly("Aleppo (city)");
    }

    @Test
    void code_points_count_a_character_beyond_the_basic_plane_once() {
        String text = "a🚀b😀😀c";
        CodePoints points = CodePoints.of(text);
        assertThat(points.of(0)).isZero();
        assertThat(points.of(1)).isEqualTo(1);
        assertThat(points.of(3)).isEqualTo(2);
        assertThat(points.of(text.indexOf('c'))).isEqualTo(5);
        assertThat(points.of(text.length())).isEqualTo(text.codePointCount(0, text.length()));
        for (int i = 0; i <= text.length(); i++) {
            if (i == 0 || i == text.length() || !Character.isLowSurrogate(text.charAt(i))) {
                assertThat(points.of(i)).as("offset %d", i).isEqualTo(text.codePointCount(0, i));
            }
        }
        assertThat(CodePoints.of("plain text, Arabic حلب").of(10)).isEqualTo(10);
    }

    @Test
    void fatalities_are_the_preferred_figure_of_the_killed_and_the_spread_of_all_figures() {
        var figures = List.of(killed(CasualtyParty.ALL, 12, 12, true), killed(CasualtyParty.ALL, 8, 8, false),
                killed(CasualtyParty.ALL, 20, 40, false), claim(CasualtyCategory.INJURED, CasualtyParty.ALL, 100, 100, true),
                claim(CasualtyCategory.KILLED_AND_INJURED, CasualtyParty.ALL, 500, 500, true),
                killed(CasualtyParty.CIVILIANS, 3, 3, true));
        assertThat(ExportText.fatalities(figures)).isEqualTo(new ExportText.Fatalities(12, 8, 40));
    }

    @Test
    void without_a_figure_of_everyone_the_civilians_and_combatants_killed_are_added_up() {
        var figures = List.of(killed(CasualtyParty.CIVILIANS, 3, 5, true), killed(CasualtyParty.CIVILIANS, 2, 2, false),
                killed(CasualtyParty.COMBATANTS, 10, 10, true));
        assertThat(ExportText.fatalities(figures)).isEqualTo(new ExportText.Fatalities(13, 12, 15));
        assertThat(ExportText.fatalities(List.of(killed(CasualtyParty.COMBATANTS, 7, 9, true))))
                .isEqualTo(new ExportText.Fatalities(7, 7, 9));
        assertThat(ExportText.fatalities(List.of(claim(CasualtyCategory.KILLED_AND_INJURED, CasualtyParty.ALL, 16, 16,
                true)))).isNull();
    }

    private static Claim killed(CasualtyParty party, int minimum, int maximum, boolean preferred) {
        return claim(CasualtyCategory.KILLED, party, minimum, maximum, preferred);
    }

    private static Claim claim(CasualtyCategory category, CasualtyParty party, int minimum, int maximum,
            boolean preferred) {
        var figure = new Casualties(category, party, minimum, maximum, CountQualifier.EXACTLY);
        EventClaim claim = EventClaim.casualties(UUID.randomUUID(), figure, null, null).preferred(preferred, null);
        return new Claim(claim, figure.display(), null, null, null, List.of(), null, null);
    }
}

package org.annals.suggest;

import static org.annals.event.CasualtyCategory.INJURED;
import static org.annals.event.CasualtyCategory.KILLED;
import static org.annals.event.CasualtyCategory.KILLED_AND_INJURED;
import static org.annals.event.CasualtyParty.ALL;
import static org.annals.event.CasualtyParty.CIVILIANS;
import static org.annals.event.CasualtyParty.COMBATANTS;
import static org.annals.event.CountQualifier.ABOUT;
import static org.annals.event.CountQualifier.AT_LEAST;
import static org.annals.event.CountQualifier.EXACTLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.suggest.Suggestion.Figure;
import org.junit.jupiter.api.Test;

/** Casualty figures as reports give them; the English sentences are from the sample corpus (/work/shared/corpus). */
class FigureRecogniserTest {

    private static List<Suggestion> read(String text) {
        return new FigureRecogniser().recognise(new Reading(text, null, "en", RegistryMatcher.EMPTY));
    }

    private static List<Casualties> figures(String text) {
        return read(text).stream().map(s -> ((Figure) s.value()).casualties()).toList();
    }

    @Test
    void death_tolls_are_read_from_the_ways_reports_give_them() {
        assertThat(figures("The strike killed at least 40 people.")).containsExactly(figure(KILLED, ALL, 40, 40, AT_LEAST));
        assertThat(figures("40 people were killed in the strike.")).containsExactly(Casualties.killed(40));
        assertThat(figures("More than 100 people were killed.")).containsExactly(figure(KILLED, ALL, 100, 100, AT_LEAST));
        assertThat(figures("Reports spoke of between 40 and 60 dead.")).containsExactly(figure(KILLED, ALL, 40, 60,
                EXACTLY));
        assertThat(figures("Reports spoke of 40-60 dead.")).containsExactly(figure(KILLED, ALL, 40, 60, EXACTLY));
        assertThat(figures("The death toll rose to 45.")).containsExactly(Casualties.killed(45));
        assertThat(figures("[23] Two other airstrikes on rebel reinforcements on the outskirts of the city left 20"
                + " fighters dead.")).containsExactly(figure(KILLED, COMBATANTS, 20, 20, EXACTLY));
        assertThat(figures("In 2024 many soldiers were killed.")).isEmpty();
        assertThat(figures("Up to 40 people were killed.")).isEmpty();
        assertThat(figures("He was killed on 5 December.")).isEmpty();
    }

    @Test
    void numbers_in_words_are_read() {
        assertThat(figures("A Russian airstrike killed fifteen civilians in Atarib.")).containsExactly(
                figure(KILLED, CIVILIANS, 15, 15, EXACTLY));
        assertThat(figures("The shelling killed twelve people.")).containsExactly(Casualties.killed(12));
        assertThat(figures("twenty-three soldiers were wounded")).containsExactly(figure(INJURED, COMBATANTS, 23, 23,
                EXACTLY));
        assertThat(figures("a hundred and twelve people died")).containsExactly(Casualties.killed(112));
    }

    @Test
    void dozens_and_hundreds_are_the_least_they_mean() {
        assertThat(read("Dozens were killed and hundreds injured.")).satisfiesExactly(
                dozens -> {
                    assertThat(dozens.text()).isEqualTo("Dozens were killed");
                    assertThat(((Figure) dozens.value()).casualties()).isEqualTo(figure(KILLED, ALL, 24, 24, AT_LEAST));
                },
                hundreds -> assertThat(((Figure) hundreds.value()).casualties()).isEqualTo(
                        figure(INJURED, ALL, 200, 200, AT_LEAST)));
        // a floor read from a word ranks below a number the text gives
        assertThat(read("Dozens were killed and 12 injured.")).extracting(Suggestion::rank)
                .containsExactly(FigureRecogniser.RANK * CasualtyReader.VAGUE_RANK_FACTOR, FigureRecogniser.RANK);
        assertThat(figures("وسقط عشرات القتلى في القصف")).containsExactly(figure(KILLED, ALL, 20, 20, AT_LEAST));
        // dozens of towns is no toll
        assertThat(figures("capturing dozens of towns and villages in the countryside by 7 in the evening")).isEmpty();
    }

    @Test
    void killed_and_injured_together_injured_and_qualifiers_are_told_apart() {
        assertThat(read("government forces artillery struck the opposition held town of Ariha, killing and injuring 16"
                + " civilians.")).singleElement().satisfies(s -> {
                    assertThat(s.text()).isEqualTo("killing and injuring 16");
                    assertThat(((Figure) s.value()).casualties()).isEqualTo(figure(KILLED_AND_INJURED, CIVILIANS, 16,
                            16, EXACTLY));
                });
        assertThat(figures("This includes one targeting a refugee camp in Idlib city that killed nine civilians and"
                + " injured 62 others.")).containsExactly(figure(KILLED, CIVILIANS, 9, 9, EXACTLY),
                        figure(INJURED, ALL, 62, 62, EXACTLY));
        assertThat(figures("The shelling left 16 killed and injured.")).containsExactly(figure(KILLED_AND_INJURED, ALL,
                16, 16, EXACTLY));
        assertThat(figures("Medics counted about 30 casualties.")).containsExactly(figure(KILLED_AND_INJURED, ALL, 30,
                30, ABOUT));
        assertThat(figures("More than 100 civilians were wounded.")).containsExactly(figure(INJURED, CIVILIANS, 100, 100,
                AT_LEAST));
        assertThat(figures("The raid wounded 12–15 soldiers.")).containsExactly(figure(INJURED, COMBATANTS, 12, 15,
                EXACTLY));
        assertThat(figures("Nearly 40 people died.")).containsExactly(figure(KILLED, ALL, 40, 40, ABOUT));
        assertThat(figures("73+ killed")).containsExactly(figure(KILLED, ALL, 73, 73, AT_LEAST));
    }

    @Test
    void each_number_of_a_list_is_a_figure_of_its_own() {
        assertThat(figures("The Syrian Observatory for Human Rights reported that 37 Syrian government soldiers and"
                + " allied militias and 60 fighters from the opposition forces were killed in the clashes."))
                .containsExactly(figure(KILLED, COMBATANTS, 37, 37, EXACTLY), figure(KILLED, COMBATANTS, 60, 60, EXACTLY));
        assertThat(figures("North of Hama, at least 17 SAA soldiers, eight HTS fighters, and two civilians were killed"
                + " in clashes and airstrikes.")).containsExactly(figure(KILLED, COMBATANTS, 17, 17, AT_LEAST),
                        figure(KILLED, COMBATANTS, 8, 8, EXACTLY), figure(KILLED, CIVILIANS, 2, 2, EXACTLY));
        assertThat(figures("وقال المرصد إن 37 عنصراً من قوات النظام و60 مقاتلاً من الفصائل قتلوا في الاشتباكات"))
                .containsExactly(figure(KILLED, COMBATANTS, 37, 37, EXACTLY), figure(KILLED, COMBATANTS, 60, 60, EXACTLY));
    }

    @Test
    void infobox_lines_and_citation_markers_do_not_join_two_figures() {
        String infobox = "Syria 51+ killed[c]\n13+ Iranian-backed fighters killed [clarification needed]\n17+ civilians"
                + " killed[d] 115,000 people displaced[e]";
        assertThat(figures(infobox)).containsExactly(figure(KILLED, ALL, 51, 51, AT_LEAST),
                figure(KILLED, COMBATANTS, 13, 13, AT_LEAST), figure(KILLED, CIVILIANS, 17, 17, AT_LEAST));
        assertThat(read("Idlib city that killed 11[4] civilians")).singleElement()
                .satisfies(s -> assertThat(((Figure) s.value()).casualties()).isEqualTo(figure(KILLED, CIVILIANS, 11, 11,
                        EXACTLY)));
    }

    @Test
    void arabic_tolls_are_read_with_their_qualifier() {
        assertThat(figures("وأسفرت غارة جوية روسية على ادلب عن مقتل ١١ مدنياً.")).containsExactly(
                figure(KILLED, CIVILIANS, 11, 11, EXACTLY));
        assertThat(figures("قُتل ما لا يقل عن ٤٠ شخصاً في غارات، وسقط بين 40 و60 قتيلاً في حماه.")).containsExactly(
                figure(KILLED, ALL, 40, 40, AT_LEAST), figure(KILLED, ALL, 40, 60, EXACTLY));
        assertThat(figures("وأسفر القصف عن سقوط ٣٠ جريحاً.")).containsExactly(figure(INJURED, ALL, 30, 30, EXACTLY));
        assertThat(figures("وأفادت مصادر طبية بمقتل نحو 25 شخصاً وجرح أكثر من 40")).containsExactly(
                figure(KILLED, ALL, 25, 25, ABOUT), figure(INJURED, ALL, 40, 40, AT_LEAST));
    }


    private static Casualties figure(CasualtyCategory category, CasualtyParty party, int minimum, int maximum,
            CountQualifier qualifier) {
        return new Casualties(category, party, minimum, maximum, qualifier);
    }
}

package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.junit.jupiter.api.Test;

class NewNameRecogniserTest {

    private static final RegistryMatcher REGISTRY = RegistryMatcher.of(List.of(
            new RegistryEntry(UUID.randomUUID(), EntityKind.PLACE, "Aleppo", List.of("حلب"), null, null, true)));

    private static List<Suggestion> names(String text) {
        return new NewNameRecogniser().recognise(new Reading(text, null, "en", REGISTRY));
    }

    private static EntityKind kind(Suggestion suggestion) {
        return ((Suggestion.NewName) suggestion.value()).proposedKind();
    }

    @Test
    void capitalised_english_names_with_their_particles_get_the_kind_their_words_suggest() {
        List<Suggestion> found = names("The offensive was led by Hayat Tahrir al-Sham under Abu Mohammad al-Julani,"
                + " with the Syrian National Army and the Hamza Division. Rebels took Tal Rifaat and the town of Kafr"
                + " Nabudah, where President Bashar al-Assad had visited Colonel Suheil al-Hassan.");

        assertThat(found).extracting(Suggestion::text, NewNameRecogniserTest::kind).containsExactly(
                tuple("Hayat Tahrir al-Sham", EntityKind.ORGANIZATION),
                tuple("Abu Mohammad al-Julani", EntityKind.PERSON),
                tuple("Syrian National Army", EntityKind.ORGANIZATION),
                tuple("Hamza Division", EntityKind.MILITARY_UNIT),
                tuple("Tal Rifaat", EntityKind.PLACE),
                tuple("Kafr\u0020Nabudah", EntityKind.PLACE),
                tuple("Bashar al-Assad", EntityKind.PERSON),
                tuple("Suheil al-Hassan", EntityKind.PERSON));
        assertThat(found).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SuggestionKind.NEW_NAME);
            assertThat(s.rank()).isLessThan(DateRecogniser.RANK).isLessThan(FigureRecogniser.RANK)
                    .isLessThan(RegistryRecogniser.RANK);
        });
    }

    @Test
    void sentence_initial_words_months_weekdays_and_single_words_are_not_names() {
        assertThat(names("Rebels advanced on Monday. The rebels said Opposition sources were wrong. On 5 December"
                + " Islamists entered Homs. Tuesday December")).isEmpty();
        // A sentence's first word that is a name's first word stays: it is not written in lower case elsewhere.
        assertThat(names("Rebels met. Jaysh al-Izza joined the rebels.")).extracting(Suggestion::text)
                .containsExactly("Jaysh al-Izza");
    }

    @Test
    void a_name_the_registry_has_is_the_registry_s_and_a_line_break_or_citation_does_not_hide_a_name() {
        assertThat(names("Fighters entered New Aleppo and the Battle of Aleppo began.")).isEmpty();
        assertThat(names("fighters of Liwa al-Muhajireen\nwal-Ansar[14] and Katibat al-Tawhid wal-Jihad [15] came"))
                .extracting(Suggestion::text, NewNameRecogniserTest::kind).containsExactly(
                        tuple("Liwa al-Muhajireen\nwal-Ansar", EntityKind.MILITARY_UNIT),
                        tuple("Katibat al-Tawhid wal-Jihad", EntityKind.MILITARY_UNIT));
        assertThat(names("They left Idlib\n\nHama fell")).isEmpty();
    }

    @Test
    void arabic_name_patterns_give_people_groups_and_places() {
        List<Suggestion> found = names("أعلن أبو محمد الجولاني أن هيئة تحرير الشام ولواء المهاجرين والأنصار سيطرا على"
                + " تل رفعت ومدينة سراقب وريف إدلب الجنوبي، واستقبل محمد بن سلمان عبد الرحمن مصطفى في مدينة حلب"
                + " بعد عملية \"ردع العدوان\" وحي الشيخ مقصود.");

        assertThat(found).extracting(Suggestion::text, NewNameRecogniserTest::kind).containsExactly(
                tuple("أبو محمد الجولاني", EntityKind.PERSON),
                tuple("هيئة تحرير الشام", EntityKind.ORGANIZATION),
                tuple("لواء المهاجرين والأنصار", EntityKind.MILITARY_UNIT),
                tuple("تل رفعت", EntityKind.PLACE),
                tuple("سراقب", EntityKind.PLACE),
                tuple("إدلب", EntityKind.PLACE),
                tuple("محمد بن سلمان", EntityKind.PERSON),
                tuple("عبد الرحمن مصطفى", EntityKind.PERSON),
                tuple("ردع العدوان", EntityKind.OTHER),
                tuple("الشيخ مقصود", EntityKind.PLACE));
    }
}

package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.junit.jupiter.api.Test;

class RegistryMatcherTest {

    private static final RegistryEntry ALEPPO = entry(EntityKind.PLACE, "Aleppo", "حلب", "Alep", "Ḥalab");
    private static final RegistryEntry NEW_ALEPPO = entry(EntityKind.PLACE, "New Aleppo", "حلب الجديدة");
    private static final RegistryEntry JULANI = entry(EntityKind.PERSON, "Abu Mohammad al-Julani", "al-Julani",
            "أبو محمد الجولاني", "الجولاني", "Ahmed al-Sharaa");
    private static final RegistryEntry HTS = entry(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham", "HTS",
            "هيئة تحرير الشام");
    private static final RegistryEntry US = entry(EntityKind.ORGANIZATION, "United States", "US", "USA");
    private static final RegistryEntry HAMA_CITY = new RegistryEntry(UUID.randomUUID(), EntityKind.PLACE, "Hama",
            List.of("حماة"), "City on the Orontes", "Hama Governorate", true);
    private static final RegistryEntry HAMA_GOVERNORATE = new RegistryEntry(UUID.randomUUID(), EntityKind.PLACE,
            "Hama Governorate", List.of("Hama", "محافظة حماة"), "Governorate of central Syria", "Syria", true);
    private static final RegistryMatcher REGISTRY = RegistryMatcher.of(
            List.of(ALEPPO, NEW_ALEPPO, JULANI, HTS, US, HAMA_CITY, HAMA_GOVERNORATE));

    private static RegistryEntry entry(EntityKind kind, String name, String... aliases) {
        return new RegistryEntry(UUID.randomUUID(), kind, name, List.of(aliases), null, null, true);
    }

    private static List<String> found(String text) {
        return REGISTRY.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void names_match_whole_words_whatever_their_case_diacritics_and_letter_variants() {
        assertThat(found("ALEPPO fell; Ḥalab, halab and Alep agree, as does حَلَـب."))
                .containsExactly("ALEPPO", "Ḥalab", "halab", "Alep", "حَلَـب");
        assertThat(found("Aleppostan and Hamas are other words.")).isEmpty();
    }

    @Test
    void a_name_inside_a_longer_name_is_not_a_second_match() {
        List<RegistryMatcher.Match> matches = REGISTRY.find("Rebels toppled a statue in New Aleppo, then held Aleppo.");

        assertThat(matches).extracting(RegistryMatcher.Match::entries)
                .containsExactly(List.of(NEW_ALEPPO), List.of(ALEPPO));
        assertThat(found("سيطروا على حلب الجديدة ثم على حلب")).containsExactly("حلب الجديدة", "حلب");
        assertThat(found("the Hama Governorate")).containsExactly("Hama Governorate");
    }

    @Test
    void arabic_names_match_with_and_without_the_article_and_with_attached_proclitics() {
        assertThat(found("قصفت الطائرات بحلب وأعلن الجولاني ثم قال جولاني وللجولاني والجولاني"))
                .containsExactly("حلب", "الجولاني", "جولاني", "لجولاني", "الجولاني");
        // The whole name with a conjunction on its first word; the conjunction is not part of the span.
        assertThat(found("وهيئة تحرير الشام وأبو محمد الجولاني")).containsExactly("هيئة تحرير الشام", "أبو محمد الجولاني");
        // A longer word that starts with the name is not the name.
        assertThat(found("حلبي وحلبا")).isEmpty();
    }

    @Test
    void an_alias_several_entities_share_is_one_match_listing_each_with_description_and_part_of() {
        List<RegistryMatcher.Match> matches = REGISTRY.find("Forces advanced toward Hama.");

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.alias()).isEqualTo("hama");
            assertThat(m.entries()).containsExactly(HAMA_CITY, HAMA_GOVERNORATE);
            assertThat(m.entries()).extracting(e -> e.candidate().partOf()).containsExactly("Hama Governorate", "Syria");
            assertThat(m.entries()).extracting(e -> e.candidate().description())
                    .containsExactly("City on the Orontes", "Governorate of central Syria");
        });
    }

    @Test
    void a_name_broken_across_a_line_or_next_to_a_citation_marker_is_found_with_its_exact_span() {
        String text = "led by Hay’at Tahrir\nal-Sham[12] and HTS's allies; Abu Mohammad al-Julani[5] spoke.";
        List<RegistryMatcher.Match> matches = REGISTRY.find(text);

        assertThat(found(text)).containsExactly("Hay’at Tahrir\nal-Sham", "HTS", "Abu Mohammad al-Julani");
        assertThat(matches.getFirst().alias()).isEqualTo("hayat tahrir al sham");
        assertThat(matches.getFirst().entries()).containsExactly(HTS);
        // Punctuation or a blank line between the words is two texts, not one name.
        assertThat(found("Hay'at Tahrir, al-Sham")).isEmpty();
        assertThat(found("New\n\nAleppo")).containsExactly("Aleppo");
        assertThat(found("They held Hama. Governorate staff fled.")).containsExactly("Hama");
        RegistryMatcher saint = RegistryMatcher.of(List.of(entry(EntityKind.PLACE, "St. Simeon", "St Simeon")));
        assertThat(saint.find("near St. Simeon and St Simeon")).hasSize(2);
    }

    @Test
    void a_transliterated_article_before_a_hyphen_is_optional() {
        RegistryMatcher matcher = RegistryMatcher.of(List.of(entry(EntityKind.PLACE, "al-Rastan"),
                entry(EntityKind.PLACE, "as-Safirah"), entry(EntityKind.ORGANIZATION, "Al Qaeda")));
        String text = "From al-Rastan to Rastan, As-Safirah and Safirah; Al Qaeda, not Qaeda.";

        assertThat(matcher.find(text)).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("al-Rastan", "Rastan", "As-Safirah", "Safirah", "Al Qaeda");
        assertThat(matcher.aliasCount()).isEqualTo(3);
    }

    @Test
    void an_acronym_matches_where_the_text_writes_it_in_capitals() {
        assertThat(found("Tell us what the US and the USA did.")).containsExactly("US", "USA");
    }

    @Test
    void aliases_that_would_flood_a_text_are_refused_with_their_reason() {
        RegistryEntry flooding = entry(EntityKind.OTHER, "Operation Dawn of Freedom", "D", "ب", "The", "of the", "2024",
                "في", "على", "--", "Dawn");
        RegistryMatcher matcher = RegistryMatcher.of(List.of(flooding));

        assertThat(matcher.refused()).extracting(RegistryMatcher.Refused::alias, RegistryMatcher.Refused::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("D", RegistryMatcher.ONE_LETTER),
                        org.assertj.core.groups.Tuple.tuple("ب", RegistryMatcher.ONE_LETTER),
                        org.assertj.core.groups.Tuple.tuple("The", RegistryMatcher.COMMON_WORD),
                        org.assertj.core.groups.Tuple.tuple("of the", RegistryMatcher.COMMON_WORD),
                        org.assertj.core.groups.Tuple.tuple("2024", RegistryMatcher.NUMBER),
                        org.assertj.core.groups.Tuple.tuple("في", RegistryMatcher.COMMON_WORD),
                        org.assertj.core.groups.Tuple.tuple("على", RegistryMatcher.COMMON_WORD),
                        org.assertj.core.groups.Tuple.tuple("--", RegistryMatcher.NO_LETTERS));
        assertThat(matcher.aliasCount()).isEqualTo(2);
        String text = "D-Day: the 2024 Operation Dawn of Freedom began at dawn في حلب على الطريق ب 5 D.";
        assertThat(matcher.find(text)).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("Operation Dawn of Freedom", "dawn");
    }

    @Test
    void the_recogniser_offers_every_candidate_at_the_registry_rank() {
        var reading = new Reading("Julani spoke in Hama.", LocalDate.of(2024, 12, 1), "en",
                RegistryMatcher.of(List.of(entry(EntityKind.PERSON, "Julani"), HAMA_CITY, HAMA_GOVERNORATE)));

        List<Suggestion> suggestions = new RegistryRecogniser().recognise(reading);

        assertThat(suggestions).extracting(Suggestion::text).containsExactly("Julani", "Hama");
        assertThat(suggestions).allSatisfy(s -> assertThat(s.rank()).isEqualTo(RegistryRecogniser.RANK));
        assertThat(((Suggestion.Mention) suggestions.get(1).value()).candidates()).extracting(Candidate::id)
                .containsExactly(HAMA_CITY.id(), HAMA_GOVERNORATE.id());
    }

    @Test
    void an_empty_registry_or_text_finds_nothing() {
        assertThat(RegistryMatcher.EMPTY.find("Aleppo")).isEmpty();
        assertThat(REGISTRY.find("")).isEmpty();
        assertThat(RegistryMatcher.aliasKey("Hay’at  Taḥrīr al-Sham")).isEqualTo("hayat tahrir al sham");
        assertThat(RegistryMatcher.aliasKey("أبو محمد الجولاني")).isEqualTo("ابو محمد جولاني");
    }
}

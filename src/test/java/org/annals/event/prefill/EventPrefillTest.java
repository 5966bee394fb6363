package org.annals.event.prefill;

import static org.annals.event.CasualtyCategory.INJURED;
import org.annals.suggest.RegistryEntry;
import org.annals.suggest.RegistryMatcher;
import static org.annals.event.CasualtyCategory.KILLED;
import static org.annals.event.CasualtyParty.ALL;
import static org.annals.event.CasualtyParty.CIVILIANS;
import static org.annals.event.CountQualifier.AT_LEAST;
import static org.annals.event.CountQualifier.EXACTLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.event.DatePrecision;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.ClaimField;
import org.annals.event.CountQualifier;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.prefill.Suggestions.Candidate;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.annals.suggest.DateRecogniser;
import org.annals.suggest.FigureRecogniser;
import org.annals.suggest.Suggestion.Figure;
import org.junit.jupiter.api.Test;

/**
 * The English sentences are from the sample corpus (/work/shared/corpus, derived from English Wikipedia);
 * the corpus has no Arabic text, so the Arabic ones are written in the style of Arabic news reports. How dates and
 * figures are read is tested with their recognisers (org.annals.suggest); here, what the form takes from them.
 */
class EventPrefillTest {

    private static final UUID SOURCE = UUID.randomUUID();
    /** The sample sources' published date, a Sunday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2024, 12, 15);
    private static final SourceContext CONTEXT = new SourceContext(SOURCE, PUBLISHED, "en");
    private static final SourceContext UNDATED = new SourceContext(SOURCE, null, "en");

    private static final RegistryEntry ALEPPO = entity(EntityKind.PLACE, "Aleppo", "حلب", "Alep", "Ḥalab");
    private static final RegistryEntry IDLIB = entity(EntityKind.PLACE, "Idlib", "إدلب");
    private static final RegistryEntry HAMA = entity(EntityKind.PLACE, "Hama", "حماة");
    private static final RegistryEntry HAMA_GOVERNORATE = entity(EntityKind.PLACE, "Hama Governorate", "Hama",
            "محافظة حماة");
    private static final RegistryEntry HTS = entity(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham", "HTS",
            "هيئة تحرير الشام");
    private static final RegistryEntry RUSSIA = entity(EntityKind.ORGANIZATION, "Russia", "روسيا");
    private static final RegistryMatcher REGISTRY = RegistryMatcher.of(List.of(ALEPPO, IDLIB, HAMA, HTS, RUSSIA));

    private static RegistryEntry entity(EntityKind kind, String name, String... aliases) {
        return new RegistryEntry(UUID.randomUUID(), kind, name, List.of(aliases), null, null, true);
    }

    private static Suggestions read(String text) {
        return EventPrefill.read(text, CONTEXT, REGISTRY);
    }

    private static PartialDate day(int year, int month, int day) {
        return PartialDate.day(LocalDate.of(year, month, day));
    }

    private static List<UUID> ids(NameMatch match) {
        return match.candidates().stream().map(Candidate::id).toList();
    }

    @Test
    void a_corpus_sentence_gives_its_date_place_actor_and_death_toll_each_with_its_words() {
        String text = "On 2 December, Russia again launched airstrikes on opposition-held territory, including one on"
                + " Idlib city that killed 11 civilians.";
        Suggestions s = read(text);

        assertThat(s.dates()).singleElement().satisfies(d -> {
            assertThat(d.value().date()).isEqualTo(day(2024, 12, 2)); // no year in the text: the published year
            assertThat(d.span().text()).isEqualTo("2 December");
            assertThat(text.substring(d.span().start(), d.span().end())).isEqualTo("2 December");
        });
        assertThat(s.places()).singleElement().satisfies(p -> {
            assertThat(ids(p)).containsExactly(IDLIB.id());
            assertThat(p.span().text()).isEqualTo("Idlib");
        });
        assertThat(s.actors()).singleElement().satisfies(a -> assertThat(ids(a)).containsExactly(RUSSIA.id()));
        assertThat(s.casualties()).singleElement().satisfies(f -> {
            assertThat(f.value().casualties()).isEqualTo(figure(KILLED, CIVILIANS, 11, 11, EXACTLY));
            assertThat(f.value().sourceId()).isEqualTo(SOURCE);
            assertThat(f.value().annotationId()).isNull();
            assertThat(f.span().text()).isEqualTo("killed 11");
        });
        assertThat(EventPrefill.onlyPlace(s)).isNotNull();
    }

    @Test
    void a_sentence_that_says_nothing_the_form_takes_suggests_nothing() {
        Suggestions s = read("However, revolutionary groups based in northwestern Syria prepared for a resumption of"
                + " hostilities, with HTS's rivals in particular strengthening their military capabilities.".replace(
                        "HTS's rivals", "the groups"));

        assertThat(s.isEmpty()).isTrue();
        assertThat(EventPrefill.onlyDate(s)).isNull();
        assertThat(EventPrefill.onlyPlace(s)).isNull();
    }

    @Test
    void dozens_of_towns_is_no_toll_and_the_dated_hts_sentence_gives_only_what_it_says() {
        Suggestions s = EventPrefill.read("On the evening of 30 November 2024, HTS-led opposition forces rapidly advanced"
                + " in the Hama Governorate, capturing dozens of towns and villages in the countryside by 7 in the evening"
                + " (Local Syrian time, UTC+3:00).", CONTEXT, RegistryMatcher.of(List.of(HTS, HAMA, HAMA_GOVERNORATE)));

        assertThat(s.casualties()).isEmpty();
        assertThat(s.dates()).extracting(d -> d.value().date()).containsExactly(day(2024, 11, 30));
        assertThat(s.actors()).singleElement().satisfies(a -> assertThat(a.span().text()).isEqualTo("HTS"));
        // The longer name wins over the "Hama" inside it, and it is one record, not a choice.
        assertThat(s.places()).singleElement().satisfies(p -> {
            assertThat(p.span().text()).isEqualTo("Hama Governorate");
            assertThat(ids(p)).containsExactly(HAMA_GOVERNORATE.id());
        });
    }

    @Test
    void a_name_two_records_share_lists_both_and_picks_neither() {
        Suggestions s = EventPrefill.read("The next day, opposition forces made rapid advances, capturing dozens of towns"
                + " and villages as government forces disintegrated, and advanced toward Hama and subsequently capturing"
                + " it on 5 December.", CONTEXT, RegistryMatcher.of(List.of(HAMA, HAMA_GOVERNORATE)));

        assertThat(s.places()).singleElement().satisfies(p -> {
            assertThat(p.ambiguous()).isTrue();
            assertThat(ids(p)).containsExactlyInAnyOrder(HAMA.id(), HAMA_GOVERNORATE.id());
        });
        assertThat(EventPrefill.onlyPlace(s)).isNull();
    }

    @Test
    void names_match_whole_words_only() {
        Suggestions s = EventPrefill.read("Hamas leaders in Doha welcomed the news from Aleppostan.", CONTEXT, REGISTRY);

        assertThat(s.places()).isEmpty();
        assertThat(s.actors()).isEmpty();
    }

    @Test
    void names_match_regardless_of_case_diacritics_and_script() {
        Suggestions s = read("ALEPPO fell; reports from Halab and from Alep agree, as does حَلَـب.");

        assertThat(s.places()).singleElement().satisfies(p -> assertThat(ids(p)).containsExactly(ALEPPO.id()));
        assertThat(EventPrefill.read("Ḥalab", CONTEXT, RegistryMatcher.of(List.of(entity(EntityKind.PLACE, "Halab")))).places()).hasSize(1);
    }

    @Test
    void an_arabic_report_gives_its_date_places_actor_and_toll() {
        String text = "وفي ٣٠ تشرين الثاني ٢٠٢٤ سيطرت هيئة تحرير الشام على مدينة حلب، وأسفرت غارة جوية روسية على ادلب"
                + " عن مقتل ١١ مدنياً.";
        Suggestions s = read(text);

        assertThat(s.dates()).singleElement().satisfies(d -> {
            assertThat(d.value().date()).isEqualTo(day(2024, 11, 30));
            assertThat(d.span().text()).isEqualTo("٣٠ تشرين الثاني ٢٠٢٤");
        });
        // Two places named: both are suggested, and the form takes neither by itself.
        assertThat(s.places()).extracting(p -> p.candidates().getFirst().id()).containsExactly(ALEPPO.id(), IDLIB.id());
        assertThat(EventPrefill.onlyPlace(s)).isNull();
        assertThat(s.actors()).singleElement().satisfies(a -> assertThat(ids(a)).containsExactly(HTS.id()));
        assertThat(s.casualties()).singleElement().satisfies(f -> {
            assertThat(f.value().casualties()).isEqualTo(figure(KILLED, CIVILIANS, 11, 11, EXACTLY));
            assertThat(f.value().sourceId()).isEqualTo(SOURCE);
            assertThat(f.span().text()).isEqualTo("مقتل ١١");
        });
    }

    @Test
    void arabic_names_are_found_with_a_proclitic_and_arabic_tolls_with_their_qualifier() {
        Suggestions s = read("قُتل ما لا يقل عن ٤٠ شخصاً في غارات على ريف إدلب وبحلب، وسقط بين 40 و60 قتيلاً في حماه.");

        assertThat(s.places()).extracting(p -> p.candidates().getFirst().id())
                .containsExactly(IDLIB.id(), ALEPPO.id(), HAMA.id());
        assertThat(claims(s)).containsExactly(figure(KILLED, ALL, 40, 40, AT_LEAST), figure(KILLED, ALL, 40, 60, EXACTLY));
    }

    @Test
    void a_range_gives_start_and_end_and_two_separate_dates_give_neither() {
        String range = "Date: 27 November – 5 December 2024";
        var only = EventPrefill.onlyDate(EventPrefill.read(range, UNDATED, RegistryMatcher.EMPTY));
        assertThat(only).isNotNull();
        assertThat(only.value().date()).isEqualTo(day(2024, 11, 27));
        assertThat(only.value().endDate()).isEqualTo(day(2024, 12, 5));
        assertThat(only.span().text()).isEqualTo("27 November – 5 December 2024");

        String two = "On 29 November 2024, rebel forces approached the outskirts of Aleppo. On 5 December they took Hama.";
        Suggestions twoDates = read(two);
        assertThat(twoDates.dates()).hasSize(2);
        assertThat(EventPrefill.onlyDate(twoDates)).isNull();

        var single = EventPrefill.onlyDate(read("On 29 November 2024, rebel forces approached the outskirts of Aleppo."));
        assertThat(single).isNotNull();
        assertThat(single.value().date()).isEqualTo(day(2024, 11, 29));
        assertThat(single.value().endDate()).isNull();
    }

    @Test
    void the_form_reads_figures_as_the_editor_suggests_them_vague_counts_as_their_least() {
        assertThat(claims("Dozens were killed and hundreds injured.")).containsExactly(
                figure(KILLED, ALL, 24, 24, AT_LEAST), figure(INJURED, ALL, 200, 200, AT_LEAST));
        assertThat(claims("This includes one targeting a refugee camp in Idlib city that killed nine civilians and"
                + " injured 62 others.")).containsExactly(figure(KILLED, CIVILIANS, 9, 9, EXACTLY),
                        figure(INJURED, ALL, 62, 62, EXACTLY));
    }

    @Test
    void the_form_takes_exactly_what_the_editor_suggests_in_the_same_words() {
        String text = "On the night of 7/8 December[3] the army withdrew; early 1 December, shelling killed twelve"
                + " civilians and injured 40-60 others. The next day, dozens were killed.";
        Suggestions form = EventPrefill.read(text, CONTEXT, RegistryMatcher.EMPTY);
        var editorDates = DateRecogniser.read(text, PUBLISHED);
        var editorFigures = FigureRecogniser.read(text);

        assertThat(form.dates()).extracting(d -> d.span().start(), d -> d.span().end(), d -> (Object) d.value())
                .containsExactlyElementsOf(editorDates.stream().map(s -> tuple(s.start(), s.end(), s.value())).toList());
        assertThat(form.casualties()).extracting(f -> f.span().start(), f -> f.span().end(), f -> f.value().casualties())
                .containsExactlyElementsOf(editorFigures.stream()
                        .map(s -> tuple(s.start(), s.end(), ((Figure) s.value()).casualties())).toList());
        assertThat(form.dates()).hasSize(3);
        assertThat(form.casualties()).hasSize(3);
    }

    @Test
    void a_quote_gives_the_claim_of_its_field_citing_its_source() {
        EventClaim date = EventPrefill.readClaim("on 30 November", CONTEXT, ClaimField.DATE).orElseThrow();
        assertThat(date.start()).isEqualTo(day(2024, 11, 30));
        assertThat(date.end()).isNull();
        assertThat(date.sourceId()).isEqualTo(SOURCE);
        EventClaim range = EventPrefill.readClaim("27 November – 5 December 2024", CONTEXT, ClaimField.DATE)
                .orElseThrow();
        assertThat(range.start()).isEqualTo(day(2024, 11, 27));
        assertThat(range.end()).isEqualTo(day(2024, 12, 5));
        assertThat(EventPrefill.readClaim("in December 2024", CONTEXT, ClaimField.DATE).orElseThrow().start())
                .isEqualTo(new PartialDate(LocalDate.of(2024, 12, 1), DatePrecision.MONTH, null));
        EventClaim figure = EventPrefill.readClaim("killed at least 12 civilians", CONTEXT, ClaimField.CASUALTIES)
                .orElseThrow();
        assertThat(figure.field()).isEqualTo(ClaimField.CASUALTIES);
        assertThat(figure.casualties()).isEqualTo(figure(KILLED, CIVILIANS, 12, 12, AT_LEAST));
        assertThat(figure.sourceId()).isEqualTo(SOURCE);
        assertThat(EventPrefill.readClaim("the army withdrew", CONTEXT, ClaimField.CASUALTIES)).isEmpty();
        assertThat(EventPrefill.readClaim("on 30 November", CONTEXT, ClaimField.PLACE)).isEmpty();
    }


    private static Casualties figure(CasualtyCategory category, CasualtyParty party, int minimum, int maximum,
            CountQualifier qualifier) {
        return new Casualties(category, party, minimum, maximum, qualifier);
    }

    private static List<Casualties> claims(Suggestions s) {
        assertThat(s.casualties()).allSatisfy(f -> assertThat(f.value().sourceId()).isEqualTo(SOURCE));
        return s.casualties().stream().map(f -> f.value().casualties()).toList();
    }

    private static List<Casualties> claims(String text) {
        return claims(EventPrefill.read(text, CONTEXT, RegistryMatcher.EMPTY));
    }
}

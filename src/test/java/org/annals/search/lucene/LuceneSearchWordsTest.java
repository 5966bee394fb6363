package org.annals.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.annals.base.InvalidInputException;
import org.annals.review.RecordRef;
import org.annals.search.Audience;
import org.annals.search.DocumentGroup;
import org.annals.search.EngineQuery;
import org.annals.search.EngineResults;
import org.annals.search.KindCounts;
import org.annals.search.QuerySyntax;
import org.annals.search.SearchDocument;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.Snippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The words people type, as the Lucene engine finds, ranks, filters, counts and marks them. */
class LuceneSearchWordsTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID OTHER_PROJECT = UUID.randomUUID();
    private static final UUID VIEWER = UUID.randomUUID();
    private static final UUID SOMEONE_ELSE = UUID.randomUUID();
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path folder;
    private LuceneSearchEngine engine;

    @BeforeEach
    void open() {
        engine = new LuceneSearchEngine(folder);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    @Test
    void arabic_letter_variants_match_both_ways() {
        index(passage("hamza", "وصل أحمد إلى المدينة"), passage("plain", "وصل احمد الى المدينه"),
                passage("maqsura", "سار على الطريق"), passage("yeh", "سار علي الطريق"),
                passage("tatweel", "مـــدينة قديمة"), passage("harakat", "مَدِينَةٌ كَبِيرَةٌ"),
                passage("wasla", "ٱلله"));
        assertThat(keys("احمد")).containsExactlyInAnyOrder("hamza", "plain");
        assertThat(keys("أحمد")).containsExactlyInAnyOrder("hamza", "plain");
        assertThat(keys("إلى")).containsExactlyInAnyOrder("hamza", "plain");
        assertThat(keys("على")).containsExactlyInAnyOrder("maqsura", "yeh");
        assertThat(keys("علي")).containsExactlyInAnyOrder("maqsura", "yeh");
        assertThat(keys("مدينه")).containsExactlyInAnyOrder("tatweel", "harakat", "hamza", "plain");
        assertThat(keys("مَدِينَة")).containsExactlyInAnyOrder("tatweel", "harakat", "hamza", "plain");
        assertThat(keys("الله")).containsExactly("wasla");
    }

    @Test
    void case_and_diacritics_match_both_ways() {
        index(passage("macron", "The siege of Hamā began."), passage("plain", "Shelling near Hama."),
                passage("dotted", "Fighting in İdlib."), passage("upper", "ALEPPO CITADEL"));
        assertThat(keys("hama")).containsExactlyInAnyOrder("macron", "plain");
        assertThat(keys("HAMĀ")).containsExactlyInAnyOrder("macron", "plain");
        assertThat(keys("idlib")).containsExactly("dotted");
        assertThat(keys("Aleppo")).containsExactly("upper");
    }

    @Test
    void stemmed_forms_match_and_rank_below_the_exact_form() {
        index(passage("singular", "The offensive stalled."), passage("plural", "Two offensives stalled."),
                passage("article", "وصلوا والمدينة هادئة"), passage("bare", "مدينة هادئة"));
        assertThat(keys("offensives")).containsExactly("plural", "singular");
        assertThat(keys("offensive")).containsExactly("singular", "plural");
        assertThat(keys("مدينة")).containsExactlyInAnyOrder("article", "bare");
        assertThat(keys("والمدينة")).containsExactlyInAnyOrder("article", "bare");
    }

    @Test
    void phrases_match_words_together_in_order() {
        index(passage("together", "After the siege of Aleppo ended."), passage("apart", "Aleppo: a siege, of sorts."),
                passage("arabic", "بعد حصار حلب الطويل"));
        assertThat(keys("\"siege of Aleppo\"")).containsExactly("together");
        assertThat(keys("\"حصار حلب\"")).containsExactly("arabic");
        assertThat(keys("\"حلب حصار\"")).isEmpty();
    }

    @Test
    void a_phrase_is_matched_on_pairs_of_words_and_marked_word_by_word() {
        index(passage("long", "Reports said the siege of the old city of Aleppo lasted weeks."),
                passage("across", "The old. City of Aleppo."), passage("reordered", "Of the old city the siege."),
                passage("folded", "THE SIEGE OF THE ÓLD CITY"));
        assertThat(keys("\"siege of the old city\"")).containsExactlyInAnyOrder("long", "folded");
        // a sentence boundary is no gap between words: "old. City" is still "old city", as it was before pairs
        assertThat(keys("\"old city of aleppo\"")).containsExactlyInAnyOrder("long", "across");
        assertThat(keys("\"the siege\"")).containsExactlyInAnyOrder("long", "reordered", "folded");
        EngineResults found = engine.search(query("\"siege of the old city\"").build());
        assertThat(found.hits()).filteredOn(h -> h.document().key().equals("long")).singleElement()
                .satisfies(hit -> assertThat(hit.snippet().parts()).filteredOn(Snippet.Part::match)
                        .extracting(Snippet.Part::text).isNotEmpty()
                        .allSatisfy(marked -> assertThat("siege of the old city").containsIgnoringCase(marked)));
    }

    @Test
    void an_index_of_an_older_format_reads_as_empty_so_that_it_is_rebuilt() throws Exception {
        engine.close();
        Path old = folder.resolve("before-pairs");
        try (var directory = org.apache.lucene.store.FSDirectory.open(old);
                var writer = new org.apache.lucene.index.IndexWriter(directory,
                        new org.apache.lucene.index.IndexWriterConfig())) {
            // an unsorted index with a document, as format 2 wrote them: Lucene refuses to open it with a sort
            writer.addDocument(LuceneFields.toLucene(passage("old", "from before the sort")));
            writer.setLiveCommitData(java.util.Map.of(LuceneSearchEngine.POSITION, "7",
                    LuceneSearchEngine.FORMAT, "2").entrySet());
            writer.commit();
        }
        try (var reopened = new LuceneSearchEngine(old)) {
            assertThat(reopened.recovered()).as("started afresh, not taken for damaged").isFalse();
            assertThat(reopened.position()).isEqualTo(-1);
            assertThat(reopened.documentCount()).isZero();
            reopened.commit(8, "db");
            assertThat(reopened.position()).isEqualTo(8);
        }
        engine = new LuceneSearchEngine(folder);
    }

    @Test
    void prefixes_match_the_beginnings_of_words() {
        index(passage("offensive", "The offensive."), passage("offence", "An offence."), passage("other", "Defence."),
                passage("arabic", "الهجوم على حلب"));
        assertThat(keys("offen*")).containsExactlyInAnyOrder("offensive", "offence");
        assertThat(keys("الهج*")).containsExactly("arabic");
    }

    @Test
    void excluded_words_and_phrases_remove_hits() {
        index(passage("both", "Aleppo and Homs"), passage("one", "Aleppo alone"), passage("phrase", "Aleppo siege of Homs"));
        assertThat(keys("Aleppo -Homs")).containsExactly("one");
        assertThat(keys("Aleppo -\"of Homs\"")).containsExactlyInAnyOrder("both", "one");
    }

    @Test
    void or_finds_either() {
        index(passage("homs", "Homs"), passage("hama", "Hama"), passage("both", "Homs Hama"), passage("none", "Idlib"));
        assertThat(keys("Homs OR Hama")).containsExactlyInAnyOrder("homs", "hama", "both");
        assertThat(keys("Homs or Hama")).isEmpty();
        assertThat(keys("Homs | \"Hama\"")).containsExactlyInAnyOrder("homs", "hama", "both");
    }

    @Test
    void only_the_fuzzy_fallback_tolerates_spelling_differences() {
        index(entity("julani", "Abu Mohammad al-Julani", List.of("al-Julani", "أبو محمد الجولاني")),
                entity("arabic-only", "الجولاني", List.of()), passage("idlib", "Idlib governorate"));
        assertThat(keys("al-Jolani")).isEmpty();
        assertThat(keys("Jolani")).isEmpty();
        assertThat(fuzzyKeys("al-Jolani")).containsExactly("julani");
        assertThat(fuzzyKeys("Jolani")).containsExactly("julani");
        assertThat(fuzzyKeys("Idlip")).containsExactly("idlib");
        // three letters: too short to be matched with a difference
        assertThat(fuzzyKeys("Abo")).isEmpty();
        // the fallback stays within a script: a Latin spelling never finds a name written only in Arabic
        assertThat(fuzzyKeys("الجولانى")).containsExactlyInAnyOrder("julani", "arabic-only");
    }

    @Test
    void a_common_word_is_never_tried_with_spelling_differences() {
        // "offensive" in enough passages to be a word of the archive; "offensives" a near spelling of it on an entity
        var documents = new ArrayList<SearchDocument>();
        for (int i = 0; i < LuceneSearch.KNOWN_WORD_DOCUMENTS; i++) {
            documents.add(passage("p" + i, "The offensive went on."));
        }
        documents.add(entity("operation", "Operation Deterrence of Aggression", List.of("the offensives")));
        documents.add(entity("julani", "Abu Mohammad al-Julani", List.of()));
        index(documents.toArray(SearchDocument[]::new));
        // among entities, "offensive" itself finds nothing: the filter narrowed it, its spelling is right
        assertThat(keys(query("offensive").kinds(SearchKind.ENTITY))).isEmpty();
        assertThat(keys(query("offensive").kinds(SearchKind.ENTITY).fuzzy())).isEmpty();
        // a rare word is still tried with spelling differences, beside a common one
        assertThat(keys(query("Jolani").kinds(SearchKind.ENTITY).fuzzy())).containsExactly("julani");
        assertThat(keys(query("offensive Jolani").fuzzy())).isEmpty();
        assertThat(keys(query("Offensivez").kinds(SearchKind.ENTITY).fuzzy())).containsExactly("operation");
    }

    @Test
    void hits_rank_by_relevance_then_newer_first() {
        index(passage("older", "Aleppo market", LONG_AGO), passage("newer", "Aleppo market", LONG_AGO.plusSeconds(60)),
                entity("named", "Aleppo", List.of()), entity("homs", "Homs", List.of()), entity("hama", "Hama", List.of()));
        assertThat(keys("Aleppo")).containsExactly("named", "newer", "older");
    }

    @Test
    void the_title_of_what_a_passage_belongs_to_matches_but_ranks_low() {
        index(new Doc("in-aleppo-report", SearchKind.PASSAGE).title("Aleppo report").text("A curfew was declared.").build(),
                new Doc("about-aleppo", SearchKind.PASSAGE).title("Monthly report").text("In Aleppo, a curfew.").build());
        assertThat(keys("Aleppo curfew")).containsExactly("about-aleppo", "in-aleppo-report");
    }

    @Test
    void filters_by_kind_source_subtype_and_overlapping_dates() {
        UUID source = UUID.randomUUID();
        index(new Doc("in-source", SearchKind.PASSAGE).text("battle").source(source).build(),
                new Doc("elsewhere", SearchKind.PASSAGE).text("battle").source(UUID.randomUUID()).build(),
                new Doc("quote", SearchKind.ANNOTATION).text("battle").source(source).subtype("QUOTE").build(),
                new Doc("event-2012", SearchKind.EVENT).text("battle").dates(LocalDate.of(2012, 7, 19), LocalDate.of(2016, 12, 22)).build(),
                new Doc("event-2020", SearchKind.EVENT).text("battle").dates(LocalDate.of(2020, 3, 5), null).build());
        assertThat(keys(query("battle").kinds(SearchKind.EVENT))).containsExactlyInAnyOrder("event-2012", "event-2020");
        assertThat(keys(query("battle").source(source))).containsExactlyInAnyOrder("in-source", "quote");
        assertThat(keys(query("battle").subtypes("QUOTE"))).containsExactly("quote");
        assertThat(keys(query("battle").dates(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1)))).containsExactly("event-2012");
        assertThat(keys(query("battle").dates(LocalDate.of(2020, 3, 5), null))).containsExactly("event-2020");
        assertThat(keys(query("battle").dates(null, LocalDate.of(2011, 12, 31)))).isEmpty();
    }

    @Test
    void any_set_of_kinds_filters_exactly_in_the_index_sorted_by_kind() {
        UUID sourceId = UUID.randomUUID();
        var group = new Doc("source", SearchKind.SOURCE).text("harbour").build().group();
        // a source's group mixes kinds: its passages must still sit among the passages of the sorted index
        engine.replace(group, List.of(new Doc("source", SearchKind.SOURCE).text("harbour").group(group).build(),
                new Doc("passage-1", SearchKind.PASSAGE).text("harbour").source(sourceId).group(group).build(),
                new Doc("passage-2", SearchKind.PASSAGE).text("harbour").source(sourceId).group(group).build()));
        index(new Doc("event", SearchKind.EVENT).text("harbour").build(),
                new Doc("entity", SearchKind.ENTITY).text("harbour").build(),
                new Doc("quote", SearchKind.ANNOTATION).text("harbour").build(),
                new Doc("comment", SearchKind.COMMENT).text("harbour").build());
        assertThat(keys(query("harbour").kinds(SearchKind.SOURCE))).containsExactly("source");
        assertThat(keys(query("harbour").kinds(SearchKind.PASSAGE, SearchKind.EVENT)))
                .containsExactlyInAnyOrder("passage-1", "passage-2", "event");
        assertThat(keys(query("harbour").kinds(SearchKind.SOURCE, SearchKind.EVENT, SearchKind.ENTITY)))
                .containsExactlyInAnyOrder("source", "event", "entity");
        assertThat(keys(query("harbour").kinds(SearchKind.PASSAGE, SearchKind.ANNOTATION, SearchKind.COMMENT)))
                .containsExactlyInAnyOrder("passage-1", "passage-2", "quote", "comment");
        // replacing the group replaces its documents, whatever stretch of the index they sit in
        engine.replace(group, List.of(new Doc("source", SearchKind.SOURCE).text("harbour").group(group).build()));
        engine.commit(2);
        assertThat(keys("harbour")).containsExactlyInAnyOrder("source", "event", "entity", "quote", "comment");
    }

    @Test
    void each_viewer_finds_what_they_may_see() {
        index(new Doc("vetted", SearchKind.EVENT).text("convoy").build(),
                new Doc("proposal", SearchKind.EVENT).text("convoy").audience(Audience.EDITORS, null).build(),
                new Doc("my-draft", SearchKind.EVENT).text("convoy").audience(Audience.OWNER, VIEWER).build(),
                new Doc("their-draft", SearchKind.EVENT).text("convoy").audience(Audience.OWNER, SOMEONE_ELSE).build(),
                new Doc("other-project", SearchKind.EVENT).text("convoy").project(OTHER_PROJECT).build());
        assertThat(keys(query("convoy"))).containsExactlyInAnyOrder("vetted", "my-draft");
        assertThat(keys(query("convoy").editor())).containsExactlyInAnyOrder("vetted", "proposal", "my-draft");
        EngineResults outsider = engine.search(query("convoy").viewer(SOMEONE_ELSE).project(OTHER_PROJECT).build());
        assertThat(outsider.hits()).extracting(h -> h.document().key()).containsExactly("other-project");
        assertThat(outsider.total()).isEqualTo(1);
    }

    @Test
    void every_kind_is_counted_whatever_kinds_are_asked_for() {
        index(passage("p1", "ceasefire"), passage("p2", "ceasefire"), passage("p3", "ceasefire"),
                new Doc("e1", SearchKind.EVENT).text("ceasefire").build(),
                new Doc("c1", SearchKind.COMMENT).text("ceasefire").build(),
                new Doc("hidden", SearchKind.COMMENT).text("ceasefire").audience(Audience.EDITORS, null).build());
        EngineResults events = engine.search(query("ceasefire").kinds(SearchKind.EVENT).build());
        assertThat(events.total()).isEqualTo(1);
        assertThat(events.totalIsExact()).isTrue();
        assertThat(events.hits()).extracting(h -> h.document().key()).containsExactly("e1");
        KindCounts counts = engine.count(query("ceasefire").kinds(SearchKind.EVENT).build());
        assertThat(counts.perKind()).containsOnly(java.util.Map.entry(SearchKind.PASSAGE, 3L),
                java.util.Map.entry(SearchKind.EVENT, 1L), java.util.Map.entry(SearchKind.COMMENT, 1L));
        assertThat(counts.total()).isEqualTo(1);
        assertThat(counts.partial()).isFalse();
        EngineResults secondPage = engine.search(query("ceasefire").page(2, 2).build());
        assertThat(secondPage.total()).isEqualTo(5);
        assertThat(secondPage.hits()).hasSize(2);
        // the first page of two counts at least one match beyond it: enough to say there is a next page (the
        // engine may count more when it had to look at every match anyway)
        EngineResults firstPage = engine.search(query("ceasefire").page(1, 2).build());
        assertThat(firstPage.hits()).hasSize(2);
        assertThat(firstPage.total()).isBetween(3L, 5L);
        assertThat(!firstPage.totalIsExact() || firstPage.total() == 5).as("a total said to be exact is").isTrue();
    }

    @Test
    void counts_stop_at_the_limit_and_say_so() {
        var group = new DocumentGroup(DocumentGroup.Type.SOURCE, UUID.randomUUID());
        List<SearchDocument> many = new ArrayList<>();
        for (int i = 0; i <= KindCounts.LIMIT; i++) {
            var doc = new Doc("p" + i, SearchKind.PASSAGE).text("curfew " + i).build();
            many.add(new SearchDocument(doc.key(), group, doc.kind(), doc.record(), doc.projectId(), doc.audience(),
                    null, null, "", doc.text(), List.of(), null, null, null, null, -1, -1, null, doc.updated()));
        }
        engine.replace(group, many);
        index(new Doc("e1", SearchKind.EVENT).text("curfew").build());
        EngineResults found = engine.search(query("curfew").build());
        assertThat(found.hits()).hasSize(20);
        assertThat(found.totalIsExact()).isFalse();
        KindCounts counted = engine.count(query("curfew").build());
        assertThat(counted.perKind()).containsOnly(java.util.Map.entry(SearchKind.PASSAGE, KindCounts.LIMIT),
                java.util.Map.entry(SearchKind.EVENT, 1L));
        assertThat(counted.total()).isEqualTo(KindCounts.LIMIT + 1);
        assertThat(counted.totalIsAtLeast()).isTrue();
        // asked again on the same index, the counts are remembered; once the index changes, counted afresh
        assertThat(engine.count(query("curfew").page(2, 20).build())).isSameAs(counted);
        index(new Doc("e2", SearchKind.EVENT).text("curfew").build());
        assertThat(engine.count(query("curfew").build()).perKind()).containsEntry(SearchKind.EVENT, 2L);
    }

    @Test
    void snippets_mark_the_matched_words_in_a_few_words_of_context() {
        String filler = "Nothing of note happened in the countryside that week, as the reports from the villages all agree. ";
        index(passage("long", filler.repeat(5) + "Then the siege of Aleppo began in the old city, and the offensive spread. " + filler.repeat(5)),
                entity("named", "Aleppo", List.of()),
                passage("arabic", "قال الشاهد إن حصار حلب بدأ في المدينة القديمة"));
        Snippet snippet = hit("\"siege of Aleppo\" offensives", "long").snippet();
        assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text)
                .containsExactly("siege of Aleppo", "offensive");
        assertThat(snippet.text()).startsWith("… ").endsWith(" …").hasSizeLessThan(400);
        assertThat(hit("Aleppo", "named").snippet().parts()).extracting(Snippet.Part::match).containsOnly(false);
        assertThat(hit("Aleppo", "named").snippet().text()).startsWith("Described as");
        Snippet arabic = hit("حلب", "arabic").snippet();
        assertThat(arabic.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text).containsExactly("حلب");
        assertThat(arabic.text()).isEqualTo("قال الشاهد إن حصار حلب بدأ في المدينة القديمة");
    }

    @Test
    void snippets_are_text_even_when_the_text_looks_like_markup() {
        index(passage("markup", "<b>Aleppo</b> & <script>x</script>"));
        Snippet snippet = hit("Aleppo", "markup").snippet();
        assertThat(snippet.text()).isEqualTo("<b>Aleppo</b> & <script>x</script>");
        assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text).containsExactly("Aleppo");
    }

    static Stream<String> hostile() {
        return Stream.of("\"unbalanced", "\"", "\"\"\"", "*", "a*", "**", "-", "--x", "-*", "OR", "| |", "a".repeat(10_000),
                "x\u0000y\u001b[31m", "title:x", "foo~2", "foo~", "name^2", "[a TO z]", "{a TO z}", "a && b || !c",
                "a OR ".repeat(500), "(".repeat(240) + "a" + ")".repeat(240), "\"(\"(\"(\"(\"a\")\")\")\")",
                "\\", "\\\\\\\"", "\uD83D\uDE00 \uD83D", "\uDE00abc", "\u202Eحلب\u202C \u200F", "/regex.*/", "a?b",
                "ab* ".repeat(32).strip(), "offen* ".repeat(33), "~".repeat(500), "\uFEFF", "");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_input_gets_a_message_or_a_safe_reading(String typed) {
        index(passage("a", "a b c abc abd abe offensive Aleppo حلب"));
        assertThatCode(() -> {
            try {
                var words = QuerySyntax.read(typed);
                for (boolean fuzzy : new boolean[] {false, true}) {
                    EngineResults found = engine.search(new EngineQuery(words, PROJECT, VIEWER, true, Set.of(), null,
                            Set.of(), null, null, fuzzy, 0, 20));
                    assertThat(found.total()).isGreaterThanOrEqualTo(0);
                }
            } catch (InvalidInputException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void many_long_words_fuzzy_stay_within_the_clause_limit() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < QuerySyntax.MAX_PARTS; i++) {
            words.add("offensive" + (char) ('a' + i % 26));
        }
        index(passage("a", "offensive"));
        var query = QuerySyntax.read(String.join(" OR ", words));
        assertThatCode(() -> engine.search(new EngineQuery(query, PROJECT, VIEWER, true, Set.of(), null, Set.of(),
                null, null, true, 0, 20))).doesNotThrowAnyException();
    }

    // --- helpers

    private void index(SearchDocument... documents) {
        for (SearchDocument document : documents) {
            engine.replace(document.group(), List.of(document));
        }
        engine.commit(1);
    }

    private List<String> keys(String typed) {
        return keys(query(typed));
    }

    private List<String> fuzzyKeys(String typed) {
        return keys(query(typed).fuzzy());
    }

    private List<String> keys(Query query) {
        return engine.search(query.build()).hits().stream().map(h -> h.document().key()).toList();
    }

    private SearchHit hit(String typed, String key) {
        return engine.search(query(typed).build()).hits().stream().filter(h -> h.document().key().equals(key))
                .findFirst().orElseThrow();
    }

    private static Query query(String typed) {
        return new Query(typed);
    }

    private static SearchDocument passage(String key, String text) {
        return passage(key, text, LONG_AGO);
    }

    private static SearchDocument passage(String key, String text, Instant updated) {
        return new Doc(key, SearchKind.PASSAGE).title("Report from the field").text(text).updated(updated).build();
    }

    private static SearchDocument entity(String key, String name, List<String> names) {
        return new Doc(key, SearchKind.ENTITY).title(name).names(names).text("Described as a subject of the archive.").build();
    }

    /** A search as a test writes it: defaults for everything but what the test is about. */
    private static final class Query {
        private final String typed;
        private UUID project = PROJECT;
        private UUID viewer = VIEWER;
        private boolean editor;
        private Set<SearchKind> kinds = Set.of();
        private UUID source;
        private Set<String> subtypes = Set.of();
        private LocalDate from;
        private LocalDate to;
        private boolean fuzzy;
        private int offset;
        private int limit = 20;

        Query(String typed) {
            this.typed = typed;
        }

        Query project(UUID id) { project = id; return this; }
        Query viewer(UUID id) { viewer = id; return this; }
        Query editor() { editor = true; return this; }
        Query kinds(SearchKind... wanted) { kinds = Set.of(wanted); return this; }
        Query source(UUID id) { source = id; return this; }
        Query subtypes(String... wanted) { subtypes = Set.of(wanted); return this; }
        Query dates(LocalDate start, LocalDate end) { from = start; to = end; return this; }
        Query fuzzy() { fuzzy = true; return this; }
        Query page(int number, int size) { offset = (number - 1) * size; limit = size; return this; }

        EngineQuery build() {
            return new EngineQuery(QuerySyntax.read(typed), project, viewer, editor, kinds, source, subtypes, from, to,
                    fuzzy, offset, limit);
        }
    }

    /** A document as a test writes it. */
    static final class Doc {
        private final String key;
        private final SearchKind kind;
        private UUID project = PROJECT;
        private Audience audience = Audience.MEMBERS;
        private UUID owner;
        private String title = "";
        private String text = "";
        private List<String> names = List.of();
        private UUID source;
        private String subtype;
        private LocalDate from;
        private LocalDate to;
        private Instant updated = LONG_AGO;
        private DocumentGroup group;

        Doc(String key, SearchKind kind) {
            this.key = key;
            this.kind = kind;
        }

        Doc project(UUID id) { project = id; return this; }
        Doc audience(Audience who, UUID ownerId) { audience = who; owner = ownerId; return this; }
        Doc title(String value) { title = value; return this; }
        Doc text(String value) { text = value; return this; }
        Doc names(List<String> value) { names = value; return this; }
        Doc source(UUID id) { source = id; return this; }
        Doc subtype(String value) { subtype = value; return this; }
        Doc dates(LocalDate start, LocalDate end) { from = start; to = end; return this; }
        Doc updated(Instant value) { updated = value; return this; }
        /** In a group of several documents, as a source with its passages (one group per document otherwise). */
        Doc group(DocumentGroup value) { group = value; return this; }

        SearchDocument build() {
            UUID id = UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var group = this.group != null ? this.group : new DocumentGroup(DocumentGroup.Type.EVENT, id);
            return new SearchDocument(key, group, kind, new RecordRef(kind.name().toLowerCase(java.util.Locale.ROOT), id),
                    project, audience, owner, null, title, text, names, source, subtype, from, to, -1, -1, null, updated);
        }
    }
}

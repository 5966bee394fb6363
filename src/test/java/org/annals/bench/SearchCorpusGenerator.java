package org.annals.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.annals.annotation.AnnotationPayload;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationType;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.event.ActorRole;
import org.annals.event.DatePrecision;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.PartialDate;
import org.annals.source.FrozenText;
import org.annals.source.TextFreezer;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills one project of a PostgreSQL database with the search benchmark's data set (issue 16): sources
 * with frozen texts and their SECTION, PASSAGE and CITATION segments, vetted annotations, events with
 * actors, tags and fatality claims, entities with aliases in Latin and Arabic script, comment threads,
 * and pending changesets. At scale 1: 100,000 sources of about 50 passages (200 to 600 characters),
 * 1,000,000 annotations, 100,000 events, 50,000 entities, 100,000 comments, 2,000 pending changesets.
 *
 * <p>Rows go in with PostgreSQL's COPY, in chunks, straight into the tables the application reads (the
 * application's services would take days for this volume); every row is what the application itself
 * would have written: texts are frozen by the importer's own {@link TextFreezer}, annotation quotes and
 * their 32 characters of context are cut from the frozen text, pending operations carry the JSON the
 * moderation engine stores. No revisions are written for the vetted rows (they stand for a project
 * imported before search existed), so a search index must be built from the tables, by a full rebuild.
 *
 * <p>The content is fixed by {@link #SEED}: the same scale gives the same texts, names and dates in
 * every run. Ids are derived from the project's id and the row's number, in ascending order, so the
 * primary key indexes grow at their end and two projects in one database never collide.
 */
public final class SearchCorpusGenerator {

    /** The scale of {@link SearchBenchmark}'s data set: 1 is the size the issue names, 0.01 one hundredth. */
    public static final String SCALE_PROPERTY = "annals.bench.searchScale";
    static final long SEED = 16;
    private static final int SOURCES_PER_CHUNK = 500;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CONTEXT = AnnotationRecordType.CONTEXT_LENGTH;
    private static final int PHRASES = 1_000;
    private static final int TAIL_WORDS = 25_000;

    private static final int TEXT_VERSION = 1;
    private static final int SOURCE = 2;
    private static final int SEGMENT = 3;
    private static final int ANNOTATION = 4;
    private static final int ENTITY = 5;
    private static final int EVENT = 6;
    private static final int COMMENT = 7;
    private static final int CHANGESET = 8;
    private static final int OPERATION = 9;
    private static final int PROPOSED_RECORD = 10;

    private static final String[][] PUBLISHERS = {{"Enab Baladi", "en"}, {"Syrian Observatory for Human Rights", "en"},
        {"Reuters", "en"}, {"Associated Press", "en"}, {"Syria Direct", "en"}, {"The New Humanitarian", "en"},
        {"Wikipedia", "en"}, {"عنب بلدي", "ar"}, {"المرصد السوري لحقوق الإنسان", "ar"}, {"الجزيرة نت", "ar"},
        {"سوريا على طول", "ar"}, {"ويكيبيديا", "ar"}};
    private static final String[] EVENT_WORDS = {"Airstrike on", "Clashes near", "Shelling of", "Protest in",
        "Arrests in", "Ambush near", "Car bomb in", "Drone strike on", "Ceasefire talks in", "Displacement from"};
    private static final String[] ARABIC_EVENT_WORDS = SearchText.nfc("غارة على|اشتباكات قرب|قصف على|مظاهرة في"
            + "|اعتقالات في|كمين قرب|سيارة مفخخة في|ضربة طائرة مسيرة على|مفاوضات تهدئة في|نزوح من").split("\\|");
    private static final String[] TAGS = SearchText.nfc("airstrike|shelling|clashes|protest|ceasefire|displacement"
            + "|detention|car bomb|ambush|negotiations|checkpoint|drone strike|siege|قصف|اشتباكات|نزوح").split("\\|");
    private static final String[][] GIVEN_NAMES = {{"Ahmad", "أحمد"}, {"Mohammed", "محمد"}, {"Ali", "علي"},
        {"Omar", "عمر"}, {"Khaled", "خالد"}, {"Hassan", "حسن"}, {"Yusuf", "يوسف"}, {"Ibrahim", "إبراهيم"},
        {"Mahmoud", "محمود"}, {"Samir", "سمير"}, {"Fatima", "فاطمة"}, {"Aisha", "عائشة"}, {"Layla", "ليلى"},
        {"Huda", "هدى"}, {"Rana", "رنا"}, {"Zainab", "زينب"}, {"Anas", "أنس"}, {"Osama", "أسامة"},
        {"Hamza", "حمزة"}, {"Tariq", "طارق"}};
    private static final String[][] PLACE_PREFIXES = {{"Kafr ", "كفر "}, {"Tal ", "تل "}, {"Jisr ", "جسر "},
        {"Ain ", "عين "}, {"", ""}, {"Deir ", "دير "}, {"Khan ", "خان "}};

    /**
     * Names everyone in the field knows, each written several ways: transliterations in Latin script,
     * and Arabic with and without hamza, harakat, shadda, tatweel, ta marbuta as ha, ya as alef maqsura.
     * The first form of each list is the canonical one; the texts use all of them.
     */
    private static final List<Name> FAMOUS = List.of(
            famous(EntityKind.PERSON, "Abu Mohammad al-Julani", "al-Julani|al-Jolani|al-Golani|Abu Mohammad al-Julani",
                    "الجولاني|أبو محمد الجولاني|الجولانى|الجُولاني|الجــولاني"),
            famous(EntityKind.PERSON, "Bashar al-Assad", "al-Assad|al-Asad|Bashar al-Assad", "الأسد|بشار الأسد|الاسد|الأَسد"),
            famous(EntityKind.PERSON, "Ahmed al-Sharaa", "al-Sharaa|al-Shara|Ahmad al-Sharaa",
                    "الشرع|أحمد الشرع|احمد الشرع|الشَّرَع"),
            famous(EntityKind.PERSON, "Mustafa Abdullah", "Mustafa Abdullah|Moustafa Abdallah|Mostafa Abd Allah",
                    "مصطفى عبد الله|مصطفي عبدالله"),
            famous(EntityKind.PERSON, "Ismail Haddad", "Ismail Haddad|Ismael Hadad", "إسماعيل حداد|اسماعيل حدّاد"),
            famous(EntityKind.ORGANIZATION, "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham|HTS",
                    "هيئة تحرير الشام|هيئه تحرير الشام"),
            famous(EntityKind.ORGANIZATION, "Syrian Democratic Forces", "Syrian Democratic Forces|SDF",
                    "قوات سوريا الديمقراطية|قسد"),
            famous(EntityKind.PLACE, "Aleppo", "Aleppo|Halab", "حلب|حَلَب"),
            famous(EntityKind.PLACE, "Idlib", "Idlib|Idleb", "إدلب|ادلب"),
            famous(EntityKind.PLACE, "Raqqa", "Raqqa|ar-Raqqah|Rakka", "الرقة|الرقه"),
            famous(EntityKind.PLACE, "Hama", "Hama|Hamah", "حماة|حماه"),
            famous(EntityKind.PLACE, "Deir ez-Zor", "Deir ez-Zor|Deir al-Zour|Dayr al-Zawr", "دير الزور|دير الزّور"),
            famous(EntityKind.PLACE, "Homs", "Homs|Hims", "حمص|حِمص"),
            famous(EntityKind.PLACE, "Daraa", "Daraa|Deraa|Dar'a", "درعا"),
            famous(EntityKind.PLACE, "Maarat al-Numan", "Maarat al-Numan|Ma'arrat al-Nu'man|Maarrat al-Nouman",
                    "معرة النعمان|معره النعمان"),
            famous(EntityKind.MILITARY_UNIT, "Fourth Armoured Division", "Fourth Armoured Division|4th Division",
                    "الفرقة الرابعة|الفرقه الرابعه"));

    /** How much of everything to make. */
    public record Plan(int sources, int entities, int events, int annotations, int comments, int pendingChangesets,
            int rareWords) {

        public static Plan at(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, not " + scale);
            }
            return new Plan(atLeast(1, 100_000 * scale), atLeast(FAMOUS.size() + 20, 50_000 * scale),
                    atLeast(10, 100_000 * scale), atLeast(10, 1_000_000 * scale), atLeast(10, 100_000 * scale),
                    atLeast(10, 2_000 * scale), atLeast(20, 2_000 * scale));
        }

        /** The plan at the scale given by {@value #SCALE_PROPERTY} (0.01 when not set). */
        public static Plan fromSystemProperty() {
            return at(Double.parseDouble(System.getProperty(SCALE_PROPERTY, "0.01")));
        }

        private static int atLeast(int minimum, double wanted) {
            return Math.max(minimum, (int) Math.round(wanted));
        }
    }

    /** An entity's name and the ways texts write it (first of each list: the canonical form). */
    public record Name(UUID entityId, EntityKind kind, String name, List<String> latinForms, List<String> arabicForms) {
    }

    /** A word that occurs in few passages: the source of each occurrence (the same source twice: two). */
    public record RareWord(String word, boolean arabic, List<UUID> sources) {
    }

    /** An English or Arabic run of three words as it occurs in some passage. */
    public record Phrase(String text, boolean arabic) {
    }

    /** A pending (submitted) or draft changeset, and a made-up word found only in what it proposes. */
    public record PendingChange(UUID changesetId, UUID authorId, boolean draft, String word) {
    }

    /**
     * What was loaded, how long it took, and what the harness needs to ask for it. {@code generatorCpu}
     * is the CPU time of the generating thread, {@code databaseCpu} that of the PostgreSQL backend
     * process that received the rows (null where /proc cannot tell): on a shared machine they say more
     * than the wall-clock {@code total}.
     */
    public record Corpus(UUID projectId, Plan plan, Map<String, Long> rows, Map<String, Duration> steps,
            Duration total, Duration generatorCpu, @Nullable Duration databaseCpu, long databaseBytes,
            List<String> commonWords, List<RareWord> rareWords, List<Phrase> phrases, List<Name> names,
            List<UUID> sampleSources, List<PendingChange> pending) {
    }

    private final DataSource dataSource;
    private final UUID projectId;
    private final List<UUID> authors;
    private final long idBits;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SearchText text = new SearchText(TAIL_WORDS);
    private final List<String> bareArabic;

    private Plan plan;
    private List<Name> names;
    private List<EntityPayload> entityPayloads;
    private double[] mentionWeights;
    private List<Integer> places;
    private List<Integer> actors;
    private List<UUID> topTypes;
    private Map<UUID, List<UUID>> subTypes;
    private Map<Integer, List<String[]>> rareBySource;
    private Map<String, List<UUID>> rareFound;
    private List<Phrase> phrases;
    private List<AnnotationPayload> spareAnnotations;
    private long phraseStep;
    private long passageCounter;

    /**
     * @param authors who wrote the sources, comments and changesets (members of the project; the first
     *                one also gets a draft)
     */
    public SearchCorpusGenerator(DataSource dataSource, UUID projectId, List<UUID> authors) {
        this.dataSource = dataSource;
        this.projectId = projectId;
        this.authors = List.copyOf(authors);
        this.idBits = projectId.getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L;
        var bare = new ArrayList<String>();
        for (String word : SearchText.ARABIC_TOP) {
            bare.add(word.replaceAll("[أإآ]", "ا"));
        }
        this.bareArabic = bare;
    }

    /** Loads the plan's rows and returns what was loaded, with the time of each step. */
    public Corpus generate(Plan wanted) {
        this.plan = wanted;
        var steps = new LinkedHashMap<String, Duration>();
        var rows = new LinkedHashMap<String, Long>();
        long start = System.nanoTime();
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long backend;
            try (var statement = connection.createStatement()) {
                // A lost tail after a crash costs nothing here: the data set is made again.
                statement.execute("set synchronous_commit = off");
                try (var result = statement.executeQuery("select pg_backend_pid()")) {
                    result.next();
                    backend = result.getLong(1);
                }
            }
            Duration backendStart = processCpu(backend);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            readTaxonomy(connection);
            planRareWords();

            long t = System.nanoTime();
            loadEntities(copy, rows);
            steps.put("entities", since(t));
            t = System.nanoTime();
            loadEvents(copy, rows);
            steps.put("events", since(t));
            t = System.nanoTime();
            loadSources(copy, rows);
            steps.put("sources, passages, annotations", since(t));
            t = System.nanoTime();
            loadComments(copy, rows);
            steps.put("comments", since(t));
            t = System.nanoTime();
            List<PendingChange> pending = loadChangesets(copy, rows);
            steps.put("pending changesets", since(t));
            t = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("analyze");
                statement.execute("reset synchronous_commit");
            }
            steps.put("analyze", since(t));
            long bytes;
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select pg_database_size(current_database())")) {
                result.next();
                bytes = result.getLong(1);
            }
            var rare = new ArrayList<RareWord>();
            rareFound.forEach((word, sources) -> rare.add(new RareWord(word, !word.matches("[a-z]+"), sources)));
            var sample = new ArrayList<UUID>();
            int step = Math.max(1, plan.sources() / 200);
            for (int i = 0; i < plan.sources(); i += step) {
                sample.add(id(SOURCE, i));
            }
            var common = new ArrayList<>(SearchText.ENGLISH_COMMON);
            common.addAll(SearchText.ARABIC_COMMON);
            Duration backendEnd = processCpu(backend);
            return new Corpus(projectId, plan, rows, steps, since(start),
                    Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart),
                    backendStart == null || backendEnd == null ? null : backendEnd.minus(backendStart), bytes,
                    common, rare, List.copyOf(phrases),
                    names.subList(0, Math.min(names.size(), FAMOUS.size() + 200)), sample, pending);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the search benchmark data set", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- entities -----------------------------------------------------------------------------------

    private void loadEntities(CopyManager copy, Map<String, Long> counts) throws SQLException, IOException {
        var entities = new Rows("entity_record", "id, version, project_id, kind, name, description, wikidata_id,"
                + " latitude, longitude, created_at, updated_at");
        var aliases = new Rows("entity_alias", "entity_id, ordinal, name, language");
        names = new ArrayList<>(plan.entities());
        entityPayloads = new ArrayList<>(plan.entities());
        places = new ArrayList<>();
        actors = new ArrayList<>();
        for (int i = 0; i < plan.entities(); i++) {
            var random = new SplittableRandom(SEED * 5_000_011L + i);
            Name name = i < FAMOUS.size() ? withId(FAMOUS.get(i), id(ENTITY, i)) : madeUpName(i, random);
            names.add(name);
            (name.kind() == EntityKind.PLACE ? places : actors).add(i);
            // The registry holds one other spelling in each script; texts use more (what search must bridge).
            var aliasList = new ArrayList<Alias>();
            if (name.latinForms().size() > 1) {
                aliasList.add(new Alias(name.latinForms().get(1), "en"));
            }
            aliasList.add(new Alias(name.arabicForms().getFirst(), "ar"));
            String description = random.nextBoolean() ? sentenceOnly(random, false) : null;
            String wikidata = random.nextInt(5) == 0 ? "Q" + (1_000_000 + i) : null;
            Double latitude = name.kind() == EntityKind.PLACE ? 32.3 + random.nextDouble() * 5 : null;
            Double longitude = name.kind() == EntityKind.PLACE ? 35.7 + random.nextDouble() * 6.3 : null;
            var payload = new EntityPayload(name.kind(), name.name(), aliasList, description, wikidata, latitude,
                    longitude, null, null, null);
            entityPayloads.add(payload);
            Instant at = CREATED.minusSeconds(plan.entities() - i);
            entities.add(name.entityId(), 0, projectId, name.kind().name(), name.name(), description, wikidata,
                    latitude, longitude, at, at);
            for (int a = 0; a < aliasList.size(); a++) {
                aliases.add(name.entityId(), a, aliasList.get(a).name(), aliasList.get(a).language());
            }
        }
        entities.flush(copy);
        aliases.flush(copy);
        counts.put("entity_record", entities.count);
        counts.put("entity_alias", aliases.count);
        mentionWeights = zipf(plan.entities());
    }

    private Name madeUpName(int index, SplittableRandom random) {
        String[] word = SearchText.madeUpWord(random, 2 + random.nextInt(2));
        String latin = SearchText.capitalise(word[0]);
        String variant = SearchText.capitalise(SearchText.latinVariant(word[0], random));
        int roll = random.nextInt(100);
        UUID id = id(ENTITY, index);
        if (roll < 40) {
            String[] given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            String arabic = SearchText.nfc(given[1] + " ال" + word[1]);
            var arabicForms = new ArrayList<String>();
            arabicForms.add(arabic);
            arabicForms.add(SearchText.nfc("ال" + word[1]));
            SearchText.arabicVariants(given[1]).stream().findFirst()
                    .ifPresent(v -> arabicForms.add(SearchText.nfc(v + " ال" + word[1])));
            return new Name(id, EntityKind.PERSON, given[0] + " al-" + latin,
                    List.of(given[0] + " al-" + latin, given[0] + " al-" + variant, "al-" + latin), arabicForms);
        }
        if (roll < 70) {
            String[] prefix = PLACE_PREFIXES[random.nextInt(PLACE_PREFIXES.length)];
            String arabic = SearchText.nfc(prefix[1] + word[1]);
            var arabicForms = new ArrayList<String>();
            arabicForms.add(arabic);
            arabicForms.addAll(SearchText.arabicVariants(arabic).stream().limit(1).toList());
            return new Name(id, EntityKind.PLACE, prefix[0] + latin, List.of(prefix[0] + latin, prefix[0] + variant),
                    arabicForms);
        }
        if (roll < 85) {
            return new Name(id, EntityKind.ORGANIZATION, "Liwa al-" + latin, List.of("Liwa al-" + latin,
                    "Liwa al-" + variant), List.of(SearchText.nfc("لواء ال" + word[1])));
        }
        if (roll < 95) {
            return new Name(id, EntityKind.MILITARY_UNIT, "Brigade of " + latin, List.of("Brigade of " + latin,
                    variant + " Brigade"), List.of(SearchText.nfc("كتيبة " + word[1])));
        }
        return new Name(id, EntityKind.OTHER, "Operation " + latin, List.of("Operation " + latin,
                "Operation " + variant), List.of(SearchText.nfc("عملية " + word[1])));
    }

    // ---- events -------------------------------------------------------------------------------------

    private void readTaxonomy(Connection connection) throws SQLException {
        topTypes = new ArrayList<>();
        subTypes = new HashMap<>();
        try (var statement = connection.prepareStatement(
                "select id, parent_id from event_type where project_id = ? order by parent_id nulls first, position")) {
            statement.setObject(1, projectId);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    UUID id = result.getObject(1, UUID.class);
                    UUID parent = result.getObject(2, UUID.class);
                    if (parent == null) {
                        topTypes.add(id);
                    } else {
                        subTypes.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        if (topTypes.isEmpty()) {
            throw new IllegalStateException("The project has no event types: create it through ProjectService");
        }
    }

    private void loadEvents(CopyManager copy, Map<String, Long> counts) throws SQLException, IOException {
        var events = new Rows("event_record", "id, version, project_id, title, start_date, start_precision, end_date,"
                + " end_precision, type_id, sub_type_id, place_id, notes, created_at, updated_at");
        var eventActors = new Rows("event_actor", "event_id, ordinal, entity_id, role");
        var tags = new Rows("event_tag", "event_id, ordinal, tag");
        var claims = new Rows("event_claim", "event_id, ordinal, claim_id, field, preferred, source_id, note,"
                + " start_date, start_precision, end_date, end_precision, type_id, sub_type_id, place_id, actors,"
                + " category, party, minimum, maximum, qualifier");
        for (int i = 0; i < plan.events(); i++) {
            var random = new SplittableRandom(SEED * 7_000_003L + i);
            EventPayload event = event(random);
            UUID id = id(EVENT, i);
            Instant at = CREATED.plusSeconds(i);
            events.add(id, 0, projectId, event.title(), event.start().date(), event.start().precision().name(),
                    event.end() == null ? null : event.end().date(),
                    event.end() == null ? null : event.end().precision().name(), event.typeId(), event.subTypeId(),
                    event.placeId(), event.notes(), at, at);
            for (int a = 0; a < event.actors().size(); a++) {
                eventActors.add(id, a, event.actors().get(a).entityId(), event.actors().get(a).role().name());
            }
            for (int t = 0; t < event.tags().size(); t++) {
                tags.add(id, t, event.tags().get(t));
            }
            // the claims as the application would store them: plain ones for the fields, then the figures
            var normalised = org.annals.event.EventClaims.normalise(id, event).claims();
            for (int c = 0; c < normalised.size(); c++) {
                var claim = normalised.get(c);
                var figure = claim.casualties();
                claims.add(id, c, claim.id(), claim.field().name(), claim.preferred(), claim.sourceId(), claim.note(),
                        claim.start() == null ? null : claim.start().date(),
                        claim.start() == null ? null : claim.start().precision().name(),
                        claim.end() == null ? null : claim.end().date(),
                        claim.end() == null ? null : claim.end().precision().name(), claim.typeId(), claim.subTypeId(),
                        claim.placeId(), claim.actors().isEmpty() ? null
                                : org.annals.event.StoredActors.write(claim.actors()),
                        figure == null ? null : figure.category().name(), figure == null ? null : figure.party().name(),
                        figure == null ? null : figure.minimum(), figure == null ? null : figure.maximum(),
                        figure == null ? null : figure.qualifier().name());
            }
            if (events.count % 10_000 == 0) {
                events.flush(copy);
                eventActors.flush(copy);
                tags.flush(copy);
                claims.flush(copy);
            }
        }
        for (Rows rows : List.of(events, eventActors, tags, claims)) {
            rows.flush(copy);
            counts.put(rows.table, rows.count);
        }
    }

    private EventPayload event(SplittableRandom random) {
        boolean arabic = random.nextInt(5) == 0;
        int place = places.get(random.nextInt(places.size()));
        Name placeName = names.get(place);
        int kind = random.nextInt(EVENT_WORDS.length);
        String title = arabic ? ARABIC_EVENT_WORDS[kind] + " " + placeName.arabicForms().getFirst()
                : EVENT_WORDS[kind] + " " + placeName.name();
        LocalDate day = SearchText.day(random);
        int precisionRoll = random.nextInt(100);
        PartialDate start = precisionRoll < 85 ? new PartialDate(day, DatePrecision.DAY, null)
                : precisionRoll < 95 ? new PartialDate(day.withDayOfMonth(1), DatePrecision.MONTH, null)
                : new PartialDate(day.withDayOfYear(1), DatePrecision.YEAR, null);
        PartialDate end = start.precision() == DatePrecision.DAY && random.nextInt(10) == 0
                ? new PartialDate(day.plusDays(1 + random.nextInt(30)), DatePrecision.DAY, null) : null;
        UUID type = topTypes.get(random.nextInt(topTypes.size()));
        List<UUID> subs = subTypes.getOrDefault(type, List.of());
        UUID subType = !subs.isEmpty() && random.nextBoolean() ? subs.get(random.nextInt(subs.size())) : null;
        var eventActors = new ArrayList<EventActor>();
        var seen = new LinkedHashSet<Integer>();
        int actorCount = 1 + random.nextInt(3);
        ActorRole[] roles = {ActorRole.PRIMARY, ActorRole.OPPOSING, ActorRole.TARGET, ActorRole.ASSOCIATED};
        for (int a = 0; a < actorCount; a++) {
            int actor = actors.get(random.nextInt(actors.size()));
            if (seen.add(actor)) {
                eventActors.add(new EventActor(names.get(actor).entityId(), roles[a]));
            }
        }
        var tags = new LinkedHashSet<String>();
        int tagCount = random.nextInt(4);
        for (int t = 0; t < tagCount; t++) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        var claims = new ArrayList<org.annals.event.EventClaim>();
        if (random.nextInt(4) == 0) {
            int minimum = random.nextInt(50);
            claims.add(org.annals.event.EventClaim.killed(minimum, minimum + random.nextInt(20),
                    id(SOURCE, random.nextInt(plan.sources()))));
        }
        String notes = null;
        if (random.nextInt(10) < 7) {
            var b = new StringBuilder();
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    b.append(' ');
                }
                sentence(b, arabic, random, null, 0, null, false);
            }
            notes = b.toString();
        }
        return new EventPayload(title, start, end, type, subType, placeName.entityId(), eventActors, claims, notes,
                List.copyOf(tags), null, null);
    }

    // ---- sources, passages, annotations ---------------------------------------------------------------

    private void planRareWords() {
        rareBySource = new HashMap<>();
        rareFound = new LinkedHashMap<>();
        var random = new SplittableRandom(SEED * 11);
        var used = new LinkedHashSet<String>();
        while (used.size() < plan.rareWords()) {
            boolean arabic = used.size() % 4 == 3;
            String[] word = SearchText.madeUpWord(random, 4 + random.nextInt(2));
            String form = arabic ? word[1] : word[0];
            if (text.english.contains(word[0]) || text.arabic.contains(word[1]) || !used.add(form)) {
                continue;
            }
            rareFound.put(form, new ArrayList<>());
            int occurrences = 1 + random.nextInt(5);
            for (int o = 0; o < occurrences; o++) {
                int source = random.nextInt(plan.sources());
                if (plan.sources() > 3) {
                    while (isArabicSource(source) != arabic) {
                        source = random.nextInt(plan.sources());
                    }
                }
                // The slot picks the paragraph once the source's structure is known.
                rareBySource.computeIfAbsent(source, s -> new ArrayList<>())
                        .add(new String[] {form, Integer.toString(random.nextInt(1_000))});
            }
        }
    }

    private static boolean isArabicSource(int index) {
        return index % 10 == 3 || index % 10 == 6 || index % 10 == 9;
    }

    private void loadSources(CopyManager copy, Map<String, Long> counts) throws SQLException, IOException {
        var texts = new Rows("text_version", "id, version, project_id, sha256, content, text_length, created_at");
        var sources = new Rows("source", "id, version, project_id, text_version_id, title, url, publisher, author,"
                + " published_on, retrieved_on, language, licence, format, original_filename, charset, text_length,"
                + " created_at, created_by");
        var segments = new Rows("text_segment", "id, version, text_version_id, kind, ordinal, start_offset,"
                + " end_offset, depth, block_kind, label, parent_ordinal");
        var annotations = new Rows("annotation", "id, version, project_id, source_id, text_version_id, start_offset,"
                + " end_offset, exact_quote, prefix, suffix, annotation_type, linked_kind, linked_id, created_at,"
                + " updated_at");
        phrases = new ArrayList<>();
        phraseStep = Math.max(1, (long) plan.sources() * 50 / PHRASES);
        spareAnnotations = new ArrayList<>();
        int spareStep = Math.max(1, plan.sources() / Math.max(1, plan.pendingChangesets()));
        var sending = CompletableFuture.<Void>completedFuture(null);
        long sectionRows = 0;
        long passageRows = 0;
        for (int i = 0; i < plan.sources(); i++) {
            var random = new SplittableRandom(SEED * 1_000_003L + i);
            boolean arabic = isArabicSource(i);
            var spans = new ArrayList<Span>();
            String[] publisher = PUBLISHERS[random.nextInt(PUBLISHERS.length)];
            String format = publisher[0].equals("Wikipedia") || publisher[0].equals("ويكيبيديا") ? "MEDIAWIKI"
                    : random.nextInt(4) == 0 ? "PLAIN_TEXT" : "HTML";
            String title = headline(random, arabic);
            List<DraftBlock> blocks = blocks(random, arabic, format.equals("MEDIAWIKI"), title, spans,
                    rareBySource.getOrDefault(i, List.of()), i);
            FrozenText frozen = TextFreezer.freeze(blocks);
            for (int p = 0; p < blocks.size(); p++) {
                var passage = frozen.passages().get(p);
                if (passage.end() - passage.start() != blocks.get(p).text().length()) {
                    throw new IllegalStateException("The importer changed block " + p + " of source " + i
                            + ": offsets of its spans would be wrong");
                }
            }
            String content = frozen.text();
            UUID textId = id(TEXT_VERSION, i);
            UUID sourceId = id(SOURCE, i);
            Instant at = CREATED.plusSeconds(i);
            texts.add(textId, 0, projectId, frozen.sha256(), content, content.length(), at);
            LocalDate published = SearchText.day(random);
            Name author = names.get(actors.get(random.nextInt(actors.size())));
            sources.add(sourceId, 0, projectId, textId, title, "https://example.org/" + (arabic ? "ar" : "en")
                    + "/reports/" + i, publisher[0], arabic ? author.arabicForms().getFirst() : author.name(),
                    published, published.plusDays(random.nextInt(400)), arabic ? "ar" : "en",
                    random.nextInt(3) == 0 ? "CC BY-SA 4.0" : null, format, format.equals("PLAIN_TEXT")
                            ? "report-" + i + ".txt" : null, format.equals("PLAIN_TEXT") ? "UTF-8" : null,
                    content.length(), at, authors.get(i % authors.size()));
            for (int s = 0; s < frozen.sections().size(); s++) {
                var section = frozen.sections().get(s);
                segments.add(id(SEGMENT, segments.count), 0, textId, "SECTION", s, section.start(), section.end(),
                        section.level(), null, section.title(), section.parent());
            }
            for (int p = 0; p < frozen.passages().size(); p++) {
                var passage = frozen.passages().get(p);
                segments.add(id(SEGMENT, segments.count), 0, textId, "PASSAGE", p, passage.start(), passage.end(), 0,
                        passage.kind().name(), null, passage.section());
            }
            sectionRows += frozen.sections().size();
            passageRows += frozen.passages().size();
            for (int c = 0; c < frozen.citations().size(); c++) {
                var citation = frozen.citations().get(c);
                segments.add(id(SEGMENT, segments.count), 0, textId, "CITATION", c, citation.start(), citation.end(),
                        0, null, null, null);
            }
            int quota = (int) ((long) (i + 1) * plan.annotations() / plan.sources()
                    - (long) i * plan.annotations() / plan.sources());
            List<AnnotationPayload> marked = annotate(random, sourceId, frozen, spans, quota + 1);
            for (int a = 0; a < Math.min(quota, marked.size()); a++) {
                var p = marked.get(a);
                annotations.add(id(ANNOTATION, annotations.count), 0, projectId, sourceId, textId, p.start(), p.end(),
                        p.exact(), p.prefix(), p.suffix(), p.type().name(), p.linkKind(), p.linkId(), at, at);
            }
            if (i % spareStep == 0 && marked.size() > quota) {
                spareAnnotations.add(marked.get(quota));
            }
            if ((i + 1) % SOURCES_PER_CHUNK == 0) {
                sending = sendChunk(copy, sending, texts, sources, segments, annotations);
            }
        }
        sending = sendChunk(copy, sending, texts, sources, segments, annotations);
        awaitChunk(sending);
        for (Rows rows : List.of(texts, sources, segments, annotations)) {
            counts.put(rows.table, rows.count);
        }
        counts.put("text_segment SECTION", sectionRows);
        counts.put("text_segment PASSAGE", passageRows);
        counts.put("text_segment CITATION", segments.count - sectionRows - passageRows);
    }

    /**
     * Sends one chunk of sources while the next is being made (on two cores, the database's work and
     * the generator's overlap): waits for the previous chunk, then copies this one on another thread,
     * tables in the order their foreign keys need.
     */
    private static CompletableFuture<Void> sendChunk(CopyManager copy,
            CompletableFuture<Void> previous, Rows... tablesInReferenceOrder) {
        awaitChunk(previous);
        var statements = new ArrayList<String[]>();
        for (Rows rows : tablesInReferenceOrder) {
            statements.add(rows.take());
        }
        return CompletableFuture.runAsync(() -> {
            try {
                for (String[] statement : statements) {
                    if (!statement[1].isEmpty()) {
                        copy.copyIn(statement[0], new StringReader(statement[1]));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not copy a chunk of sources", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void awaitChunk(CompletableFuture<Void> sending) {
        try {
            sending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A span of a block that an annotation could mark: a name, a date, a casualty figure or a sentence. */
    private record Span(char kind, int block, int start, int end, int entity) {
    }

    private String headline(SplittableRandom random, boolean arabic) {
        var b = new StringBuilder();
        int words = 3 + random.nextInt(5);
        SearchText.Vocabulary vocabulary = arabic ? text.arabic : text.english;
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            String word = vocabulary.word(40 + vocabulary.drawRank(random) % (vocabulary.size() - 40));
            b.append(arabic ? word : SearchText.capitalise(word));
        }
        Name place = names.get(places.get(random.nextInt(places.size())));
        b.append(arabic ? " في " : " in ").append(arabic ? place.arabicForms().getFirst() : place.name());
        return b.toString();
    }

    /**
     * A document of about 50 blocks: the title, 5 to 8 sections with a heading each, and paragraphs
     * (some quotes, lists and tables) of 200 to 600 characters; spans records what annotations can mark.
     * Rare words planned for this source go into the paragraphs their slots pick.
     */
    private List<DraftBlock> blocks(SplittableRandom random, boolean arabic, boolean cite, String title,
            List<Span> spans, List<String[]> rare, int sourceIndex) {
        int sections = 5 + random.nextInt(4);
        int perSection = Math.max(1, (40 + random.nextInt(21) - 1 - sections) / sections);
        int[] counts = new int[sections];
        int contentBlocks = 0;
        for (int s = 0; s < sections; s++) {
            counts[s] = Math.max(1, perSection - 2 + random.nextInt(5));
            contentBlocks += counts[s];
        }
        var rareByContentBlock = new HashMap<Integer, List<String>>();
        for (String[] word : rare) {
            rareByContentBlock.computeIfAbsent(Integer.parseInt(word[1]) % contentBlocks, b -> new ArrayList<>())
                    .add(word[0]);
        }
        var blocks = new ArrayList<DraftBlock>();
        blocks.add(DraftBlock.heading(1, title));
        int content = 0;
        for (int s = 0; s < sections; s++) {
            blocks.add(DraftBlock.heading(2, heading(random, arabic)));
            for (int p = 0; p < counts[s]; p++, content++) {
                int block = blocks.size();
                List<String> rareHere = rareByContentBlock.get(content);
                int roll = random.nextInt(100);
                BlockKind kind = rareHere != null || roll < 85 ? BlockKind.PARAGRAPH : roll < 90 ? BlockKind.QUOTE
                        : roll < 95 ? BlockKind.LIST : BlockKind.TABLE;
                var b = new StringBuilder();
                switch (kind) {
                    case LIST -> list(b, random, arabic, spans, block);
                    case TABLE -> table(b, random, arabic, spans, block);
                    default -> paragraph(b, random, arabic, spans, block, rareHere, cite);
                }
                if (rareHere != null) {
                    rareHere.forEach(w -> rareFound.get(w).add(id(SOURCE, sourceIndex)));
                }
                blocks.add(DraftBlock.of(kind, b.toString()));
            }
        }
        return blocks;
    }

    private String heading(SplittableRandom random, boolean arabic) {
        var b = new StringBuilder();
        int words = 2 + random.nextInt(4);
        SearchText.Vocabulary vocabulary = arabic ? text.arabic : text.english;
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            String word = vocabulary.word(40 + vocabulary.drawRank(random) % (vocabulary.size() - 40));
            b.append(arabic || w > 0 ? word : SearchText.capitalise(word));
        }
        return b.toString();
    }

    private void paragraph(StringBuilder b, SplittableRandom random, boolean arabic, List<Span> spans, int block,
            List<String> rare, boolean cite) {
        int target = 200 + random.nextInt(401);
        boolean wantPhrase = passageCounter++ % phraseStep == 0 && phrases.size() < PHRASES;
        List<String> rareLeft = rare == null ? List.of() : rare;
        while (b.length() < target) {
            int before = b.length();
            int spansBefore = spans.size();
            if (before > 0) {
                b.append(' ');
            }
            int phrasesBefore = phrases.size();
            sentence(b, arabic, random, spans, block, rareLeft, wantPhrase);
            if (b.length() > 600 && before >= 200 && rareLeft.isEmpty()) {
                b.setLength(before);
                spans.subList(spansBefore, spans.size()).clear();
                if (phrases.size() > phrasesBefore) {
                    phrases.removeLast();
                }
                break;
            }
            rareLeft = List.of();
            wantPhrase &= phrases.size() == phrasesBefore;
            if (cite && random.nextInt(4) == 0) {
                b.append('[').append(1 + random.nextInt(120)).append(']');
            }
        }
    }

    private void list(StringBuilder b, SplittableRandom random, boolean arabic, List<Span> spans, int block) {
        int items = 3 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                b.append('\n');
            }
            sentence(b, arabic, random, spans, block, null, false);
        }
    }

    private void table(StringBuilder b, SplittableRandom random, boolean arabic, List<Span> spans, int block) {
        int rows = 3 + random.nextInt(4);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                b.append('\n');
            }
            LocalDate day = SearchText.day(random);
            int start = b.length();
            b.append(arabic ? SearchText.arabicDate(day, random) : SearchText.englishDate(day, random));
            spans.add(new Span('D', block, start, b.length(), -1));
            b.append(" | ");
            mention(b, random, arabic, spans, block);
            b.append(" | ").append(random.nextInt(200));
        }
    }

    private String sentenceOnly(SplittableRandom random, boolean arabic) {
        var b = new StringBuilder();
        sentence(b, arabic, random, null, 0, null, false);
        return b.toString();
    }

    /**
     * One sentence of 6 to 18 words drawn from the vocabulary, with names, dates and casualty figures
     * mixed in (names only once all entities exist). {@code spans} null: nothing is recorded. A rare word
     * goes in as the second word.
     */
    private void sentence(StringBuilder b, boolean arabic, SplittableRandom random, List<Span> spans, int block,
            List<String> rare, boolean wantPhrase) {
        int start = b.length();
        int words = 6 + random.nextInt(13);
        SearchText.Vocabulary vocabulary = arabic ? text.arabic : text.english;
        int[] run = new int[3];
        int runLength = 0;
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            if (w == 1 && rare != null && !rare.isEmpty()) {
                b.append(String.join(" ", rare));
                runLength = 0;
                continue;
            }
            int roll = w == 0 ? 999 : random.nextInt(1_000);
            if (roll < 45 && mentionWeights != null) {
                mention(b, random, arabic, spans, block);
                runLength = 0;
            } else if (roll < 60) {
                LocalDate day = SearchText.day(random);
                int from = b.length();
                b.append(arabic ? SearchText.arabicDate(day, random) : SearchText.englishDate(day, random));
                record(spans, 'D', block, from, b.length(), -1);
                runLength = 0;
            } else if (roll < 68) {
                int from = b.length();
                int figure = 2 + random.nextInt(120);
                b.append(arabic ? "ما لا يقل عن " + figure + " " + (figure % 2 == 0 ? "مدنيين" : "مقاتلين")
                        : "at least " + figure + " " + (figure % 2 == 0 ? "civilians" : "fighters"));
                record(spans, 'F', block, from, b.length(), -1);
                runLength = 0;
            } else {
                int rank = vocabulary.drawRank(random);
                String word = arabic && rank < bareArabic.size() && random.nextInt(10) == 0 ? bareArabic.get(rank)
                        : vocabulary.word(rank);
                b.append(w == 0 && !arabic ? SearchText.capitalise(word) : word);
                if (runLength == 3) {
                    run[0] = run[1];
                    run[1] = run[2];
                    runLength = 2;
                }
                run[runLength++] = rank;
                if (wantPhrase && runLength == 3 && w >= 3 && Math.max(run[0], Math.max(run[1], run[2])) >= 40) {
                    phrases.add(new Phrase(vocabulary.word(run[0]) + " " + vocabulary.word(run[1]) + " "
                            + vocabulary.word(run[2]), arabic));
                    wantPhrase = false;
                }
            }
        }
        b.append('.');
        record(spans, 'S', block, start, b.length(), -1);
    }

    private void mention(StringBuilder b, SplittableRandom random, boolean arabic, List<Span> spans, int block) {
        int entity = draw(mentionWeights, random);
        Name name = names.get(entity);
        List<String> forms = arabic ? name.arabicForms() : name.latinForms();
        String form = random.nextInt(10) < 6 ? forms.getFirst() : forms.get(random.nextInt(forms.size()));
        int from = b.length();
        b.append(form);
        record(spans, 'E', block, from, b.length(), entity);
    }

    private static void record(List<Span> spans, char kind, int block, int start, int end, int entity) {
        if (spans != null) {
            spans.add(new Span(kind, block, start, end, entity));
        }
    }

    /**
     * Up to {@code wanted} annotations on the recorded spans: names as entity mentions linked to their
     * entity, sentences as event mentions (linked to an event) or claims, dates and casualty figures
     * (half of them linked to an event). Quotes and context are cut from the frozen text.
     */
    private List<AnnotationPayload> annotate(SplittableRandom random, UUID sourceId, FrozenText frozen,
            List<Span> spans, int wanted) {
        var byKind = new HashMap<Character, List<Span>>();
        for (Span span : spans) {
            byKind.computeIfAbsent(span.kind(), k -> new ArrayList<>()).add(span);
        }
        var marked = new ArrayList<AnnotationPayload>(wanted);
        String content = frozen.text();
        while (marked.size() < wanted) {
            int roll = random.nextInt(100);
            char kind = roll < 40 ? 'E' : roll < 60 ? 'S' : roll < 75 ? 'D' : roll < 85 ? 'F' : 'C';
            List<Span> candidates = byKind.get(kind == 'C' ? 'S' : kind);
            if (candidates == null || candidates.isEmpty()) {
                candidates = byKind.get('S');
                kind = 'C';
                if (candidates == null || candidates.isEmpty()) {
                    break;
                }
            }
            Span span = candidates.remove(random.nextInt(candidates.size()));
            int offset = frozen.passages().get(span.block()).start();
            int start = offset + span.start();
            int end = offset + span.end();
            String exact = content.substring(start, end);
            UUID event = id(EVENT, random.nextInt(plan.events()));
            boolean linkEvent = random.nextBoolean();
            AnnotationType type;
            String linkKind = null;
            UUID linkId = null;
            switch (kind) {
                case 'E' -> {
                    type = AnnotationType.ENTITY_MENTION;
                    linkKind = EntityRecordType.KIND;
                    linkId = names.get(span.entity()).entityId();
                }
                case 'S' -> {
                    type = AnnotationType.EVENT_MENTION;
                    linkKind = EventRecordType.KIND;
                    linkId = event;
                }
                case 'D', 'F' -> {
                    type = kind == 'D' ? AnnotationType.DATE : AnnotationType.CASUALTY_FIGURE;
                    linkKind = linkEvent ? EventRecordType.KIND : null;
                    linkId = linkEvent ? event : null;
                }
                default -> type = AnnotationType.CLAIM;
            }
            marked.add(new AnnotationPayload(sourceId, start, end, exact,
                    content.substring(Math.max(0, start - CONTEXT), start),
                    content.substring(end, Math.min(content.length(), end + CONTEXT)), type, linkKind, linkId));
        }
        return marked;
    }

    // ---- comments and changesets ----------------------------------------------------------------------

    private void loadComments(CopyManager copy, Map<String, Long> counts) throws SQLException, IOException {
        var comments = new Rows("record_comment", "id, version, project_id, record_kind, record_id, author_id, body,"
                + " created_at");
        for (int i = 0; i < plan.comments(); i++) {
            var random = new SplittableRandom(SEED * 13_000_027L + i);
            int roll = random.nextInt(4);
            String kind = roll < 2 ? EventRecordType.KIND : roll == 2 ? EntityRecordType.KIND : AnnotationRecordType.KIND;
            UUID record = switch (roll) {
                case 0, 1 -> id(EVENT, random.nextInt(plan.events()));
                case 2 -> names.get(random.nextInt(plan.entities())).entityId();
                default -> id(ANNOTATION, random.nextInt(plan.annotations()));
            };
            boolean arabic = random.nextInt(4) == 0;
            var body = new StringBuilder();
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    body.append(' ');
                }
                sentence(body, arabic, random, null, 0, null, false);
            }
            comments.add(id(COMMENT, i), 0, projectId, kind, record, authors.get(random.nextInt(authors.size())),
                    body.toString(), CREATED.plusSeconds(plan.sources() + i));
            if (comments.count % 20_000 == 0) {
                comments.flush(copy);
            }
        }
        comments.flush(copy);
        counts.put(comments.table, comments.count);
    }

    private List<PendingChange> loadChangesets(CopyManager copy, Map<String, Long> counts)
            throws SQLException, IOException {
        var changesets = new Rows("changeset", "id, version, project_id, author_id, message, state, created_at,"
                + " updated_at, submitted_at");
        var operations = new Rows("change_operation", "id, version, changeset_id, ordinal, record_kind, record_id,"
                + " action, base_version, payload, label, context_id");
        var pending = new ArrayList<PendingChange>();
        var random = new SplittableRandom(SEED * 17);
        var words = new LinkedHashSet<String>();
        // Each update proposes a change to a different entity, so none of them goes stale by another's approval.
        int updated = 0;
        for (int i = 0; i < plan.pendingChangesets(); i++) {
            UUID id = id(CHANGESET, i);
            UUID author = authors.get(i % authors.size());
            boolean draft = i % 10 == 9;
            String word;
            do {
                word = SearchText.madeUpWord(random, 5)[0];
            } while (!words.add(word));
            Instant at = CREATED.plusSeconds(plan.sources() + plan.comments() + i);
            int count = 1 + random.nextInt(3);
            var labels = new ArrayList<String>();
            for (int o = 0; o < count; o++) {
                int kind = (i + o) % 4;
                UUID operation = id(OPERATION, operations.count);
                switch (kind) {
                    case 0 -> {
                        UUID record = id(PROPOSED_RECORD, operations.count);
                        var payload = EntityPayload.of(EntityKind.PLACE, "Tal " + SearchText.capitalise(word))
                                .withDescription(sentenceOnly(random, false));
                        String label = payload.kind().displayName() + ": " + payload.name();
                        operations.add(operation, 0, id, o, EntityRecordType.KIND, record, "CREATE", null,
                                json.writeValueAsString(payload), label, null);
                        labels.add(label);
                    }
                    case 1 -> {
                        UUID record = id(PROPOSED_RECORD, operations.count);
                        var event = event(random);
                        var payload = new EventPayload("Clashes near " + SearchText.capitalise(word), event.start(),
                                event.end(), event.typeId(), event.subTypeId(), event.placeId(), event.actors(),
                                event.claims(), event.notes(), event.tags(), null, null);
                        String label = payload.title() + " (" + payload.start().display() + ")";
                        operations.add(operation, 0, id, o, EventRecordType.KIND, record, "CREATE", null,
                                json.writeValueAsString(payload), label, null);
                        labels.add(label);
                    }
                    case 2 -> {
                        int entity = FAMOUS.size() + updated++ % (plan.entities() - FAMOUS.size());
                        var current = entityPayloads.get(entity);
                        var aliases = new ArrayList<>(current.aliases());
                        aliases.add(new Alias(SearchText.capitalise(word), "en"));
                        var payload = current.withAliases(aliases);
                        String label = payload.kind().displayName() + ": " + payload.name();
                        operations.add(operation, 0, id, o, EntityRecordType.KIND, names.get(entity).entityId(),
                                "UPDATE", 0, json.writeValueAsString(payload), label, null);
                        labels.add(label);
                    }
                    default -> {
                        if (spareAnnotations.isEmpty()) {
                            continue;
                        }
                        var payload = spareAnnotations.get(i % spareAnnotations.size())
                                .withLink(AnnotationType.ENTITY_MENTION, EntityRecordType.KIND,
                                        names.get(i % FAMOUS.size()).entityId());
                        String oneLine = payload.exact().replaceAll("\\s+", " ").strip();
                        String label = payload.type().displayName() + ": “"
                                + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…") + "”";
                        operations.add(operation, 0, id, o, AnnotationRecordType.KIND,
                                id(PROPOSED_RECORD, operations.count), "CREATE", null,
                                json.writeValueAsString(payload), label, payload.sourceId());
                        labels.add(label);
                    }
                }
            }
            changesets.add(id, 0, projectId, author, "Proposed: " + String.join(", ", labels), draft ? "DRAFT"
                    : "SUBMITTED", at, at, draft ? null : at);
            pending.add(new PendingChange(id, author, draft, word));
        }
        changesets.flush(copy);
        operations.flush(copy);
        counts.put(changesets.table, changesets.count);
        counts.put(operations.table, operations.count);
        return pending;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /**
     * The id of row {@code index} of a table: the project's id in the high bits, the table and the row
     * number below, so that one table's ids ascend with the row number.
     */
    private UUID id(int table, long index) {
        return new UUID(idBits | 0x4000L | table, 0x8000_0000_0000_0000L | index);
    }

    private static Name famous(EntityKind kind, String name, String latin, String arabic) {
        return new Name(null, kind, name, List.of(latin.split("\\|")), List.of(SearchText.nfc(arabic).split("\\|")));
    }

    private static Name withId(Name name, UUID id) {
        return new Name(id, name.kind(), name.name(), name.latinForms(), name.arabicForms());
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
    }

    /** User and system CPU time of a local process, from /proc (Linux), or null. */
    private static @Nullable Duration processCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime), counted after the command name, in ticks of 10 ms.
            return Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Rows of one table in COPY's text format, sent when flushed. */
    private static final class Rows {

        final String table;
        final String columns;
        final StringBuilder buffer = new StringBuilder(1 << 16);
        long count;

        Rows(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    buffer.append("\\N");
                } else if (value instanceof String s) {
                    escape(s);
                } else {
                    buffer.append(value);
                }
            }
            buffer.append('\n');
            count++;
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    case '\t' -> buffer.append("\\t");
                    default -> buffer.append(c);
                }
            }
        }

        /** The COPY statement and the rows gathered so far, which are then forgotten. */
        String[] take() {
            String rows = buffer.toString();
            buffer.setLength(0);
            return new String[] {"copy " + table + " (" + columns + ") from stdin", rows};
        }

        void flush(CopyManager copy) throws SQLException, IOException {
            if (!buffer.isEmpty()) {
                copy.copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(buffer.toString()));
                buffer.setLength(0);
            }
        }
    }
}

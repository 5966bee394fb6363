package org.annals.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of the search benchmark corpus: an English and an Arabic vocabulary drawn with a Zipf
 * distribution (real words at the top ranks, made-up words of the same syllables in the long tail),
 * Latin and Arabic forms of made-up names, written dates, and the spelling variants that search must
 * bring together (alef forms, ta marbuta, alef maqsura, tatweel, harakat). Every string is in NFC, as
 * the source importer stores text, so offsets computed here stay valid after freezing.
 */
final class SearchText {

    /** Made-up syllables with an Arabic spelling each, so one made-up name has a form in both scripts. */
    private static final String[][] SYLLABLES = {
        {"ka", "كا"}, {"ra", "را"}, {"mi", "مي"}, {"lu", "لو"}, {"dar", "دار"}, {"sul", "سل"}, {"han", "هان"},
        {"ni", "ني"}, {"ba", "با"}, {"ta", "تا"}, {"zi", "زي"}, {"qu", "قو"}, {"sha", "شا"}, {"fa", "فا"},
        {"ja", "جا"}, {"wal", "وال"}, {"mu", "مو"}, {"sa", "سا"}, {"ha", "حا"}, {"di", "دي"}, {"nur", "نور"},
        {"kha", "خا"}, {"bi", "بي"}, {"tu", "تو"}, {"rah", "راح"}, {"man", "مان"}, {"sur", "صور"}, {"ghal", "غال"},
        {"ya", "يا"}, {"lam", "لام"}, {"ki", "كي"}, {"dun", "دون"},
    };

    /** English in frequency order: function words first, then the words of conflict reporting. */
    static final List<String> ENGLISH_TOP = List.copyOf(new LinkedHashSet<>(Arrays.asList((
            "the of and in to a on was were by with for at from that as is said after near an have has had it"
            + " their which been also its who this two three more than "
            + "forces city government killed people army fighters attack village town civilians area military"
            + " opposition rebels control group province report according sources regime local security district"
            + " front offensive airstrike strike attacks clashes council statement residents wounded troops members"
            + " positions armed checkpoint border road aid ceasefire negotiations prison detainees militia brigade"
            + " commander operations shelling displaced camp refugees hospital school market mosque bridge airport"
            + " base convoy drone missile bombardment siege withdrawal agreement protest protesters demonstrations"
            + " arrests journalists humanitarian water electricity fuel bread families children women men morning"
            + " evening night week month year day southern northern eastern western countryside outskirts highway"
            + " neighbourhood activists observatory monitoring committee").split(" "))));

    /** Arabic in frequency order, hamza-carrying alef forms as careful writers spell them. */
    static final List<String> ARABIC_TOP = List.copyOf(new LinkedHashSet<>(Arrays.asList(nfc(
            "في من على إلى أن عن مع التي الذي هذا هذه بعد قبل كان قد لا ما بين حيث وقد كما أو ثم عند خلال "
            + "قوات مدينة الحكومة قتلى مقاتلين هجوم قرية بلدة مدنيين منطقة الجيش المعارضة السيطرة ريف محافظة"
            + " مصادر النظام الأمن حي جبهة قصف غارة اشتباكات المجلس بيان الأهالي جرحى عناصر مواقع حاجز الطريق"
            + " الحدود وقف إطلاق النار مفاوضات سجن معتقلين ميليشيا لواء قائد عمليات نازحين مخيم لاجئين مستشفى"
            + " مدرسة سوق مسجد جسر مطار قاعدة طائرة صاروخ حصار انسحاب اتفاق مظاهرة اعتقال صحفيين مساعدات المياه"
            + " الكهرباء الوقود الخبز عائلات أطفال نساء رجال صباح مساء ليلة أسبوع شهر عام يوم الجنوبي الشمالي"
            + " الشرقي الغربي المرصد ناشطون لجنة").split(" "))));

    /** Words of the top ranks that carry meaning (not function words): the "common word" queries. */
    static final List<String> ENGLISH_COMMON = ENGLISH_TOP.subList(ENGLISH_TOP.indexOf("forces"),
            ENGLISH_TOP.indexOf("forces") + 40);
    static final List<String> ARABIC_COMMON = ARABIC_TOP.subList(ARABIC_TOP.indexOf("قوات"),
            ARABIC_TOP.indexOf("قوات") + 30);

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] ARABIC_MONTHS = nfc("كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول"
            + "|تشرين الأول|تشرين الثاني|كانون الأول").split("\\|");
    static final LocalDate FIRST_DAY = LocalDate.of(2011, 3, 15);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    final Vocabulary english;
    final Vocabulary arabic;

    SearchText(int tailSize) {
        var latinTail = new ArrayList<String>();
        var arabicTail = new ArrayList<String>();
        Set<String> seen = new LinkedHashSet<>(ENGLISH_TOP);
        // The tail: every two- and three-syllable word, in a fixed shuffled order, until the vocabulary is full.
        var order = new ArrayList<int[]>();
        for (int a = 0; a < SYLLABLES.length; a++) {
            for (int b = 0; b < SYLLABLES.length; b++) {
                order.add(new int[] {a, b});
                for (int c = 0; c < SYLLABLES.length; c++) {
                    order.add(new int[] {a, b, c});
                }
            }
        }
        var random = new SplittableRandom(4);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        for (int[] parts : order) {
            if (latinTail.size() >= tailSize) {
                break;
            }
            String latin = latin(parts);
            if (seen.add(latin)) {
                latinTail.add(latin);
                arabicTail.add(arabic(parts));
            }
        }
        english = new Vocabulary(concat(ENGLISH_TOP, latinTail));
        arabic = new Vocabulary(concat(ARABIC_TOP, arabicTail));
    }

    /** A made-up word of {@code syllables} syllables, in Latin and in Arabic script. */
    static String[] madeUpWord(SplittableRandom random, int syllables) {
        int[] parts = new int[syllables];
        for (int i = 0; i < syllables; i++) {
            parts[i] = random.nextInt(SYLLABLES.length);
        }
        return new String[] {latin(parts), arabic(parts)};
    }

    private static String latin(int[] parts) {
        var b = new StringBuilder();
        for (int p : parts) {
            b.append(SYLLABLES[p][0]);
        }
        return b.toString();
    }

    private static String arabic(int[] parts) {
        var b = new StringBuilder();
        for (int p : parts) {
            b.append(SYLLABLES[p][1]);
        }
        return b.toString();
    }

    /** A transliteration variant: u/o, q/k and a/e swapped in one place, as different newsrooms write names. */
    static String latinVariant(String name, SplittableRandom random) {
        String[][] swaps = {{"u", "o"}, {"q", "k"}, {"a", "e"}, {"ou", "u"}, {"sh", "ch"}};
        for (int attempt = 0; attempt < 5; attempt++) {
            String[] swap = swaps[random.nextInt(swaps.length)];
            int at = name.indexOf(swap[0], 1);
            if (at > 0) {
                return name.substring(0, at) + swap[1] + name.substring(at + swap[0].length());
            }
        }
        return name;
    }

    /**
     * The ways an Arabic word is written that search must treat as one: bare alef for hamza forms, ha
     * for a final ta marbuta, ya for alef maqsura, a tatweel, short vowels. Only forms that differ.
     */
    static List<String> arabicVariants(String word) {
        var forms = new LinkedHashSet<String>();
        forms.add(word.replaceAll("[أإآ]", "ا"));
        if (word.endsWith("ة")) {
            forms.add(word.substring(0, word.length() - 1) + "ه");
        }
        if (word.endsWith("ى")) {
            forms.add(word.substring(0, word.length() - 1) + "ي");
        }
        if (word.length() > 3) {
            forms.add(word.substring(0, 2) + "ــ" + word.substring(2));
        }
        var vowelled = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            vowelled.append(c);
            if (i % 2 == 1 && c >= 'ب' && c <= 'ي' && c != 'ا' && c != 'ى') {
                vowelled.append(i % 4 == 1 ? 'َ' : 'ِ');
            }
        }
        forms.add(nfc(vowelled.toString()));
        forms.remove(word);
        return List.copyOf(forms);
    }

    /** A date as English reporting writes it: "30 November 2024", "November 2024" or "2024-11-30". */
    static String englishDate(LocalDate date, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
            case 1 -> date.toString();
            case 2 -> MONTHS[date.getMonthValue() - 1] + " " + date.getDayOfMonth() + ", " + date.getYear();
            default -> date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
        };
    }

    /** A date as Levantine Arabic reporting writes it, sometimes in Arabic-Indic digits. */
    static String arabicDate(LocalDate date, SplittableRandom random) {
        String text = date.getDayOfMonth() + " " + ARABIC_MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
        if (random.nextInt(4) == 0) {
            var digits = new StringBuilder();
            text.chars().forEach(c -> digits.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : (char) c));
            text = digits.toString();
        }
        return text;
    }

    static LocalDate day(SplittableRandom random) {
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        return LocalDate.ofEpochDay(FIRST_DAY.toEpochDay() + random.nextLong(span + 1));
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** Words with Zipf frequencies (exponent 1): the word of rank r is drawn with probability ∝ 1/r. */
    static final class Vocabulary {

        private final String[] words;
        private final Set<String> all;
        private final double[] cumulative;

        Vocabulary(List<String> ranked) {
            words = ranked.toArray(String[]::new);
            all = Set.copyOf(ranked);
            cumulative = new double[words.length];
            double sum = 0;
            for (int rank = 0; rank < words.length; rank++) {
                sum += 1.0 / (rank + 1);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < words.length; rank++) {
                cumulative[rank] /= sum;
            }
        }

        int drawRank(SplittableRandom random) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(at >= 0 ? at : -at - 1, words.length - 1);
        }

        String word(int rank) {
            return words[rank];
        }

        int size() {
            return words.length;
        }

        boolean contains(String word) {
            return all.contains(word);
        }
    }
}

package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample project's five sources (src/main/resources/samples/syria-2024), parsed as an importer would see
 * them. The expectations were written from reading the files, not from the parser's output: the outline is the
 * document's real heading structure, every paragraph is one whole paragraph of the source, infobox rows stay
 * together and exactly the page chrome is flagged.
 */
class CorpusSnapshotTest {

    private static final String DIR = "/samples/syria-2024/";
    private static final String F000 = "000_206c697d8936a94d.txt";
    private static final String F001 = "001_c72ea8b0ae7302a1.txt";
    private static final String F002 = "002_d5490eeae7ca399e.txt";
    private static final String F003 = "003_98e4072bd07ceaa8.txt";
    private static final String F004 = "004_6148f8e6b9de41f3.txt";

    private final SourceParser parser = new SourceParser();

    // ------------------------------------------------------------------ 000

    @Test
    void file_000_blog_summary_has_roman_numbered_sections_and_a_comment_form_at_the_end() {
        SourceDraft draft = parse(F000);

        assertThat(draft.format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(draft.title()).isEqualTo("Syrian Opposition Offensive of 2024");
        assertThat(outline(draft)).containsExactly(
                "1:Syrian Opposition Offensive of 2024",
                "2:I. Prelude",
                "2:II. Beginning",
                "2:III. Battle of Aleppo",
                "2:IV. Fall of Hama & Homs",
                "2:V. Other Offensives",
                "2:VI. Asaad Flees & Damascus Falls",
                "2:VII. Aftermath",
                "2:VIII. Sources All from Wikipedia");
        assertThat(counts(draft)).isEqualTo(counts(9, 13, 0, 1, 0));
        // One paragraph per source line: two in the prelude, two on Hama and Homs, three other offensives.
        assertThat(realParagraphsPerSection(draft)).containsExactly(0, 2, 1, 1, 2, 3, 1, 1, 0);
        assertThat(chrome(draft)).containsExactly(
                "blog comment form: Comments",
                "blog comment form: Post a Comment");
        assertThat(blocksOf(draft, BlockKind.LIST).getFirst().text().lines().toList()).containsExactly(
                "https://en.wikipedia.org/wiki/2024_Syrian_opposition_offensives",
                "https://en.wikipedia.org/wiki/Battle_of_Aleppo_(2024)",
                "https://en.wikipedia.org/wiki/Southern_Syria_offensive_(2024)",
                "https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive_(2024)",
                "https://en.wikipedia.org/wiki/Palmyra_offensive_(2024)",
                "https://en.wikipedia.org/wiki/Syrian_transitional_government");
        List<DraftBlock> paragraphs = realParagraphs(draft);
        assertThat(paragraphs.getFirst().text()).isEqualTo(sourceLine(F000, 3))
                .startsWith("Since the March 2020 Idlib ceasefire agreement,")
                .endsWith("since the Aleppo offensive in 2016.");
        assertThat(paragraphs.getLast().text()).isEqualTo(sourceLine(F000, 19))
                .startsWith("After the capture of Damascus by the Southern Operations Room,")
                .endsWith("is the incumbent provisional government of Syria.");
    }

    // ------------------------------------------------------------------ 001

    @Test
    void file_001_keeps_the_flattened_infobox_as_one_table_and_flags_the_related_article_blurbs() {
        SourceDraft draft = parse(F001);

        assertThat(draft.format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(draft.title()).isEqualTo("Battle of Aleppo (2024)");
        assertThat(outline(draft)).containsExactly("1:Battle of Aleppo (2024)");
        assertThat(counts(draft)).isEqualTo(counts(1, 42, 1, 0, 0));
        assertThat(blocksOf(draft, BlockKind.TABLE).getFirst().text().lines().toList()).containsExactly(
                "Part of the 2024 Syrian opposition offensives during the Syrian civil war",
                "Syrian opposition fighters toppling a statue of Bassel al-Assad in New Aleppo",
                "Belligerents",
                "Syrian Salvation Government Syrian Interim Government | Ba'athist Syria Russia [10] [11] Iran"
                        + " Autonomous Administration of North and East Syria [8] [a]",
                "Units involved",
                "Ajnad al-Kavkaz [14] Liwa al-Muhajireen wal-Ansar [14] Mujahidin Ghuroba Division [15]"
                        + " Katibat al-Tawhid wal-Jihad [15] | Iraqi militias [19]",
                "Casualties and losses",
                "Dozens of rebels killed [21] | Dozens of soldiers killed [5]",
                "22 civilians killed [22] [23]");
        // The article is lines 13-31; lines 32-54 are teasers for other articles and news snippets.
        List<DraftBlock> paragraphs = realParagraphs(draft);
        assertThat(paragraphs).hasSize(19);
        assertThat(paragraphs.getFirst().text()).isEqualTo(sourceLine(F001, 13))
                .startsWith("On 29 November 2024, Syrian opposition group Tahrir al-Sham,")
                .endsWith("pushed rebels out of the city. [28] [21] [29]");
        assertThat(paragraphs.getLast().text()).isEqualTo(sourceLine(F001, 31))
                .startsWith("In the days after the battle,")
                .endsWith("and cut telecom services. [57]");
        List<DraftBlock> flagged = draft.blocks().stream().filter(DraftBlock::looksLikeChrome).toList();
        assertThat(flagged).hasSize(23).allSatisfy(b -> {
            assertThat(b.chromeReason()).isEqualTo("related-article blurb");
            assertThat(draft.blocks().indexOf(b)).isGreaterThan(draft.blocks().indexOf(paragraphs.getLast()));
        });
        assertThat(flagged).extracting(DraftBlock::text).containsExactlyElementsOf(sourceLines(F001, 32, 54, 1));
        assertThat(paragraphs.get(3).text()).endsWith("northwestern Syria. [33] [34] [ better source needed ]");
    }

    // ------------------------------------------------------------------ 002

    @Test
    void file_002_wiki_markup_gives_three_heading_levels_an_infobox_table_and_a_nested_see_also_list() {
        SourceDraft draft = parse(F002);

        assertThat(draft.format()).isEqualTo(SourceFormat.MEDIAWIKI);
        assertThat(draft.title()).isEqualTo("Northwestern Syria offensive (2024)");
        assertThat(outline(draft)).containsExactly(
                "1:Northwestern Syria offensive (2024)",
                "2:Background",
                "2:Offensive",
                "3:Beginning of the offensive",
                "3:Battle of Aleppo",
                "3:Government withdrawal and SDF advances",
                "3:Clashes between SDF and opposition forces",
                "3:Battle of Hama",
                "2:Aftermath",
                "2:See also");
        assertThat(counts(draft)).isEqualTo(counts(10, 27, 1, 1, 0));
        assertThat(realParagraphsPerSection(draft)).containsExactly(1, 3, 0, 5, 4, 4, 3, 5, 2, 0);
        assertThat(chrome(draft)).isEmpty();

        List<String> infobox = blocksOf(draft, BlockKind.TABLE).getFirst().text().lines().toList();
        assertThat(infobox).hasSize(21);
        assertThat(infobox.getFirst()).isEqualTo("Conflict | Northwestern Syria offensive");
        assertThat(infobox).contains(
                "Date | 27 November – 5 December 2024",
                "Combatant2 | Syrian Government | Popular Mobilization Forces | Palestinian militias",
                "Units2 | Syrian Armed Forces, Syrian Army, Syrian Air Force, National Defense Forces, Spetsnaz GRU,"
                        + " Quds Force, Radwan Force",
                "Strength1 | 15,000 (est. 2022) | 80,000 (est. 2025)");
        assertThat(infobox.get(6)).startsWith("Combatant1 | Syrian Salvation Government, Syrian Interim Government,");
        assertThat(infobox.getLast()).isEqualTo("Casualties3 | 3 killed and several captured");
        assertThat(String.join("\n", infobox)).doesNotContain("*", "Infobox", "()");

        assertThat(blocksOf(draft, BlockKind.LIST).getFirst().text()).isEqualTo("""
                2024 Syrian opposition offensives
                  Deir ez-Zor offensive (2024)
                  Southern Syria offensive (2024)
                  Palmyra offensive (2024)
                1975 spring offensive
                2021 Taliban offensive""");
        List<DraftBlock> paragraphs = realParagraphs(draft);
        assertThat(paragraphs.getFirst().text()).isEqualTo(sourceLine(F002, 26))
                .startsWith("On 27 November 2024, a coalition of Syrian opposition groups called")
                .endsWith("led to fall of Damascus.");
        assertThat(paragraphs.getLast().text()).isEqualTo(sourceLine(F002, 92))
                .startsWith("Also on 7 December, the Southern Operations Room,")
                .endsWith("sealing the fall of his regime.");
    }

    // ------------------------------------------------------------------ 003

    @Test
    void file_003_scraped_page_loses_its_chrome_and_related_articles_but_keeps_the_references() {
        SourceDraft draft = parse(F003);

        assertThat(draft.format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(draft.title()).isEqualTo("2024 Homs offensive");
        assertThat(outline(draft)).containsExactly(
                "1:2024 Homs offensive",
                "2:Background",
                "2:Offensive",
                "2:Related Research Articles",
                "2:References");
        assertThat(counts(draft)).isEqualTo(counts(5, 48, 1, 1, 0));
        assertThat(realParagraphsPerSection(draft)).containsExactly(1, 4, 8, 0, 0);

        List<String> chrome = chrome(draft);
        assertThat(chrome.subList(0, 6)).containsExactly(
                "page status notice: Last updated",
                "image file name: Northwestern Syria offensive (2024).jpg",
                "table of contents: Contents",
                "image file name: Al-Rastan bridge, which was damaged by a Russian Aerospace Forces airstrike to"
                        + " prevent HTS and allied forces from advancing. jsr lrstn lkbyr.jpg",
                "image caption: Al-Rastan bridge, which was damaged by a Russian Aerospace Forces airstrike to"
                        + " prevent HTS and allied forces from advancing.",
                "related-article list: Related Research Articles");
        // Lines 69-127: every teaser title and blurb under "Related Research Articles", up to "References".
        assertThat(chrome.subList(6, chrome.size())).containsExactlyElementsOf(
                sourceLines(F003, 69, 127, 2).stream().map(line -> "related-article blurb: " + line).toList());
        // Plain text keeps every character: the scrape's stray tags stay in the teasers, which are chrome anyway.
        assertThat(chrome.get(6)).isEqualTo("related-article blurb: <span class=\"mw-page-title-main\">First Battle of"
                + " al-Qusayr</span> Battle of the Syrian civil war");

        assertThat(blocksOf(draft, BlockKind.TABLE).getFirst().text().lines().toList()).containsExactly(
                "2024 Homs offensive",
                "Part of Operation Dawn of Freedom and the 2024 Syrian opposition offensive during the Syrian civil"
                        + " war",
                "Map of the offensive in and outside of Homs city",
                "Controlled by the Syrian Arab Republic",
                "Controlled by the Syrian opposition",
                "Date | 5 December 2024 – 8 December 2024 (3 days)",
                "Location",
                "Result | Opposition victory",
                "Territorial changes | Opposition capture Homs and multiple towns in the region [1]",
                "Belligerents",
                "Units involved | Military Operations Command | Syrian Armed Forces | Russian Armed Forces"
                        + " | Redwan force [9]",
                "Strength | Unknown 2,000 fighters, 150+ APCs (Hezbollah) [10] [11]");
        List<String> references = blocksOf(draft, BlockKind.LIST).getFirst().text().lines().toList();
        assertThat(references).hasSize(33);
        assertThat(references.getFirst()).isEqualTo("\"Syrian army quits Homs, cutting Assad off from coast\". Reuters .");
        assertThat(references.get(6)).startsWith("زايد, أغيد أبو (2024-12-05). \"فصائل المعارضة تستعد للتقدم نحو حمص..");
        assertThat(references.getLast())
                .isEqualTo("\"Syrian rebels take over Al-Qusayr crossing, reports of Israeli strike in the area\"."
                        + " Israel National News.");
        assertThat(realParagraphs(draft)).extracting(DraftBlock::text).noneMatch(text -> text.contains("<span"));

        List<DraftBlock> paragraphs = realParagraphs(draft);
        assertThat(paragraphs.getFirst().text()).isEqualTo(sourceLine(F003, 32))
                .startsWith("The 2024 Homs offensive was a military operation launched by forces of the Syrian")
                .endsWith("after government forces abandoned the city.");
        assertThat(paragraphs.getLast().text()).isEqualTo(sourceLine(F003, 65))
                .startsWith("By the early morning of 8 December 2024, the Syrian rebels declared")
                .endsWith("struck one of the Hezbollah convoys at the crossing. [34] [11]");
    }

    // ------------------------------------------------------------------ 004

    @Test
    void file_004_wikipedia_page_has_its_infobox_as_a_table_a_quotation_and_notes_and_references_as_lists() {
        SourceDraft draft = parse(F004);

        assertThat(draft.format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(draft.title()).isEqualTo("2024 Hama offensive");
        // Plain text does not say which sections are subsections (Opening advances … under Battle): all level 2.
        assertThat(outline(draft)).containsExactly(
                "1:2024 Hama offensive",
                "2:Background",
                "2:Battle",
                "2:Opening advances",
                "2:Fighting on the outskirts",
                "2:Fall of Hama",
                "2:Subsequent opposition advances",
                "2:Aftermath",
                "2:Analysis",
                "2:Reactions",
                "2:See also",
                "2:Notes",
                "2:References");
        assertThat(counts(draft)).isEqualTo(counts(13, 21, 1, 2, 1));
        assertThat(realParagraphsPerSection(draft)).containsExactly(2, 1, 1, 5, 4, 2, 1, 1, 1, 0, 0, 0, 0);
        assertThat(chrome(draft)).containsExactly(
                "navigation link: Jump to content",
                "page status notice: Extended-protected article",
                "site tagline: From Wikipedia, the free encyclopedia");

        assertThat(blocksOf(draft, BlockKind.TABLE).getFirst().text().lines().toList()).containsExactly(
                "2024 Hama offensive",
                "Part of the 2024 Syrian opposition offensive during the Syrian civil war",
                "Syrian rebels at Hama Military Airport",
                "Date | 30 November 2024 – 5 December 2024 (5 days)",
                "Location | Hama Governorate, Syria (parts of southern Idlib Governorate, Syria)",
                "Status | Syrian opposition victory[2]",
                "Territorial changes | Rebels capture Hama[2][3] and multiple towns in the region, including Salamiyah,"
                        + " Kafr Zita, Latamneh, and Morek,[4][5] as well as the Hama Military Airport[6]",
                "Belligerents | Syrian Arab Republic | Russia[1]",
                "Commanders and leaders | Ahmed al-Sharaa Syria Lt. Gen. Abdul Karim Mahmoud Ibrahim[7]"
                        + " | Syria Maj. Gen. Suhayl al-Hasan[8] | Syria Brig. Gen. Adi Ghosa [9]",
                "Units involved | Military Operations Command | Syrian opposition Syrian National Army"
                        + " | \"Sultan Suleiman Shah\" Division[10] | Al-Shaheen Brigades[11] | Syrian Armed Forces"
                        + " | Russian Armed Forces",
                "Casualties and losses | 73+ killed[a] | Syrian opposition 5 killed[b] | Syria 51+ killed[c]"
                        + " | 13+ Iranian-backed fighters killed [clarification needed]"
                        + " | 17+ civilians killed[d] 115,000 people displaced[e]");
        assertThat(blocksOf(draft, BlockKind.QUOTE).getFirst().text()).isEqualTo(
                sourceLine(F004, 62) + "\n" + sourceLine(F004, 64));
        List<DraftBlock> lists = blocksOf(draft, BlockKind.LIST);
        assertThat(lists.getFirst().text().lines().toList()).containsExactly(
                "7[13] 8[14] 10[15] 48[16]",
                "5[16]",
                "17[14] 34[16]",
                "4 by Syrian government airstrikes, 10 by HTS shelling[14] 3[16][17][14]",
                "People were displaced across Idlib and northern Aleppo as per United nations[3]");
        assertThat(lists.getLast().text().lines().toList()).hasSize(47)
                .startsWith("\"Russian airstrikes hit north-western Syria as militants reach central Aleppo\"."
                        + " The Guardian. Retrieved 1 December 2024.")
                .endsWith("\"'Ambiguous relationship': Where does Latakia stand on Suwayda's movement?\". Syria Direct."
                        + " 26 January 2024.");

        List<DraftBlock> paragraphs = realParagraphs(draft);
        assertThat(paragraphs.getFirst().text()).isEqualTo(sourceLine(F004, 48))
                .startsWith("The 2024 Hama offensive was a military operation launched by forces of the Syrian")
                .endsWith("took place in the Hama Governorate.");
        assertThat(paragraphs.getLast().text()).isEqualTo(sourceLine(F004, 102))
                .startsWith("Hama city is a strategic city with supply lines")
                .endsWith("between Damascus and Aleppo.[46][47]");
    }

    // ------------------------------------------------------------------ all files

    @ParameterizedTest
    @ValueSource(strings = {F000, F001, F002, F003, F004})
    void every_paragraph_is_one_whole_paragraph_of_the_source(String file) {
        // In these files a paragraph is always one line, so anything else was cut or glued together.
        Set<String> sourceLines = Texts.lines(read(file)).stream()
                .map(Texts::collapse).collect(Collectors.toSet());
        assertThat(blocksOf(parse(file), BlockKind.PARAGRAPH)).isNotEmpty()
                .allSatisfy(b -> assertThat(sourceLines).as("a paragraph that is not a whole source line")
                        .contains(b.text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {F000, F001, F002, F003, F004})
    void no_block_carries_markup_or_stray_white_space(String file) {
        for (DraftBlock block : parse(file).blocks()) {
            if (!block.looksLikeChrome()) {
                // File 003's teasers hold stray tags, kept as plain text keeps every character; they are chrome.
                assertThat(block.text()).doesNotContain("<span");
            }
            assertThat(block.text()).isNotBlank().doesNotContain("[[", "]]", "'''", "{{", "\t", "  \n")
                    .doesNotStartWith(" ").doesNotEndWith(" ").doesNotStartWith("=").doesNotContain("\u00A0");
            if (block.kind() == BlockKind.PARAGRAPH || block.kind() == BlockKind.HEADING) {
                assertThat(block.text()).doesNotContain("\n", "  ");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {F000, F001, F003, F004})
    void blank_lines_between_all_lines_or_none_at_all_give_the_same_plain_text_draft(String file) {
        String text = read(file);
        SourceDraft draft = parse(file);
        String withoutBlankLines = String.join("\n", Texts.lines(text).stream().filter(l -> !l.isBlank()).toList());
        String doubleSpaced = text.replace("\n", "\n\n");
        assertThat(parser.parse(withoutBlankLines, SourceFormat.PLAIN_TEXT)).isEqualTo(draft);
        assertThat(parser.parse(doubleSpaced, SourceFormat.PLAIN_TEXT)).isEqualTo(draft);
    }

    @ParameterizedTest
    @ValueSource(strings = {F000, F001, F002, F003, F004})
    void windows_line_endings_give_the_same_draft(String file) {
        String text = read(file).replace("\n", "\r\n");
        assertThat(parser.parse(text, SourceParser.detect(file, text))).isEqualTo(parse(file));
    }

    @Test
    void the_readme_ships_with_the_samples() {
        assertThat(read("README.md")).contains("Five real source texts", F000, F004);
    }

    // ------------------------------------------------------------------ helpers

    private SourceDraft parse(String file) {
        String text = read(file);
        return parser.parse(text, SourceParser.detect(file, text));
    }

    private static String read(String file) {
        try (InputStream in = CorpusSnapshotTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as(DIR + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Line {@code number} (1-based, as an editor shows it) of a sample file, white space collapsed. */
    private static String sourceLine(String file, int number) {
        return Texts.collapse(Texts.lines(read(file)).get(number - 1));
    }

    /** Lines {@code from} to {@code to} (every {@code step}th), white space collapsed, every other character kept. */
    private static List<String> sourceLines(String file, int from, int to, int step) {
        List<String> lines = new ArrayList<>();
        for (int number = from; number <= to; number += step) {
            lines.add(Texts.collapse(Texts.lines(read(file)).get(number - 1)));
        }
        return lines;
    }

    private static List<String> outline(SourceDraft draft) {
        return blocksOf(draft, BlockKind.HEADING).stream().map(b -> b.level() + ":" + b.text()).toList();
    }

    private static Map<BlockKind, Long> counts(SourceDraft draft) {
        Map<BlockKind, Long> counts = counts(0, 0, 0, 0, 0);
        draft.blocks().forEach(b -> counts.merge(b.kind(), 1L, Long::sum));
        return counts;
    }

    private static Map<BlockKind, Long> counts(long headings, long paragraphs, long tables, long lists, long quotes) {
        Map<BlockKind, Long> counts = new EnumMap<>(BlockKind.class);
        counts.put(BlockKind.HEADING, headings);
        counts.put(BlockKind.PARAGRAPH, paragraphs);
        counts.put(BlockKind.TABLE, tables);
        counts.put(BlockKind.LIST, lists);
        counts.put(BlockKind.QUOTE, quotes);
        return counts;
    }

    private static List<DraftBlock> blocksOf(SourceDraft draft, BlockKind kind) {
        return draft.blocks().stream().filter(b -> b.kind() == kind).toList();
    }

    private static List<DraftBlock> realParagraphs(SourceDraft draft) {
        return blocksOf(draft, BlockKind.PARAGRAPH).stream().filter(b -> !b.looksLikeChrome()).toList();
    }

    /** Unflagged paragraphs under each heading, in order (the first entry counts those under the title). */
    private static List<Integer> realParagraphsPerSection(SourceDraft draft) {
        List<Integer> counts = new ArrayList<>();
        for (DraftBlock block : draft.blocks()) {
            if (block.kind() == BlockKind.HEADING) {
                counts.add(0);
            } else if (block.kind() == BlockKind.PARAGRAPH && !block.looksLikeChrome() && !counts.isEmpty()) {
                counts.set(counts.size() - 1, counts.getLast() + 1);
            }
        }
        return counts;
    }

    /** "reason: text" of every block flagged as chrome, in reading order. */
    private static List<String> chrome(SourceDraft draft) {
        return draft.blocks().stream().filter(DraftBlock::looksLikeChrome)
                .map(b -> b.chromeReason() + ": " + b.text()).toList();
    }
}

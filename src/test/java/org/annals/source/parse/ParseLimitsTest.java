package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile shapes reach the parsers' limits and are refused with a message naming the limit, instead of overflowing
 * the stack or building millions of nodes; documents within the limits parse as before.
 */
class ParseLimitsTest {

    private final SourceParser parser = new SourceParser();
    private final ParseLimits small = new ParseLimits(20, 1_000);

    @Test
    void html_nested_100_000_levels_is_refused_with_the_depth_limit() {
        String html = "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000);
        assertThatThrownBy(() -> parser.parse(html, SourceFormat.HTML))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessage("The HTML nests elements more than 256 levels deep. Annals reads at most 256 levels;"
                        + " simplify the file, or import its text as plain text.");
    }

    @Test
    void html_just_within_the_depth_limit_is_read() {
        // html, body, 17 divs and the paragraph: 20 levels
        String html = "<div>".repeat(17) + "<p>Deep but allowed.</p>" + "</div>".repeat(17);
        assertThat(parser.parse(html, SourceFormat.HTML, small).blocks()).extracting(DraftBlock::text)
                .containsExactly("Deep but allowed.");
        assertThatThrownBy(() -> parser.parse("<div>" + html + "</div>", SourceFormat.HTML, small))
                .hasMessageContaining("more than 20 levels deep");
    }

    @Test
    void the_quick_depth_estimate_leaves_unclosed_paragraphs_and_void_elements_alone() {
        String html = "<div>" + "<p>Unclosed paragraph <br><img src=x> <li>item".repeat(2_000) + "</div>";
        assertThat(TagDepth.estimate(html)).isEqualTo(1);
        assertThat(parser.parse(html, SourceFormat.HTML).blocks()).isNotEmpty();
        assertThat(TagDepth.estimate("<div><script>if (a<b) { x = '<div><div>'; }</script></div><!-- <div> -->"))
                .isEqualTo(1);
        assertThat(TagDepth.estimate("<section>".repeat(2_000))).isEqualTo(2_000);
    }

    @Test
    void deeply_nested_lists_are_read_in_one_pass() {
        StringBuilder html = new StringBuilder();
        for (int level = 0; level < 100; level++) {
            html.append("<ul><li>item ").append(level);
        }
        html.append("</li></ul>".repeat(100));
        var blocks = parser.parse(html.toString(), SourceFormat.HTML).blocks();
        assertThat(blocks).singleElement().satisfies(list -> {
            assertThat(list.kind()).isEqualTo(BlockKind.LIST);
            assertThat(list.text().lines()).hasSize(100).startsWith("item 0", "  item 1");
        });
    }

    @Test
    void more_elements_than_the_limit_are_refused_before_html_is_built() {
        String html = "<p>x</p>".repeat(1_001);
        assertThatThrownBy(() -> parser.parse(html, SourceFormat.HTML, small))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessage("The file has 1,001 HTML elements. Annals imports at most 1,000 per file;"
                        + " split it into smaller files.");
        assertThat(parser.parse("<p>x</p>".repeat(999), SourceFormat.HTML, small).blocks()).hasSize(999);
    }

    @Test
    void html_pages_have_an_element_limit_of_their_own_that_lets_a_markup_heavy_page_through() {
        String paragraph = "<p>" + "<span><b>w</b><i>o</i>rd</span> ".repeat(10) + "</p>";
        String html = "<html><body>" + paragraph.repeat(10_000) + "</body></html>";
        // 310,002 start tags: more than the 200,000 blocks a file may hold, far fewer than a page may have.
        assertThat(Texts.countTagStarts(html)).isEqualTo(310_002);
        assertThat(parser.parse(html, SourceFormat.HTML, ParseLimits.DEFAULT).blocks()).hasSize(10_000)
                .allSatisfy(block -> assertThat(block.text()).isEqualTo(String.join(" ", List.of("word", "word",
                        "word", "word", "word", "word", "word", "word", "word", "word"))));
        String tooMany = "<html><body>" + "<br>".repeat(ParseLimits.DEFAULT_MAX_HTML_ELEMENTS) + "</body></html>";
        assertThatThrownBy(() -> parser.parse(tooMany, SourceFormat.HTML, ParseLimits.DEFAULT))
                .hasMessage("The file has 1,500,002 HTML elements. Annals imports at most 1,500,000 per file;"
                        + " split it into smaller files.");
    }

    @Test
    void an_element_with_more_attributes_than_the_limit_is_refused_before_html_is_built() {
        String many = "<div" + " a".repeat(1_001) + ">x</div>";
        assertThatThrownBy(() -> parser.parse(many, SourceFormat.HTML, ParseLimits.DEFAULT))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessage("An HTML element in the file has 1,001 attributes. Annals reads at most 1,000 on one"
                        + " element; this file is not a web page as browsers save it.");
        // Quoted values are not attributes, even when they hold white space or '>'.
        String quoted = "<div title=\"" + " a".repeat(5_000) + " > \" data-x='a b c'>x</div>";
        assertThat(parser.parse(quoted, SourceFormat.HTML, ParseLimits.DEFAULT).blocks()).hasSize(1);
        String thousand = "<div" + " a".repeat(1_000) + ">x</div>";
        assertThat(parser.parse(thousand, SourceFormat.HTML, ParseLimits.DEFAULT).blocks()).hasSize(1);
    }

    @Test
    void more_blocks_than_the_limit_are_refused_in_every_format() {
        String paragraphs = "Paragraph.\n\n".repeat(1_001);
        for (SourceFormat format : List.of(SourceFormat.PLAIN_TEXT, SourceFormat.MARKDOWN, SourceFormat.MEDIAWIKI)) {
            assertThatThrownBy(() -> parser.parse(paragraphs, format, small)).as("%s", format)
                    .hasMessageContaining("1,001 blocks");
        }
    }

    @Test
    void markdown_quotes_nested_100_000_levels_are_refused() {
        String markdown = ">".repeat(100_000) + " deep\n";
        assertThatThrownBy(() -> parser.parse(markdown, SourceFormat.MARKDOWN))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessageStartingWith("Block quotes are nested more than 256 levels deep.");
        assertThat(parser.parse(">".repeat(10) + " quoted\n", SourceFormat.MARKDOWN).blocks())
                .extracting(DraftBlock::text).containsExactly("quoted");
    }

    @Test
    void markdown_links_nested_100_000_levels_are_refused() {
        String markdown = "[".repeat(100_000) + "x" + "](u)".repeat(100_000) + "\n";
        assertThatThrownBy(() -> parser.parse(markdown, SourceFormat.MARKDOWN))
                .hasMessageStartingWith("Links and images are nested more than 256 levels deep.");
    }

    @Test
    void markdown_lists_nested_on_one_line_or_by_indentation_are_refused_before_commonmark_builds_them() {
        assertThatThrownBy(() -> parser.parse("- ".repeat(100_000) + "deep\n", SourceFormat.MARKDOWN))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessageStartingWith("List items and block quotes are nested more than 256 levels deep.");
        StringBuilder stairs = new StringBuilder();
        for (int level = 0; level < 300; level++) {
            stairs.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        assertThatThrownBy(() -> parser.parse(stairs.toString(), SourceFormat.MARKDOWN))
                .hasMessageStartingWith("List items and block quotes are nested more than 256 levels deep.");
        assertThat(parser.parse("- ".repeat(5) + "five deep\n", SourceFormat.MARKDOWN).blocks())
                .extracting(DraftBlock::text).containsExactly("five deep");
        assertThat(parser.parse("* * * * * * *\n\nA rule above.\n", SourceFormat.MARKDOWN).blocks())
                .extracting(DraftBlock::text).as("a thematic break is no nesting").containsExactly("A rule above.");
    }

    @Test
    void a_markdown_table_that_would_make_more_cells_than_the_limit_is_refused_before_it_is_built() {
        // 1,000 columns announced by the separator, and rows of one pipe each: every row makes 1,000 cells.
        String table = "|a".repeat(1_000) + "|\n" + "|-".repeat(1_000) + "|\n" + "x|\n".repeat(300);
        assertThatThrownBy(() -> parser.parse(table, SourceFormat.MARKDOWN))
                .isInstanceOf(SourceTooComplexException.class)
                .hasMessage("The file has 301,000 table cells. Annals imports at most 200,000 per file;"
                        + " split it into smaller files.");
        assertThat(parser.parse("| a | b |\n|---|---|\n| 1 | 2 |\n", SourceFormat.MARKDOWN, small).blocks())
                .extracting(DraftBlock::text).containsExactly("a | b\n1 | 2");
    }

    @Test
    void markdown_html_blocks_are_held_to_the_same_depth() {
        String markdown = "<div>\n" + "<div>".repeat(300) + "x" + "</div>".repeat(300) + "\n</div>\n";
        assertThatThrownBy(() -> parser.parse(markdown, SourceFormat.MARKDOWN))
                .hasMessageStartingWith("The HTML nests elements more than 256 levels deep.");
    }

    @Test
    void mediawiki_links_templates_and_lists_nested_deeply_are_refused() {
        assertThatThrownBy(() -> parser.parse("[[a|".repeat(50_000) + "x" + "]]".repeat(50_000), SourceFormat.MEDIAWIKI))
                .hasMessageStartingWith("Links are nested more than 256 levels deep.");
        assertThatThrownBy(() -> parser.parse("{{Infobox|a=".repeat(5_000) + "x" + "}}".repeat(5_000),
                SourceFormat.MEDIAWIKI)).hasMessageStartingWith("Templates are nested more than 256 levels deep.");
        assertThatThrownBy(() -> parser.parse("*".repeat(100_000) + " deep item\n", SourceFormat.MEDIAWIKI))
                .hasMessageStartingWith("List items are nested more than 256 levels deep.");
    }

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"HTML", "MARKDOWN", "MEDIAWIKI", "PLAIN_TEXT"})
    void ordinary_documents_are_far_from_the_limits(SourceFormat format) {
        String text = switch (format) {
            case HTML -> "<h1>Title</h1><div><blockquote><p>Quoted <b>text</b>.</p></blockquote></div>";
            case MARKDOWN -> "# Title\n\n> Quoted **text**.\n\n- a\n  - b\n";
            case MEDIAWIKI -> "= Title =\n\n* a\n** b\n\n[[Hama|the city]] fell.\n";
            case PLAIN_TEXT -> "Title\n\nif a<b and c>d, nothing is lost.\n";
            case PDF, DOCX, ODT -> throw new IllegalArgumentException("documents are read from bytes");
        };
        assertThat(parser.parse(text, format, ParseLimits.DEFAULT).blocks()).isNotEmpty();
    }
}

package org.annals.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A news-like web page whose markup far outweighs its text, as scraped pages and exported news sites are: a page
 * header with navigation, an article of sections (headings, paragraphs, lists, tables, links, Arabic quotes) in which
 * every word is wrapped in a few tiny elements and every block in nested layout divs, and a footer. The visible text
 * depends only on {@code characters} (and the seed); {@code markup} multiplies the wrapping elements around every word
 * and block without changing one visible character, so that two pages of the same text and different markup can be
 * compared. At markup 1 a page of about 900,000 visible characters is about 8 MB with about a million elements
 * (issue 21's "million-element page").
 */
public final class MarkupHeavyPage {

    private static final String[] WORDS = ("the rebels army city offensive Aleppo Hama Idlib fighters entered "
            + "withdrew reported killed civilians airstrike positions front line convoy checkpoint command operations "
            + "brigade faction council statement according to sources on Saturday Sunday morning evening were at least "
            + "near village district province road bridge airport base commander announced control advanced")
            .split(" ");

    private static final String ARABIC = "دخلت قوات المعارضة مدينة حلب";

    /** One generated page and what was put into it. */
    public record Page(String html, int elements, int visibleCharacters, List<String> paragraphs) {

        public byte[] bytes() {
            return html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Random random;
    private final int markup;
    private final StringBuilder html = new StringBuilder();
    private final List<String> paragraphs = new ArrayList<>();
    private int elements;
    private int visible;

    private MarkupHeavyPage(int markup) {
        this.random = new Random(21);
        this.markup = markup;
    }

    /**
     * A page of about {@code characters} visible characters (headings, paragraphs, list items and table cells) with
     * {@code markup} layers of wrapping elements (1 or more).
     */
    public static Page generate(int characters, int markup) {
        if (markup < 1) {
            throw new IllegalArgumentException("markup is at least 1");
        }
        MarkupHeavyPage page = new MarkupHeavyPage(markup);
        page.build(characters);
        return new Page(page.html.toString(), page.elements, page.visible, List.copyOf(page.paragraphs));
    }

    private void build(int characters) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Offensive on Hama: live coverage | Monitor News</title></head>\n<body>\n");
        open("header", "class=\"masthead\"");
        html.append("<a href=\"/\">Monitor News</a>");
        elements++;
        open("nav", null);
        open("ul", null);
        for (String section : List.of("World", "Middle East", "Opinion", "Video")) {
            html.append("<li><a href=\"/").append(section.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
                    .append("\">").append(section).append("</a></li>");
            elements += 2;
        }
        close("ul");
        close("nav");
        close("header");
        open("article", null);
        wrapped("h1", sentence(6, false));
        int section = 0;
        for (int block = 0; visible < characters; block++) {
            if (block % 12 == 0) {
                wrapped("h2", "Part " + ++section + ": " + sentence(4, false));
            }
            if (block % 7 == 3) {
                list();
            } else if (block % 11 == 5) {
                table();
            } else {
                wrapped("p", sentence(40 + random.nextInt(80), true));
            }
        }
        close("article");
        open("footer", null);
        html.append("<p>© 2024 Monitor News. <a href=\"/privacy\">Privacy policy</a></p>");
        elements += 2;
        close("footer");
        html.append("\n</body></html>\n");
    }

    /** A block in {@code markup} layout divs, its words wrapped. */
    private void wrapped(String tag, String text) {
        paragraphs.add(text);
        for (int i = 0; i < markup; i++) {
            open("div", i == 0 ? "class=\"row\"" : null);
        }
        open(tag, null);
        words(text);
        close(tag);
        for (int i = 0; i < markup; i++) {
            close("div");
        }
        html.append('\n');
    }

    private void list() {
        String tag = random.nextBoolean() ? "ul" : "ol";
        open(tag, null);
        for (int i = 0; i < 4; i++) {
            String item = sentence(5 + random.nextInt(8), true);
            paragraphs.add(item);
            open("li", null);
            words(item);
            close("li");
        }
        close(tag);
        html.append('\n');
    }

    private void table() {
        open("table", null);
        open("tbody", null);
        for (int row = 0; row < 3; row++) {
            open("tr", null);
            for (int cell = 0; cell < 3; cell++) {
                String text = row == 0 ? "Column " + (cell + 1) : sentence(2 + random.nextInt(3), false);
                paragraphs.add(text);
                open(row == 0 ? "th" : "td", null);
                words(text);
                close(row == 0 ? "th" : "td");
            }
            close("tr");
        }
        close("tbody");
        close("table");
        html.append('\n');
    }

    /**
     * Every word in {@code markup} spans and each of its letters in {@code markup} bold or italic elements (seven or
     * eight elements a word at markup 1); every ninth word a link. The spaces between words stay outside the elements.
     */
    private void words(String text) {
        String[] words = text.split(" ");
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                html.append(' ');
                visible++;
            }
            String word = words[w];
            boolean link = w % 9 == 4;
            if (link) {
                html.append("<a href=\"/topic/").append(w).append("\">");
                elements++;
            }
            for (int i = 0; i < markup; i++) {
                html.append("<span>");
            }
            elements += markup;
            if (Character.isLetter(word.codePointAt(0))) {
                // Letter by letter, as pages that animate or style single letters print them.
                for (int c = 0; c < word.length(); c = word.offsetByCodePoints(c, 1)) {
                    String tag = c % 2 == 0 ? "b" : "i";
                    html.append(("<" + tag + ">").repeat(markup)).appendCodePoint(word.codePointAt(c))
                            .append(("</" + tag + ">").repeat(markup));
                    elements += markup;
                }
            } else {
                html.append(word);
            }
            for (int i = 0; i < markup; i++) {
                html.append("</span>");
            }
            if (link) {
                html.append("</a>");
            }
            visible += word.length();
        }
    }

    private String sentence(int words, boolean arabic) {
        var s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (arabic && random.nextInt(40) == 0) {
                s.append(' ').append(ARABIC);
            }
        }
        return s.append('.').toString();
    }

    private void open(String tag, String attributes) {
        html.append('<').append(tag);
        if (attributes != null) {
            html.append(' ').append(attributes);
        }
        html.append('>');
        elements++;
    }

    private void close(String tag) {
        html.append("</").append(tag).append('>');
    }
}

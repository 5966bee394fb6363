package org.annals.source.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main content of a web page, found the way reader modes find it, before {@link HtmlParser} and
 * {@link ChromeDetector} read it as they read an uploaded page. A page saved by a person is usually the article; a
 * page fetched by address is the whole site around it (menus, sidebars, advertisements, comment threads, cookie
 * banners), so this pass keeps the article and leaves the rest out:
 * <ol>
 * <li>what is never content is removed: navigation, sidebars, page footers, forms, and elements whose class or id
 * says advertisement, comments, share buttons, related links, newsletter or cookie notice;</li>
 * <li>the page's own {@code <article>} (the one with the most text) or {@code <main>} is taken when it holds real
 * text; otherwise every container is scored by the paragraphs in it (their length and commas, less the share of
 * link text) and the best one is taken;</li>
 * <li>when nothing holds enough text (a page of short items, say) the whole page is kept and the chrome detection
 * flags what it recognises, as for an upload.</li>
 * </ol>
 * The page's title and its first-level heading are kept even when they sit above the article. How many characters
 * were left out is reported, so the person importing is told (nothing is dropped without a word). The same limits
 * as for any HTML apply before jsoup builds the tree.
 */
public final class ArticleHtml {

    /**
     * What the pass kept, as a jsoup document for {@link SourceParser#parseExtracted} (read as it is, not written out
     * and parsed again), and how much text it left out.
     */
    public record Extracted(Document document, int keptCharacters, int droppedCharacters, boolean wholePage) {

        /** The kept part as HTML (for looking at it; {@link SourceParser#parseExtracted} reads the document). */
        public String html() {
            return document.outerHtml();
        }
    }

    /** Less text than this in the chosen part and the whole page is kept instead. */
    private static final int MIN_CONTENT_CHARACTERS = 140;

    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, form, button, input, select, textarea, nav, aside, dialog, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=search], [role=dialog], [role=alert]";

    /**
     * Class or id words of what is never the article: advertisements, comment threads, share buttons, related
     * links, cookie notices (matched as whole words: "ad-slot" is an ad, "shadow" and "lead" are not).
     */
    private static final Pattern NEVER_ARTICLE = Pattern.compile("(?i)(?:^|[\\s_-])(?:ads?|advert\\w*|adslot|adunit"
            + "|sponsor\\w*|promo\\w*|comments?|comment-\\w+|disqus|share|sharing|social|related|newsletter"
            + "|cookie\\w*|consent|outbrain|taboola)(?:$|[\\s_-])");

    /** Class or id words of page furniture that may also wrap the content ("sidebar" rarely, "main-menu" never). */
    private static final Pattern FURNITURE = Pattern.compile("(?i)(?:^|[\\s_-])(?:banner|sidebar|recommended"
            + "|subscribe|subscription|popup|modal|breadcrumbs?|menu|navbar|nav|masthead|widget|paywall|signup)"
            + "(?:$|[\\s_-])");

    /** Class or id words that say "this is the content": they keep an element that also looks like furniture. */
    private static final Pattern CONTENT = Pattern.compile("(?i)(?:^|[\\s_-])(?:article|body|content|entry|main"
            + "|post|story|text|prose)(?:$|[\\s_-])");

    private ArticleHtml() {
    }

    /**
     * The main content of a page.
     *
     * @throws SourceTooComplexException when the page nests deeper or holds more elements than the limits
     */
    public static Extracted mainContent(String html, ParseLimits limits) {
        limits.checkHtmlElements(html);
        TagDepth.check(html, limits);
        Document document = Jsoup.parse(html);
        limits.checkDepth(HtmlParser.depth(document, limits.maxDepth()), "The HTML nests elements");
        Element body = document.body();
        int wholeText = textLength(body);
        String title = document.title();
        Element h1 = body.selectFirst("h1");

        body.select(NEVER_CONTENT).remove();
        removeFurniture(body);
        Element chosen = choose(body);
        if (chosen == null || textLength(chosen) < MIN_CONTENT_CHARACTERS) {
            // The passes above changed the tree; the whole page is read as the person would have saved it.
            return new Extracted(Jsoup.parse(html), wholeText, 0, true);
        }
        int kept = textLength(chosen);
        // The kept elements move into a document of their own: nothing is written out as HTML and parsed again,
        // which for a page of a million elements cost as much as the first parse.
        Document out = Document.createShell(document.location());
        out.title(title);
        if (h1 != null && isInside(h1, body) && chosen.selectFirst("h1") == null && !isInside(h1, chosen)) {
            out.body().appendChild(h1);
        }
        out.body().appendChild(chosen);
        return new Extracted(out, kept, Math.max(0, wholeText - kept), false);
    }

    /** Elements whose class or id names page furniture, unless they also say they are the content. */
    private static void removeFurniture(Element body) {
        for (Element e : body.select("[class], [id]")) {
            if (e == body || !isInside(e, body)) {
                continue; // already removed with an ancestor
            }
            String names = e.className() + " " + e.id();
            String tag = e.normalName();
            if (tag.equals("article") || tag.equals("main")) {
                continue;
            }
            if ((NEVER_ARTICLE.matcher(names).find()
                    || (FURNITURE.matcher(names).find() && !CONTENT.matcher(names).find()))
                    && e.selectFirst("article, main, h1, [itemprop=articleBody]") == null) {
                e.remove(); // (a wrapper named oddly that holds the article stays)
            }
        }
    }

    private static Element choose(Element body) {
        Element best = null;
        for (Element article : body.select("article, [itemprop=articleBody]")) {
            if (best == null || textLength(article) > textLength(best)) {
                best = article;
            }
        }
        if (best != null && textLength(best) >= MIN_CONTENT_CHARACTERS) {
            return best;
        }
        Element main = body.selectFirst("main, [role=main]");
        if (main != null && textLength(main) >= MIN_CONTENT_CHARACTERS) {
            return main;
        }
        return bestScored(body);
    }

    /**
     * Readability's scoring, simplified: each paragraph of some length gives its container points for its length
     * and commas (half as many to the container's container); a container's score shrinks with its share of link
     * text, which is what menus and link lists are made of.
     */
    private static Element bestScored(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : body.select("p, pre, blockquote, td, li")) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double points = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, points, Double::sum);
            Element grandparent = parent.parent();
            if (grandparent != null) {
                scores.merge(grandparent, points / 2, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        // Link density costs a walk of the element: only the strongest few candidates are weighed by it.
        var strongest = scores.entrySet().stream().sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(20).toList();
        for (var entry : strongest) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C') { // the Arabic comma too
                n++;
            }
        }
        return n;
    }

    private static double linkDensity(Element e) {
        int all = textLength(e);
        if (all == 0) {
            return 0;
        }
        int links = 0;
        Elements anchors = e.select("a");
        for (Element a : anchors) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / all);
    }

    private static boolean isInside(Element inner, Element outer) {
        for (Element e = inner; e != null; e = e.parent()) {
            if (e == outer) {
                return true;
            }
        }
        return false;
    }

    private static int textLength(Element e) {
        return e.text().length();
    }
}

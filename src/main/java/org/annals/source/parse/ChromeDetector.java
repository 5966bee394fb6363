package org.annals.source.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises blocks that are page chrome rather than content: navigation links, page status notices, blog
 * comment forms, image file names, related-article blurbs and the like. It only proposes: each flagged block
 * carries a short reason that is shown to the person importing, who decides what to drop.
 *
 * <p>The rules are deliberately narrow (whole-block matches on short blocks) because flagging a real paragraph
 * is worse than missing a piece of chrome: the importer sees every proposal, but may not read every paragraph.
 */
public final class ChromeDetector {

    public static final String RELATED_BLURB = "related-article blurb";
    public static final String IMAGE_FILE_NAME = "image file name";
    public static final String IMAGE_CAPTION = "image caption";

    /** Chrome lines are short; anything longer is content even if it starts like a notice. */
    private static final int MAX_CHROME_LENGTH = 200;

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Headings that open a section of teasers for other articles; everything under them is chrome too. */
    private static final String RELATED_HEADINGS = "related (?:research )?articles"
            + "|related (?:posts|stories|reading|pages|content)|you (?:may|might) also like|more from .{1,40}"
            + "|recommended(?: articles| reading| for you)?|popular posts";

    /** Ordered rules: the first whole-block match gives the reason. */
    private static final List<Rule> RULES = List.of(
            rule("navigation link", "(?:jump|skip) to (?:main )?(?:content|navigation|search)|skip navigation"
                    + "|toggle (?:the )?table of contents|toggle .{1,80} subsection|main menu|navigation menu"
                    + "|move to sidebar|back to top|(?:newer|older) posts?|(?:next|previous) (?:post|article)"
                    + "|read (?:next|more)"),
            rule("page status notice", "last (?:updated|modified|edited)(?::| on| at)?(?: (?:\\d.{0,40}"
                    + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? .{0,40}"
                    + "|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .{0,40}|today.{0,20}|yesterday.{0,20}))?"
                    + "|(?:extended|semi|fully|template|move|cascade)[- ]protected(?: article| page| template)?"
                    + "|(?:this|the) page is (?:protected|semi-protected)\\b.{0,80}"),
            rule("site tagline", "from wikipedia, the free encyclopedia|from [a-z]{2,12}pedia\\b.{0,60}"),
            rule("blog comment form", "comments?(?: \\(\\d{1,5}\\))?|post a comment|leave a (?:comment|reply)"
                    + "|add (?:a )?comment|\\d{1,5} comments?|no comments(?::.{0,40})?|show comments"
                    + "|newer post older post home"),
            rule("table of contents", "contents|table of contents|in this article|on this page"),
            rule("page footer", "retrieved from\\b.{0,180}|this page was last edited\\b.{0,160}"
                    + "|categor(?:y|ies):.{0,180}|powered by blogger|privacy policy|terms of (?:use|service)"
                    + "|about wikipedia|disclaimers|hidden categor(?:y|ies):.{0,180}"),
            rule("hatnote", "this article is about\\b.{0,180}|for other uses, see\\b.{0,180}"
                    + "|not to be confused with\\b.{0,180}|\".{1,80}\" redirects here\\b.{0,180}"
                    + "|(?:main articles?|further information|see also): .{1,180}"),
            rule("edit link", "\\[?edit\\]?|\\[?edit source\\]?|view source|view history"),
            rule("share button", "share(?: this(?: article| post| page| story)?)?:?|tweet|email this"
                    + "|share (?:on|to|via) (?:facebook|twitter|x|whatsapp|linkedin|reddit|email|telegram)"
                    + "|print(?: this)? (?:page|article)|copy link|(?:facebook|twitter|whatsapp|pinterest|linkedin)"),
            rule("subscription prompt", "subscribe\\b.{0,80}|sign up for (?:our|the) newsletter\\b.{0,80}"
                    + "|follow us\\b.{0,60}|get (?:our|the) newsletter\\b.{0,60}"),
            rule("cookie notice",
                    "accept (?:all )?cookies|reject (?:all )?cookies|cookie (?:settings|policy|preferences)"),
            rule("related-article list", RELATED_HEADINGS));

    /**
     * All rules as one alternation: one match attempt per block instead of one per rule (the rule that matched is
     * looked up only then), which matters when every line of a multi-megabyte text is looked at.
     */
    private static final Pattern ANY_RULE = combined(RULES);

    /**
     * The beginnings (up to six characters) that some rule can have, worked out from the rules themselves: a
     * match attempt on just a beginning that fails without reaching its end rules that beginning out. Most lines of
     * prose begin in a way no rule can ("on 5 d…", "backg…") and skip the alternation altogether.
     */
    private static final RulePrefixes PREFIXES = new RulePrefixes(ANY_RULE, 6);

    /** A cookie banner sentence may start anywhere, so it is only tried on blocks that mention cookies at all. */
    private static final Pattern COOKIE_SENTENCE = Pattern.compile(
            ".{0,200}\\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\\b.{0,200}");

    private static final Pattern RELATED_HEADING = Pattern.compile(RELATED_HEADINGS, CI);

    /** File names of pictures, possibly with spaces ({@code Flag of Syria.svg}); the extension ends a word. */
    private static final List<String> IMAGE_EXTENSIONS =
            List.of("jpg", "jpeg", "png", "svg", "gif", "webp", "tif", "tiff", "bmp");

    /**
     * The first sentence of an encyclopedia lead ("Saraqib is a city …", "The Aleppo offensive refers to …"),
     * the shape of the teaser blurbs scraped pages append. Bounded, so the reluctant part cannot run away.
     */
    private static final Pattern LEAD_SENTENCE =
            Pattern.compile("^[^.!?]{2,200}?\\s(?:is|was|are|were|refers to|has been)\\s");

    private ChromeDetector() {
    }

    private static Rule rule(String reason, String regex) {
        return new Rule(reason, Pattern.compile(regex));
    }

    /** Patterns are written in lower case and matched against the lower-cased block (cheaper than CI flags). */
    private record Rule(String reason, Pattern pattern) {
    }

    private static Pattern combined(List<Rule> rules) {
        StringBuilder regex = new StringBuilder();
        for (Rule rule : rules) {
            regex.append(regex.isEmpty() ? "" : "|").append("(?:").append(rule.pattern().pattern()).append(')');
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * The reason a single block of text looks like chrome, or null when it looks like content. Looks at the
     * text alone; {@link #flag(List)} also uses the neighbours.
     */
    public static @Nullable String reasonFor(String text) {
        String t = Texts.collapse(text);
        if (t.isEmpty()) {
            return null;
        }
        if (isImageFileName(t)) {
            return IMAGE_FILE_NAME;
        }
        if (t.length() > MAX_CHROME_LENGTH) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (PREFIXES.mayMatch(lower) && ANY_RULE.matcher(lower).matches()) {
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(lower).matches()) {
                    return rule.reason();
                }
            }
        }
        if (lower.contains("cookie") && COOKIE_SENTENCE.matcher(lower).matches()) {
            return "cookie notice";
        }
        return null;
    }

    /** A trie of rule beginnings over a small alphabet (digits folded into '0'), built by probing the pattern. */
    private static final class RulePrefixes {

        private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0 \"[-:";

        private final Set<String> possible = new HashSet<>();
        /** Beginnings after which anything may follow (a rule's {@code .{1,80}}): no need to look further. */
        private final Set<String> open = new HashSet<>();
        private final int depth;

        RulePrefixes(Pattern rules, int depth) {
            this.depth = depth;
            List<String> frontier = List.of("");
            for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
                List<String> next = new ArrayList<>();
                for (String prefix : frontier) {
                    List<String> children = new ArrayList<>();
                    for (int c = 0; c < ALPHABET.length(); c++) {
                        String candidate = prefix + ALPHABET.charAt(c);
                        Matcher m = rules.matcher(candidate);
                        if (m.matches() || m.hitEnd()) {
                            children.add(candidate);
                        }
                    }
                    if (children.size() == ALPHABET.length() && !prefix.isEmpty()) {
                        open.add(prefix);
                    } else {
                        possible.addAll(children);
                        next.addAll(children);
                    }
                }
                frontier = next;
            }
        }

        /** False when no rule can match a block beginning like this lower-cased one. */
        boolean mayMatch(String lower) {
            StringBuilder prefix = new StringBuilder(depth);
            for (int k = 0; k < Math.min(depth, lower.length()); k++) {
                if (open.contains(prefix.toString())) {
                    return true;
                }
                char c = lower.charAt(k);
                c = Character.isDigit(c) ? '0' : c;
                if (ALPHABET.indexOf(c) < 0) {
                    return k > 0; // rules begin inside the alphabet; later on, an unknown character is left to them
                }
                prefix.append(c);
                if (!possible.contains(prefix.toString())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether this heading opens a section of related-article teasers (all of it is chrome). */
    public static boolean opensRelatedSection(String headingText) {
        String t = Texts.withoutTrailingColon(Texts.collapse(headingText));
        return t.length() <= 60 && RELATED_HEADING.matcher(t).matches();
    }

    /**
     * Whether the block is, or starts with, or ends with the file name of a picture, as scraped pages leave
     * them ({@code Northwestern Syria offensive (2024).jpg}, {@code Flag of X.svg  Caption},
     * {@code Caption. some name.jpg}).
     */
    public static boolean isImageFileName(String text) {
        return imageFileNameEnd(text) > 0 || endsWithImageFileName(text);
    }

    /**
     * Length of the picture file name the text starts with, or 0: the text up to the first image extension,
     * provided that stretch is short and holds no sentence break (so prose mentioning a file is not matched).
     */
    static int imageFileNameEnd(String text) {
        int limit = Math.min(text.length(), 150);
        for (int dot = text.indexOf('.'); dot > 0 && dot < limit; dot = text.indexOf('.', dot + 1)) {
            int end = imageExtensionEnd(text, dot);
            if (end > 0) {
                String name = text.substring(0, dot);
                boolean fileName = !name.isBlank() && !name.contains(". ") && !name.contains("://");
                return fileName ? end : 0;
            }
        }
        return 0;
    }

    private static boolean endsWithImageFileName(String text) {
        int end = text.length();
        while (end > 0 && Texts.isSpace(text.charAt(end - 1))) {
            end--;
        }
        int dot = text.lastIndexOf('.', end - 1);
        return dot > 0 && end <= 400 && imageExtensionEnd(text, dot) == end;
    }

    /** End of a picture extension ({@code .jpg}, {@code .PNG} …) at {@code dot} that ends a word, or -1. */
    private static int imageExtensionEnd(String text, int dot) {
        for (String extension : IMAGE_EXTENSIONS) {
            int end = dot + 1 + extension.length();
            if (end <= text.length() && text.regionMatches(true, dot + 1, extension, 0, extension.length())
                    && (end == text.length() || Texts.isSpace(text.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /**
     * Flags the chrome in a parsed document and returns the blocks with reasons set (blocks already flagged by
     * a parser keep their reason). Besides the single-block rules this uses context:
     * <ul>
     *   <li>a "Related articles" heading and everything under it, up to the next heading of the same or a higher
     *       level, are teasers for other articles;</li>
     *   <li>a paragraph that repeats the caption of a picture whose file name was just flagged is that caption;</li>
     *   <li>a document whose paragraphs carry citation markers but that ends in a run of uncited paragraphs that
     *       mostly open like encyclopedia leads ends with related-article blurbs (file 001 of the sample).</li>
     * </ul>
     */
    public static List<DraftBlock> flag(List<DraftBlock> blocks) {
        List<DraftBlock> out = new ArrayList<>(blocks.size());
        int relatedLevel = -1;
        for (DraftBlock block : blocks) {
            if (block.kind() == BlockKind.HEADING && relatedLevel >= 0 && block.level() <= relatedLevel
                    && !opensRelatedSection(block.text())) {
                relatedLevel = -1;
            }
            DraftBlock flagged = block;
            if (!block.looksLikeChrome()) {
                flagged = flagOne(block, relatedLevel >= 0, out.isEmpty() ? null : out.getLast());
            }
            if (block.kind() == BlockKind.HEADING && opensRelatedSection(block.text())) {
                // Only a heading opens a section; a lone "Related posts" line in running text is flagged alone.
                relatedLevel = block.level();
            }
            out.add(flagged);
        }
        flagTrailingBlurbs(out);
        return out;
    }

    private static DraftBlock flagOne(DraftBlock block, boolean inRelatedSection, @Nullable DraftBlock previous) {
        if (inRelatedSection) {
            return block.asChrome(RELATED_BLURB);
        }
        if (block.kind() == BlockKind.LIST || block.kind() == BlockKind.TABLE) {
            return block; // a whole list or table is never one piece of chrome; its rows are judged by the parser
        }
        String reason = reasonFor(block.text());
        if (reason != null) {
            return block.asChrome(reason);
        }
        if (previous != null && IMAGE_FILE_NAME.equals(previous.chromeReason())
                && block.kind() == BlockKind.PARAGRAPH && block.text().length() >= 10
                && previous.text().startsWith(block.text())) {
            return block.asChrome(IMAGE_CAPTION);
        }
        return block;
    }

    private static void flagTrailingBlurbs(List<DraftBlock> blocks) {
        int lastCited = -1;
        int cited = 0;
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock b = blocks.get(i);
            if (b.kind() == BlockKind.PARAGRAPH && !b.looksLikeChrome() && Texts.hasCitationMarker(b.text())) {
                lastCited = i;
                cited++;
            }
        }
        if (cited < 3) {
            return;
        }
        List<Integer> run = new ArrayList<>();
        int leads = 0;
        for (int i = lastCited + 1; i < blocks.size() && blocks.get(i).kind() == BlockKind.PARAGRAPH; i++) {
            DraftBlock b = blocks.get(i);
            if (!b.looksLikeChrome()) {
                run.add(i);
                if (LEAD_SENTENCE.matcher(b.text()).lookingAt()) {
                    leads++;
                }
            }
        }
        if (run.size() >= 3 && leads * 2 >= run.size()) {
            for (int i : run) {
                blocks.set(i, blocks.get(i).asChrome(RELATED_BLURB));
            }
        }
    }
}

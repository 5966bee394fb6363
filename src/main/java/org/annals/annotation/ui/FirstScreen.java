package org.annals.annotation.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.annals.annotation.EditorAnnotation;
import org.annals.source.SourceText;
import org.jsoup.nodes.Element;

/**
 * The beginning of a source's text with its highlights, as the HTML that {@code annals-text} draws for it, so that a
 * page opening the source by its address can show the first screen before Vaadin's client has built the view
 * (issue 21; {@link EditorFirstResponse} puts it into the page). Drawn the way {@code text-model.ts} draws a passage
 * ({@code renderPassage}: segments cut at every annotation and citation boundary, one line per covering annotation
 * in its lane, the innermost annotation's tint) and grouped in chunks as {@code annals-text} groups them, so that
 * every word lands where the component will draw it: {@code FirstScreenBrowserTest} compares the two in Chromium.
 * Text enters only as text nodes and attribute values (jsoup escapes them).
 */
final class FirstScreen {

    /**
     * How much text is drawn: more than a tall window shows of a narrow column (a phone shows about 1,200
     * characters, a 1280x900 window about 2,400, a 4K screen under 10,000).
     */
    static final int CHARACTERS = 12_000;
    /** {@code annals-text}'s CHUNK_CHARACTERS: passages go into chunks of about this many characters. */
    private static final int CHUNK_CHARACTERS = 6_000;
    /** {@code text-model.ts}'s LANE_STEP and LINE_WIDTH, in pixels. */
    private static final int LANE_STEP = 3;
    private static final int LINE_WIDTH = 2;

    /** Innermost first: shorter spans, then the later start, then the key ({@code compareInnermost}). */
    private static final Comparator<EditorAnnotation> INNERMOST = Comparator
            .comparingInt((EditorAnnotation a) -> a.end() - a.start())
            .thenComparing(Comparator.comparingInt(EditorAnnotation::start).reversed())
            .thenComparing(EditorAnnotation::key);
    /** By start, then the longer first, then the key ({@code compareDocumentOrder}). */
    private static final Comparator<EditorAnnotation> DOCUMENT_ORDER = Comparator
            .comparingInt(EditorAnnotation::start)
            .thenComparing(Comparator.comparingInt(EditorAnnotation::end).reversed())
            .thenComparing(EditorAnnotation::key);

    private FirstScreen() {
    }

    /**
     * The {@code .annals-body} element holding the passages that begin in the first {@link #CHARACTERS} characters
     * of the text (the last one cut there), with their highlights.
     *
     * @param beginning the text's first characters: at least {@link #CHARACTERS}, or the whole text
     */
    static Element body(String beginning, List<SourceText.Passage> passagesOfText, List<SourceText.Section> sections,
            List<SourceText.Range> citationMarkers, Collection<EditorAnnotation> annotations) {
        int limit = Math.min(beginning.length(), CHARACTERS);
        if (limit > 0 && limit < beginning.length() && Character.isHighSurrogate(beginning.charAt(limit - 1))) {
            limit--; // an emoji is drawn whole or not at all
        }
        Map<Integer, Integer> levels = new HashMap<>();
        sections.forEach(s -> levels.putIfAbsent(s.start(), s.level()));
        List<SourceText.Passage> passages = passagesOfText.stream()
                .sorted(Comparator.comparingInt(SourceText.Passage::start)).toList();
        List<int[]> citations = mergeSpans(citationMarkers);
        int end = limit;
        List<EditorAnnotation> early = annotations.stream().filter(a -> a.start() < end).toList();
        Map<String, Integer> lanes = assignLanes(early);

        Element body = new Element("div").addClass("annals-body");
        Element chunk = null;
        int characters = 0;
        for (SourceText.Passage p : passages) {
            if (p.start() >= limit) {
                break;
            }
            if (chunk == null || characters >= CHUNK_CHARACTERS) {
                chunk = body.appendElement("div").addClass("passage-chunk");
                characters = 0;
            }
            int shownEnd = Math.min(p.end(), limit);
            chunk.appendChild(passage(beginning, p.start(), shownEnd, p.kind().name(), levels.getOrDefault(p.start(), 0),
                    early, citations, lanes));
            characters += p.end() - p.start();
        }
        return body;
    }

    /** One passage as {@code renderPassage} draws it (no annotation is the current one on a page just opened). */
    private static Element passage(String text, int start, int end, String kind, int level,
            List<EditorAnnotation> annotations, List<int[]> citations, Map<String, Integer> lanes) {
        Element el = new Element("div").addClass("passage").addClass("passage-" + kind.toLowerCase(Locale.ROOT))
                .attr("data-start", Integer.toString(start)).attr("data-end", Integer.toString(end)).attr("dir", "auto");
        if ("HEADING".equals(kind)) {
            el.attr("role", "heading")
                    .attr("aria-level", Integer.toString(Math.min(6, Math.max(1, level == 0 ? 2 : level))))
                    .attr("data-level", Integer.toString(level));
        }
        int passageLanes = 0;
        for (Segment seg : segments(start, end, annotations, citations)) {
            Element span = el.appendElement("span").attr("data-s", Integer.toString(seg.start()));
            span.appendText(text.substring(seg.start(), seg.end()));
            if (seg.citation()) {
                span.addClass("citation");
            }
            if (!seg.covering().isEmpty()) {
                int maxLane = seg.covering().stream().mapToInt(a -> lanes.getOrDefault(a.key(), 0)).max().orElse(0);
                int padding = (maxLane + 1) * LANE_STEP;
                passageLanes = Math.max(passageLanes, maxLane + 1);
                span.addClass("ann")
                        .attr("data-ids", seg.covering().stream().map(EditorAnnotation::key).collect(Collectors.joining(" ")))
                        .attr("data-states", seg.covering().stream().map(FirstScreen::stateWord).collect(Collectors.joining(" ")))
                        .attr("title", seg.covering().stream().map(FirstScreen::title).collect(Collectors.joining("\n")))
                        .attr("style", style(seg.covering(), lanes, maxLane, padding));
            }
        }
        if (passageLanes > 0) {
            el.attr("style", "--lanes: " + passageLanes + ";");
        }
        return el;
    }

    private record Segment(int start, int end, List<EditorAnnotation> covering, boolean citation) {
    }

    /** {@code segmentRange}: [start, end) cut at every annotation and citation boundary inside it. */
    private static List<Segment> segments(int start, int end, List<EditorAnnotation> annotations, List<int[]> citations) {
        List<Segment> segments = new ArrayList<>();
        if (end <= start) {
            return segments;
        }
        List<EditorAnnotation> inside = annotations.stream()
                .filter(a -> a.end() > a.start() && a.end() > start && a.start() < end)
                .sorted(Comparator.comparingInt(EditorAnnotation::start)).toList();
        List<int[]> cites = citations.stream().filter(c -> c[1] > start && c[0] < end).toList();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(start, end));
        for (EditorAnnotation a : inside) {
            cuts.add(Math.max(a.start(), start));
            cuts.add(Math.min(a.end(), end));
        }
        for (int[] c : cites) {
            cuts.add(Math.max(c[0], start));
            cuts.add(Math.min(c[1], end));
        }
        List<Integer> points = new ArrayList<>(cuts);
        List<EditorAnnotation> active = new ArrayList<>();
        int next = 0;
        int cite = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            int s = points.get(i);
            int e = points.get(i + 1);
            active.removeIf(a -> a.end() <= s);
            while (next < inside.size() && inside.get(next).start() <= s) {
                if (inside.get(next).end() > s) {
                    active.add(inside.get(next));
                }
                next++;
            }
            while (cite < cites.size() && cites.get(cite)[1] <= s) {
                cite++;
            }
            boolean citation = cite < cites.size() && cites.get(cite)[0] <= s;
            List<EditorAnnotation> covering = new ArrayList<>(active);
            covering.sort(INNERMOST);
            segments.add(new Segment(s, e, covering, citation));
        }
        return segments;
    }

    /** {@code assignLanes}: each annotation the lowest lane free of the annotations it overlaps, in document order. */
    private static Map<String, Integer> assignLanes(List<EditorAnnotation> annotations) {
        List<EditorAnnotation> sorted = new ArrayList<>(annotations);
        sorted.sort(DOCUMENT_ORDER);
        List<Integer> laneEnds = new ArrayList<>();
        Map<String, Integer> lanes = new HashMap<>();
        for (EditorAnnotation a : sorted) {
            int lane = 0;
            if (a.end() > a.start()) {
                while (lane < laneEnds.size() && laneEnds.get(lane) > a.start()) {
                    lane++;
                }
                if (lane == laneEnds.size()) {
                    laneEnds.add(a.end());
                } else {
                    laneEnds.set(lane, a.end());
                }
            }
            lanes.put(a.key(), lane);
        }
        return lanes;
    }

    /** {@code mergeSpans}: the citation markers sorted, overlapping and touching ones merged, empty ones dropped. */
    private static List<int[]> mergeSpans(List<SourceText.Range> ranges) {
        List<int[]> merged = new ArrayList<>();
        ranges.stream().filter(r -> r.end() > r.start()).sorted(Comparator.comparingInt(SourceText.Range::start))
                .forEach(r -> {
                    int[] last = merged.isEmpty() ? null : merged.getLast();
                    if (last != null && r.start() <= last[1]) {
                        last[1] = Math.max(last[1], r.end());
                    } else {
                        merged.add(new int[] {r.start(), r.end()});
                    }
                });
        return merged;
    }

    /**
     * {@code segmentBackground} as the segment's style: one line per covering annotation in its lane, over the
     * innermost one's tint; the tint as a colour clipped to the content box and a solid line in the bottom lane as an
     * inset box shadow (no gradient for Chromium to paint as an image), the rest as gradient layers.
     */
    private static String style(List<EditorAnnotation> covering, Map<String, Integer> lanes, int maxLane, int padding) {
        List<String> layers = new ArrayList<>();
        String shadow = null;
        for (EditorAnnotation a : covering) {
            int lane = lanes.getOrDefault(a.key(), 0);
            String colour = a.type().colour();
            String c = a.deletionProposed() ? tint(colour, 45) : colour;
            if (a.state() == EditorAnnotation.State.VETTED && lane == maxLane) {
                shadow = "inset 0 -" + LINE_WIDTH + "px 0 " + c;
            } else {
                String y = "calc(100% - " + (maxLane - lane) * LANE_STEP + "px)";
                String line = switch (a.state()) {
                    case VETTED -> "linear-gradient(" + c + ", " + c + ")";
                    case PENDING -> "repeating-linear-gradient(90deg, " + c + " 0 6px, transparent 6px 9px)";
                    case DRAFT -> "repeating-linear-gradient(90deg, " + c + " 0 2px, transparent 2px 4px)";
                };
                layers.add(line + " 0 " + y + " / 100% " + LINE_WIDTH + "px no-repeat");
            }
            if (a.deletionProposed()) {
                layers.add("linear-gradient(" + colour + ", " + colour + ") 0 calc(55% - "
                        + Math.round(padding * 0.55) + "px) / 100% 1.5px no-repeat");
            }
        }
        EditorAnnotation inner = covering.getFirst();
        String c = inner.type().colour();
        layers.add(inner.state() == EditorAnnotation.State.DRAFT
                ? "repeating-linear-gradient(135deg, " + tint(c, 30) + " 0 3px, transparent 3px 6px) 0 0 / 100% calc(100% - "
                        + padding + "px) no-repeat"
                : "content-box " + tint(c, inner.deletionProposed() ? 8 : 16));
        return "background: " + String.join(", ", layers) + "; padding-bottom: " + padding + "px;"
                + (shadow == null ? "" : " box-shadow: " + shadow + ";");
    }

    private static String tint(String colour, int percent) {
        return "color-mix(in srgb, " + colour + " " + percent + "%, transparent)";
    }

    private static String stateWord(EditorAnnotation a) {
        return a.deletionProposed() ? "deleting" : a.state().name().toLowerCase(Locale.ROOT);
    }

    /** {@code segmentTitle}'s line for one annotation. */
    private static String title(EditorAnnotation a) {
        String state = switch (a.state()) {
            case VETTED -> "vetted";
            case PENDING -> "pending review";
            case DRAFT -> "draft";
        } + (a.deletionProposed() ? ", deletion proposed" : "");
        String type = a.type().displayName();
        return a.linkLabel().isEmpty() ? type + " (" + state + ")" : a.linkLabel() + " — " + type + " (" + state + ")";
    }
}

/**
 * <annals-text>: the source text of the annotation editor. The server sends the text once and the
 * annotations as compact JSON; this element draws them (one underline per overlapping annotation,
 * in lanes, so crossing and nested spans stay readable), reports what the reader selects in text
 * offsets, and turns a key press or a toolbar click into an "annotate this" request. The server
 * stays the source of truth: nothing here changes an annotation until the server sends it back.
 *
 * Others who have the same source open see where the reader is working: the reader's selection is
 * passed on (annals-share, at most every SHARE_INTERVAL_MS, only when it changed), and theirs come
 * back through setPeers(), drawn as faint CSS custom highlights (no DOM change, so neither the
 * reader's selection nor a click is disturbed) in a tint per person, named in the legend and on hover.
 *
 * Suggestions (what the server's recognisers found: registry names, dates, casualty figures, new
 * names) are drawn as a layer of their own: CSS custom highlights with a line above the words, one
 * line style per kind (dashed, double, wavy, dotted), never a fill and never below the words where
 * annotations draw theirs, so that a ghost cannot be taken for a vetted, pending or draft mark, with
 * or without colour vision. Like others' selections they change no DOM, and only the passages near
 * the view get highlight ranges, so two thousand of them cost a sorted list and a few dozen Ranges. The reader steps through them with . and , and
 * accepts or rejects the current one with a / x (Shift for "all of this entity" and "never here");
 * the server does the work and sends back what disappears.
 *
 * It renders into light DOM so that window.getSelection() and browser tests see the text directly.
 * Passages are built with createElement rather than a template (a 5 MB text would be too much for
 * a template diff), and an upsert redraws only the passages the old and new span touch. A long text is
 * drawn lazily: every passage first as plain text (offsets, selection, find and ranges work at once),
 * the highlights only for chunks near the view, the rest as they come near or in idle time. The logic
 * that needs no element lives in text-model.ts, where it is unit tested.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type {
  Annotation, AnnotationState, AnnotationType, FindMarks, Passage, Peer, RenderContext, Span, Suggestion, SuggestionKind,
} from './text-model';
import {
  PEER_SLOTS, SelectionShare, assignLanes, changedLanes, compareDocumentOrder, countByKind, firstEndingAfter,
  mergeSpans, offsetAtBoundary, passagesTouching, peerRanges, peerSlot, peersAt, pointAtOffset, rangeOf,
  renderPassage, scrollToCentre, snapRange, stepSuggestion, suggestionsAt, suggestionsStartingIn, validFindMarks, validPeers,
  validSuggestions, withPeers,
} from './text-model';

/** What draw() needs besides the text. */
interface DrawData {
  passages: Passage[];
  citations: [number, number][];
  types: AnnotationType[];
  annotations: Annotation[];
}

/**
 * What load() receives: the types, and either everything (the text too: tests) or nothing more, the text
 * coming from the text-src download and the rest from doc-src, both fetched at once.
 */
interface LoadData extends Partial<DrawData> {
  /** The text itself, or absent when the element's text-src attribute names where to fetch it. */
  text?: string;
  types: AnnotationType[];
}

/** An annotation as doc-src sends it: [id, start, end, type, state, label, 1 when deletion is proposed]. */
type CompactAnnotation = [string, number, number, string, AnnotationState, string, number?];

/** The doc-src download: passages, citation markers and annotations, compact. */
interface FetchedDoc { passages: Passage[]; citations: [number, number][]; annotations: CompactAnnotation[] }

function expand(a: CompactAnnotation): Annotation {
  const annotation: Annotation = { id: a[0], s: a[1], e: a[2], t: a[3], st: a[4], l: a[5] };
  if (a[6] === 1) annotation.x = true;
  return annotation;
}

async function fetched(url: string | null, what: string): Promise<Response> {
  const response = await fetch(url ?? '', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The ${what} could not be loaded (HTTP ${response.status}).`);
  return response;
}

interface Selected { start: number; end: number }

const STYLE_ID = 'annals-text-style';

/**
 * Faint tints for others' selections, one per slot (see peerSlot): hues the annotation types do not
 * use, light enough that underlines and the reader's own selection (painted above) stay clear.
 */
const PEER_TINTS = [
  'rgb(242 194 0 / 0.30)', 'rgb(41 182 246 / 0.25)', 'rgb(156 204 101 / 0.32)',
  'rgb(255 138 101 / 0.28)', 'rgb(212 180 131 / 0.35)', 'rgb(77 182 172 / 0.28)',
];

/**
 * Ghost marks, by the CSS name of the suggestion's kind: always a line above the words (annotations draw
 * below them), never a fill, and each kind in its own line style, so kinds differ without colour too.
 * The colours follow the annotation type each kind becomes. Kinds without a style of their own get "other".
 */
const SUGGESTION_STYLES: [string, string][] = [
  ['mention', 'text-decoration: overline dashed #1b6fc2; text-decoration-thickness: 2px;'],
  ['date', 'text-decoration: overline double #1b9e77; text-decoration-thickness: 1.5px;'],
  ['figure', 'text-decoration: overline wavy #c2185b; text-decoration-thickness: 1.5px;'],
  ['new-name', 'text-decoration: overline dotted #555; text-decoration-thickness: 2px;'],
  ['other', 'text-decoration: overline solid #777; text-decoration-thickness: 1px;'],
];
const STYLED_SUGGESTIONS = new Set(SUGGESTION_STYLES.map(([css]) => css));
const SUGGEST_CURRENT = 'annals-suggest-current';
/** Where the reader's choice of ghost marks is kept between pages: which kinds are hidden, or all. */
const SUGGESTIONS_HIDDEN_KEY = 'annals-suggestions-hidden';

// Light DOM cannot use static styles, so the rules go into the document once, scoped by tag name.
const CSS = `
annals-text { display: block; position: relative; --annals-current: #1a56db; }
annals-text:focus { outline: none; }
annals-text:focus-visible { outline: 2px solid var(--lumo-primary-color-50pct, #1a56db80); outline-offset: 4px; }
annals-text .annals-legend {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; margin-bottom: 0.75rem;
  padding-bottom: 0.5rem; border-bottom: 1px solid var(--lumo-contrast-10pct, #e2e2e2);
  font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #555); user-select: none;
}
annals-text .legend-item { display: inline-flex; align-items: center; gap: 0.35em; }
annals-text .swatch { display: inline-block; width: 0.85em; height: 0.85em; border-radius: 2px; flex: none; }
annals-text kbd {
  font: inherit; font-size: 0.8em; line-height: 1.3; padding: 0 0.3em; border: 1px solid currentColor;
  border-radius: 3px; opacity: 0.75;
}
annals-text .state-sample { padding-bottom: 3px; --c: var(--lumo-body-text-color, #333); }
annals-text .state-vetted { background: linear-gradient(var(--c), var(--c)) 0 100% / 100% 2px no-repeat; }
annals-text .state-pending { background: repeating-linear-gradient(90deg, var(--c) 0 6px, transparent 6px 9px) 0 100% / 100% 2px no-repeat; }
annals-text .state-draft { background: repeating-linear-gradient(90deg, var(--c) 0 2px, transparent 2px 4px) 0 100% / 100% 2px no-repeat,
  repeating-linear-gradient(135deg, var(--lumo-contrast-20pct, #0003) 0 3px, transparent 3px 6px) 0 0 / 100% calc(100% - 3px) no-repeat; }
annals-text .state-deleted { text-decoration: line-through; opacity: 0.7; }
annals-text .annals-body { line-height: 1.9; overflow-wrap: break-word; }
annals-text .passage-chunk { content-visibility: auto; contain-intrinsic-size: auto 60lh; }
annals-text .passage {
  margin: 0 0 0.9em;
  line-height: calc(1.9em + max(0, var(--lanes, 0) - 3) * 6px);
}
annals-text .passage-heading { font-weight: 600; font-size: 1.2em; margin-top: 1.2em; }
annals-text .passage-heading[data-level="1"] { font-size: 1.5em; }
annals-text .passage-heading[data-level="2"] { font-size: 1.3em; }
annals-text .passage-table, annals-text .passage-list { white-space: pre-wrap; tab-size: 4; }
annals-text .passage-table { font-variant-numeric: tabular-nums; }
annals-text .passage-quote {
  padding-inline-start: 0.9em; border-inline-start: 3px solid var(--lumo-contrast-20pct, #ccc);
  color: var(--lumo-secondary-text-color, #444);
}
annals-text .passage .ann { cursor: pointer; }
annals-text[dim-citations] .passage .citation { opacity: 0.45; }
annals-text[hide-citations] .passage .citation { display: none; }
annals-text .passage .current { outline: 2px solid var(--annals-current); outline-offset: 1px; border-radius: 2px; }
annals-text .annals-toolbar {
  position: absolute; z-index: 10; display: flex; flex-wrap: wrap; gap: 4px; padding: 4px; max-width: 100%;
  box-sizing: border-box; background: var(--lumo-base-color, #fff); border: 1px solid var(--lumo-contrast-20pct, #ccc);
  border-radius: 6px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.18); user-select: none; line-height: 1.2;
}
annals-text .annals-toolbar[hidden] { display: none; }
annals-text .annals-toolbar button {
  display: inline-flex; align-items: center; gap: 0.4em; min-height: 32px; min-width: 32px; padding: 0 0.6em;
  font: inherit; font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-body-text-color, #222);
  background: var(--lumo-base-color, #fff); border: 1px solid var(--lumo-contrast-20pct, #ccc); border-radius: 4px;
  cursor: pointer;
}
annals-text .annals-toolbar button:hover, annals-text .annals-toolbar button:focus-visible {
  background: var(--lumo-contrast-5pct, #f2f2f2);
}
@media (pointer: coarse) { annals-text .annals-toolbar button { min-height: 44px; } }
annals-text .peer-swatch { display: inline-block; width: 0.85em; height: 0.85em; border-radius: 2px; flex: none; }
annals-text .annals-peer { font-style: italic; }
::highlight(annals-find) { background-color: rgb(255 213 0 / 0.45); }
::highlight(annals-find-current) { background-color: rgb(255 140 0); color: #000; }
${SUGGESTION_STYLES.map(([css, rule]) => `::highlight(annals-suggest-${css}) { ${rule} }
annals-text .suggest-sample.suggest-${css} { ${rule} }`).join('\n')}
::highlight(annals-suggest-current) { background-color: rgb(26 86 219 / 0.16); }
annals-text .annals-suggestions { display: contents; }
annals-text .annals-suggestions label { display: inline-flex; align-items: center; gap: 0.3em; cursor: pointer; }
annals-text .suggest-sample { line-height: 1.6; padding-top: 2px; }
annals-text .suggest-count { font-variant-numeric: tabular-nums; }
annals-text .suggest-keys { flex-basis: 100%; }
annals-text .suggest-current { flex-basis: 100%; font-style: italic; }
${PEER_TINTS.map((tint, i) => `::highlight(annals-peer-${i}) { background-color: ${tint}; }
annals-text .peer-${i} { background: ${tint}; }`).join('\n')}
`;

function injectStyles(doc: Document) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

const SELECT_DEBOUNCE_MS = 120;
/** The reader's selection goes to the others at most this often. */
const SHARE_INTERVAL_MS = 300;

/** The custom highlights of "find in this source": the current hit, and the others marked lightly. */
const FIND_CURRENT = 'annals-find-current';
const FIND_OTHERS = 'annals-find';
/** Frames in which a scrolled-to hit is centred again, as passages near it get their real heights. */
const SETTLE_FRAMES = 3;
/** About how many characters of passages go into one chunk (see chunked()). */
const CHUNK_CHARACTERS = 6000;
/**
 * How far beyond the visible part of the text chunks get their highlights drawn as the reader scrolls (a
 * screen and a half above and below), so that at reading pace they are drawn before they show.
 */
const DRAW_MARGIN = '150% 0px';
/** An idle slice stops drawing chunks when less than this is left of it (ms), leaving the frame its time. */
const IDLE_RESERVE_MS = 3;

/** A chunk of passages (see chunked()): its element, its passages [first, end) by index, and whether it is drawn. */
interface Chunk { el: HTMLDivElement; first: number; end: number; drawn: boolean; lines: number }
/** About how tall a line of the text is (px): 1.9 times a 16 px font, for estimates before layout. */
const LINE_PX = 30;

/** The CSS Custom Highlight API where the browser has it (Chromium 105+, Safari 17.2+, Firefox 140+). */
interface HighlightRegistry { set(name: string, highlight: unknown): void; delete(name: string): boolean }
/** A highlight as a set of ranges, changed one range at a time. */
interface RangeSet { add(range: Range): unknown; delete(range: Range): boolean }
function highlightApi(): { registry: HighlightRegistry; create: (ranges: Range[]) => unknown } | null {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const ctor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return registry && ctor ? { registry, create: (ranges) => new ctor(...ranges) } : null;
}

@customElement('annals-text')
export class AnnalsText extends LitElement {
  /** Citation markers such as [12] drawn faint. Set the property to false to turn it off. */
  @property({ type: Boolean, reflect: true, attribute: 'dim-citations' }) dimCitations = true;
  @property({ type: Boolean, reflect: true, attribute: 'hide-citations' }) hideCitations = false;
  /** For viewers: no toolbar and no annals-annotate events. */
  @property({ type: Boolean, reflect: true, attribute: 'readonly' }) readonly = false;

  @state() private types: AnnotationType[] = [];
  @state() private toolbarOpen = false;
  /** Others' selections in this text (see setPeers). */
  @state() private peers: Peer[] = [];
  /** The kinds of suggestion the server offers (none for viewers), with how many of each are left. */
  @state() private suggestionKinds: SuggestionKind[] = [];
  @state() private suggestionCounts = new Map<string, number>();
  /** The reader's choice in the legend: ghost marks off altogether, or some kinds hidden. */
  @state() private suggestionsOff = false;
  @state() private hiddenKinds = new Set<string>();
  @state() private currentSuggestion: Suggestion | null = null;

  /** The passages' container; created here, not by the template, so load() works before the first render. */
  private readonly body: HTMLDivElement = document.createElement('div');
  private text = '';
  /** The text being fetched (see load); null once drawn. */
  private loading: Promise<void> | null = null;
  private passages: Passage[] = [];
  private passageEls: HTMLElement[] = [];
  private citations: Span[] = [];
  private typeMap = new Map<string, AnnotationType>();
  private annotations = new Map<string, Annotation>();
  private lanes = new Map<string, number>();
  private ordered: Annotation[] | null = null;
  private currentId: string | null = null;
  private reported: Selected | null = null;
  private debounce = 0;
  /** Passes the reader's selection on to the others, throttled. */
  private readonly sharing = new SelectionShare(SHARE_INTERVAL_MS,
    (selected) => this.fire('annals-share', selected ? { start: selected.s, end: selected.e } : { start: -1, end: -1 }),
    { now: () => performance.now(), later: (run, ms) => window.setTimeout(run, ms), cancel: (h) => window.clearTimeout(h as number) });
  /** Segments whose hover text names others, with the text they had before. */
  private peerTitled = new Map<HTMLElement, string>();
  /** The hits of "find in this source" that are marked (see setFindMarks). */
  private findMarks: FindMarks = { current: null, others: [], scroll: false };
  /** Which covering annotation the last click on a segment opened, so the next click moves on. */
  private lastClick: { key: string; index: number } | null = null;
  /** The suggestions in document order, and by id. */
  private suggestions: Suggestion[] = [];
  private suggestionById = new Map<string, Suggestion>();
  /**
   * The chunks of passages near the visible part of the text (a screen above and below), watched while
   * there are suggestions; null when the browser cannot watch (then every passage counts as near).
   */
  private nearPassages: Set<HTMLElement> | null = null;
  private nearObserver: IntersectionObserver | null = null;
  private suggestionFrame = 0;
  /** The ghost marks drawn now: each suggestion's range and the style whose highlight holds it. */
  private ghostRanges = new Map<string, { range: Range; style: string }>();
  /** One highlight per style, kept for the element's life and changed range by range. */
  private ghostHighlights = new Map<string, RangeSet>();
  /**
   * The chunks of passages in text order. A chunk not drawn yet holds its passages as plain text (one segment
   * each, no highlights): every offset lookup, selection and range works there, only the highlights wait.
   */
  private chunks: Chunk[] = [];
  /** Draws chunks as they come near the view (DRAW_MARGIN). */
  private drawObserver: IntersectionObserver | null = null;
  /** The idle callback drawing the remaining chunks, nearest the view first; 0 when none is pending. */
  private idleDraw = 0;
  /** How many chunks are not drawn yet, and each chunk's index by its element. */
  private undrawn = 0;
  private chunkIndex = new Map<Element, number>();
  /** The chunk last seen near the view: idle drawing works outward from it. */
  private viewChunk = 0;
  /** The annotations by passage index, built when a chunk is drawn; null after any change to the annotations. */
  private byPassage: Map<number, Annotation[]> | null = null;

  constructor() {
    super();
    this.body.className = 'annals-body';
    this.readHiddenKinds();
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    injectStyles(this.ownerDocument);
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'document');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Source text');
    this.ownerDocument.addEventListener('selectionchange', this.onSelectionChange);
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('keyup', this.onReportNow);
    this.addEventListener('mouseup', this.onReportNow);
    this.addEventListener('touchend', this.onTouchEnd);
    this.addEventListener('click', this.onClick);
    this.addEventListener('mousemove', this.onMouseMove);
    // Moved in the page: watching and idle drawing stopped when it was taken out.
    if (this.chunks.some((c) => !c.drawn)) {
      this.watchChunks();
      this.scheduleIdleDraw();
    }
    // Moved in the page after the text was drawn: the highlights taken out of the document's registry when it
    // was taken out (others' selections, find's hits, the ghost marks and the current one) are put back. A view
    // Vaadin moves after building it (the one rendered into the page's first response, should Vaadin move it
    // despite EditorFirstResponse's script) may have drawn its text and suggestions already.
    if (this.passageEls.length > 0) this.restoreHighlights();
  }

  /** Registers again what disconnectedCallback unregistered, from what this element still holds. */
  private restoreHighlights() {
    this.drawPeers();
    this.drawFindMarks();
    if (this.suggestions.length > 0) this.watchPassages();
    this.drawSuggestions(true);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('selectionchange', this.onSelectionChange);
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('keyup', this.onReportNow);
    this.removeEventListener('mouseup', this.onReportNow);
    this.removeEventListener('touchend', this.onTouchEnd);
    this.removeEventListener('click', this.onClick);
    this.removeEventListener('mousemove', this.onMouseMove);
    window.clearTimeout(this.debounce);
    this.sharing.cancel();
    const api = highlightApi();
    if (api) for (let i = 0; i < PEER_SLOTS; i++) api.registry.delete(`annals-peer-${i}`);
    api?.registry.delete(FIND_CURRENT);
    api?.registry.delete(FIND_OTHERS);
    if (api) for (const [css] of SUGGESTION_STYLES) api.registry.delete(`annals-suggest-${css}`);
    this.ghostHighlights.clear();
    this.ghostRanges.clear();
    this.stopWatchingPassages();
    this.stopDrawingLazily();
    cancelAnimationFrame(this.suggestionFrame);
    this.suggestionFrame = 0;
    api?.registry.delete(SUGGEST_CURRENT);
  }

  render() {
    const swatch = (t: AnnotationType) => html`<span class="swatch" style=${styleMap({ background: t.color })}></span>`;
    const key = (t: AnnotationType) => (t.key ? html`<kbd>${t.key}</kbd>` : nothing);
    return html`
      <div class="annals-legend">
        ${this.types.map((t) => html`<span class="legend-item">${swatch(t)}${t.name}${key(t)}</span>`)}
        <span class="legend-item"><span class="state-sample state-vetted">vetted</span></span>
        <span class="legend-item"><span class="state-sample state-pending">pending</span></span>
        <span class="legend-item"><span class="state-sample state-draft">your draft</span></span>
        <span class="legend-item"><span class="state-deleted">deletion proposed</span></span>
        ${this.peers.map((p) => html`<span class="legend-item annals-peer" data-user=${p.id} data-start=${p.s}
            data-end=${p.e} title=${`${p.n} has this selected: “${this.quoteOf(p)}”`}
          ><span class="peer-swatch peer-${peerSlot(p.id)}"></span>${p.n}’s selection</span>`)}
        ${this.renderSuggestionLegend()}
      </div>
      ${this.body}
      <div class="annals-toolbar" role="toolbar" aria-label="Annotate selection" ?hidden=${!this.toolbarOpen || this.readonly}
          @mousedown=${this.keepSelection} @pointerdown=${this.keepSelection}>
        ${this.types.map((t) => html`
          <button type="button" title=${t.key ? `${t.name} (${t.key})` : t.name} @click=${() => this.annotate(t.id)}>
            ${swatch(t)}${t.name}${key(t)}
          </button>`)}
      </div>`;
  }

  /** The legend's part for suggestions: on/off, each kind with its ghost style and count, the keys. */
  private renderSuggestionLegend() {
    if (this.suggestionKinds.length === 0) return nothing;
    const current = this.currentSuggestion;
    return html`<span class="annals-suggestions" role="group" aria-label="Suggestions">
      <label class="legend-item"><input type="checkbox" class="suggest-toggle-all" .checked=${!this.suggestionsOff}
          @change=${(e: Event) => this.setSuggestionsOff(!(e.target as HTMLInputElement).checked)}>Suggestions</label>
      ${this.suggestionKinds.map((k) => html`<label class="legend-item" data-kind=${k.id}>
          <input type="checkbox" class="suggest-toggle" ?disabled=${this.suggestionsOff} .checked=${!this.hiddenKinds.has(k.id)}
            @change=${(e: Event) => this.setKindHidden(k.id, !(e.target as HTMLInputElement).checked)}
          ><span class="suggest-sample suggest-${this.styleOf(k)}">${k.name}</span
          ><span class="suggest-count">${this.suggestionCounts.get(k.id) ?? 0}</span></label>`)}
      ${this.readonly ? nothing : html`<span class="legend-item suggest-keys"><kbd>.</kbd>/<kbd>,</kbd> next/previous
        suggestion · <kbd>a</kbd> accept · <kbd>Shift+A</kbd> accept all of this entity · <kbd>x</kbd> reject ·
        <kbd>Shift+X</kbd> never here</span>`}
      <span class="legend-item suggest-current" aria-live="polite">${current ? `Suggestion: “${
        this.text.slice(current.s, current.e)}” — ${current.l}` : ''}</span>
    </span>`;
  }

  // ------------------------------------------------------------------------------------------
  // API called by the server

  /**
   * Draws a text: JSON of {text, passages, citations, types, annotations}. Without "text" the text
   * is fetched from the URL in the text-src attribute: the server then keeps no copy of a long text
   * in the last response it holds for each page; without "passages", they, the citation markers and
   * the annotations come from doc-src, fetched at the same time. Calls that arrive meanwhile wait. With the
   * text (a source of sample size opened in the app), drawn at once, or right after the first render.
   */
  load(json: string) {
    performance.mark('annals-text-load');
    const data = JSON.parse(json) as LoadData;
    const complete = (doc: Partial<DrawData>): DrawData => ({ passages: doc.passages ?? [], citations: doc.citations ?? [],
      types: data.types ?? [], annotations: doc.annotations ?? [] });
    if (data.text !== undefined) {
      const text = data.text;
      if (this.hasUpdated) {
        this.draw(complete(data), text);
        return;
      }
      // Sent with Vaadin's answer (a source of sample size opened in the app), so it arrives before this element's
      // first render, which puts the passages' container in its place: ranges drawn before that (find's hits, a
      // selection) came out empty. Drawn right after it instead; calls meanwhile wait as they do for the downloads.
      this.loading = this.updateComplete.then(() => this.draw(complete(data), text))
        .finally(() => { this.loading = null; });
      return;
    }
    // The text and (unless sent here) the passages and annotations, fetched side by side: the page's own
    // message stays small however long the source, and neither download waits for the other.
    const docSrc = data.passages === undefined ? this.getAttribute('doc-src') : null;
    const text = fetched(this.getAttribute('text-src'), 'text').then((r) => r.text());
    const doc = docSrc === null ? Promise.resolve(complete(data))
      : fetched(docSrc, 'annotations').then((r) => r.json() as Promise<FetchedDoc>)
        .then((d) => complete({ passages: d.passages, citations: d.citations, annotations: d.annotations.map(expand) }));
    this.loading = Promise.all([text, doc])
      .then(([t, d]) => this.draw(d, t))
      .catch((error: unknown) => {
        this.body.textContent = error instanceof Error ? error.message : String(error);
      })
      .finally(() => { this.loading = null; });
  }

  /** Runs a call now, or once the text being fetched has been drawn. */
  private whenLoaded(call: () => void) {
    if (this.loading) void this.loading.then(call); else call();
  }

  private draw(data: DrawData, text: string) {
    const started = performance.now();
    this.text = text;
    this.passages = [...data.passages].sort((a, b) => a[0] - b[0]);
    this.citations = mergeSpans(data.citations ?? []);
    this.types = data.types ?? [];
    this.typeMap = new Map(this.types.map((t) => [t.id, t]));
    this.annotations = new Map((data.annotations ?? []).map((a) => [a.id, a]));
    this.lanes = assignLanes(this.annotations.values());
    this.ordered = null;
    this.currentId = null;
    this.lastClick = null;
    this.reported = null;
    this.toolbarOpen = false;
    this.byPassage = null;
    // Every passage as plain text first (cheap: one segment each); the chunks near the view then get their
    // highlights at once, the others as they come near or when the browser is idle (see drawChunks).
    const context = this.context();
    this.stopDrawingLazily();
    this.passageEls = [];
    this.body.replaceChildren(this.chunked((_, p) => {
      const el = renderPassage(document, p, [], [], context);
      this.passageEls.push(el);
      return el;
    }));
    this.body.dataset.lazy = 'true';
    this.peerTitled.clear();
    this.drawPeers();
    this.findMarks = { current: null, others: [], scroll: false };
    this.drawFindMarks();
    this.suggestions = [];
    this.suggestionById.clear();
    this.currentSuggestion = null;
    this.stopWatchingPassages();
    this.drawNearView();
    this.drawSuggestions(true);
    this.watchChunks();
    this.scheduleIdleDraw();
    performance.measure('annals-text draw', { start: started, end: performance.now() });
    // The server sends what can wait until the text is on screen (the suggestions) once it hears this, so it is
    // told once the frame with the text and its highlights is made (after that frame's animation callbacks), not
    // before: applying the answer (the side panel's suggestions, tens of KB) otherwise delayed that frame.
    requestAnimationFrame(() => setTimeout(() => this.fire('annals-drawn', {}), 0));
  }

  /**
   * The passages grouped in chunks of about CHUNK_CHARACTERS each. The browser skips the layout and
   * painting of chunks far from the view (content-visibility: auto on the chunk) and keeps track of
   * a few hundred chunks while scrolling, not of every passage: over 11,774 passages that bookkeeping
   * took half the main thread while scrolling a 5 MB source (docs/performance.md, issue 21). A chunk's
   * height before it is first laid out is estimated from its characters and the column's width, so
   * the scroll bar is about right from the start; afterwards the browser remembers the real one.
   */
  private chunked(render: (index: number, passage: Passage) => HTMLElement): DocumentFragment {
    const fragment = document.createDocumentFragment();
    this.chunks = [];
    const perLine = Math.max(20, Math.floor((this.body.clientWidth || 640) / 8));
    let chunk: HTMLDivElement | null = null;
    let characters = 0;
    let lines = 0;
    const close = () => {
      if (!chunk) return;
      chunk.style.setProperty('contain-intrinsic-size', `auto ${Math.ceil(lines)}lh`);
      this.chunks[this.chunks.length - 1].lines = lines;
    };
    this.passages.forEach((p, i) => {
      if (!chunk || characters >= CHUNK_CHARACTERS) {
        close();
        chunk = document.createElement('div');
        chunk.className = 'passage-chunk';
        chunk.dataset.from = String(p[0]);
        fragment.appendChild(chunk);
        this.chunks.push({ el: chunk, first: i, end: i, drawn: false, lines: 0 });
        characters = 0;
        lines = 0;
      }
      chunk.appendChild(render(i, p));
      chunk.dataset.to = String(p[1]);
      this.chunks[this.chunks.length - 1].end = i + 1;
      characters += p[1] - p[0];
      lines += Math.ceil((p[1] - p[0]) / perLine) + 0.5;
    });
    close();
    this.chunkIndex = new Map(this.chunks.map((c, i) => [c.el, i]));
    this.undrawn = this.chunks.length;
    return fragment;
  }

  // ------------------------------------------------------------------------------------------
  // Drawing lazily: building every passage's segments and highlights at once took about a second for
  // 8,026 passages with 20,000 annotations (docs/performance.md, issue 21). Chunks get them when they
  // come near the view, when something needs them (a jump to an annotation, a hit, a suggestion), or in
  // idle time; until then their passages are plain text with the same offsets.

  /**
   * Draws the chunks at the top of the text, as far as about DRAW_MARGIN below the window's height, before the
   * first frame: a new text shows from its start. Their heights are estimated (chunked()): asking the browser would
   * lay out the whole text first. Should the text be scrolled elsewhere, the observer draws what is there.
   */
  private drawNearView() {
    const wanted = 2.5 * (window.innerHeight || 900);
    const near: Chunk[] = [];
    let height = 0;
    for (const chunk of this.chunks) {
      if (height > wanted) break;
      near.push(chunk);
      height += chunk.lines * LINE_PX;
    }
    this.drawChunks(near);
  }

  /**
   * Gives these chunks their segments and highlights, redrawing what pointed into their plain text (the
   * reader's selection, others' selections, find's hits, suggestions) as an upsert does.
   */
  private drawChunks(chunks: readonly Chunk[]) {
    const indexes = new Set<number>();
    for (const chunk of chunks) {
      if (chunk.drawn) continue;
      chunk.drawn = true;
      chunk.el.dataset.drawn = '';
      this.undrawn--;
      this.drawObserver?.unobserve(chunk.el);
      for (let i = chunk.first; i < chunk.end; i++) indexes.add(i);
    }
    this.redraw(indexes);
    if (this.undrawn === 0) this.stopDrawingLazily();
  }

  /** Draws the chunks holding [s, e) now: before scrolling to it or marking its segments. */
  private drawSpan(s: number, e: number) {
    const touched = passagesTouching(this.passages, s, e);
    if (touched.length === 0 || this.undrawn === 0) return;
    const from = this.chunkOf(touched[0]);
    const to = this.chunkOf(touched[touched.length - 1]);
    this.drawChunks(this.chunks.slice(from, to + 1));
  }

  /** The index of the chunk holding the passage with this index. */
  private chunkOf(passage: number): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.chunks[mid].end <= passage) lo = mid + 1; else hi = mid;
    }
    return Math.min(lo, this.chunks.length - 1);
  }

  /** Watches the chunks not drawn yet and draws them as they come within DRAW_MARGIN of the view. */
  private watchChunks() {
    if (this.drawObserver || this.undrawn === 0 || !this.isConnected || typeof IntersectionObserver === 'undefined') return;
    // The text scrolls in its own box in the editor; elsewhere (a page that scrolls) the viewport is the root.
    const overflow = getComputedStyle(this).overflowY;
    const root = overflow === 'auto' || overflow === 'scroll' ? this : null;
    this.drawObserver = new IntersectionObserver((entries) => {
      const near: Chunk[] = [];
      for (const entry of entries) {
        const index = this.chunkIndex.get(entry.target);
        if (!entry.isIntersecting || index === undefined) continue;
        this.viewChunk = index;
        near.push(this.chunks[index]);
      }
      if (near.length > 0) this.drawChunks(near);
    }, { root, rootMargin: DRAW_MARGIN });
    for (const chunk of this.chunks) if (!chunk.drawn) this.drawObserver.observe(chunk.el);
  }

  /** Draws the remaining chunks in the browser's idle time, nearest the view first, a few at a time. */
  private scheduleIdleDraw() {
    if (this.idleDraw !== 0 || this.undrawn === 0 || !this.isConnected) return;
    const run = (deadline: { timeRemaining(): number }) => {
      this.idleDraw = 0;
      do {
        const next = this.nearestUndrawn();
        if (!next) return;
        this.drawChunks([next]);
      } while (deadline.timeRemaining() > IDLE_RESERVE_MS);
      this.scheduleIdleDraw();
    };
    // Safari has no requestIdleCallback: a short pause between chunks instead.
    this.idleDraw = typeof requestIdleCallback === 'function' ? requestIdleCallback(run)
      : window.setTimeout(() => run({ timeRemaining: () => 0 }), 50);
  }

  private nearestUndrawn(): Chunk | null {
    const n = this.chunks.length;
    const from = Math.min(this.viewChunk, n - 1);
    for (let d = 0; d < n; d++) {
      const after = this.chunks[from + d];
      if (after && !after.drawn) return after;
      const before = this.chunks[from - d];
      if (before && !before.drawn) return before;
    }
    return null;
  }

  private stopDrawingLazily() {
    this.drawObserver?.disconnect();
    this.drawObserver = null;
    if (this.idleDraw !== 0) {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleDraw); else window.clearTimeout(this.idleDraw);
      this.idleDraw = 0;
    }
  }

  /** Adds or replaces one annotation (JSON of one annotation). */
  upsert(json: string) {
    this.whenLoaded(() => this.apply([JSON.parse(json) as Annotation], []));
  }

  /** Adds or replaces several annotations (JSON array). */
  upsertMany(json: string) {
    this.whenLoaded(() => this.apply(JSON.parse(json) as Annotation[], []));
  }

  /**
   * Removes one annotation. Called without an id it is still Element.remove(), which this name
   * shadows: code that detaches the element that way must keep working.
   */
  remove(id?: string) {
    if (id === undefined) super.remove(); else this.removeAnnotation(id);
  }

  /** Same as remove(id), under a name that does not shadow Element.remove(). */
  removeAnnotation(id: string) {
    this.whenLoaded(() => this.apply([], [id]));
  }

  /** Removes several annotations (JSON array of ids). */
  removeMany(idsJson: string) {
    this.whenLoaded(() => this.apply([], JSON.parse(idsJson) as string[]));
  }

  /**
   * What others who have this text open have selected: JSON of [{id, n (name), s, e}], replacing
   * what was shown. Ranges outside the text are ignored.
   */
  setPeers(json: string) {
    const peers = JSON.parse(json) as Peer[];
    this.whenLoaded(() => {
      this.peers = validPeers(Array.isArray(peers) ? peers : [], this.text);
      this.drawPeers();
    });
  }

  /**
   * Marks hits of "find in this source": JSON of {current: [s, e] or absent, others: [[s, e], ...],
   * scroll}, replacing what was marked. The server finds them in the whole text; this only draws them,
   * as custom highlights (the text's DOM is left alone), and with scroll brings the current one to the
   * middle of the view, wherever it is in the text.
   */
  setFindMarks(json: string) {
    const data = JSON.parse(json) as unknown;
    this.whenLoaded(() => {
      this.findMarks = validFindMarks(data, this.text);
      this.drawFindMarks();
      if (this.findMarks.scroll && this.findMarks.current) this.scrollToSpan(this.findMarks.current);
    });
  }

  /**
   * The suggestions to draw, replacing those drawn: JSON of {kinds: [{id, name, css}], items: [{id, s,
   * e, k, l}]}. The current one stays current if it is still there.
   */
  setSuggestions(json: string) {
    const data = JSON.parse(json) as { kinds?: unknown; items?: unknown };
    this.whenLoaded(() => {
      this.suggestionKinds = (Array.isArray(data.kinds) ? data.kinds as SuggestionKind[] : [])
        .map((k) => ({ id: String(k.id), name: String(k.name), css: String(k.css) }));
      this.suggestions = validSuggestions(data.items, this.text, new Set(this.suggestionKinds.map((k) => k.id)));
      this.suggestionById = new Map(this.suggestions.map((s) => [s.id, s]));
      const current = this.currentSuggestion && this.suggestionById.get(this.currentSuggestion.id);
      this.currentSuggestion = current ?? null;
      this.suggestionCounts = countByKind(this.suggestions);
      this.dataset.suggestions = String(this.suggestions.length);
      if (this.suggestions.length > 0) this.watchPassages();
      this.drawSuggestions(true);
    });
  }

  /**
   * Removes suggestions (JSON array of ids): accepted, rejected, or covered by an annotation now. When the
   * current one goes, the next one shown after it becomes current (annals-suggestion "current").
   */
  removeSuggestions(idsJson: string) {
    const ids = JSON.parse(idsJson) as string[];
    this.whenLoaded(() => {
      const gone = new Set(Array.isArray(ids) ? ids.map(String) : []);
      if (gone.size === 0) return;
      const current = this.currentSuggestion;
      this.suggestions = this.suggestions.filter((s) => !gone.has(s.id));
      for (const id of gone) this.suggestionById.delete(id);
      this.suggestionCounts = countByKind(this.suggestions);
      this.dataset.suggestions = String(this.suggestions.length);
      if (current && gone.has(current.id)) {
        const next = stepSuggestion(this.suggestions, current, 1, this.shown);
        this.currentSuggestion = null;
        if (next) this.makeCurrentSuggestion(next, true); else this.fire('annals-suggestion', { id: '', action: 'current' });
      }
      this.drawSuggestions();
    });
  }

  /** Marks a suggestion current and brings it into view (the side panel's list). Fires no event. */
  focusSuggestion(id: string) {
    this.whenLoaded(() => {
      const s = this.suggestionById.get(id);
      if (!s) return;
      this.currentSuggestion = s;
      this.drawCurrentSuggestion();
      this.scrollToSuggestion(s);
      const active = this.ownerDocument.activeElement;
      if (!active || active === this.ownerDocument.body || this.contains(active)) this.focus({ preventScroll: true });
    });
  }

  /** Scrolls an annotation to the middle of the view and marks it current. Fires no event. */
  focusAnnotation(id: string) {
    if (this.loading) {
      this.whenLoaded(() => this.focusAnnotation(id));
      return;
    }
    if (!this.annotations.has(id)) return;
    this.setCurrent(id);
    // Keep the keyboard in the text, unless the reader is busy in a field elsewhere.
    const active = this.ownerDocument.activeElement;
    if (!active || active === this.ownerDocument.body || this.contains(active)) this.focus({ preventScroll: true });
  }

  /** Selects [start, end) as if the reader had, and reports it. */
  selectRange(start: number, end: number) {
    if (this.loading) {
      this.whenLoaded(() => this.selectRange(start, end));
      return;
    }
    const selection = this.ownerDocument.getSelection();
    if (!selection) return;
    const [s, e] = snapRange(this.text, start, end);
    const from = e > s ? pointAtOffset(this.passageEls, s, 'start') : null;
    const to = e > s ? pointAtOffset(this.passageEls, e, 'end') : null;
    if (from && to) {
      selection.setBaseAndExtent(from.textNode, from.offsetInNode, to.textNode, to.offsetInNode);
    } else {
      selection.removeAllRanges();
    }
    this.report();
  }

  clearSelection() {
    if (this.reported || this.selectionTouchesText()) this.ownerDocument.getSelection()?.removeAllRanges();
    this.report();
  }

  // ------------------------------------------------------------------------------------------
  // Drawing

  private context(): RenderContext {
    return { text: this.text, types: this.typeMap, lanes: this.lanes, currentId: this.currentId };
  }

  private citationsIn(p: Passage): Span[] {
    const from = firstEndingAfter(this.citations, p[0]);
    let to = from;
    while (to < this.citations.length && this.citations[to].s < p[1]) to++;
    return this.citations.slice(from, to);
  }

  /** Annotations by passage index, for all passages or only the wanted ones. */
  private groupByPassage(annotations: Iterable<Annotation>, wanted: Set<number> | null): Map<number, Annotation[]> {
    const groups = new Map<number, Annotation[]>();
    for (const a of annotations) {
      for (const i of passagesTouching(this.passages, a.s, a.e)) {
        if (wanted && !wanted.has(i)) continue;
        const list = groups.get(i);
        if (list) list.push(a); else groups.set(i, [a]);
      }
    }
    return groups;
  }

  private apply(upserts: Annotation[], removals: string[]) {
    this.byPassage = null;
    const touched = new Set<number>();
    const mark = (a: Annotation) => passagesTouching(this.passages, a.s, a.e).forEach((i) => touched.add(i));
    for (const a of upserts) {
      const old = this.annotations.get(a.id);
      if (old) mark(old);
      this.annotations.set(a.id, a);
      mark(a);
    }
    for (const id of removals) {
      const old = this.annotations.get(id);
      if (!old) continue;
      mark(old);
      this.annotations.delete(id);
      if (this.currentId === id) this.currentId = null;
    }
    // Lanes move only among annotations chained by overlaps to a changed one, so this stays local.
    const lanes = assignLanes(this.annotations.values());
    for (const id of changedLanes(this.lanes, lanes)) {
      const a = this.annotations.get(id);
      if (a) mark(a);
    }
    this.lanes = lanes;
    this.ordered = null;
    this.redraw(touched);
  }

  private redraw(all: Set<number>) {
    // Passages in chunks not drawn yet stay plain text: they get their highlights when their chunk is drawn.
    const indexes = this.undrawn === 0 ? all : new Set([...all].filter((i) => this.chunks[this.chunkOf(i)]?.drawn !== false));
    if (indexes.size === 0) return;
    // Replacing the text nodes would drop the reader's selection; keep it by offsets.
    const selected = this.readSelection();
    this.byPassage ??= this.groupByPassage(this.annotations.values(), null);
    const groups = this.byPassage;
    const context = this.context();
    for (const i of indexes) {
      const el = renderPassage(document, this.passages[i], groups.get(i) ?? [], this.citationsIn(this.passages[i]), context);
      const old = this.passageEls[i];
      old.replaceWith(el);
      this.passageEls[i] = el;
      // The observer watches the chunk around it, which stays: what is near stays near.
    }
    // Only a selection ending in a replaced passage lost its place (chunks drawn far away leave it alone).
    const replaced = (offset: number) => [...indexes].some((i) => this.passages[i][0] <= offset && offset <= this.passages[i][1]);
    if (selected && (replaced(selected.start) || replaced(selected.end))) {
      const from = pointAtOffset(this.passageEls, selected.start, 'start');
      const to = pointAtOffset(this.passageEls, selected.end, 'end');
      if (from && to) this.ownerDocument.getSelection()?.setBaseAndExtent(from.textNode, from.offsetInNode, to.textNode, to.offsetInNode);
    }
    // The ranges of others' selections and of find's hits pointed into the replaced text nodes.
    if (this.peers.length > 0) this.drawPeers();
    if (this.findMarks.current || this.findMarks.others.length > 0) this.drawFindMarks();
    if (this.suggestions.length > 0) {
      // Their ranges pointed into the replaced text nodes: drawn again below.
      const spans = [...indexes].sort((a, b) => a - b).map((i) => ({ s: this.passages[i][0], e: this.passages[i][1] }));
      for (const s of suggestionsStartingIn(this.suggestions, spans)) this.undrawGhost(s.id);
      this.drawSuggestions();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Suggestions

  private shown = (s: Suggestion) => !this.suggestionsOff && !this.hiddenKinds.has(s.k);

  private styleOf(kind: SuggestionKind): string {
    return STYLED_SUGGESTIONS.has(kind.css) ? kind.css : 'other';
  }

  /**
   * Watches which chunks of passages are near the visible part of the text. Only their suggestions get highlight
   * ranges: the browser keeps every range of a highlight up to date and looks them all up again when
   * layout changes, which with two thousand ranges made scrolling (passages laid out as they come near)
   * drop frames; a few dozen near the view cost nothing (see docs/performance.md, issue 18).
   */
  private watchPassages() {
    if (this.nearObserver || typeof IntersectionObserver === 'undefined') return;
    const near = new Set<HTMLElement>();
    this.nearPassages = near;
    this.nearObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        if (entry.isIntersecting) near.add(el); else near.delete(el);
      }
      this.scheduleSuggestions();
    }, { root: this, rootMargin: '100% 0px' });
    for (const el of this.body.children) this.nearObserver.observe(el);
  }

  private stopWatchingPassages() {
    this.nearObserver?.disconnect();
    this.nearObserver = null;
    this.nearPassages = null;
  }

  /** Draws the suggestions in the next frame, once however many passages came near in this one. */
  private scheduleSuggestions() {
    if (this.suggestionFrame) return;
    this.suggestionFrame = requestAnimationFrame(() => {
      this.suggestionFrame = 0;
      this.drawSuggestions();
    });
  }

  /** The suggestions of the passages near the view, or all of them when that is not watched. */
  private nearSuggestions(): readonly Suggestion[] {
    const near = this.nearPassages;
    if (!near) return this.suggestions;
    const spans: Span[] = [];
    for (const el of near) spans.push({ s: Number(el.dataset.from), e: Number(el.dataset.to) });
    spans.sort((a, b) => a.s - b.s);
    return suggestionsStartingIn(this.suggestions, spans);
  }

  /**
   * Paints the shown suggestions near the view, one custom highlight per style, changing only what
   * changed: ranges of suggestions that went or left the view are taken out, those that came are added.
   * Replacing whole highlights whenever a passage came near cost dropped frames while scrolling; so did
   * ranges for every suggestion at once (see docs/performance.md, issue 18). With reset, everything is
   * drawn afresh (a new list of suggestions).
   */
  private drawSuggestions(reset = false) {
    const api = highlightApi();
    if (!api) return;
    if (reset || this.ghostHighlights.size === 0) {
      this.ghostRanges.clear();
      this.ghostHighlights.clear();
      for (const [css] of SUGGESTION_STYLES) {
        const highlight = api.create([]) as RangeSet;
        this.ghostHighlights.set(css, highlight);
        api.registry.set(`annals-suggest-${css}`, highlight);
      }
    }
    const wanted = this.nearSuggestions().filter(this.shown);
    const ids = new Set(wanted.map((s) => s.id));
    for (const id of [...this.ghostRanges.keys()]) if (!ids.has(id)) this.undrawGhost(id);
    const styleOfKind = new Map(this.suggestionKinds.map((k) => [k.id, this.styleOf(k)]));
    for (const s of wanted) {
      if (this.ghostRanges.has(s.id)) continue;
      const range = rangeOf(this.ownerDocument, this.passageEls, s.s, s.e);
      if (!range) continue;
      const style = styleOfKind.get(s.k) ?? 'other';
      this.ghostHighlights.get(style)?.add(range);
      this.ghostRanges.set(s.id, { range, style });
    }
    this.drawCurrentSuggestion();
  }

  private undrawGhost(id: string) {
    const drawn = this.ghostRanges.get(id);
    if (!drawn) return;
    this.ghostHighlights.get(drawn.style)?.delete(drawn.range);
    this.ghostRanges.delete(id);
  }

  private drawCurrentSuggestion() {
    const api = highlightApi();
    if (!api) return;
    const s = this.currentSuggestion;
    const range = s && this.shown(s) ? rangeOf(this.ownerDocument, this.passageEls, s.s, s.e) : null;
    if (range) api.registry.set(SUGGEST_CURRENT, api.create([range])); else api.registry.delete(SUGGEST_CURRENT);
  }

  private makeCurrentSuggestion(s: Suggestion, scroll: boolean) {
    this.currentSuggestion = s;
    this.drawCurrentSuggestion();
    if (scroll) this.scrollToSuggestion(s);
    this.fire('annals-suggestion', { id: s.id, action: 'current' });
  }

  /** Brings a suggestion into view if it is not: its segment first (that lays it out), then centred. */
  private scrollToSuggestion(s: Suggestion) {
    this.drawSpan(s.s, s.e);
    const range = rangeOf(this.ownerDocument, this.passageEls, s.s, s.e);
    if (!range) return;
    const rect = range.getBoundingClientRect();
    const box = this.getBoundingClientRect();
    const visible = rect.height > 0 && rect.top >= Math.max(0, box.top) && rect.bottom <= Math.min(window.innerHeight, box.bottom);
    if (visible) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.centreRange(range);
  }

  /** Next or previous suggestion shown, from the current one, else from where the reader is. */
  private stepSuggestions(delta: number) {
    const current = this.currentSuggestion;
    let from: Suggestion | number | null = current;
    if (!from) {
      const annotation = this.currentId ? this.annotations.get(this.currentId) : undefined;
      from = annotation ? annotation.s : this.firstVisiblePassageStart();
    }
    const next = stepSuggestion(this.suggestions, from, delta, this.shown);
    if (next) this.makeCurrentSuggestion(next, true);
  }

  /** Asks the server to accept or reject the current suggestion; it sends back what disappears. */
  private decideSuggestion(action: 'accept' | 'accept-all' | 'reject' | 'never') {
    const s = this.currentSuggestion;
    if (this.readonly || !s || !this.shown(s)) return;
    this.fire('annals-suggestion', { id: s.id, action });
  }

  private setSuggestionsOff(off: boolean) {
    this.suggestionsOff = off;
    this.keepHiddenKinds();
    this.drawSuggestions();
  }

  private setKindHidden(kind: string, hidden: boolean) {
    const kinds = new Set(this.hiddenKinds);
    if (hidden) kinds.add(kind); else kinds.delete(kind);
    this.hiddenKinds = kinds;
    this.keepHiddenKinds();
    this.drawSuggestions();
  }

  private readHiddenKinds() {
    try {
      const kept = JSON.parse(localStorage.getItem(SUGGESTIONS_HIDDEN_KEY) ?? '{}') as { off?: unknown; kinds?: unknown };
      this.suggestionsOff = kept.off === true;
      this.hiddenKinds = new Set(Array.isArray(kept.kinds) ? kept.kinds.map(String) : []);
    } catch {
      // Nothing kept, or storage refused: every kind is shown.
    }
  }

  private keepHiddenKinds() {
    try {
      localStorage.setItem(SUGGESTIONS_HIDDEN_KEY, JSON.stringify({ off: this.suggestionsOff, kinds: [...this.hiddenKinds] }));
    } catch {
      // Storage refused (private window): the choice lasts for this page.
    }
  }

  private drawFindMarks() {
    const api = highlightApi();
    if (!api) return;
    const doc = this.ownerDocument;
    const { current, others } = this.findMarks;
    const currentRange = current ? rangeOf(doc, this.passageEls, current.s, current.e) : null;
    if (currentRange) api.registry.set(FIND_CURRENT, api.create([currentRange])); else api.registry.delete(FIND_CURRENT);
    const otherRanges = others.map((o) => rangeOf(doc, this.passageEls, o.s, o.e)).filter((r): r is Range => r !== null);
    if (otherRanges.length > 0) api.registry.set(FIND_OTHERS, api.create(otherRanges)); else api.registry.delete(FIND_OTHERS);
  }

  /**
   * Brings [s, e) to the middle of the view. Its segment is scrolled into view first (that also scrolls
   * the page on a phone), then the hit itself is centred within the text's visible box: a segment can
   * be a long paragraph. Passages off screen are laid out only when they come near (content-visibility),
   * with estimated heights until then, so the hit is centred again over the next few frames.
   */
  private scrollToSpan(span: Span) {
    this.drawSpan(span.s, span.e);
    const range = rangeOf(this.ownerDocument, this.passageEls, span.s, span.e);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.centreRange(range);
    let frames = SETTLE_FRAMES;
    const again = () => {
      if (this.findMarks.current?.s !== span.s || this.findMarks.current?.e !== span.e) return;
      this.centreRange(range);
      if (--frames > 0) requestAnimationFrame(again);
    };
    requestAnimationFrame(again);
  }

  private centreRange(range: Range) {
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return;
    const box = this.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (bottom <= top) return;
    const delta = scrollToCentre(rect, top, bottom);
    if (delta !== 0) this.scrollTop += delta;
  }

  /** Paints others' selections as custom highlights, one per tint; needs no change to the text's DOM. */
  private drawPeers() {
    const api = highlightApi();
    if (!api) return;
    const groups = peerRanges(this.ownerDocument, this.passageEls, this.peers);
    for (let slot = 0; slot < PEER_SLOTS; slot++) {
      const ranges = groups.get(slot);
      if (ranges) api.registry.set(`annals-peer-${slot}`, api.create(ranges));
      else api.registry.delete(`annals-peer-${slot}`);
    }
    // Hover texts that named someone are put back; the next mouse move names whoever is there now.
    for (const [segment, title] of this.peerTitled) segment.title = title;
    this.peerTitled.clear();
  }

  private quoteOf(p: Peer): string {
    const quote = this.text.slice(p.s, p.e);
    return quote.length > 80 ? `${quote.slice(0, 79)}…` : quote;
  }

  private segmentsOf(id: string): HTMLElement[] {
    const a = this.annotations.get(id);
    if (!a) return [];
    const found: HTMLElement[] = [];
    for (const i of passagesTouching(this.passages, a.s, a.e)) {
      for (const seg of this.passageEls[i].querySelectorAll<HTMLElement>('[data-ids]')) {
        if (seg.dataset.ids!.split(' ').includes(id)) found.push(seg);
      }
    }
    return found;
  }

  private setCurrent(id: string | null, scroll = true) {
    if (this.currentId) this.segmentsOf(this.currentId).forEach((s) => s.classList.remove('current'));
    this.currentId = id;
    if (!id) return;
    const annotation = this.annotations.get(id);
    if (annotation) this.drawSpan(annotation.s, annotation.e);
    const segments = this.segmentsOf(id);
    segments.forEach((s) => s.classList.add('current'));
    if (scroll) segments[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  // ------------------------------------------------------------------------------------------
  // Selection

  private selectionTouchesText(): boolean {
    const selection = this.ownerDocument.getSelection();
    return !!selection && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(this.body);
  }

  /** The selection as text offsets, clamped to this text and widened off split surrogate pairs. */
  private readSelection(): Selected | null {
    const selection = this.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.body)) return null;
    const start = offsetAtBoundary(this.body, range.startContainer, range.startOffset, 'start');
    const end = offsetAtBoundary(this.body, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null) return null;
    const [s, e] = snapRange(this.text, start, end);
    return e > s ? { start: s, end: e } : null;
  }

  private report() {
    window.clearTimeout(this.debounce);
    const now = this.readSelection();
    this.sharing.offer(now ? { s: now.start, e: now.end } : null);
    if (now) {
      if (!this.reported || this.reported.start !== now.start || this.reported.end !== now.end) {
        this.reported = now;
        this.fire('annals-select', { start: now.start, end: now.end, quote: this.text.slice(now.start, now.end) });
      }
      if (!this.readonly) void this.showToolbar();
    } else {
      this.toolbarOpen = false;
      if (this.reported) {
        this.reported = null;
        this.fire('annals-unselect', {});
      }
    }
  }

  private async showToolbar() {
    this.toolbarOpen = true;
    await this.updateComplete;
    const selection = this.ownerDocument.getSelection();
    if (!this.toolbarOpen || !selection || selection.rangeCount === 0) return;
    const toolbar = this.querySelector<HTMLElement>('.annals-toolbar');
    if (!toolbar) return;
    const rects = selection.getRangeAt(0).getClientRects();
    if (rects.length === 0) return;
    const first = rects[0];
    const last = rects[rects.length - 1];
    const host = this.getBoundingClientRect();
    const height = toolbar.offsetHeight;
    const gap = 6;
    // Above the first line unless that would leave what is visible of the text (the page scrolls the
    // viewport, the text may scroll itself); then below the last line.
    const above = first.top - height - gap >= Math.max(0, host.top);
    // The toolbar is positioned in the text's own coordinates, which move as the text scrolls.
    const top = (above ? first.top - host.top - height - gap : last.bottom - host.top + gap) + this.scrollTop;
    const anchor = above ? first.left : last.left;
    const left = Math.max(0, Math.min(anchor - host.left, host.width - toolbar.offsetWidth)) + this.scrollLeft;
    toolbar.style.top = `${top}px`;
    toolbar.style.left = `${left}px`;
  }

  private annotate(type: string) {
    if (this.readonly) return;
    const selected = this.readSelection();
    if (!selected) return;
    this.fire('annals-annotate', { type, start: selected.start, end: selected.end, quote: this.text.slice(selected.start, selected.end) });
  }

  private cancel() {
    this.clearSelection();
    this.toolbarOpen = false;
    this.fire('annals-cancel', {});
  }

  /** Starts a selection where the reader is looking: the current annotation, else the first visible passage. */
  private startSelection(selection: Selection) {
    const current = this.currentId ? this.annotations.get(this.currentId) : undefined;
    const offset = current ? current.s : this.firstVisiblePassageStart();
    const point = offset === null ? null : pointAtOffset(this.passageEls, offset, 'start');
    if (point) selection.collapse(point.textNode, point.offsetInNode);
  }

  private firstVisiblePassageStart(): number | null {
    let lo = 0;
    let hi = this.passageEls.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.passageEls[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1; else hi = mid;
    }
    const p = this.passages[Math.min(lo, this.passages.length - 1)];
    return p ? p[0] : null;
  }

  private extend(right: boolean, word: boolean) {
    const selection = this.ownerDocument.getSelection();
    if (!selection) return;
    // A caret left by a click is invisible in read-only text, so the current annotation wins over it.
    const inText = selection.rangeCount > 0 && !!selection.focusNode && this.body.contains(selection.focusNode);
    if (!inText || (selection.isCollapsed && this.currentId !== null)) this.startSelection(selection);
    if (!selection.focusNode || !this.body.contains(selection.focusNode)) return;
    // Arrows are visual; in a right-to-left passage ArrowLeft moves forward in the text.
    const focus = selection.focusNode;
    const passage = (focus.nodeType === Node.ELEMENT_NODE ? focus as Element : focus.parentElement)?.closest('.passage');
    const rtl = !!passage && passage.matches(':dir(rtl)');
    selection.modify('extend', right !== rtl ? 'forward' : 'backward', word ? 'word' : 'character');
    this.report();
  }

  // ------------------------------------------------------------------------------------------
  // Navigation

  private documentOrder(): Annotation[] {
    if (!this.ordered) this.ordered = [...this.annotations.values()].sort(compareDocumentOrder);
    return this.ordered;
  }

  private step(delta: number) {
    const order = this.documentOrder();
    if (order.length === 0) return;
    const at = this.currentId === null ? -1 : order.findIndex((a) => a.id === this.currentId);
    const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, at + delta));
    this.setCurrent(order[next].id);
  }

  // ------------------------------------------------------------------------------------------
  // Events

  private fire(name: string, detail: object) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private keepSelection = (event: Event) => event.preventDefault();

  private onSelectionChange = () => {
    window.clearTimeout(this.debounce);
    this.debounce = window.setTimeout(() => this.report(), SELECT_DEBOUNCE_MS);
  };

  private onReportNow = () => this.report();

  /** Names the people who have the character under the pointer selected, in the segment's hover text. */
  private onMouseMove = (event: MouseEvent) => {
    if (this.peers.length === 0 && this.peerTitled.size === 0) return;
    const segment = (event.target as Element).closest?.<HTMLElement>('[data-s]');
    if (!segment || !this.body.contains(segment)) return;
    const offset = this.offsetAtPoint(event.clientX, event.clientY) ?? Number(segment.dataset.s);
    const base = this.peerTitled.get(segment) ?? segment.title;
    const title = withPeers(base, peersAt(this.peers, offset));
    if (title !== base) this.peerTitled.set(segment, base); else this.peerTitled.delete(segment);
    if (segment.title !== title) segment.title = title;
  };

  private offsetAtPoint(x: number, y: number): number | null {
    const doc = this.ownerDocument as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    const position = doc.caretPositionFromPoint?.(x, y);
    if (position) return offsetAtBoundary(this.body, position.offsetNode, position.offset, 'start');
    const range = doc.caretRangeFromPoint?.(x, y);
    return range ? offsetAtBoundary(this.body, range.startContainer, range.startOffset, 'start') : null;
  }

  // The selection settles just after touchend.
  private onTouchEnd = () => {
    window.setTimeout(() => this.report(), 0);
  };

  private onClick = (event: MouseEvent) => {
    const segment = (event.target as Element).closest?.<HTMLElement>('[data-ids]');
    if (!segment || !this.body.contains(segment)) {
      this.clickSuggestion(event);
      return;
    }
    // The click that ends a drag selection is not a request to open.
    if (this.readSelection()) return;
    const ids = segment.dataset.ids!.split(' ');
    const key = `${segment.dataset.s}|${segment.dataset.ids}`;
    const index = this.lastClick?.key === key ? (this.lastClick.index + 1) % ids.length : 0;
    this.lastClick = { key, index };
    this.setCurrent(ids[index], false);
    this.fire('annals-open', { id: ids[index] });
  };

  /** A click on a ghost mark (suggestions never lie on annotated words) makes it the current suggestion. */
  private clickSuggestion(event: MouseEvent) {
    if (this.suggestions.length === 0 || this.readSelection()) return;
    const target = event.target as Element;
    if (!target.closest?.('[data-s]') || !this.body.contains(target)) return;
    const offset = this.offsetAtPoint(event.clientX, event.clientY);
    if (offset === null) return;
    const found = suggestionsAt(this.suggestions, offset, this.shown);
    if (found.length > 0) this.makeCurrentSuggestion(found[0], false);
  }

  private onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as Element;
    if (target !== (this as Element) && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    const key = event.key;
    if (key === 'Escape') {
      event.preventDefault();
      this.cancel();
      return;
    }
    if ((key === 'ArrowRight' || key === 'ArrowLeft') && event.shiftKey && !event.metaKey) {
      event.preventDefault();
      this.extend(key === 'ArrowRight', event.ctrlKey || event.altKey);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest('button') && (key === 'Enter' || key === ' ')) return;
    const type = this.readonly ? undefined : this.types.find((t) => t.key && t.key.toLowerCase() === key.toLowerCase());
    if (type && this.readSelection()) {
      event.preventDefault();
      this.annotate(type.id);
      return;
    }
    switch (key) {
      case '.':
      case ',':
        event.preventDefault();
        this.stepSuggestions(key === '.' ? 1 : -1);
        return;
      case 'a':
      case 'A':
      case 'x':
      case 'X':
        if (this.currentSuggestion) {
          event.preventDefault();
          this.decideSuggestion(key === 'a' ? 'accept' : key === 'A' ? 'accept-all' : key === 'x' ? 'reject' : 'never');
        }
        return;
      default:
    }
    switch (key.toLowerCase()) {
      case 'j':
      case 'n':
        event.preventDefault();
        this.step(1);
        break;
      case 'k':
      case 'p':
        event.preventDefault();
        this.step(-1);
        break;
      case 'enter':
        if (this.currentId) {
          event.preventDefault();
          this.fire('annals-open', { id: this.currentId });
        }
        break;
      default:
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'annals-text': AnnalsText;
  }
}
